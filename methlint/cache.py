"""A results cache for `methlint check`, so that a run where nothing changed costs little more
than reading the files.

A file's findings are reused when three things are unchanged:

- its bytes (a hash, not the modification time: a checkout or a `touch` changes nothing),
- the run: methlint's version, the effective configuration, the rules and their severities, the
  language of the messages, and today's date (the date rule looks at the future),
- its site's *environment*, everything the cross-file rules read: the `_config.yml` bytes, the
  names of the asset and layout files, and the `title`, `categorie` and `ordre` of every document
  of the site's collections. Those per-document facts are cached by bytes too, so that checking
  whether the environment changed reads the documents but parses none of them.

When the environment changes (a new image, an `ordre` edited somewhere), every document of that
site is checked again. The cache lives in `.methlint_cache/` beside the configuration (or in the
current folder); it is safe to delete, marks itself for git and backup tools to ignore, and an
entry that does not read back exactly as written is ignored, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from methlint import __version__
from methlint.config import Config
from methlint.diagnostics import Applicability, Diagnostic, Fix, Severity, Span
from methlint.discovery import Target
from methlint.document import read_raw

CACHE_DIR = ".methlint_cache"
# site-wide rules reported with whichever document comes first: their findings cannot be
# tied to one file's record
UNCACHED_RULES = frozenset({"AST003"})
FORMAT = 1
_ASSET_FOLDERS = ("img", "uploads", "_layouts")


def _digest(*parts: str | bytes) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x1f")
    return hasher.hexdigest()


def run_key(config: Config, rules: Sequence[Any], language: str, today: str) -> str:
    """What makes findings comparable between two runs, apart from the files themselves."""
    rule_part = ",".join(f"{rule.code}" for rule in rules)
    return _digest(__version__, repr(config), rule_part, language, today)


def _read_bytes(path: Path | str, config: Config) -> bytes | None:
    """The bytes of a file, read as the linter reads them (no FIFO hang, no link out of the site)."""
    return read_raw(Path(path), config.max_file_bytes, root=config.root).raw


def _diagnostic_to_json(d: Diagnostic) -> list[Any]:
    applicability = d.fix.applicability.value if d.fix is not None else None
    s = d.span
    return [d.path, s.line, s.column, s.end_line, s.end_column, d.code, d.message, d.severity.value, applicability]


_SEVERITIES = {s.value: s for s in Severity}
# the edits are not kept: a cached finding is for reporting (fix never reads the cache)
_FIXES = {None: None, **{a.value: Fix("", (), a) for a in Applicability}}


def _diagnostic_from_json(item: Any) -> Diagnostic:
    path, line, column, end_line, end_column, code, message, severity, applicability = item
    if type(path) is not str or type(code) is not str or type(message) is not str:
        raise ValueError("malformed diagnostic")
    if type(line) is not int or type(column) is not int or type(end_line) is not int or type(end_column) is not int:
        raise ValueError("malformed span")
    return Diagnostic(
        path, Span(line, column, end_line, end_column), code, message, _SEVERITIES[severity], _FIXES[applicability]
    )


@dataclass
class Record:
    content: str  # hash of the file's bytes
    environment: str
    diagnostics: list[Diagnostic]


@dataclass
class ResultsCache:
    folder: Path
    key: str
    records: dict[str, Record] = field(default_factory=dict)  # absolute path -> record
    facts: dict[str, Any] = field(default_factory=dict)  # content hash -> indexed values

    @property
    def file(self) -> Path:
        return self.folder / f"results-{self.key}.json"

    @classmethod
    def load(cls, folder: Path, key: str) -> ResultsCache:
        """The cache for this run; empty when absent, unreadable or not exactly as written."""
        cache = cls(folder, key)
        try:
            header, _newline, body = cache.file.read_bytes().partition(b"\n")
            stamp = json.loads(header)
            if stamp != {"format": FORMAT, "checksum": _digest(body)}:
                return cls(folder, key)  # not exactly as written: never trusted
            payload = json.loads(body)
            for path, (content, environment, diagnostics) in payload["records"].items():
                try:
                    found = [_diagnostic_from_json(item) for item in diagnostics]
                except (ValueError, TypeError, KeyError):
                    continue  # this entry only: ignored, checked again
                if isinstance(content, str) and isinstance(environment, str):
                    cache.records[path] = Record(content, environment, found)
            if isinstance(payload["facts"], dict):
                cache.facts = {k: v for k, v in payload["facts"].items() if isinstance(v, str)}
        except (OSError, ValueError, TypeError, KeyError):
            return cls(folder, key)
        return cache

    def save(self) -> None:
        """Write atomically; a cache that cannot be written is simply not kept."""
        payload = {
            "records": {
                path: [r.content, r.environment, [_diagnostic_to_json(d) for d in r.diagnostics]]
                for path, r in self.records.items()
            },
            "facts": self.facts,
        }
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        header = json.dumps({"format": FORMAT, "checksum": _digest(body)}).encode("utf-8")
        try:
            self.folder.mkdir(exist_ok=True)
            marker = self.folder / "CACHEDIR.TAG"
            if not marker.exists():
                marker.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# methlint's results cache\n")
                (self.folder / ".gitignore").write_text("# methlint's results cache: safe to delete\n*\n")
            for stale in self.folder.glob("results-*.json"):
                if stale != self.file:
                    stale.unlink(missing_ok=True)  # another configuration's results: a new run replaces them
            handle, temp = tempfile.mkstemp(dir=self.folder, prefix=".results-", suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(header + b"\n" + body)
            os.replace(temp, self.file)
        except OSError:
            pass


# --- the environment of a site ---------------------------------------------------------------


def _listing_fingerprint(root: Path) -> str:
    names = []
    for folder in _ASSET_FOLDERS:
        for directory, dirnames, filenames in os.walk(root / folder):
            dirnames.sort()
            relative = os.path.relpath(directory, root)
            names.extend(f"{relative}/{name}" for name in sorted(filenames + dirnames))
    return _digest("\n".join(names))


def environment(
    root: Path | None, documents: dict[str, bytes], facts_of: Callable[[str, bytes], Any], config_text: bytes
) -> str:
    """The fingerprint of what the cross-file rules read in one site."""
    if root is None:
        return _digest("no site")
    base = len(os.path.abspath(root)) + 1
    facts = [f"{path[base:]}\x1f{facts_of(path, raw)}" for path, raw in sorted(documents.items())]
    return _digest(config_text, _listing_fingerprint(root), "\n".join(facts))


def cache_folder(config: Config) -> Path:
    return (config.source.parent if config.source is not None else Path.cwd()) / CACHE_DIR


# --- a run through the cache ---------------------------------------------------------------------


def _site_documents(root: Path, config: Config) -> list[str]:
    """Every document of the site's collection folders (what the cross-file rules can read)."""
    from methlint.discovery import SKIPPED_DIRS

    found = []
    for rule in config.collections:
        for directory, dirnames, filenames in os.walk(os.path.join(os.path.abspath(root), rule.folder)):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
            found.extend(os.path.join(directory, name) for name in sorted(filenames) if name.endswith(".md"))
    return found


def _facts(raw: bytes, folder: str) -> str:
    """The indexed values of a document (title, categorie, ordre), as canonical JSON text."""
    from methlint.collection import _scan
    from methlint.document import Document, decode

    text, _problem = decode(raw)
    if text is None:
        return "null"
    entry = _scan(Document("", text, Path(folder) / "x.md"), folder)
    return json.dumps({key: value.value for key, value in sorted(entry.values.items())}, ensure_ascii=False)


def lint_cached(targets: Sequence[Target], config: Config, rules: Sequence[Any], language: str, **options: Any):
    """``lint_paths`` that reuses the findings of unchanged files (see the module docstring)."""
    import datetime

    from methlint.linter import lint_paths

    if any(rule.code in UNCACHED_RULES for rule in rules):
        return lint_paths(targets, config, rules, **options)

    from methlint.collection import Collection
    from methlint.linter import Result, deduplicated

    key = run_key(config, rules, language, datetime.date.today().isoformat() + "\x1f" + os.getcwd())
    cache = ResultsCache.load(cache_folder(config), key)
    index = Collection(config)  # only for where things are: site roots, collection folders
    contents: dict[str, str] = {}  # absolute path -> hash of its bytes
    seen_facts: dict[str, Any] = {}

    def facts_of(path: str, raw: bytes) -> Any:
        content = contents.setdefault(path, _digest(raw))
        if content not in cache.facts:
            folder = index.collection_folder(Path(path))
            cache.facts[content] = _facts(raw, folder.name if folder else "")
        seen_facts[content] = cache.facts[content]
        return seen_facts[content]

    environments: dict[str | None, str] = {}
    target_environment: dict[str, str] = {}
    absolute = {id(target): os.path.abspath(target.fs_path) for target in targets}
    for target in targets:
        path = absolute[id(target)]
        root = index.site_root(target.fs_path)
        site = str(root) if root is not None else None
        if site not in environments:
            documents = {}
            for document in _site_documents(root, config) if root is not None else ():
                raw = _read_bytes(document, config)
                if raw is not None:
                    documents[document] = raw
            config_text = (_read_bytes(root / "_config.yml", config) or b"") if root is not None else b""
            environments[site] = environment(root, documents, facts_of, config_text)
        target_environment[path] = environments[site]
        if path not in contents:
            raw = _read_bytes(target.fs_path, config)
            contents[path] = _digest(raw) if raw is not None else "unreadable"

    result = Result()
    misses = []
    for target in targets:
        path = absolute[id(target)]
        record = cache.records.get(path)
        if (
            record is not None
            and record.content == contents[path]
            and record.environment == target_environment[path]
            and contents[path] != "unreadable"
        ):
            result.diagnostics += record.diagnostics
            result.by_document[target.display] = record.diagnostics
            result.files += 1
        else:
            misses.append(target)
    if misses:
        fresh = lint_paths(misses, config, rules, **options)
        result.diagnostics += fresh.diagnostics
        result.internal_errors += fresh.internal_errors
        result.files += fresh.files
        for target in misses:
            produced = fresh.by_document.get(target.display)
            path = absolute[id(target)]
            if produced is not None and not fresh.internal_errors:
                cache.records[path] = Record(contents[path], target_environment[path], produced)
    if misses or set(cache.facts) - set(seen_facts):
        kept = set(seen_facts) | {r.content for r in cache.records.values()}
        cache.facts = {content: value for content, value in cache.facts.items() if content in kept}
        cache.save()
    result.diagnostics = deduplicated(result.diagnostics)
    return result
