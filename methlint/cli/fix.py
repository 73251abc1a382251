"""`methlint fix`: apply the fixes, verified, then report what remains."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

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
    stdin_name,
    stdin_options,
    stdin_run,
    workspace_for,
)
from methlint.i18n import _

if TYPE_CHECKING:
    from methlint.workspace import Run


@click.command()
@stdin_options
@click.option("--unsafe-fixes", is_flag=True, help="Also apply unsafe fixes (and rename titles).")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing.")
@click.option(
    "--show-fixes", is_flag=True, help="List each fix (line, column, rule, what it does), not a count per file."
)
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
    show_fixes: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    jobs: int,
    force_exclude: bool,
    respect_gitignore: bool | None,
    config_path: Path | None,
    stdin_filename: Path | None,
) -> None:
    """Apply the safe fixes, verified, then report what remains."""
    from methlint.fix import RunOutcome, fix_paths, recheck_written, unified_diff, write_outcomes
    from methlint.fix.verdict import label_remaining
    from methlint.reporting import report_fix_run

    workspace = workspace_for(config_path, select, extend_select, ignore, respect_gitignore)
    name = stdin_name(paths, stdin_filename)
    if name is not None:
        if unsafe_fixes:
            raise click.UsageError(
                _("--unsafe-fixes renames references in other documents, which fixing standard input cannot write")
            )
        sys.exit(fix_standard_input(stdin_run(workspace, name, force_exclude), show_diff, show_fixes))
    runs = plan(workspace, paths, force_exclude)
    outcomes = [(run, fix_paths(run.targets, run.config, unsafe=unsafe_fixes, jobs=jobs)) for run in runs]
    if not show_diff:
        for run, outcome in outcomes:
            write_outcomes(outcome)
            recheck_written(outcome, run.config, jobs=jobs)
    fixed = RunOutcome([file for _run, outcome in outcomes for file in outcome.files])
    label_remaining(fixed)  # [*] only on what a next `methlint fix` would apply
    if show_diff:
        diff = "".join(unified_diff(f) for f in fixed.files if f.changed)
        sys.stdout.buffer.write(diff.encode("utf-8"))  # bytes: keep CR and the exact text
        sys.stdout.flush()
        report_fix_run(fixed, sys.stderr, would=True, show_fixes=show_fixes)
    else:
        report_fix_run(fixed, sys.stdout, would=False, show_fixes=show_fixes)
    if fixed.internal_errors:
        sys.exit(EXIT_ERROR)
    if show_diff:
        sys.exit(EXIT_FINDINGS if any(f.changed for f in fixed.files) else EXIT_CLEAN)
    sys.exit(EXIT_FINDINGS if fixed.problems_remain else EXIT_CLEAN)


def fix_standard_input(run: Run | None, show_diff: bool, show_fixes: bool) -> int:
    """``fix -``: the fixed text on standard output (as read when nothing is fixed or the name is
    excluded), or the diff with --diff; what was fixed and what remains on standard error."""
    from methlint.fix import RunOutcome, unified_diff
    from methlint.fix.verdict import label_remaining
    from methlint.reporting import report_fix_run
    from methlint.stdin import fix_stdin, read_stdin

    if run is None:  # --force-exclude leaves the name out: the text passes through, as ruff's
        if not show_diff:
            sys.stdout.buffer.write(sys.stdin.buffer.read())
        return EXIT_CLEAN
    target = run.targets[0]
    doc, raw = read_stdin(sys.stdin.buffer, target.fs_path, target.display, run.config)
    outcome = fix_stdin(doc, run.config)
    if show_diff:
        sys.stdout.buffer.write(unified_diff(outcome).encode("utf-8"))
    else:  # bytes: keep CR, the exact text; the input itself when it could not be read as text
        sys.stdout.buffer.write(outcome.fixed.encode("utf-8") if outcome.changed else raw)
    sys.stdout.flush()
    fixed = RunOutcome([outcome])
    label_remaining(fixed)
    report_fix_run(fixed, sys.stderr, would=show_diff, show_fixes=show_fixes)
    if fixed.internal_errors:
        return EXIT_ERROR
    if show_diff:
        return EXIT_FINDINGS if outcome.changed else EXIT_CLEAN
    return EXIT_FINDINGS if fixed.problems_remain else EXIT_CLEAN
