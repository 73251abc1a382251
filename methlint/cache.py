"""A results cache for `methlint check`, so that a run where nothing changed costs little more
than reading the files.

A file's findings are reused when three things are unchanged:

- its bytes (a hash, not the modification time: a checkout or a `touch` changes nothing),
- the run: methlint's version and its code (the name, size and modification time of each of
  its files: a source checkout edits rules without a new version number), the effective
  configuration, the rules, the language of the messages, today's date (the date rule looks at
  the future) and the current folder (paths are shown relative to it),
- its site's *environment*, everything the cross-file rules read: the `_config.yml` bytes, the
  name (and kind, and link target) of every file and folder of the site, and the `title`,
  `categorie` and `ordre` of every document of the site's collections, with their line and
  column (messages quote them), and the text of its layouts, includes and pages (what the
  layout-aware rules read). Those per-document facts are cached by bytes too, so that
  checking whether the environment changed reads the documents but parses none of them.

When the environment changes (a new image, an `ordre` edited somewhere), every document of that
site is checked again. The site's listing skips the contents of the folders discovery skips
(``_site``, ``.git``, ``vendor``, hidden folders…): a document pointing into those is the one
case a cached run can miss a change.

The cache is one file per site and run key in the user's cache folder, never in the repository,
signed with a key of the user's, and checked field by field when read (:mod:`methlint.cache_store`
says where and how, docs/design.md why): a file a repository made or edited is never trusted.
It is safe to delete. Findings are kept as rows (:mod:`methlint.diagnostic_rows`): a warm run
never builds them as objects for the text output.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from methlint import __version__
from methlint.cache_store import Store, cache_root
from methlint.config import Config
from methlint.diagnostic_rows import (
    ROW_SIZE,
    DiagnosticRows,
    Row,
    deduplicated_rows,
    merged_rows,
    rows_from_flat,
    rows_of,
)
from methlint.discovery import SKIPPED_DIRS, Target
from methlint.document import read_raw

if TYPE_CHECKING:
    from methlint.linter import Result

# site-wide rules reported with whichever document comes first: their findings cannot be
# tied to one file's record
UNCACHED_RULES = frozenset({"AST003"})
UNREADABLE = "unreadable"  # the content key of a file that could not be read: never a hit


def _digest(*parts: str | bytes) -> str:
    hasher = hashlib.sha256()  # hardware-accelerated on current CPUs: faster than blake2b here
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x1f")
    return hasher.hexdigest()


def _content_key(raw: bytes | None) -> str:
    return hashlib.sha256(raw).hexdigest() if raw is not None else UNREADABLE


def run_key(config: Config, rules: Sequence[Any], language: str, today: str) -> str:
    """What makes findings comparable between two runs, apart from the files themselves."""
    from methlint.schemas import schema_dir

    rule_part = ",".join(f"{rule.code}" for rule in rules)
    # the contracts too: a source checkout can edit them without a new version number
    schemas = [path.read_bytes() for path in sorted(schema_dir().glob("*.json"))]
    return _digest(__version__, code_fingerprint(), repr(config), rule_part, language, today, *schemas)


@functools.cache
def code_fingerprint(package: Path = Path(__file__).parent) -> str:
    """Name, size and modification time of every file of methlint's package (its code and its
    message catalogues): a rule edited in a source checkout keeps the version number, and a
    cache keyed on the version alone served the old rule's findings. Stat calls only: a few
    hundred microseconds."""
    entries = []
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(name for name in dirs if name != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".mo")):
                path = os.path.join(folder, name)
                stat = os.stat(path)
                entries.append(f"{os.path.relpath(path, package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return _digest(*entries)


def _read_bytes(path: str, config: Config, root: Path) -> bytes | None:
    """The bytes of a file, read as the linter reads them (no FIFO hang, no link out of ``root``).

    A text path, not a ``Path``: building 10,000 of them costs more than the reads."""
    return read_raw(path, config.max_file_bytes, root=root).raw  # type: ignore[arg-type]


@dataclass
class Record:
    content: str  # hash of the file's bytes
    environment: str
    rows: list[Row]


@dataclass
class ResultsCache:
    store: Store | None  # None: nothing is read or written (no usable cache folder)
    key: str
    records: dict[str, Record] = field(default_factory=dict)  # path as shown -> record
    facts: dict[str, str] = field(default_factory=dict)  # content hash -> indexed values

    @classmethod
    def load(cls, store: Store | None, key: str) -> ResultsCache:
        """The cache for this run; empty when absent, unsigned, or not of the shape written."""
        cache = cls(store, key)
        body = store.read(key) if store is not None else None
        if body is None:
            return cache
        collecting = gc.isenabled()
        gc.disable()  # hundreds of thousands of acyclic values: collection passes would find nothing
        try:
            payload = json.loads(body)
            # every row of every record, field after field: decoding, checking and slicing one
            # flat list costs a fraction of a list per finding
            rows = rows_from_flat(payload["rows"])
            facts = payload["facts"]
            records = {}
            for path, (content, environment, start, end) in payload["records"].items():
                if type(content) is not str or type(environment) is not str:
                    return cls(store, key)
                if type(start) is not int or type(end) is not int or not 0 <= start <= end <= len(rows):
                    return cls(store, key)
                records[path] = Record(content, environment, rows[start:end])
            if type(facts) is not dict or not all(type(v) is str for v in facts.values()):
                return cls(store, key)
        except (ValueError, TypeError, KeyError, AttributeError):
            return cls(store, key)  # not the shape written: never trusted
        finally:
            if collecting:
                gc.enable()
        cache.records, cache.facts = records, facts
        return cache

    def save(self) -> None:
        """Write atomically (:class:`Store`); a cache that cannot be written is simply not kept."""
        if self.store is None:
            return
        records: dict[str, list[Any]] = {}
        flat: list[Any] = []
        for path, record in self.records.items():
            start = len(flat) // ROW_SIZE
            for row in record.rows:
                flat += row
            records[path] = [record.content, record.environment, start, len(flat) // ROW_SIZE]
        payload = {"records": records, "rows": flat, "facts": self.facts}
        self.store.write(
            self.key, json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        )


# --- the environment of a site ---------------------------------------------------------------


def tree_fingerprint(root: str) -> str:
    """Every name in the site, with its kind and a link's target: what asset, layout and page
    checks look up. Skipped folders count by name only (see the module docstring)."""
    hasher = hashlib.sha256()
    pending = [root]
    while pending:
        folder = pending.pop()
        hasher.update(os.path.relpath(folder, root).encode("utf-8", "surrogateescape") + b"\x1e")
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            hasher.update(b"\x00unlistable\x1e")
            continue
        for entry in entries:
            try:
                if entry.is_symlink():
                    kind = "l" + os.readlink(entry.path)
                elif entry.is_dir():
                    kind = "d"
                    if entry.name not in SKIPPED_DIRS and not entry.name.startswith("."):
                        pending.append(entry.path)
                else:
                    kind = "f"
            except OSError:
                kind = "?"
            hasher.update(f"{entry.name}\x1f{kind}\x1e".encode("utf-8", "surrogateescape"))
    return hasher.hexdigest()


def _templates_fingerprint(root: Path) -> str:
    """The layouts, includes and pages the layout-aware rules read (SCH005, LAY)."""
    from methlint.site_templates import discover

    hasher = hashlib.sha256()
    for template in discover(root, []):
        hasher.update(f"{template.path}\x1f{template.text}\x1e".encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


def _facts(raw: bytes, folder: str, keys: tuple[str, ...]) -> str:
    """The indexed values of a document (title, categorie, ordre) with their positions, as text."""
    from methlint.collection import _scan
    from methlint.document import Document, decode

    text, _problem = decode(raw)
    if text is None:
        return "undecodable"
    entry = _scan(Document("", text, Path(folder) / "x.md"), folder, keys=keys)
    # the type too: a date read as text and the same text quoted are different values
    return repr([(key, type(v.value).__name__, v.value, v.line, v.column) for key, v in sorted(entry.values.items())])


def _site_documents(root: str, config: Config) -> list[str]:
    """Every document of the site's collection folders (what the cross-file rules can read)."""
    from methlint.placement import site_collection_folders

    found: list[str] = []
    for folder in site_collection_folders(Path(root), config):
        for directory, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
            prefix = directory.rstrip(os.sep) + os.sep  # os.path.join, once per folder
            found.extend(prefix + name for name in sorted(filenames) if name.endswith(".md"))
    return found


class _Run:
    """What one cached run learns about files and sites, each read or hashed once."""

    def __init__(self, config: Config, cache: ResultsCache) -> None:
        from methlint.collection import Collection

        self.config = config
        self.cache = cache
        self.index = Collection(config)  # only for where things are: site roots, collection folders
        self.contents: dict[str, str] = {}  # absolute path -> content key
        self.used_facts: set[str] = set()
        self.environments: dict[str | None, str] = {}  # site root -> fingerprint

    def content_key(self, path: str) -> str:
        if path not in self.contents:
            self.contents[path] = _content_key(_read_bytes(path, self.config, self.index.confining_root(path)))
        return self.contents[path]

    def facts_of(self, path: str, raw: bytes) -> str:
        from methlint.collection import indexed_keys

        content = self.contents.setdefault(path, _content_key(raw))
        if content not in self.cache.facts:
            folder = self.index.collection_folder(Path(path))
            keys = indexed_keys(self.config)
            self.cache.facts[content] = _facts(raw, folder.name if folder else "", keys)
        self.used_facts.add(content)
        return self.cache.facts[content]

    def environment(self, root: Path | None) -> str:
        """The fingerprint of what the cross-file rules read in one site (once per site and run)."""
        site = str(root) if root is not None else None
        if site not in self.environments:
            if root is None:
                self.environments[site] = _digest("no site")
            else:
                base = os.path.abspath(root)
                facts = []
                for document in _site_documents(base, self.config):
                    raw = _read_bytes(document, self.config, root)
                    fact = self.facts_of(document, raw) if raw is not None else UNREADABLE
                    facts.append(f"{document[len(base) + 1 :]}\x1f{fact}")
                config_text = _read_bytes(os.path.join(base, "_config.yml"), self.config, root) or b""
                templates = _templates_fingerprint(Path(base))
                self.environments[site] = _digest(config_text, tree_fingerprint(base), templates, "\n".join(facts))
        return self.environments[site]


def cache_store(config: Config) -> Store | None:
    """The store of this run's results: in the user's cache folder, for the folder the run is
    anchored to (the configuration's, else the one the files belong to: their site, see
    :mod:`methlint.workspace`; never the current folder, which two sites' runs share)."""
    root = cache_root()
    anchor = config.source.parent if config.source is not None else config.root
    return Store(root, anchor) if root is not None else None


@dataclass
class _Lookup:
    cache: ResultsCache
    run: _Run
    found: dict[str, list[Row]]  # path as shown -> its findings, deduplicated and in order
    misses: list[Target]
    miss_keys: list[tuple[str, str]]  # (content key, environment) of each miss


def _look_up(targets: Sequence[Target], config: Config, rules: Sequence[Any], language: str) -> _Lookup:
    """Which targets' findings the cache holds, and the keys of the others."""
    import datetime

    key = run_key(config, rules, language, datetime.date.today().isoformat() + "\x1f" + os.getcwd())
    cache = ResultsCache.load(cache_store(config), key)
    run = _Run(config, cache)
    # display paths are unique in a run (discovery dedupes) and the key holds the current
    # folder, so they name the records; one site lookup and one abspath per folder
    by_folder: dict[str, tuple[str, str]] = {}  # folder as given -> (absolute folder + "/", environment)
    lookup = _Lookup(cache, run, {}, [], [])
    for target in targets:
        given = str(target.fs_path)
        folder, name = os.path.split(given)
        if folder not in by_folder:
            prefix = os.path.abspath(folder).rstrip(os.sep) + os.sep
            by_folder[folder] = (prefix, run.environment(run.index.site_root(target.fs_path)))
        prefix, environment = by_folder[folder]
        content = run.content_key(prefix + name)
        record = cache.records.get(target.display)
        if (
            record is not None
            and content != UNREADABLE
            and (record.content, record.environment)
            == (
                content,
                environment,
            )
        ):
            lookup.found[target.display] = record.rows
        else:
            lookup.found[target.display] = []  # filled later: the findings stay in the order of the targets
            lookup.misses.append(target)
            lookup.miss_keys.append((content, environment))
    return lookup


def _cache_failure(err: Exception) -> str:
    return f"methlint: internal error in the results cache ({type(err).__name__}: {err}); checked without it"


def lint_cached(
    targets: Sequence[Target], config: Config, rules: Sequence[Any], language: str, **options: Any
) -> Result:
    """``lint_paths`` that reuses the findings of unchanged files (see the module docstring).

    The cache only saves time: should it fail (a bug), every file is checked without it and
    the failure is reported as an internal error, next to every finding."""
    from methlint.linter import Result, lint_paths

    if any(rule.code in UNCACHED_RULES for rule in rules):
        return lint_paths(targets, config, rules, **options)
    try:
        lookup = _look_up(targets, config, rules, language)
    except Exception as err:  # noqa: BLE001 - the findings matter more than the cache
        result = lint_paths(targets, config, rules, **options)
        result.internal_errors.append(_cache_failure(err))
        return result
    cache, found, misses = lookup.cache, lookup.found, lookup.misses
    result = Result(files=len(targets) - len(misses))
    progress = options.get("progress")
    if progress is not None and result.files:
        progress(result.files)
    if misses:
        fresh = lint_paths(misses, config, rules, **options)
        result.internal_errors += fresh.internal_errors
        result.files += fresh.files
        for target, (content, environment) in zip(misses, lookup.miss_keys, strict=True):
            produced = fresh.by_document.get(target.display)
            if produced is not None:
                found[target.display] = deduplicated_rows(rows_of(produced))
                if not fresh.internal_errors:
                    cache.records[target.display] = Record(content, environment, found[target.display])
    # facts stay while a document of this run or a record has those bytes
    kept = lookup.run.used_facts | {r.content for r in cache.records.values()}
    if misses or cache.facts.keys() - kept:
        cache.facts = {content: value for content, value in cache.facts.items() if content in kept}
        try:
            cache.save()
        except Exception as err:  # noqa: BLE001 - the findings are there: say the cache failed, go on
            result.internal_errors.append(_cache_failure(err))
    result.diagnostics = DiagnosticRows(merged_rows(found))
    return result
