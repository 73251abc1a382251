"""From command-line paths to the files to check, and how to show each path."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from methlint.config import DEFAULT_EXCLUDE, Config
from methlint.document import read_head
from methlint.exclusion import Exclusion, GitView

SKIPPED_DIRS = frozenset(DEFAULT_EXCLUDE)


DEFAULT_CONFIG = Config(root=Path("/"))  # no configuration file: the default collections


@dataclass(frozen=True)
class Target:
    fs_path: Path
    display: str


def display_path(path: Path | str, cwd: Path | str) -> str:
    """Relative to the current directory when below it (CI annotations need that), else as given."""
    absolute = os.path.abspath(path)
    base = os.path.abspath(cwd)
    prefix = base.rstrip(os.sep) + os.sep
    if absolute.startswith(prefix):
        return absolute[len(prefix) :].replace(os.sep, "/")
    if absolute == base:
        return "."
    return Path(path).as_posix()


def _looks_like_a_page(path: Path, root: Path | None = None) -> bool:
    """Whether a Markdown file outside collections opens front matter (a Jekyll page)."""
    head = read_head(path, 6, root)  # never blocks: a FIFO named page.md is not waited on
    if head is None:
        return True  # unreadable, not a regular file: let the linter report it
    return head.removeprefix(b"\xef\xbb\xbf").startswith(b"---")


ConfigFor = Callable[[str], Config]


def _default_config(folder: str) -> Config:
    return DEFAULT_CONFIG


class _FolderFilter:
    """Which Markdown files of one folder are documents (the site is looked up once per folder)."""

    def __init__(self, folder: str, config_for: ConfigFor) -> None:
        from methlint.placement import placement_of_folder
        from methlint.site import load_site

        where = placement_of_folder(folder, config_for(folder))
        self.site = None if where.site_root is None else load_site(where.site_root)
        self.root = where.root or Path(folder)  # what a link may not lead out of (confining_root)
        self.prefix = ""
        self.in_collection = where.collection is not None
        if self.site is not None:
            relative = self.site.relative(folder) or ""
            self.prefix = relative + "/" if relative else ""
            self.in_collection = self.in_collection or self.site.collection_of_relative(relative or ".") is not None

    def wanted(self, folder: str, name: str) -> bool:
        """Not what Jekyll skips (excluded, ``_site``, ``_includes``…), and, outside the
        collections, only Markdown opening front matter: Jekyll copies the rest as is (a README)."""
        if self.site is not None and self.site.ignores_relative(self.prefix + name, self.in_collection):
            return False
        return self.in_collection or _looks_like_a_page(Path(folder, name), self.root)


def discover(
    paths: Iterable[Path],
    cwd: Path | None = None,
    config_for: ConfigFor = _default_config,
    force_exclude: bool = False,
    excluding: bool = False,
) -> Iterator[Target]:
    """Files named on the command line are taken as they are; folders give their documents.

    In a folder, ``_site/`` and the site's ``exclude`` are skipped, and a Markdown file
    outside every collection is checked only if it opens front matter (a page): Jekyll
    copies the others as they are (a README), so they are not documents. ``config_for``
    gives the configuration of a folder (its collections). With ``force_exclude``, named
    files go through the same choice (pre-commit names every staged file). With ``excluding``
    (the files to check, not an index of the site), the configuration's ``exclude`` replaces
    the skipped folders, and its ``extend-exclude`` and ``.gitignore`` leave more out
    (:mod:`methlint.exclusion`; raises its ``GitIgnoreError``).
    """
    cwd_text = os.path.abspath(cwd or Path.cwd())
    filters: dict[str, _FolderFilter] = {}  # absolute folder -> its filter
    exclusions: dict[Config, Exclusion] = {}
    git = GitView()

    def exclusion_of(absolute_folder: str) -> Exclusion:
        config = config_for(absolute_folder)
        return exclusions.get(config) or exclusions.setdefault(config, Exclusion(config, git))

    def wanted(absolute_folder: str, name: str) -> bool:
        if absolute_folder not in filters:
            filters[absolute_folder] = _FolderFilter(absolute_folder, config_for)
        if excluding and exclusion_of(absolute_folder).excludes(os.path.join(absolute_folder, name), False):
            return False
        return filters[absolute_folder].wanted(absolute_folder, name)

    def walked(folder: str, names: list[str]) -> list[str]:
        """The subfolders of ``folder`` a walk enters."""
        if not excluding:
            return sorted(d for d in names if d not in SKIPPED_DIRS and not d.startswith("."))
        absolute = os.path.abspath(folder)
        exclusion = exclusion_of(absolute)
        return sorted(
            d for d in names if not d.startswith(".") and not exclusion.excludes(os.path.join(absolute, d), True)
        )

    seen: set[str] = set()
    for path in paths:
        if not path.is_dir():
            key = os.path.abspath(path)
            if key in seen or force_exclude and not _walk_would_find(key, wanted, exclusion_of if excluding else None):
                continue
            seen.add(key)
            yield Target(path, display_path(path, cwd_text))
            continue
        # (sort key, name, folder as walked, its absolute path); paths are built once per folder
        found: list[tuple[tuple[str, ...], str, str, str]] = []
        unlistable: list[OSError] = []  # folders that cannot be read: reported, never skipped silently
        for folder, dirnames, filenames in os.walk(path, onerror=unlistable.append):
            dirnames[:] = walked(folder, dirnames)
            # a directory named like a document is reported, not skipped silently
            names = [name for name in filenames if name.endswith(".md")] + [d for d in dirnames if d.endswith(".md")]
            if names:
                parts = tuple(folder.rstrip(os.sep).split(os.sep))
                absolute = os.path.abspath(folder)
                found.extend(((*parts, name), name, folder, absolute) for name in names)
        for error in unlistable:
            if error.filename is None or os.path.abspath(error.filename) == os.path.abspath(path):
                yield Target(path, display_path(path, cwd_text))  # the folder named is the one unreadable
                continue
            folder, name = os.path.split(error.filename)
            found.append(((*folder.rstrip(os.sep).split(os.sep), name), name, folder, os.path.abspath(folder)))
        found.sort(key=lambda item: item[0])
        shown: dict[str, tuple[Path, str]] = {}  # absolute folder -> (Path as walked, display prefix)
        for _key, name, folder, absolute in found:
            if absolute not in shown:
                display = display_path(folder, cwd_text)
                shown[absolute] = (Path(folder), "" if display == "." else display + "/")
            file_key = absolute.rstrip(os.sep) + os.sep + name  # os.path.join, without its checks
            if file_key in seen or not wanted(absolute, name):
                continue
            seen.add(file_key)
            given, prefix = shown[absolute]
            yield Target(given / name, prefix + name)


def _walk_would_find(
    absolute: str, wanted: Callable[[str, str], bool], exclusion_of: Callable[[str], Exclusion] | None
) -> bool:
    """Whether walking a folder above this file would give it (``--force-exclude``)."""
    folder, name = os.path.split(absolute)
    if not name.endswith(".md") or name.startswith("."):
        return False
    if exclusion_of is not None and exclusion_of(folder).excludes_below_root(absolute):
        return False
    from methlint.site import site_root_of_folder

    root = site_root_of_folder(folder)
    below = os.path.relpath(folder, root) if root is not None else folder
    if any(part in SKIPPED_DIRS or part.startswith(".") and part not in (".", "..") for part in below.split(os.sep)):
        return False
    return wanted(folder, name)
