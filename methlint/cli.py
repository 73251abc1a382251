"""The command line: parse options, build the run, report, choose the exit code. Nothing else."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from methlint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
OUTPUT_FORMATS = ["text", "json", "github", "sarif", "junit"]


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def _set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from methlint.i18n import activate

    if value is not None or not ctx.resilient_parsing:
        activate(value)
    return value


def _language_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--lang",
        type=click.Choice(["fr", "en"]),
        callback=_set_language,
        expose_value=False,
        is_eager=True,
        help="Language of the messages (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG).",
    )(command)


def _config_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Use this methlint.toml or pyproject.toml instead of searching upward from the paths.",
    )(command)


def _jobs_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=0,
        show_default=True,
        help="Processes for large runs (0: one per core; runs under 300 files use one).",
    )(command)


def _selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--select, --extend-select, --ignore: rule codes or prefixes, comma-separated or repeated."""
    for name, text in reversed(
        (
            ("--select", "Only these rule codes or prefixes (comma-separated)."),
            ("--extend-select", "Add these rules to the selection."),
            ("--ignore", "Skip these rule codes or prefixes."),
        )
    ):
        command = click.option(name, multiple=True, help=text)(command)
    return command


def _load_config(config_path: Path | None, paths: Sequence[Path]):
    """The effective configuration, or exit 2 with ``path:line:col: message``."""
    from methlint.config_file import ConfigError, load_config
    from methlint.rules import ALL_RULES

    try:
        return load_config(config_path, paths, [rule.code for rule in ALL_RULES])
    except ConfigError as err:
        click.echo(str(err), err=True)
        sys.exit(EXIT_ERROR)


def _configure(
    config_path: Path | None,
    paths: tuple[Path, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
):
    """The configuration with the command line on top, and the paths to run on."""
    from methlint.i18n import _

    config = _load_config(config_path, paths)
    # the command line wins: --select replaces, --extend-select and --ignore add
    config = config.with_overrides(
        select=_split_codes(select) or None,
        extend_select=(config.extend_select + _split_codes(extend_select)) if extend_select else None,
        ignore=(config.ignore + _split_codes(ignore)) if ignore else None,
    )
    if not paths:
        if not config.content.is_dir():
            raise click.UsageError(_("no path given and no content folder at '{folder}'").format(folder=config.content))
        paths = (config.content,)
    return config, paths


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="methlint")
@_language_option
def cli() -> None:
    """Lint and safely fix Jekyll method documents (YAML front matter + French Markdown)."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--output-format", type=click.Choice(OUTPUT_FORMATS), default="text", show_default=True)
@_selection_options
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record today's findings in this file and exit 0.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Report only the findings not recorded in this baseline.",
)
@click.option("--prune-baseline", is_flag=True, help="With --baseline: drop the entries fixed since.")
@_jobs_option
@click.option("--no-cache", is_flag=True, help="Check every file again; neither read nor write the results cache.")
@click.option(
    "--diff-base",
    metavar="REF",
    help="Report only findings on lines changed since this git ref (and cross-file findings it creates).",
)
@_config_option
@_language_option
def check(
    paths: tuple[Path, ...],
    output_format: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    write_baseline: Path | None,
    baseline_path: Path | None,
    prune_baseline: bool,
    jobs: int,
    no_cache: bool,
    diff_base: str | None,
    config_path: Path | None,
) -> None:
    """Check documents (files or folders; default: the content folder)."""
    from methlint.diagnostics import Severity
    from methlint.discovery import discover
    from methlint.linter import lint_paths
    from methlint.progress import counter
    from methlint.reporting import make_reporter

    if prune_baseline and baseline_path is None:
        raise click.UsageError("--prune-baseline needs --baseline FILE")
    config, paths = _configure(config_path, paths, select, extend_select, ignore)
    targets = list(discover(paths, collection_folders=[c.folder for c in config.collections]))
    shown = counter(len(targets), sys.stderr)
    options = {"jobs": jobs, "progress": shown.advance if shown else None}
    if no_cache:
        result = lint_paths(targets, config, **options)
    else:
        from methlint.cache import lint_cached
        from methlint.i18n import active_language
        from methlint.linter import enabled_rules

        result = lint_cached(targets, config, enabled_rules(config), active_language(), **options)
    if shown is not None:
        shown.close()
    for message in result.internal_errors:
        click.echo(message, err=True)
    if write_baseline is not None:
        from methlint.adoption import write_baseline as record

        click.echo(record(result.diagnostics, write_baseline), err=True)
        sys.exit(EXIT_ERROR if result.internal_errors else EXIT_CLEAN)
    diagnostics = result.diagnostics
    if baseline_path is not None or diff_base is not None:
        from methlint.adoption import narrow
        from methlint.changed_lines import GitError

        try:
            narrowed = narrow(diagnostics, config, baseline_path, prune_baseline, diff_base)
        except (GitError, ValueError) as err:
            raise click.UsageError(str(err)) from err
        diagnostics = narrowed.diagnostics
        for note in narrowed.notes:
            click.echo(note, err=True)
    make_reporter(output_format).report(diagnostics, result.files)
    if result.internal_errors:
        sys.exit(EXIT_ERROR)
    failing = any(d.severity is not Severity.INFO for d in diagnostics)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--unsafe-fixes", is_flag=True, help="Also apply unsafe fixes (and rename titles).")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing.")
@_selection_options
@_jobs_option
@_config_option
@_language_option
def fix(
    paths: tuple[Path, ...],
    unsafe_fixes: bool,
    show_diff: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    jobs: int,
    config_path: Path | None,
) -> None:
    """Apply the safe fixes, verified, then report what remains."""
    from methlint.discovery import discover
    from methlint.fixer import fix_paths, recheck_written, unified_diff, write_outcomes
    from methlint.reporting import report_fix_run

    config, paths = _configure(config_path, paths, select, extend_select, ignore)
    run = fix_paths(
        discover(paths, collection_folders=[c.folder for c in config.collections]),
        config,
        unsafe=unsafe_fixes,
        jobs=jobs,
    )
    if show_diff:
        diff = "".join(unified_diff(f) for f in run.files if f.changed)
        sys.stdout.buffer.write(diff.encode("utf-8"))  # bytes: keep CR and the exact text
        sys.stdout.flush()
        report_fix_run(run, sys.stderr, would=True)
    else:
        write_outcomes(run)
        recheck_written(run, config, jobs=jobs)
        report_fix_run(run, sys.stdout, would=False)
    if run.internal_errors:
        sys.exit(EXIT_ERROR)
    if show_diff:
        sys.exit(EXIT_FINDINGS if any(f.changed for f in run.files) else EXIT_CLEAN)
    sys.exit(EXIT_FINDINGS if run.problems_remain else EXIT_CLEAN)


@cli.command("config")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--output-format", type=click.Choice(["toml", "json"]), default="toml", show_default=True)
@_config_option
@_language_option
def show_config(paths: tuple[Path, ...], output_format: str, config_path: Path | None) -> None:
    """Print the effective configuration for these paths (default: the current folder)."""
    import json

    from methlint.config_file import as_toml, effective

    config = _load_config(config_path, paths)
    if output_format == "json":
        click.echo(json.dumps(effective(config), ensure_ascii=False, indent=2))
    else:
        click.echo(as_toml(config), nl=False)


@cli.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_language_option
def list_rules(output_format: str) -> None:
    """List every rule: code, name, fix availability, default on/off, summary."""
    import json

    from methlint.i18n import _
    from methlint.rules import ALL_RULES

    rows = [
        {
            "code": rule.code,
            "name": rule.name,
            "fix": rule.fix.value,
            "default": "on" if rule.default_enabled else "off",
            "summary": _(rule.summary),
        }
        for rule in ALL_RULES
    ]
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    columns = ["code", "name", "fix", "default"]
    widths = {c: max(len(c), *(len(row[c]) for row in rows)) for c in columns}
    click.echo("  ".join(c.upper().ljust(widths[c]) for c in columns) + "  SUMMARY")
    for row in rows:
        click.echo("  ".join(row[c].ljust(widths[c]) for c in columns) + "  " + row["summary"])


@cli.command()
@click.argument("code")
@_language_option
def explain(code: str) -> None:
    """Show the documentation of a rule, by code (YML001) or name (yaml-syntax)."""
    from methlint.i18n import _
    from methlint.rules import get

    try:
        rule = get(code)
    except KeyError:
        click.echo(_("unknown rule {code!r}: `methlint rules` lists them all").format(code=code), err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"# {rule.code} ({rule.name})\n\n{_(rule.summary)}\n\n{rule.doc.strip()}")


@cli.command()
@click.argument("kind", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "markdown"]),
    default="json",
    show_default=True,
    help="markdown: a table of keys for editors (every document kind without KIND).",
)
@_language_option
def schema(kind: str | None, output_format: str) -> None:
    """Print the JSON Schema of a document kind (method, tool, usage) or of config / output.

    Without KIND, list the schemas available.
    """
    import json

    from methlint.i18n import _
    from methlint.schemas import KINDS, load_schema

    available = {**KINDS, "config": "config.schema.json", "output": "output.schema.json"}
    if output_format == "markdown":
        from methlint.schema_docs import markdown

        kinds = [kind] if kind else list(KINDS)
        if any(k not in KINDS for k in kinds):
            raise click.UsageError(_("choose a document kind: {kinds}").format(kinds=", ".join(KINDS)))
        click.echo("\n".join(markdown(k) for k in kinds), nl=False)
        return
    if kind is None:
        for name, filename in available.items():
            click.echo(f"{name}\t{filename}")
        return
    if kind not in available:
        click.echo(
            _("unknown schema {kind!r}: choose one of {kinds}").format(kind=kind, kinds=", ".join(available)), err=True
        )
        sys.exit(EXIT_ERROR)
    click.echo(json.dumps(load_schema(available[kind]), ensure_ascii=False, indent=2))


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--kind",
    type=click.Choice(["methode", "outil", "usage"]),
    required=True,
    help="The document kind: a method or tool document (in _outil/), or a usage document.",
)
@click.option("--title", required=True, help="The document's title (it is also its identifier).")
@_language_option
def new(path: Path, kind: str, title: str) -> None:
    """Write a new document that follows its schema, with placeholders to fill in."""
    from methlint.i18n import _
    from methlint.scaffold import new_document

    if path.exists():
        raise click.UsageError(_("{path} already exists: methlint new never overwrites a file").format(path=path))
    if not path.parent.is_dir():
        raise click.UsageError(_("the folder {folder} does not exist").format(folder=path.parent))
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(new_document(path, kind, title))
    click.echo(_("Wrote {path}: fill in the places marked 'À compléter', then run methlint check.").format(path=path))


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - never a traceback for the user
        click.echo(f"methlint: internal error: {type(err).__name__}: {err}", err=True)
        sys.exit(EXIT_ERROR)
