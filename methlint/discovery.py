"""From command-line paths to the files to check, and how to show each path."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

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


def _looks_like_a_page(path: Path) -> bool:
    """Whether a Markdown file outside collections opens front matter (a Jekyll page)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(6)
    except OSError:
        return True  # unreadable: let the linter report it
    return head.removeprefix(b"\xef\xbb\xbf").startswith(b"---")


def _wanted(folder: str, name: str, collection_folders: frozenset[str], sites: dict[str, object]) -> bool:
    """Inside a Jekyll site: skip excluded paths and Markdown that Jekyll copies as is."""
    from methlint.site import find_site_root, load_site

    if folder not in sites:
        root = find_site_root(Path(folder))
        sites[folder] = None if root is None else load_site(root)
    site = sites[folder]
    if site is None:
        return True
    path = os.path.join(folder, name)
    relative = site.relative(path)
    if site.excludes_relative(relative):
        return False
    first = (relative or "").split("/", 1)[0]
    if site.collection_of_relative(relative) is not None or first in collection_folders:
        return True
    return _looks_like_a_page(Path(path))


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
        if path.is_dir():
            found: list[tuple[str, str]] = []
            for folder, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
                absolute = os.path.abspath(folder)
                found.extend((absolute, name, folder) for name in filenames if name.endswith(".md"))
                # a directory named like a document is reported, not skipped silently
                found.extend((absolute, d, folder) for d in dirnames if d.endswith(".md"))
            found.sort(key=lambda item: (*os.path.join(item[2], item[1]).split(os.sep),))
            files = [Path(given, name) for absolute, name, given in found if _wanted(absolute, name, folders, sites)]
        else:
            files = [path]
        for file in files:
            key = os.path.abspath(file)
            if key not in seen:
                seen.add(key)
                yield Target(file, display_path(file, cwd_text))
