"""What a change does to the site: the findings it creates, wherever they are.

A renamed title leaves the usage documents that named it with dangling references, a deleted
image leaves a document pointing at nothing, a new ``ordre`` clashes with a neighbour's, a
deleted key leaves a finding on the document's first line: none of those is on a line the
change touched. They are found by checking the whole site twice, as it is and as it was at the
base commit (laid out from git in a temporary folder), and keeping what the base did not have.

A finding is recognised at the base by its file, its rule and the text of its line (whitespace
folded), counted: lines the change moved, or a heading it renamed above them, do not make old
findings new, and a second identical problem on identical text still is one.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

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


def cross_file_rules(rules: Iterable[Rule]) -> list[Rule]:
    """The rules whose findings on a document depend on other files of the site."""
    return [rule for rule in rules if rule.scope is Scope.COLLECTION]


@dataclass
class Site:
    """A site as one run checks it, and what it is now."""

    root: Path
    config: Config
    rules: list[Rule]
    now: list[Diagnostic] | None = None  # its findings with ``rules``, when the run already has them
    documents: set[str] = field(default_factory=set)  # real paths of its documents, once checked here


def created_findings(repository: Repository, commit: str, site: Site, shown: Shown, cwd: Path) -> list[Diagnostic]:
    """The findings of the site's rules that the site did not have at ``commit``."""
    if not site.rules:
        return []
    here = Path(os.path.abspath(cwd))
    now = site.now
    if now is None:
        now = _findings(site.root, site.config, site.rules, shown, here, site.documents)
    if not now:
        return []
    with tempfile.TemporaryDirectory(prefix="methlint-base-") as scratch:
        base_root = repository.lay_out(commit, site.root, Path(scratch))
        real_base, real_root = os.path.realpath(base_root), os.path.realpath(site.root)
        base_files: dict[str, str] = {}  # the work tree's file as shown -> its copy at the base

        def shown_at_base(real: str) -> str:
            if real != real_base and not real.startswith(real_base + os.sep):
                return shown(real)
            display = shown(real_root + real[len(real_base) :])
            base_files[display] = real
            return display

        config = _moved(site.config, repository.top, Path(scratch))
        at_base = _findings(base_root, config, site.rules, shown_at_base, here)
        known = Counter(_keys(at_base, base_files.get))
    created = []
    for diagnostic, key in zip(now, _keys(now, lambda path: os.path.join(here, path)), strict=True):
        if known[key] > 0:
            known[key] -= 1
        else:
            created.append(diagnostic)
    return created


def _findings(
    root: Path, config: Config, rules: list[Rule], shown: Shown, cwd: Path, documents: set[str] | None = None
) -> list[Diagnostic]:
    """The findings of ``rules`` on every document of the site, paths shown by ``shown``."""
    from methlint.linter import lint_paths

    targets = []
    for target in discover([root], cwd, lambda _folder: config):
        real = os.path.realpath(target.fs_path)
        targets.append(Target(target.fs_path, shown(real)))
        if documents is not None:
            documents.add(real)
    result = []
    for diagnostic in lint_paths(targets, config, rules).diagnostics:
        path = shown(os.path.realpath(os.path.join(cwd, diagnostic.path)))
        result.append(diagnostic if path == diagnostic.path else replace(diagnostic, path=path))
    return result


def _keys(diagnostics: Sequence[Diagnostic], file_of: Callable[[str], str | None]) -> list[tuple[str, str, str]]:
    """(path, code, the text of its line with whitespace folded) of each finding."""
    lines: dict[str, list[str]] = {}
    keys = []
    for diagnostic in diagnostics:
        if diagnostic.path not in lines:
            lines[diagnostic.path] = _read_lines(file_of(diagnostic.path))
        text = lines[diagnostic.path]
        index = diagnostic.span.line - 1
        line = " ".join(text[index].split()) if 0 <= index < len(text) else ""
        keys.append((diagnostic.path, diagnostic.code, line))
    return keys


def _read_lines(path: str | None) -> list[str]:
    if path is None:
        return []
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _moved(config: Config, top: Path, scratch: Path) -> Config:
    """The configuration for the base's copy: its folder moved along with the files."""
    root = os.path.realpath(config.root)
    if root != str(top) and not root.startswith(str(top) + os.sep):
        return config
    return replace(config, root=scratch / os.path.relpath(root, top))
