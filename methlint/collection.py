"""A cheap index of a site's documents, for the rules that compare a document with its siblings.

pre-commit passes only the changed files, yet a duplicate ``ordre`` or a dangling title can
only be seen against the other documents. So the index reads every document of the site's
collection folders, named on the command line or not, but extracts only the few top-level
keys the cross-file rules need (:data:`INDEXED_KEYS`) with a line scan, not a full YAML
parse: a full parse of every sibling would double the cost of a run.

The linter reads its documents through :meth:`Collection.read`: a sibling read while
indexing that is also to be checked is handed over, and the document being checked is not
read again by the index, so no file is read twice. The file-system listings (for asset
checks) are cached per directory for the run.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from methlint.config import Config
from methlint.discovery import SKIPPED_DIRS, display_path
from methlint.document import Document, read_document
from methlint.front_matter import JekyllLoader
from methlint.jekyll_scalars import MAX_DIGITS
from methlint.placement import contract_choice, place, site_collection_folders

INDEXED_KEYS = ("title", "categorie", "ordre")  # always read; the contracts' declarations add their keys
RETAIN_AT_MOST = 2000  # documents kept in memory between indexing and checking
# a value that may continue on the next lines: the line alone does not say what it is
_CONTINUED = re.compile(r"[ \t]*(?:[|>&!*\[{]|#|$)")


@dataclass(frozen=True)
class Value:
    value: object
    line: int
    column: int
    start: int  # character offsets in the document's text
    end: int


@dataclass(frozen=True)
class Entry:
    """What the cross-file rules know of one document."""

    path: str  # as shown to the user
    fs_key: str  # absolute path, to recognise the document being checked
    folder: str  # the collection folder name (``_outil``)
    values: dict[str, Value] = field(default_factory=dict)

    def get(self, key: str) -> object:
        found = self.values.get(key)
        return None if found is None else found.value

    @property
    def data(self) -> dict[str, object]:
        """The indexed keys the document holds, with their values."""
        return {key: found.value for key, found in self.values.items()}


@functools.lru_cache(maxsize=16)
def indexed_keys(config: Config) -> tuple[str, ...]:
    """The keys the cross-file rules read: :data:`INDEXED_KEYS`, the collections' discriminators,
    and those the contracts' declarations name (``x-unique``, ``where``, ``permalink``)."""
    from methlint.contracts import configured

    keys = list(INDEXED_KEYS)
    for rule in config.collections:
        keys.append(rule.discriminator)
        for id in {rule.schema, *(id for _value, id in rule.by_value)} - {None}:
            declared = configured(str(id), config)
            keys += [k for key, unique in declared.unique.items() for k in (key, *unique.within)]
            for references in declared.references.values():
                keys += [name for name, _values in references.where] + ["permalink"] * (references.by == "permalink")
    return tuple(dict.fromkeys(keys))


@functools.lru_cache(maxsize=16)
def _key_lines(keys: tuple[str, ...]) -> re.Pattern[str]:
    """A top-level line setting one of ``keys``: the key, then the rest of the line."""
    names = "|".join(re.escape(key) for key in keys)
    return re.compile(rf"^({names})[ \t]*:(?:[ \t](.*))?$", re.MULTILINE)


def entry_from_document(
    doc: Document, folder: str, fs_key: str | None = None, keys: tuple[str, ...] = INDEXED_KEYS
) -> Entry:
    """The entry of a document from its full parse (authoritative: used for the checked one).

    ``fs_key`` is its absolute path when the caller knows it."""
    values: dict[str, Value] = {}
    fm = doc.front_matter
    if fm is not None and fm.ok and isinstance(fm.data, dict):
        for key in keys:
            if key not in fm.data:
                continue
            _key, node = fm.node_at((key,))
            assert node is not None  # a key of the data
            start, end = fm.file_offset(node.start_mark), fm.file_offset(node.end_mark)
            values[key] = Value(fm.data[key], *doc.position(start), start, end)
    if fs_key is None:
        fs_key = os.path.abspath(doc.fs_path) if doc.fs_path is not None else doc.path
    return Entry(doc.path, fs_key, folder, values)


def _scan(doc: Document, folder: str, fs_key: str | None = None, keys: tuple[str, ...] = INDEXED_KEYS) -> Entry:
    """The indexed keys by a line scan; a full parse only when a value spans several lines."""
    if fs_key is None:
        assert doc.fs_path is not None  # indexed documents are files
        fs_key = os.path.abspath(doc.fs_path)
    parts = doc.parts
    if parts is None:
        return Entry(doc.path, fs_key, folder)
    values: dict[str, Value] = {}
    text = parts.yaml
    for match in _key_lines(keys).finditer(text):
        rest = match.group(2) or ""
        continues = text[match.end() + 1 : match.end() + 2] in (" ", "\t")
        if continues or _CONTINUED.match(rest) or rest.lstrip()[:1] in ("'", '"') and not _closed_quote(rest):
            return entry_from_document(doc, folder, fs_key, keys)
        value = plain_value(rest)
        if value is NOT_PLAIN:
            try:
                value = yaml.load(match.group(0), Loader=JekyllLoader)[match.group(1)]  # dates stay text
            except (yaml.YAMLError, ValueError, TypeError, KeyError, IndexError, ArithmeticError):
                # what the full parse reports (`!!int x`, an integer of 5,000 digits) it says best
                return entry_from_document(doc, folder, fs_key, keys)
        offset = parts.yaml_offset + match.start(2)
        line = doc.text.count("\n", 0, offset) + 1
        column = offset - doc.text.rfind("\n", 0, offset)
        end = offset + len(rest.rstrip())
        values[match.group(1)] = Value(value, line, column, offset, end)  # the last one wins
    return Entry(doc.path, fs_key, folder, values)


def indexed_values(text: str, keys: tuple[str, ...] = INDEXED_KEYS) -> dict[str, object]:
    """The values of ``keys`` a document's text holds (what other documents read of it)."""
    entry = _scan(Document("", text, Path("x.md")), "", "", keys)
    return {key: value.value for key, value in entry.values.items()}


NOT_PLAIN = object()
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]*)")
# starts with a letter, holds no YAML indicator: YAML 1.1 reads it as this very text,
# unless it is one of the words it turns into booleans or null
_PLAIN_TEXT = re.compile(r"[^\W\d_][^:#'\"\[\]{}|>&*!%@`]*")
_COMMENT = re.compile(r"[ \t]#")
_YAML11_WORDS = frozenset("y n yes no on off true false null".split())


def plain_value(rest: str) -> object:
    """The value of the most common one-line forms without a YAML parser, else NOT_PLAIN."""
    value = rest.strip(" \t\r")
    comment = _COMMENT.search(value)
    if comment is not None:  # `ordre: 12  # keep it unique`: a plain value ends there
        value = value[: comment.start()].rstrip(" \t")
    if _DECIMAL.fullmatch(value) and len(value) <= MAX_DIGITS:
        return int(value)
    if _PLAIN_TEXT.fullmatch(value) and value.casefold() not in _YAML11_WORDS:
        return value
    return NOT_PLAIN


def _closed_quote(rest: str) -> bool:
    value = rest.strip()
    return len(value) > 1 and value[-1] == value[0]


@dataclass(frozen=True)
class Listing:
    """The names in one directory, and which of them are directories or symbolic links."""

    names: frozenset[str]
    dirs: frozenset[str]
    links: frozenset[str]


class Collection:
    """Per-run index of sites, collection folders and directory listings, built on demand."""

    def __init__(self, config: Config, targets: tuple[str, ...] = (), cwd: Path | None = None) -> None:
        self.config = config
        self._keys = indexed_keys(config)
        # absolute paths the linter will ask for; their documents, read while indexing, are kept
        # for it, unless there are so many that keeping them would cost more memory than a
        # second read costs time
        self._targets = set(targets) if len(targets) <= RETAIN_AT_MOST else set()
        self._cwd = Path(os.path.abspath(cwd or Path.cwd()))
        self._cwd_prefix = str(self._cwd).rstrip(os.sep) + os.sep
        self._entries: dict[str, list[Entry]] = {}
        self._unclaimed: dict[str, Document] = {}
        # the documents being checked (the linter checks a group at a time), by absolute path
        self._checking: dict[str, Document] = {}
        self._listings: dict[str, Listing | None] = {}
        self._derived: dict[tuple[str, str], Any] = {}
        self._site_folder_lists: dict[str, list[Path]] = {}

    def derived(self, name: str, key: str, compute: Callable[[], Any]) -> Any:
        """A value computed from the index once per run (titles of a site, …)."""
        if (name, key) not in self._derived:
            self._derived[(name, key)] = compute()
        return self._derived[(name, key)]

    # --- where things are (methlint.placement decides; cached there per folder) ----

    def collection_folder(self, fs_path: Path) -> Path | None:
        """The folder of the configured collection the document belongs to."""
        return place(fs_path, self.config).collection_folder

    def site_root(self, fs_path: Path) -> Path | None:
        """The nearest ancestor with ``_config.yml``, else the parent of the collection folder."""
        return place(fs_path, self.config).root

    def confining_root(self, fs_path: Path | str) -> Path:
        """See :func:`confining_root`."""
        return confining_root(fs_path, self.config)

    def listing(self, directory: Path | str) -> Listing | None:
        """Exact names in a directory (None if it cannot be listed), cached for the run.

        Comparing with a listing, not with ``exists()``, keeps the match case-exact on the
        case-insensitive file systems editors use (macOS, Windows).
        """
        key = str(directory)
        if key not in self._listings:
            try:
                with os.scandir(key) as scan:
                    entries = list(scan)
                self._listings[key] = Listing(
                    frozenset(e.name for e in entries),
                    # never follow a link here: its target may be outside the site
                    frozenset(e.name for e in entries if e.is_dir(follow_symlinks=False)),
                    frozenset(e.name for e in entries if e.is_symlink()),
                )
            except OSError:
                self._listings[key] = None
        return self._listings[key]

    # --- documents ------------------------------------------------------------------

    def entries(self, folder: Path) -> list[Entry]:
        """Every document of a collection folder (subfolders included), indexed once per run."""
        key = os.path.abspath(folder)
        if key not in self._entries:
            self._entries[key] = [self._index(fs_key, folder.name) for fs_key in _documents_under(key)]
        return self._entries[key]

    def site_entries(self, root: Path) -> list[Entry]:
        """Every document of every configured collection folder of a site."""
        entries: list[Entry] = []
        for folder in self._site_folders(root):
            entries.extend(self.entries(folder))
        return entries

    def has_contracts(self, root: Path) -> bool:
        """Whether some collection folder of the site has a schema (its documents follow contracts)."""
        rules = (place(folder / "x.md", self.config).collection for folder in self._site_folders(root))
        return any(rule is not None and (rule.schema is not None or bool(rule.by_value)) for rule in rules)

    def _site_folders(self, root: Path) -> list[Path]:
        key = os.path.abspath(root)
        if key not in self._site_folder_lists:
            self._site_folder_lists[key] = site_collection_folders(Path(key), self.config)
        return self._site_folder_lists[key]

    def prefetch(self, paths: list[Path], workers: int = 1) -> None:
        """Index every collection folder and site of ``paths`` now (before workers fork).

        With several workers and no document to keep for the check, the siblings are read
        and scanned in parallel, and only their entries come back.
        """
        folders: dict[str, Path] = {}
        # one lookup per directory: ten thousand documents live in a handful of folders
        for directory in sorted({os.path.dirname(os.path.abspath(path)) for path in paths}):
            folder = self.collection_folder(Path(directory, "x"))
            if folder is not None:
                folders.setdefault(os.path.abspath(folder), folder)
            root = self.site_root(Path(directory, "x"))
            if root is not None:
                for folder in self._site_folders(root):
                    folders.setdefault(os.path.abspath(folder), folder)
        pending = {key: folder for key, folder in folders.items() if key not in self._entries}
        if workers > 1 and not self._targets and pending:
            self.index_in_parallel(pending, workers)
        for folder in pending.values():
            self.entries(folder)

    def index_in_parallel(self, folders: dict[str, Path], workers: int) -> None:
        global _indexing
        files = {key: _documents_under(key) for key in folders}
        work = [(fs_key, folders[key].name) for key, names in files.items() for fs_key in names]
        size = max(64, len(work) // (workers * 4))
        chunks = [work[start : start + size] for start in range(0, len(work), size)]
        import multiprocessing

        _indexing = self
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                scanned = [entry for part in pool.map(_index_chunk, chunks) for entry in part]
        finally:
            _indexing = None
        position = 0
        for key, names in files.items():
            self._entries[key] = scanned[position : position + len(names)]
            position += len(names)

    def _index(self, fs_key: str, folder: str) -> Entry:
        """The entry of the document at an absolute path."""
        doc = self._checking.get(fs_key)  # a document being checked is already read
        if doc is None:
            fs_path = Path(fs_key)
            doc = read_document(
                fs_path, self._display(fs_key), self.config.max_file_bytes, root=self.confining_root(fs_key)
            )
            if fs_key in self._targets:
                self._unclaimed[fs_key] = doc
        return _scan(doc, folder, fs_key, self._keys)

    def _display(self, fs_key: str) -> str:
        """``display_path`` for an absolute path, without normalising it again."""
        if fs_key.startswith(self._cwd_prefix):
            return fs_key[len(self._cwd_prefix) :].replace(os.sep, "/")
        return display_path(fs_key, self._cwd)

    def read(self, fs_path: Path, display: str) -> Document:
        """A document to check, read once: taken from the index if indexing already read it."""
        key = os.path.abspath(fs_path)
        doc = self._unclaimed.pop(key, None)
        if doc is None:
            doc = read_document(
                fs_path,
                display,
                self.config.max_file_bytes,
                root=self.confining_root(fs_path),
                limits=self.config.limits,
            )
        elif doc.path != display:
            doc = Document(display, doc.text, doc.fs_path, doc.load_problem, doc.limits)
        self._targets.discard(key)  # checked now: never kept for claiming again
        self._checking[key] = doc
        return doc

    def checked(self) -> None:
        """The documents read so far are checked: let them go (the index reads one again if a
        later document's rule needs it)."""
        self._checking.clear()

    def kind(self, entry: Entry) -> str | None:
        """The contract of an indexed document, as :func:`methlint.schemas.kind_for` says (None:
        no contract, or the document does not say which)."""
        choice = contract_choice(place(entry.fs_key, self.config).collection, entry.data)
        return choice if isinstance(choice, str) else None


def confining_root(fs_path: Path | str, config: Config) -> Path:
    """The folder no symbolic link of a document may lead out of: its site (the nearest folder
    with ``_config.yml``, else the parent of its collection folder, as :mod:`methlint.placement`
    says), else the configured content folder when the document is in it, else its own folder.

    Never the current folder: run from ``/``, that would let any link be followed."""
    root = place(fs_path, config).root
    if root is not None:
        return root
    folder = os.path.dirname(os.path.abspath(fs_path))
    if config.content is not None:
        content = os.path.abspath(config.content)
        if folder == content or folder.startswith(content.rstrip(os.sep) + os.sep):
            return Path(content)
    return Path(folder)


def _documents_under(folder: str) -> list[str]:
    """Absolute paths of the Markdown files under a folder, in a stable order."""
    found: list[str] = []
    for directory, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
        found.extend(os.path.join(directory, name) for name in sorted(filenames) if name.endswith(".md"))
    return found


# The collection that forked indexing workers inherit (set just before the pool starts).
_indexing: Collection | None = None


def _index_chunk(work: list[tuple[str, str]]) -> list[Entry]:
    assert _indexing is not None  # set before the pool starts
    return [_indexing._index(fs_key, folder) for fs_key, folder in work]
