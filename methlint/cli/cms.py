"""`methlint cms`: the editors' form. `check` a Decap CMS configuration against the contracts
and the documents; `generate` it from the contracts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from methlint.cli.check import OUTPUT_FORMATS
from methlint.cli.options import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    config_option,
    language_option,
    load_config,
    selection_options,
    split_codes,
)

if TYPE_CHECKING:
    from methlint.config import Config

DEFAULT_CONFIG = Path("admin/config.yml")


@click.group()
@language_option
def cms() -> None:
    """The editors' form (Decap CMS): check it, or generate it from the contracts."""


def _config_file(path: Path | None) -> Path:
    from methlint.i18n import _

    chosen = path or DEFAULT_CONFIG
    if not chosen.is_file():
        raise click.UsageError(_("no CMS configuration at '{path}': name it").format(path=chosen))
    return chosen


@cms.command("check")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output-format", type=click.Choice(OUTPUT_FORMATS), default="text", show_default=True)
@selection_options
@config_option
@language_option
def check_command(
    path: Path | None,
    output_format: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
) -> None:
    """Check a Decap CMS configuration (default: admin/config.yml) against the contracts and the documents."""
    from methlint.cms.check import check_config
    from methlint.i18n import _
    from methlint.linter import enabled_rules
    from methlint.reporting import make_reporter
    from methlint.rules import CMS_RULES

    path = _config_file(path)
    config = load_config(config_path, (path,))
    config = config.with_overrides(
        select=split_codes(select) or None,
        extend_select=(config.extend_select + split_codes(extend_select)) if extend_select else None,
        ignore=(config.ignore + split_codes(ignore)) if ignore else None,
    )
    rules = enabled_rules(config, CMS_RULES)
    if not rules:
        raise click.UsageError(_("no CMS rule is selected: add CMS to --select or to the configuration's select"))
    result = check_config(path, config, rules)
    for message in result.internal_errors:
        click.echo(message, err=True)
    make_reporter(output_format).report(result.diagnostics, 1)
    if result.internal_errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(d.severity.value != "info" for d in result.diagnostics) else EXIT_CLEAN)


@cms.command("generate")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--target", type=click.Choice(["decap"]), default="decap", show_default=True, help="The CMS to write for."
)
@click.option(
    "--check", "check_only", is_flag=True, help="Write nothing; exit 1 when the file is not what it would be."
)
@config_option
@language_option
def generate_command(path: Path | None, target: str, check_only: bool, config_path: Path | None) -> None:
    """Write the CMS configuration (default: admin/config.yml) from the contracts, keeping the rest of the file."""
    import difflib

    from methlint.cms.form import site_root
    from methlint.cms.generate import generate
    from methlint.cms.write import ConfigNotReadable, render
    from methlint.i18n import _

    path = path or DEFAULT_CONFIG
    config = load_config(config_path, (path.parent if path.parent.is_dir() else Path.cwd(),))
    existing = _existing(path, config)
    try:
        written = render(existing, generate(site_root(path), config))
    except ConfigNotReadable as err:
        _not_changed(path, str(err))
    for note in written.notes:
        click.echo(f"{path}: {note}", err=True)
    if check_only:
        if existing == written.text:
            sys.exit(EXIT_CLEAN)
        diff = difflib.unified_diff(
            (existing or "").splitlines(keepends=True), written.text.splitlines(keepends=True), f"a/{path}", f"b/{path}"
        )
        click.echo("".join(diff), nl=False)
        click.echo(_("{path} is not what the contracts give: run `methlint cms generate`").format(path=path), err=True)
        sys.exit(EXIT_FINDINGS)
    if existing != written.text:
        _write(path, written.text, existing)
        click.echo(_("{path} written from the contracts ({target})").format(path=path, target=target), err=True)


def _existing(path: Path, config: Config) -> str | None:
    """The configuration's text, or None without a file; a file methlint does not read as a
    YAML mapping (not UTF-8, too large, beyond the YAML limits, foreign tags) is never rewritten."""
    from methlint.cms.decap import read_config
    from methlint.document import read_document
    from methlint.i18n import _

    if not path.exists():
        return None
    doc = read_document(path, str(path), config.max_file_bytes, limits=config.limits)
    cms = read_config(doc)
    if not cms.readable and (doc.load_problem is not None or doc.text.strip()):
        problem = cms.problems[0]
        _not_changed(path, _(problem.message).format(**problem.values))
    return doc.text


def _not_changed(path: Path, reason: str) -> NoReturn:
    from methlint.i18n import _

    click.echo(
        _("{path}: not changed: {reason} (`methlint cms check` says where)").format(path=path, reason=reason), err=True
    )
    sys.exit(EXIT_FINDINGS)


def _write(path: Path, text: str, existing: str | None) -> None:
    """Through a temporary file in the same folder; never over a file that changed meanwhile."""
    from methlint.fix import write_atomic

    data = text.encode("utf-8")
    if existing is not None:
        write_atomic(path, data, existing.encode("utf-8"), None)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.methlint")
    temporary.write_bytes(data)
    temporary.replace(path)
