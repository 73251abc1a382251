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


def display_path(path: Path, cwd: Path) -> str:
    """Relative to the current directory when below it (CI annotations need that), else as given."""
    try:
        return Path(os.path.abspath(path)).relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[Path], cwd: Path | None = None) -> Iterator[Target]:
    """Files named on the command line are taken as they are; folders give their ``*.md`` files."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            found = []
            for folder, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
                found.extend(Path(folder) / name for name in filenames if name.endswith(".md"))
                # a directory named like a document is reported, not skipped silently
                found.extend(Path(folder) / d for d in dirnames if d.endswith(".md"))
            files = sorted(found)
        else:
            files = [path]
        for file in files:
            key = os.path.abspath(file)
            if key not in seen:
                seen.add(key)
                yield Target(file, display_path(file, cwd))
