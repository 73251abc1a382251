"""Where a document is: its Jekyll site, the configured collection it belongs to, and so its schema.

Everything here is decided from the file's absolute location, never from the current folder:
a document gets the same answer whether it is named from the site root, from inside its
collection, by an absolute path or through ``../``. This module is the one place that says
which collection a path belongs to and which schema a collection's documents follow; the
linter, the cross-file index, discovery and the results cache all ask it.

Collection folders are configured as globs (``_outil``, ``content/_outil``) matched from the
right, ``PurePath.match`` style, against a document's folders *below the site*: below the
outermost of its Jekyll site root (the nearest ``_config.yml`` above it) and the folder of
its configuration file. A folder named ``_usage`` above the site never makes its files
usage documents. With neither a site nor a configuration file, the whole absolute path is
matched, and the site is taken to be the collection folder's parent.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path, PurePath

from methlint.config import CollectionRule, Config


@dataclass(frozen=True)
class Placement:
    site_root: Path | None  # the nearest folder at or above the document holding a _config.yml
    collection: CollectionRule | None  # the first configured collection whose folder glob matches
    collection_folder: Path | None  # the folder that glob matched

    @property
    def root(self) -> Path | None:
        """The site: its ``_config.yml`` folder, else the parent of the collection folder."""
        if self.site_root is not None:
            return self.site_root
        return None if self.collection_folder is None else self.collection_folder.parent


def place(path: Path | str, config: Config) -> Placement:
    """Where the file at ``path`` is (it need not exist: the index asks about its folder)."""
    return placement_of_folder(os.path.dirname(os.path.abspath(path)), config)


@functools.lru_cache(maxsize=4096)
def placement_of_folder(folder: str, config: Config) -> Placement:
    """Cached per folder and configuration: every document of a collection asks the same question."""
    from methlint.site import site_root_of_folder

    site_root = site_root_of_folder(folder)
    base = _base(folder, site_root, config)
    parts = PurePath(folder).parts
    below = parts[len(PurePath(base).parts) :] if base is not None else parts
    found = collection_of_folders(below, config)
    if found is None:
        return Placement(site_root, None, None)
    rule, depth = found
    return Placement(site_root, rule, Path(*parts[: len(parts) - len(below) + depth]))


def collection_of_folders(folders: tuple[str, ...], config: Config) -> tuple[CollectionRule, int] | None:
    """The first configured collection matching these folders, and how many of them its folder spans."""
    for rule in config.collections:
        depth = matching_depth(rule.folder, folders)
        if depth is not None:
            return rule, depth
    return None


def _base(folder: str, site_root: Path | None, config: Config) -> str | None:
    """The outermost of the site root and the configuration's folder, when they are above ``folder``."""
    candidates = [str(site_root)] if site_root is not None else []
    if config.source is not None:  # without a file, config.root means nothing about the site
        root = os.path.abspath(config.root)
        if folder == root or folder.startswith(root.rstrip(os.sep) + os.sep):
            candidates.append(root)
    return min(candidates, key=len) if candidates else None


@functools.lru_cache(maxsize=4096)
def matching_depth(pattern: str, folders: tuple[str, ...]) -> int | None:
    """How many of ``folders`` make the shallowest folder that ``pattern`` matches, or None."""
    for depth in range(1, len(folders) + 1):
        if PurePath(*folders[:depth]).match(pattern):
            return depth
    return None


def schema_kind(rule: CollectionRule | None, categorie: object) -> str | None:
    """The schema a document of this collection follows: by its ``categorie``, else the collection's."""
    if rule is None:
        return None
    return next((kind for value, kind in rule.by_categorie if value == categorie), rule.schema)


def site_collection_folders(root: Path, config: Config) -> list[Path]:
    """The configured collection folders of a site: its folders (or those of its
    ``collections_dir``) that the configuration's globs make collections, in configuration order."""
    from methlint.site import load_site

    site = load_site(root) if (root / "_config.yml").is_file() else None
    parent = root / site.collections_dir if site is not None and site.collections_dir else root
    try:
        children = sorted(entry.name for entry in os.scandir(parent) if entry.is_dir(follow_symlinks=False))
    except OSError:
        return []
    found: dict[CollectionRule, list[Path]] = {}
    for name in children:
        where = place(parent / name / "x.md", config)
        if where.collection is not None and where.collection_folder == parent / name:
            found.setdefault(where.collection, []).append(parent / name)
    return [folder for rule in config.collections for folder in found.get(rule, [])]
