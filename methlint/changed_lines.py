"""`--diff-base REF`: which lines a pull request changed, from git, in display paths."""

from __future__ import annotations

import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from methlint.discovery import display_path

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class GitError(Exception):
    """git is missing, the folder is not a repository, or the base is unknown."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False
        )
    except OSError as err:
        raise GitError(f"cannot run git: {err}") from err
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


@dataclass
class ChangedLines:
    lines: dict[str, set[int]] = field(default_factory=dict)  # display path -> changed line numbers
    whole_files: set[str] = field(default_factory=set)  # new or untracked files

    def touches(self, path: str, line: int) -> bool:
        return path in self.whole_files or line in self.lines.get(path, ())

    def changed_paths(self) -> set[str]:
        return self.whole_files | {p for p, lines in self.lines.items() if lines}


def parse_unified_diff(diff: str) -> dict[str, set[int]]:
    """New-side line numbers of every hunk, per file (``+++ b/path`` headers)."""
    result: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            current = None if target == "/dev/null" else result.setdefault(target[2:], set())
        elif line.startswith("@@") and current is not None:
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                current.update(range(start, start + count))
    return result


def changed_lines(base: str, cwd: Path | None = None) -> ChangedLines:
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], cwd)
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", base, "--"], top)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0")
    result = ChangedLines()
    for path, lines in parse_unified_diff(diff).items():
        result.lines[display_path(top / path, cwd)] = lines
    result.whole_files = {display_path(top / p, cwd) for p in untracked if p}
    return result


def cross_file_baseline_at(base: str, changes: ChangedLines, config, cwd: Path | None = None):
    """A baseline of the cross-file findings of the collections the change touches, at ``base``.

    The base tree of those collection folders is extracted (``git archive``) to a temporary
    folder and linted with the cross-file rules only; paths are shown as in the working tree,
    so fingerprints compare.
    """
    import io
    import tarfile
    import tempfile

    from methlint.discovery import Target
    from methlint.linter import enabled_rules, lint_paths
    from methlint.rules import Scope

    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    folder_names = {rule.folder for rule in config.collections}
    touched: set[str] = set()
    for shown in changes.changed_paths():
        parts = Path(os.path.abspath(cwd / shown)).relative_to(top).parts
        for index, part in enumerate(parts[:-1]):
            if part in folder_names:
                touched.add("/".join(parts[: index + 1]))
                touched.add("/".join([*parts[:index], "_config.yml"]) if index else "_config.yml")
    from methlint.baseline import Baseline

    if not touched:
        return Baseline(Counter())
    listed = _git(["ls-tree", "-r", "--name-only", "-z", base, "--", *sorted(touched)], top).split("\0")
    listed = [name for name in listed if name]
    if not listed:
        return Baseline(Counter())
    archive = subprocess.run(
        ["git", "archive", "--format=tar", base, "--", *listed], cwd=top, capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise GitError(archive.stderr.decode("utf-8", "replace").strip())
    with tempfile.TemporaryDirectory(prefix="methlint-base-") as scratch_dir:
        scratch = Path(scratch_dir)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(scratch, filter="data")
        targets = [Target(scratch / name, display_path(top / name, cwd)) for name in listed if name.endswith(".md")]
        rules = [rule for rule in enabled_rules(config) if rule.scope is Scope.COLLECTION]
        texts = {t.display: t.fs_path for t in targets}

        def read_base(path: str) -> str:
            source = texts.get(path)
            return source.read_text(encoding="utf-8", errors="replace") if source else ""

        return Baseline.from_diagnostics(lint_paths(targets, config, rules).diagnostics, read_base)
