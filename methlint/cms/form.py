"""A Decap configuration's forms, each with the documents it edits and their contracts.

A form is a folder collection (its documents: the files Decap lists in the folder, with the
collection's extension, that pass its ``filter``) or one file of a ``files`` collection. The
site is the nearest folder above the configuration holding ``_config.yml`` (else the folder
above ``admin/``): Decap's paths are relative to it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from methlint.cms.contracts import KeyContract, Kind, kinds_of_folder
from methlint.cms.decap import CmsConfig, Collection, Entry, Field, FileEntry, read_config
from methlint.config import Config
from methlint.document import Document, read_document

FRONT_MATTER_SUFFIXES = (".md", ".markdown", ".html")
DATA_SUFFIXES = (".yml", ".yaml")


@dataclass
class Form:
    owner: Entry  # the collection, or the file entry of a files collection
    collection: Collection
    fields: list[Field]
    where: str  # the folder or the file, from the site root (for messages)
    kinds: list[Kind] = field(default_factory=list)
    exists: bool = True  # the folder or the file is in the site
    documents: int = 0
    keys: dict[str, list[str]] = field(default_factory=dict)  # key -> documents using it (site paths)

    def field_names(self) -> set[str]:
        return {f.name for f in self.fields if f.name is not None}

    def contracts(self, key: str) -> list[KeyContract]:
        """The key's contract in each kind of the form that knows it."""
        return [c for c in (kind.contract(key) for kind in self.kinds) if c is not None]

    def known_keys(self) -> set[str]:
        return {key for kind in self.kinds for key in kind.keys()}

    @property
    def has_body(self) -> bool:
        """Its documents have a Markdown body after the front matter (a field named body edits it)."""
        return self.collection.folder is not None or self.where.endswith(FRONT_MATTER_SUFFIXES)


@dataclass
class Site:
    config: CmsConfig
    root: Path
    forms: list[Form]


def site_root(config_path: Path) -> Path:
    from methlint.site import find_site_root

    found = find_site_root(config_path)
    return found if found is not None else Path(os.path.abspath(config_path)).parent.parent


def read_site(doc: Document, config: Config) -> Site:
    """The forms of the configuration ``doc`` (a file of a site), with their documents."""
    cms = read_config(doc)
    root = site_root(doc.fs_path) if doc.fs_path is not None else Path.cwd()
    forms: list[Form] = []
    for collection in cms.collections:
        if collection.folder is not None:
            forms.append(_folder_form(collection, root, config))
        for entry in collection.files:
            forms.append(_file_form(collection, entry, root, config))
    return Site(cms, root, forms)


def _folder_form(collection: Collection, root: Path, config: Config) -> Form:
    folder = collection.folder or ""
    form = Form(collection, collection, collection.fields, folder, kinds_of_folder(folder, config, collection.filter))
    directory = _inside(root, folder)
    form.exists = directory is not None and directory.is_dir()
    if directory is None or not form.exists:
        return form
    for shown, data in documents_of(
        directory, root, config, str(collection.get("extension", "md")), _depth(collection)
    ):
        if not _passes(data, collection.filter):
            continue
        form.documents += 1
        for key in data:
            form.keys.setdefault(str(key), []).append(shown)
    return form


def documents_of(
    directory: Path, root: Path, config: Config, extension: str = "md", depth: int = 1
) -> list[tuple[str, dict[str, object]]]:
    """(path from the site root, front matter) of the documents Decap lists in a folder, in path
    order; a document whose front matter cannot be read is left out (``methlint check`` reports it)."""
    found = []
    for path in _files_under(directory, f".{extension}", depth):
        data = _front_matter(path, root, config)
        if data is not None:
            found.append((path.relative_to(root).as_posix(), data))
    return found


def _file_form(collection: Collection, entry: FileEntry, root: Path, config: Config) -> Form:
    name = entry.file or ""
    form = Form(entry, collection, entry.fields, name, kinds_of_folder(str(PurePosixPath(name).parent), config))
    path = _inside(root, name)
    form.exists = path is not None and path.is_file()
    if path is None or not form.exists:
        return form
    data = _front_matter(path, root, config) if name.endswith(FRONT_MATTER_SUFFIXES) else None
    if name.endswith(DATA_SUFFIXES):
        data = _yaml_file(path, root, config)
    if data is not None:
        form.documents = 1
        form.keys = {str(key): [name] for key in data}
    return form


def _inside(root: Path, relative: str) -> Path | None:
    """``root / relative`` when it stays inside the site (no ``..`` out, no absolute path)."""
    parts = PurePosixPath(relative).parts
    if not relative or PurePosixPath(relative).is_absolute() or ".." in parts:
        return None
    return root.joinpath(*parts)


def _depth(collection: Collection) -> int:
    nested = collection.get("nested")
    depth = nested.get("depth") if isinstance(nested, dict) else None
    return depth if isinstance(depth, int) and 0 < depth <= 100 else 1


def _files_under(directory: Path, suffix: str, depth: int) -> list[Path]:
    """Decap lists the files of a folder (and of its subfolders down to ``nested.depth``)."""
    found: list[Path] = []
    for current, dirnames, filenames in os.walk(directory):
        level = len(Path(current).relative_to(directory).parts) + 1
        dirnames[:] = sorted(d for d in dirnames if level < depth and not os.path.islink(os.path.join(current, d)))
        found += [Path(current, name) for name in sorted(filenames) if name.endswith(suffix)]
    return found


def _front_matter(path: Path, root: Path, config: Config) -> dict[str, object] | None:
    doc = read_document(path, path.name, config.max_file_bytes, root=root, limits=config.limits)
    data = doc.data
    fm = doc.front_matter
    return data if fm is not None and fm.ok and isinstance(data, dict) else None


def _yaml_file(path: Path, root: Path, config: Config) -> dict[str, object] | None:
    from methlint.front_matter import parse

    doc = read_document(path, path.name, config.max_file_bytes, root=root)
    fm = parse(doc.text, 0, config.limits)
    return fm.data if fm.ok and isinstance(fm.data, dict) else None


def _passes(data: dict[str, object], only: tuple[str, object] | None) -> bool:
    return only is None or data.get(only[0]) == only[1]
