"""Where a document is: its Jekyll site, the configured collection it belongs to, and so its schema.

Everything here is decided from the file's absolute location, never from the current folder:
a document gets the same answer whether it is named from the site root, from inside its
collection, by an absolute path or through ``../``. This module is the one place that says
which collection a path belongs to and which contract a document follows (by its collection,
and by the value of the collection's discriminating key, such as ``categorie``); the linter,
the cross-file index, discovery, the results cache and the CMS form all ask it.

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


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: object = _Missing()  # a document without the key


@dataclass(frozen=True)
class Undecided:
    """The collection chooses its contract by the value of a key (``rule.discriminator``), and
    the document lacks it (``value`` is :data:`MISSING` or None), or gives one the
    configuration does not know."""

    rule: CollectionRule
    value: object


def contract_choice(rule: CollectionRule | None, data: object) -> str | Undecided | None:
    """The contract (an id of :mod:`methlint.contracts`) a document of this collection follows,
    from its front matter ``data`` (a mapping, or anything a broken document holds): the
    contract ``by_value`` names for its discriminator's value, else the collection's
    ``schema``; a value ``by_value`` does not know, or no value when there is no ``schema``
    to fall back on, is :class:`Undecided`: the document is checked as no kind of document."""
    if rule is None:
        return None
    if not rule.by_value:
        return rule.schema
    value = data.get(rule.discriminator, MISSING) if isinstance(data, dict) else MISSING
    if value is MISSING or value is None:
        return rule.schema if rule.schema is not None else Undecided(rule, value)
    chosen = next((id for written, id in rule.by_value if type(value) is str and value == written), None)
    return chosen if chosen is not None else Undecided(rule, value)


def contract_of(fs_path: Path | str, data: object, config: Config) -> str | Undecided | None:
    """The contract of the document at ``fs_path`` holding ``data`` (see :func:`contract_choice`)."""
    return contract_choice(place(fs_path, config).collection, data)


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
