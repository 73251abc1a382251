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
    force_exclude_option,
    gitignore_option,
    jobs_option,
    language_option,
    plan,
    selection_options,
    workspace_for,
)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--unsafe-fixes", is_flag=True, help="Also apply unsafe fixes (and rename titles).")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing.")
@selection_options
@jobs_option
@force_exclude_option
@gitignore_option
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
    force_exclude: bool,
    respect_gitignore: bool | None,
    config_path: Path | None,
) -> None:
    """Apply the safe fixes, verified, then report what remains."""
    from methlint.fix import RunOutcome, fix_paths, recheck_written, unified_diff, write_outcomes
    from methlint.reporting import report_fix_run

    runs = plan(workspace_for(config_path, select, extend_select, ignore, respect_gitignore), paths, force_exclude)
    outcomes = [(run, fix_paths(run.targets, run.config, unsafe=unsafe_fixes, jobs=jobs)) for run in runs]
    if not show_diff:
        for run, outcome in outcomes:
            write_outcomes(outcome)
            recheck_written(outcome, run.config, jobs=jobs)
    fixed = RunOutcome([file for _run, outcome in outcomes for file in outcome.files])
    if show_diff:
        diff = "".join(unified_diff(f) for f in fixed.files if f.changed)
        sys.stdout.buffer.write(diff.encode("utf-8"))  # bytes: keep CR and the exact text
        sys.stdout.flush()
        report_fix_run(fixed, sys.stderr, would=True)
    else:
        report_fix_run(fixed, sys.stdout, would=False)
    if fixed.internal_errors:
        sys.exit(EXIT_ERROR)
    if show_diff:
        sys.exit(EXIT_FINDINGS if any(f.changed for f in fixed.files) else EXIT_CLEAN)
    sys.exit(EXIT_FINDINGS if fixed.problems_remain else EXIT_CLEAN)
