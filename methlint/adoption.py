"""Adopting methlint on a legacy repository: a baseline of known debt, and pull-request mode."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from methlint.baseline import Baseline
from methlint.changed_lines import ChangedLines, Repository
from methlint.cross_file import Site, created_findings, shown_as
from methlint.diagnostics import Diagnostic
from methlint.i18n import ngettext
from methlint.linter import deduplicated
from methlint.placement import place
from methlint.workspace import Run


@dataclass
class Narrowed:
    diagnostics: list[Diagnostic]
    notes: list[str] = field(default_factory=list)  # said on stderr


def write_baseline(diagnostics: Sequence[Diagnostic], path: Path) -> str:
    # every severity: info findings print too, and a baseline that left them out still showed
    # a legacy site's 254 trailing-space lines after --baseline
    recorded = list(diagnostics)
    Baseline.from_diagnostics(recorded).dump(path)
    return ngettext(
        "Wrote {count} finding to the baseline {path}.", "Wrote {count} findings to the baseline {path}.", len(recorded)
    ).format(count=len(recorded), path=path)


def only_changed(diagnostics: Sequence[Diagnostic], runs: Sequence[Run], ref: str, cwd: Path) -> list[Diagnostic]:
    """Findings on lines changed since ``ref`` (where the branch left it), and every finding the
    change creates elsewhere in the sites of the files checked (:mod:`methlint.cross_file`)."""
    from methlint.linter import enabled_rules

    here = Path(os.path.abspath(cwd))
    real = _real_paths(diagnostics, here)
    repositories: dict[str, Repository] = {}  # folder -> its repository, looked up once
    sites: dict[Path, Site] = {}
    for run in runs:
        for target in run.targets:
            root = place(target.fs_path, run.config).root
            folder = str(root or Path(os.path.abspath(target.fs_path)).parent)
            if folder not in repositories:
                repositories[folder] = Repository.around(Path(folder))
            if root is not None and root not in sites:
                sites[root] = Site(root, run.config, enabled_rules(run.config))
    bases = {repository.top: repository.change_base(ref) for repository in repositories.values()}
    changes = ChangedLines()
    for repository in {repository.top: repository for repository in repositories.values()}.values():
        changes.update(repository.changed_lines(bases[repository.top]))
    kept = [d for d in diagnostics if changes.touches(real[d.path], d.span.line)]
    checked = {os.path.realpath(target.fs_path) for run in runs for target in run.targets}
    shown = shown_as([target for run in runs for target in run.targets], here)
    for root, site in sites.items():
        site.now = _findings_of_site(site, diagnostics, real, checked, here)
        repository = repositories[str(root)]
        kept += created_findings(repository, bases[repository.top], site, shown, here)
    return deduplicated(kept)


def _real_paths(diagnostics: Sequence[Diagnostic], cwd: Path) -> dict[str, str]:
    """Each path shown -> the real file (paths are shown relative to the current folder, or as given)."""
    real: dict[str, str] = {}
    for diagnostic in diagnostics:
        if diagnostic.path not in real:
            real[diagnostic.path] = os.path.realpath(os.path.join(cwd, diagnostic.path))
    return real


def _findings_of_site(
    site: Site, diagnostics: Sequence[Diagnostic], real: dict[str, str], checked: set[str], cwd: Path
) -> list[Diagnostic] | None:
    """The run's findings in this site, when the run checked every document of it (else None)."""
    from methlint.discovery import discover

    documents = discover([site.root], cwd, lambda _folder: site.config)
    if not all(os.path.realpath(target.fs_path) in checked for target in documents):
        return None
    inside = os.path.realpath(site.root) + os.sep
    return [d for d in diagnostics if real[d.path].startswith(inside)]


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
                    ngettext(
                        "Removed {count} fixed finding from the baseline {path}.",
                        "Removed {count} fixed findings from the baseline {path}.",
                        fixed.total(),
                    ).format(count=fixed.total(), path=baseline)
                )
            else:
                result.notes.append(
                    ngettext(
                        "{count} baselined finding is fixed: run with --prune-baseline to drop it from {path}.",
                        "{count} baselined findings are fixed: run with --prune-baseline to drop them from {path}.",
                        fixed.total(),
                    ).format(count=fixed.total(), path=baseline)
                )
    if diff_base is not None:
        result.diagnostics = only_changed(result.diagnostics, runs, diff_base, cwd or Path.cwd())
    return result
