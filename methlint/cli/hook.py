"""`methlint hook`: what the pre-commit hook runs."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from methlint.cli.options import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    config_option,
    language_option,
    plan,
    selection_options,
    workspace_for,
)


@click.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, path_type=Path))
@selection_options
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Report only the findings not recorded in this baseline (methlint check --write-baseline).",
)
@config_option
@language_option
def hook(
    files: tuple[Path, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    baseline_path: Path | None,
    config_path: Path | None,
) -> None:
    """Check the staged FILES, and what the staged change breaks in other documents.

    The files `methlint check .` would skip are skipped (a README, `_includes/`). When the
    change alters what other documents depend on (a title, a categorie or an ordre, a
    document or an asset added, deleted or renamed), the findings it creates in them are
    reported too, even with no file named: pre-commit runs the hook on every commit.
    """
    from methlint.changed_lines import GitError
    from methlint.diagnostic_rows import DiagnosticRows, deduplicated_rows, rows_of
    from methlint.diagnostics import Diagnostic, Severity
    from methlint.discovery import display_path
    from methlint.i18n import _
    from methlint.reporting import make_reporter
    from methlint.reporting.display import displayable
    from methlint.staged import dependents
    from methlint.workspace import lint_runs

    workspace = workspace_for(config_path, select, extend_select, ignore)
    runs = plan(workspace, files, force_exclude=True) if files else []
    result = lint_runs(runs)
    try:
        others = dependents(workspace, runs, Path.cwd())
    except GitError as err:
        raise click.UsageError(str(err)) from err
    for message in result.internal_errors:
        click.echo(displayable(message), err=True)
    for root in others.sites:
        message = _("methlint: the staged change alters what other documents depend on: site '{site}' checked")
        click.echo(displayable(message.format(site=display_path(root, Path.cwd()))), err=True)
    diagnostics: Sequence[Diagnostic] = DiagnosticRows(
        deduplicated_rows(rows_of(result.diagnostics) + rows_of(others.findings))
    )
    if baseline_path is not None:
        from methlint.adoption import narrow

        try:
            diagnostics = narrow(diagnostics, runs, baseline_path).diagnostics
        except ValueError as err:
            raise click.UsageError(str(err)) from err
    checked = {os.path.realpath(target.fs_path) for run in runs for target in run.targets} | others.documents
    make_reporter("text").report(diagnostics, len(checked))
    if result.internal_errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(d.severity is not Severity.INFO for d in diagnostics) else EXIT_CLEAN)
