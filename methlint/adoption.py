"""Adopting methlint on a legacy repository: a baseline of known debt, and pull-request mode."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from methlint.baseline import Baseline
from methlint.changed_lines import ChangedLines, Repository
from methlint.config import Config
from methlint.cross_file import created_findings, shown_as
from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _
from methlint.linter import deduplicated
from methlint.placement import place
from methlint.workspace import Run


@dataclass
class Narrowed:
    diagnostics: list[Diagnostic]
    notes: list[str] = field(default_factory=list)  # said on stderr


def write_baseline(diagnostics: Sequence[Diagnostic], path: Path) -> str:
    recorded = [d for d in diagnostics if d.severity is not Severity.INFO]
    Baseline.from_diagnostics(recorded).dump(path)
    return _("Wrote {count} finding(s) to the baseline {path}.").format(count=len(recorded), path=path)


def only_changed(diagnostics: Sequence[Diagnostic], runs: Sequence[Run], ref: str, cwd: Path) -> list[Diagnostic]:
    """Findings on lines changed since ``ref`` (where the branch left it), and the cross-file
    findings the change creates anywhere in the sites of the files checked."""
    shown = shown_as([t for run in runs for t in run.targets], cwd)
    repositories: dict[Path, tuple[Repository, str]] = {}  # site root -> its repository and base commit
    sites: dict[tuple[Config, Path], None] = {}
    for run in runs:
        for target in run.targets:
            root = place(target.fs_path, run.config).root
            folder = root or Path(os.path.abspath(target.fs_path)).parent
            if folder not in repositories:
                repository = Repository.around(folder)
                repositories[folder] = (repository, repository.change_base(ref))
            if root is not None:
                sites.setdefault((run.config, root))
    changes = ChangedLines()
    for repository, commit in {r.top: (r, c) for r, c in repositories.values()}.values():
        changes.update(repository.changed_lines(commit))
    real: dict[str, str] = {}
    kept = []
    for diagnostic in diagnostics:
        if diagnostic.path not in real:
            real[diagnostic.path] = os.path.realpath(os.path.join(cwd, diagnostic.path))
        if changes.touches(real[diagnostic.path], diagnostic.span.line):
            kept.append(diagnostic)
    for config, root in sites:
        repository, commit = repositories[root]
        kept += created_findings(repository, commit, root, config, shown, cwd).findings
    return deduplicated(kept)


def narrow(
    diagnostics: Sequence[Diagnostic],
    runs: Sequence[Run],
    baseline: Path | None = None,
    prune: bool = False,
    diff_base: str | None = None,
    cwd: Path | None = None,
) -> Narrowed:
    result = Narrowed(list(diagnostics))
    if baseline is not None:
        known = Baseline.load(baseline)
        result.diagnostics, fixed = known.filter(result.diagnostics)
        if fixed.total():
            if prune:
                known.without(fixed).dump(baseline)
                result.notes.append(
                    _("Removed {count} fixed finding(s) from the baseline {path}.").format(
                        count=fixed.total(), path=baseline
                    )
                )
            else:
                result.notes.append(
                    _(
                        "{count} baselined finding(s) are fixed: run with --prune-baseline to drop them from {path}."
                    ).format(count=fixed.total(), path=baseline)
                )
    if diff_base is not None:
        result.diagnostics = only_changed(result.diagnostics, runs, diff_base, cwd or Path.cwd())
    return result
