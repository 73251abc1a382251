"""What a change does to the other documents: the cross-file findings it creates.

A renamed title leaves the usage documents that named it with dangling references, a deleted
image leaves a document pointing at nothing, a new ``ordre`` clashes with a neighbour's: those
findings sit on lines the change never touched. They are found by checking the whole site
with the cross-file rules twice, as it is and as it was at the base commit (laid out from git
in a temporary folder), and keeping what the base did not have. A finding is recognised at the
base as a baseline recognises it (rule, file, enclosing key or section, text of its line), so
that lines moved by the change do not make old findings new.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from methlint.baseline import Baseline
from methlint.changed_lines import Repository
from methlint.config import Config
from methlint.diagnostics import Diagnostic
from methlint.discovery import Target, discover, display_path
from methlint.rules import Rule, Scope

# how a file is shown, from its real absolute path: as the run being narrowed showed it
Shown = Callable[[str], str]


def shown_as(targets: Sequence[Target], cwd: Path) -> Shown:
    """Paths shown as these targets show them, others relative to ``cwd`` as discovery would."""
    by_real = {os.path.realpath(t.fs_path): t.display for t in targets}
    here = os.path.abspath(cwd)

    def shown(real: str) -> str:
        return by_real.get(real) or display_path(os.path.relpath(real, here), here)

    return shown


def cross_file_rules(config: Config) -> list[Rule]:
    from methlint.linter import enabled_rules

    return [rule for rule in enabled_rules(config) if rule.scope is Scope.COLLECTION]


@dataclass
class Created:
    findings: list[Diagnostic] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)  # real paths of the site's documents checked


def created_findings(repo: Repository, commit: str, root: Path, config: Config, shown: Shown, cwd: Path) -> Created:
    """The cross-file findings of the site at ``root`` that it did not have at ``commit``."""
    rules = cross_file_rules(config)
    if not rules:
        return Created()
    documents: set[str] = set()
    now = _site_findings(root, config, rules, shown, cwd, documents)
    if not now:
        return Created(documents=documents)
    with tempfile.TemporaryDirectory(prefix="methlint-base-") as scratch:
        base_root = repo.lay_out(commit, root, Path(scratch))
        base_config = _moved(config, repo.top, Path(scratch))
        real_base, real_root = os.path.realpath(base_root), os.path.realpath(root)
        base_files: dict[str, str] = {}  # the path shown for the work tree's file -> its base copy

        def shown_at_base(real: str) -> str:
            if real != real_base and not real.startswith(real_base + os.sep):
                return shown(real)
            display = shown(real_root + real[len(real_base) :])
            base_files[display] = real
            return display

        at_base = _site_findings(base_root, base_config, rules, shown_at_base, cwd)
        known = Baseline.from_diagnostics(at_base, lambda path: _read(base_files.get(path)))
    created, _gone = known.filter(now)
    return Created(created, documents)


def _site_findings(
    root: Path, config: Config, rules: list[Rule], shown: Shown, cwd: Path, documents: set[str] | None = None
) -> list[Diagnostic]:
    """The findings of ``rules`` on every document of the site, paths shown by ``shown``."""
    from methlint.linter import lint_paths

    here = os.path.abspath(cwd)
    targets = []
    for target in discover([root], here, lambda _folder: config):
        real = os.path.realpath(target.fs_path)
        targets.append(Target(target.fs_path, shown(real)))
        if documents is not None:
            documents.add(real)
    found = lint_paths(targets, config, rules).diagnostics
    result = []
    for diagnostic in found:
        path = shown(os.path.realpath(os.path.join(here, diagnostic.path)))
        result.append(diagnostic if path == diagnostic.path else replace(diagnostic, path=path))
    return result


def _moved(config: Config, top: Path, scratch: Path) -> Config:
    """The configuration for the base's copy: its folder moved along with the files."""
    root = os.path.realpath(config.root)
    if root != str(top) and not root.startswith(str(top) + os.sep):
        return config
    return replace(config, root=scratch / os.path.relpath(root, top))


def _read(path: str | None) -> str:
    if path is None:
        return ""
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
