"""From command-line paths to the files to check, and how to show each path."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from methlint.document import read_head

SKIPPED_DIRS = frozenset({"_site", ".git", ".jekyll-cache", "node_modules", "vendor", ".methlint_cache"})


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


class _FolderFilter:
    """Which Markdown files of one walked folder are documents (the site is looked up once per folder)."""

    def __init__(self, folder: str, collection_folders: frozenset[str], sites: dict[str, object]) -> None:
        from methlint.site import find_site_root, load_site

        if folder not in sites:
            root = find_site_root(Path(folder))
            sites[folder] = None if root is None else load_site(root)
        self.site = sites[folder]
        if self.site is not None:
            relative = self.site.relative(folder) or ""
            self.prefix = relative + "/" if relative else ""
            first = relative.split("/", 1)[0]
            self.in_collection = (
                self.site.collection_of_relative(relative or ".") is not None or first in collection_folders
            )

    def wanted(self, folder: str, name: str) -> bool:
        """Inside a Jekyll site: skip excluded paths and Markdown that Jekyll copies as is."""
        if self.site is None:
            return True
        if self.site.excludes_relative(self.prefix + name):
            return False
        return self.in_collection or _looks_like_a_page(Path(folder, name), self.site.root)


def discover(
    paths: Iterable[Path], cwd: Path | None = None, collection_folders: Iterable[str] = ("_outil", "_usage")
) -> Iterator[Target]:
    """Files named on the command line are taken as they are; folders give their documents.

    In a folder, ``_site/`` and the site's ``exclude`` are skipped, and a Markdown file
    outside every collection is checked only if it opens front matter (a page): Jekyll
    copies the others as they are (a README), so they are not documents.
    """
    cwd_text = os.path.abspath(cwd or Path.cwd())
    folders = frozenset(collection_folders)
    sites: dict[str, object] = {}
    seen: set[str] = set()
    for path in paths:
        if not path.is_dir():
            key = os.path.abspath(path)
            if key not in seen:
                seen.add(key)
                yield Target(path, display_path(path, cwd_text))
            continue
        # (sort key, name, folder as walked, its absolute path); paths are built once per folder
        found: list[tuple[tuple[str, ...], str, str, str]] = []
        unlistable: list[OSError] = []  # folders that cannot be read: reported, never skipped silently
        for folder, dirnames, filenames in os.walk(path, onerror=unlistable.append):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
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
        filters: dict[str, _FolderFilter] = {}
        shown: dict[str, tuple[Path, str]] = {}  # absolute folder -> (Path as walked, display prefix)
        for _key, name, folder, absolute in found:
            if absolute not in filters:
                filters[absolute] = _FolderFilter(absolute, folders, sites)
                display = display_path(folder, cwd_text)
                shown[absolute] = (Path(folder), "" if display == "." else display + "/")
            file_key = absolute.rstrip(os.sep) + os.sep + name  # os.path.join, without its checks
            if file_key in seen or not filters[absolute].wanted(absolute, name):
                continue
            seen.add(file_key)
            given, prefix = shown[absolute]
            yield Target(given / name, prefix + name)
