"""`methlint check`: find the problems, report them, choose the exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from methlint.cli.options import (
    EXIT_CLEAN,
    EXIT_ERROR,
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
from methlint.cli.output import check_combination, colour_setting, exit_code, output_options, report_stream

if TYPE_CHECKING:
    from methlint.linter import Result
    from methlint.workspace import Run, Workspace

OUTPUT_FORMATS = ["text", "json", "github", "gitlab", "sarif", "junit"]


@click.command()
@stdin_options
@click.option("--output-format", type=click.Choice(OUTPUT_FORMATS), default="text", show_default=True)
@output_options
@selection_options
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
@jobs_option
@click.option("--no-cache", is_flag=True, help="Check every file again; neither read nor write the results cache.")
@click.option(
    "--diff-base",
    metavar="REF",
    help=(
        "Report only what changed since the branch left this git ref: findings on changed lines,"
        " and those the change creates anywhere in the site."
    ),
)
@force_exclude_option
@gitignore_option
@config_option
@language_option
def check(
    paths: tuple[Path, ...],
    output_format: str,
    output_file: Path | None,
    colour: str,
    statistics: bool,
    quiet: bool,
    exit_zero: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    write_baseline: Path | None,
    baseline_path: Path | None,
    prune_baseline: bool,
    jobs: int,
    no_cache: bool,
    diff_base: str | None,
    force_exclude: bool,
    respect_gitignore: bool | None,
    config_path: Path | None,
    stdin_filename: Path | None,
) -> None:
    """Check documents (files or folders; default: the Jekyll site around the current folder)."""
    from methlint.progress import counter
    from methlint.reporting import ReportOptions, make_reporter
    from methlint.reporting.display import displayable
    from methlint.workspace import lint_runs

    check_combination(output_format, statistics, quiet)
    if prune_baseline and baseline_path is None:
        raise click.UsageError("--prune-baseline needs --baseline FILE")
    workspace = workspace_for(config_path, select, extend_select, ignore, respect_gitignore)
    name = stdin_name(paths, stdin_filename)
    if name is None:
        runs = plan(workspace, paths, force_exclude)
        shown = counter(sum(len(run.targets) for run in runs), sys.stderr)
        result = lint_runs(runs, jobs, not no_cache, shown.advance if shown else None)
        if shown is not None:
            shown.close()
    else:
        runs, result = lint_standard_input(workspace, name, force_exclude)
    for message in result.internal_errors:
        click.echo(displayable(message), err=True)
    if write_baseline is not None:
        from methlint.adoption import write_baseline as record

        click.echo(record(result.diagnostics, write_baseline), err=True)
        sys.exit(EXIT_ERROR if result.internal_errors else EXIT_CLEAN)
    diagnostics = result.diagnostics
    if baseline_path is not None or diff_base is not None:
        from methlint.adoption import narrow
        from methlint.changed_lines import GitError

        try:
            narrowed = narrow(diagnostics, runs, baseline_path, prune_baseline, diff_base)
        except (GitError, ValueError) as err:
            raise click.UsageError(str(err)) from err
        diagnostics = narrowed.diagnostics
        for note in narrowed.notes:
            click.echo(displayable(note), err=True)
    with report_stream(output_file) as out:
        if statistics:
            from methlint.cli.output import write_statistics

            write_statistics(diagnostics, output_format, out)
        else:
            options = ReportOptions(colour=colour_setting(colour), quiet=quiet)
            make_reporter(output_format, out, options=options).report(diagnostics, result.files)
    sys.exit(exit_code(diagnostics, bool(result.internal_errors), exit_zero))


def lint_standard_input(workspace: Workspace, name: Path, force_exclude: bool) -> tuple[list[Run], Result]:
    """Standard input checked as the document ``name`` (nothing, when --force-exclude leaves it out)."""
    from methlint.linter import Result
    from methlint.stdin import lint_stdin, read_stdin

    run = stdin_run(workspace, name, force_exclude)
    if run is None:
        return [], Result()
    target = run.targets[0]
    doc, _raw = read_stdin(sys.stdin.buffer, target.fs_path, target.display, run.config)
    return [run], lint_stdin(doc, run.config)
