"""What a folder walk leaves out, as ruff does: the configuration's ``exclude`` (which replaces the
default list) and ``extend-exclude`` (which adds to it), and the files git ignores.

A pattern without ``/`` matches a file's or a folder's name anywhere below the configuration's
folder (``drafts``, ``*.old.md``); a pattern with ``/`` matches the path from that folder
(``_outil/archive/*``). ``.gitignore`` (and ``.git/info/exclude``, and git's global excludes
file) is read by git itself, once per repository and run, when the walked folder is inside a
git working tree and ``respect-gitignore`` is on: its rules are git's, so they are asked of git
rather than imitated. As in ruff, a file that git tracks but a pattern ignores is left out too.
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
from pathlib import Path

from methlint.config import Config
from methlint.i18n import _


class GitIgnoreError(Exception):
    """git could not say what it ignores: the walk cannot respect .gitignore as configured."""


class Exclusion:
    """The exclusions of one configuration."""

    def __init__(self, config: Config, git: GitView) -> None:
        self.git = git
        self.root = os.path.abspath(config.root)
        patterns = config.exclude + config.extend_exclude
        self.names = tuple(p for p in patterns if "/" not in p.strip("/"))
        self.paths = tuple(p.strip("/") for p in patterns if "/" in p.strip("/"))
        self.respect_gitignore = config.respect_gitignore

    def excludes(self, absolute: str, is_dir: bool) -> bool:
        """Whether a walk leaves this file or folder out."""
        name = os.path.basename(absolute)
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in self.names):
            return True
        if self.paths:
            relative = os.path.relpath(absolute, self.root).replace(os.sep, "/")
            if not relative.startswith("../") and any(fnmatch.fnmatchcase(relative, p) for p in self.paths):
                return True
        if self.respect_gitignore:
            ignored = self.git.ignored_around(os.path.dirname(absolute))
            if ignored is not None:
                return ignored.excludes(absolute, is_dir)
        return False

    def excludes_below_root(self, absolute: str) -> bool:
        """Whether a walk from the configuration's folder (or the file's repository) would leave
        this file out, the file or one of its folders being excluded (``--force-exclude``)."""
        if self.excludes(absolute, False):
            return True
        folder = os.path.dirname(absolute)
        while folder != os.path.dirname(folder) and os.path.commonpath([folder, self.root]) == self.root:
            if folder != self.root and self.excludes(folder, True):
                return True
            folder = os.path.dirname(folder)
        return False


class GitView:
    """What git ignores, asked once per working tree during one walk."""

    def __init__(self) -> None:
        self._repositories: dict[str, str | None] = {}
        self._ignored: dict[str, _Ignored] = {}

    def repository_of(self, folder: str) -> str | None:
        """The working tree holding ``folder`` (the nearest folder with ``.git``), or None."""
        if folder not in self._repositories:
            parent = os.path.dirname(folder)
            if os.path.exists(os.path.join(folder, ".git")):
                self._repositories[folder] = folder
            else:
                self._repositories[folder] = None if parent == folder else self.repository_of(parent)
        return self._repositories[folder]

    def ignored_around(self, folder: str) -> _Ignored | None:
        """What git ignores in the working tree holding ``folder``; None outside one."""
        repository = self.repository_of(folder)
        if repository is None:
            return None
        if repository not in self._ignored:
            self._ignored[repository] = git_ignored(repository)
        return self._ignored[repository]


class _Ignored:
    """The paths git ignores in one working tree (folders end with ``/``)."""

    def __init__(self, root: str, listed: set[str]) -> None:
        self.root = root
        self.listed = listed

    def excludes(self, absolute: str, is_dir: bool) -> bool:
        relative = os.path.relpath(absolute, self.root).replace(os.sep, "/")
        if relative.startswith("../"):
            return False
        if (relative + "/" if is_dir else relative) in self.listed:
            return True
        parts = relative.split("/")
        return any("/".join(parts[:depth]) + "/" in self.listed for depth in range(1, len(parts)))


def git_ignored(root: str) -> _Ignored:
    """What git ignores in the working tree at ``root``: the untracked files and folders its
    exclude rules match, and the tracked files they match (ruff leaves those out too)."""
    listed: set[str] = set()
    for kind in (("--others", "--directory"), ("--cached",)):
        command = ["git", "-C", root, "ls-files", "-z", "--ignored", "--exclude-standard", *kind]
        try:
            done = subprocess.run(command, capture_output=True, check=False, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise GitIgnoreError(_git_message(root, str(err))) from err
        if done.returncode != 0:
            raise GitIgnoreError(_git_message(root, done.stderr.decode("utf-8", "replace").strip()))
        listed.update(os.fsdecode(path) for path in done.stdout.split(b"\0") if path)
    return _Ignored(root, listed)


def _git_message(root: str, error: str) -> str:
    return _(
        "cannot read what git ignores in {root} ({error}); run with --no-respect-gitignore"
        " or set respect-gitignore = false to check without it"
    ).format(root=Path(root).as_posix(), error=error)
