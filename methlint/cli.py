"""The command line: parse options, build the run, report, choose the exit code. Nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from methlint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="methlint")
def cli() -> None:
    """Lint and safely fix Jekyll method documents (YAML front matter + French Markdown)."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add these rules to the selection.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
def check(paths: tuple[Path, ...], output_format: str, select: tuple[str, ...],
          extend_select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    """Check documents (files or folders; default: the content folder)."""
    from methlint.config import Config
    from methlint.diagnostics import Severity
    from methlint.discovery import discover
    from methlint.linter import lint_paths
    from methlint.reporting import make_reporter

    config = Config().with_overrides(
        select=_split_codes(select) or None,
        extend_select=_split_codes(extend_select) or None,
        ignore=_split_codes(ignore) or None,
    )
    if not paths:
        if not config.content.is_dir():
            raise click.UsageError(f"no path given and no content folder at '{config.content}'")
        paths = (config.content,)
    result = lint_paths(discover(paths), config)
    make_reporter(output_format).report(result.diagnostics, result.files)
    for message in result.internal_errors:
        click.echo(message, err=True)
    if result.internal_errors:
        sys.exit(EXIT_ERROR)
    failing = any(d.severity is not Severity.INFO for d in result.diagnostics)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--unsafe-fixes", is_flag=True, help="Also apply unsafe fixes (and rename titles).")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated)")
@click.option("--extend-select", multiple=True, help="Add these rules to the selection.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
def fix(paths: tuple[Path, ...], unsafe_fixes: bool, show_diff: bool, select: tuple[str, ...],
        extend_select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    """Apply the safe fixes, verified, then report what remains."""
    from methlint.config import Config
    from methlint.discovery import discover
    from methlint.fixer import fix_paths, unified_diff, write_outcomes
    from methlint.reporting import report_fix_run

    config = Config().with_overrides(
        select=_split_codes(select) or None,
        extend_select=_split_codes(extend_select) or None,
        ignore=_split_codes(ignore) or None,
    )
    if not paths:
        if not config.content.is_dir():
            raise click.UsageError(f"no path given and no content folder at '{config.content}'")
        paths = (config.content,)
    run = fix_paths(discover(paths), config, unsafe=unsafe_fixes)
    if show_diff:
        diff = "".join(unified_diff(f) for f in run.files if f.changed)
        sys.stdout.buffer.write(diff.encode("utf-8"))  # bytes: keep CR and the exact text
        sys.stdout.flush()
        report_fix_run(run, sys.stderr, would=True)
    else:
        write_outcomes(run)
        report_fix_run(run, sys.stdout, would=False)
    if run.internal_errors:
        sys.exit(EXIT_ERROR)
    if show_diff:
        sys.exit(EXIT_FINDINGS if any(f.changed for f in run.files) else EXIT_CLEAN)
    sys.exit(EXIT_FINDINGS if run.problems_remain else EXIT_CLEAN)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - never a traceback for the user
        click.echo(f"methlint: internal error: {type(err).__name__}: {err}", err=True)
        sys.exit(EXIT_ERROR)
