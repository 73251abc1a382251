"""`methlint fix`: apply the fixes, verified, then report what remains."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from methlint.cli.options import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    config_option,
    configure,
    jobs_option,
    language_option,
    selection_options,
)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--unsafe-fixes", is_flag=True, help="Also apply unsafe fixes (and rename titles).")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing.")
@selection_options
@jobs_option
@config_option
@language_option
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
    from methlint.fix import fix_paths, recheck_written, unified_diff, write_outcomes
    from methlint.reporting import report_fix_run

    config, paths = configure(config_path, paths, select, extend_select, ignore)
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
