"""`methlint cms`: the editors' form. `check` a Decap CMS configuration against the contracts
and the documents; `generate` it from the contracts."""

from __future__ import annotations

import sys
from pathlib import Path

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
