"""``methlint fix``: apply the rules' span edits, prove they changed only that, write atomically.

The fixer never regenerates YAML: a fix is a list of :class:`Edit`s on the exact source
text, so every byte outside them survives (comments, quotes, trailing spaces, CRLF,
BOM, a missing final newline). Like ruff it applies the non-overlapping fixes of a
round, re-lints and repeats; like Black it re-reads the result and refuses to write
anything whose data (YAML 1.1, what Jekyll sees, and YAML 1.2) differs from the
original other than at the paths the fixes declared. ruamel.yaml's whole-document
dump is not used at all: every fix the rules produce is a span edit.
"""

from __future__ import annotations

import difflib
import errno
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from methlint.collection import INDEXED_KEYS, Collection, confining_root
from methlint.config import Config
from methlint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity, Span
from methlint.discovery import Target, discover
from methlint.document import Document, SplitStatus, document_from, read_raw
from methlint.front_matter import iter_nodes
from methlint.i18n import _
from methlint.linter import _workers, deduplicated, enabled_rules, lint_documents, lint_paths
from methlint.rules import Rule
from methlint.yaml_text import DOUBLE, PLAIN, SINGLE, read_yaml_1_2, render_scalar, was_read

MAX_ROUNDS = 10
# Fixes that repair YAML which does not parse; the only ones applied to such a document.
STRUCTURAL_CODES = frozenset({"YML002", "YML003", "YML005", "YML006"})
TITLE_PATH = ("title",)
REFERENCE_KEYS = ("methodes", "outil")  # where usage documents name methods and tools by title
USAGE_FOLDER = "_usage"


@dataclass(frozen=True)
class AppliedFix:
    code: str
    span: Span  # in the text the fix was applied to (the previous round's output)
    title: str
    changes_data_at: tuple[tuple[str | int, ...], ...] = ()  # as the fix declared them


@dataclass(frozen=True)
class TitleReference:
    path: str  # display path of the usage document
    line: int
    column: int
    data_path: tuple[str | int, ...]


@dataclass(frozen=True)
class HeldBackTitleFix:
    """A fix that would change a title, not applied because it needs ``--unsafe-fixes``."""

    diagnostic: Diagnostic
    old_title: str | None  # None: no title could be read before the fix
    references: tuple[TitleReference, ...]


@dataclass(frozen=True)
class RejectedFix:
    """A fix whose result failed verification: never applied, its finding stays reported."""

    diagnostic: Diagnostic
    problem: str


@dataclass
class FileOutcome:
    path: str
    original: str
    fixed: str
    fs_path: Path | None = None
    raw: bytes | None = None  # the bytes read, to detect a change on disk before writing
    mtime_ns: int | None = None
    applied: list[AppliedFix] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)
    original_diagnostics: list[Diagnostic] = field(default_factory=list)
    held_back: list[HeldBackTitleFix] = field(default_factory=list)
    rejected: list[RejectedFix] = field(default_factory=list)
    renamed_title: tuple[str, str] | None = None  # (old, new) when a title fix was applied
    title_line: int = 0  # the line of the title in the original text
    refused: str | None = None  # not safe to rewrite: reported, nothing written
    front_matter_refused: str | None = None  # why the front matter's fixes were left; the body's applied
    internal_error: str | None = None  # a rule failed or the fixes did not converge
    write_error: str | None = None

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def give_up(self, *, refused: str | None = None, internal_error: str | None = None) -> FileOutcome:
        self.fixed, self.applied, self.renamed_title = self.original, [], None
        self.remaining = self.original_diagnostics
        self.refused, self.internal_error = refused, internal_error
        self.front_matter_refused = None
        return self


# --- applying and verifying edits ------------------------------------------------------


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def _overlaps(edit: Edit, taken: Sequence[Edit]) -> bool:
    # two insertions at one point also conflict: their order would be arbitrary
    return any((edit.start < other.end and other.start < edit.end) or edit.start == other.start for other in taken)


_MASKED = ("<changed>",)


def _shape(data: object, masked: frozenset[tuple], here: tuple = ()) -> object:
    """Loaded YAML in a form that compares types and key order, ``masked`` paths hidden."""
    if here in masked:
        return _MASKED
    if isinstance(data, dict):
        return (
            "map",
            [(_shape(k, frozenset()), _shape(v, masked, (*here, k))) for k, v in data.items()],
        )
    if isinstance(data, list):
        return ("seq", [_shape(item, masked, (*here, i)) for i, item in enumerate(data)])
    return (type(data).__name__, repr(data) if isinstance(data, float) else data)


def _value_at(data: object, path: tuple) -> object:
    for step in path:
        if isinstance(data, dict) and step in data:
            data = data[step]
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def _last_edit_end_after(edits: Sequence[Edit]) -> int:
    """Where the last edit ends in the edited text."""
    delta, end = 0, 0
    for edit in sorted(edits, key=lambda e: e.start):
        delta += len(edit.replacement) - (edit.end - edit.start)
        end = edit.end + delta
    return end


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _delimiter(line: str) -> str:
    """A delimiter line without the blanks before its line end: Jekyll accepts ``--- `` too."""
    content = line.rstrip("\r\n")
    return content.rstrip(" \t") + line[len(content) :]


def verify(
    before: Document,
    after_text: str,
    edits: Sequence[Edit],
    changes_data_at: Iterable[tuple],
    bom_removed: bool = False,
) -> str | None:
    """Why ``after_text`` is not ``before`` plus exactly the intended changes, or None."""
    position = 0
    delta = 0
    for edit in sorted(edits, key=lambda e: e.start):
        gap = before.text[position : edit.start]
        if after_text[position + delta : edit.start + delta] != gap:
            return _("text outside the edits changed")
        delta += len(edit.replacement) - (edit.end - edit.start)
        position = edit.end
    if after_text[position + delta :] != before.text[position:]:
        return _("text outside the edits changed")
    newline = _newline(before.text)
    if newline == "\r\n" and any(e.replacement.replace("\r\n", "").count("\n") for e in edits):
        return _("an edit introduced a line ending that differs from the file's")

    after = Document(before.path, after_text, before.fs_path)
    old, new = before.parts, after.parts
    if old is None or new is None:
        return _("the front matter delimiters changed")
    if new.bom != ("" if bom_removed else old.bom) or (_delimiter(new.opening), _delimiter(new.closing)) != (
        _delimiter(old.opening),
        _delimiter(old.closing),
    ):
        return _("the front matter delimiters or the BOM changed")
    body_edits = [
        Edit(e.start - old.body_offset, e.end - old.body_offset, e.replacement)
        for e in edits
        if e.start >= old.body_offset
    ]
    if new.body != apply_edits(old.body, body_edits):
        return _("the body changed outside the fixed spans")
    if new.yaml == old.yaml:
        return None  # the front matter is byte-identical: every YAML reading of it is too

    old_fm, new_fm = before.front_matter, after.front_matter
    changed = frozenset(tuple(p) for p in changes_data_at)
    if old_fm.syntax_error is not None:
        if new_fm.syntax_error is not None:
            # a structural fix may leave a later mistake for next round, not one at or before it
            if new_fm.syntax_error.offset < _last_edit_end_after(edits):
                return _("the YAML still does not parse at the fixed line")
            return None
    else:
        if not new_fm.ok:
            return _("the YAML no longer parses")
        if _shape(old_fm.data, changed) != _shape(new_fm.data, changed):
            return _("the data Jekyll reads (YAML 1.1) changed outside the fixed values")
        old_12 = read_yaml_1_2(old_fm.yaml)
        if was_read(old_12):
            new_12 = read_yaml_1_2(new_fm.yaml)
            if not was_read(new_12) or _shape(old_12, changed) != _shape(new_12, changed):
                return _("the data YAML 1.2 reads changed outside the fixed values")
    if not new_fm.ok:
        return _("the YAML does not parse after the fix")
    if changed:
        new_12 = read_yaml_1_2(new_fm.yaml)
        for path in changed:
            value_11, value_12 = _value_at(new_fm.data, path), _value_at(new_12, path)
            if type(value_11) is not str or type(value_12) is not str or value_11 != value_12:
                return _("the new value at {path} is not the same text in YAML 1.1 and 1.2").format(
                    path="/".join(map(str, path))
                )
    return None


# --- when not to touch a file ----------------------------------------------------------


def _has_explicit_tag(text: str) -> bool:
    try:
        events = yaml.parse(text, Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)
        return any(getattr(event, "tag", None) is not None for event in events)
    except yaml.YAMLError:
        return False


def _has_duplicate_keys(root: yaml.Node) -> bool:
    for node in iter_nodes(root):
        if isinstance(node, yaml.MappingNode):
            keys = [(k.tag, k.value) for k, _v in node.value if isinstance(k, yaml.ScalarNode)]
            if len(keys) != len(set(keys)):
                return True
    return False


def _has_tab_indentation(text: str) -> bool:
    return any("\t" in line[: len(line) - len(line.lstrip(" \t"))] for line in text.splitlines())


def refusal(doc: Document, structural_only: bool) -> str | None:
    """Why ``doc`` is not safe to rewrite, or None. ``structural_only``: only repairs are due."""
    return _document_refusal(doc, structural_only) or _front_matter_refusal(doc)


def _document_refusal(doc: Document, structural_only: bool) -> str | None:
    """Why no byte of ``doc`` may be rewritten, or None."""
    if doc.load_problem is not None:
        return _("the file could not be read as UTF-8 text")
    if doc.split_status != SplitStatus.OK:
        return _("no closed front matter: nothing to check a fix against")
    fm = doc.front_matter
    if fm.limit_error is not None:
        return _("the front matter exceeds the safety limits")
    if fm.syntax_error is not None:
        return None if structural_only else _("the YAML does not parse")
    return None


def _front_matter_refusal(doc: Document) -> str | None:
    """Why the front matter of ``doc`` (read without a syntax error) is not safe to rewrite, or
    None. Its body still is: ``verify`` checks a body edit without reading the YAML."""
    fm = doc.front_matter
    if fm is None or fm.syntax_error is not None:
        return None
    if fm.foreign_tag is not None or _has_explicit_tag(fm.yaml):
        return _("the front matter uses explicit YAML tags")
    if not fm.ok:
        return _("the YAML cannot be read")
    if fm.root is not None and not isinstance(fm.root, yaml.MappingNode):
        return _("the front matter is not a mapping")
    if fm.anchors:
        return _("the front matter uses YAML anchors or aliases")
    if fm.root is not None and _has_duplicate_keys(fm.root):
        return _("the front matter has duplicate keys")
    if _has_tab_indentation(fm.yaml):
        return _("the front matter is indented with tabs")
    return None


# --- one document ----------------------------------------------------------------------


def _changes_title(fix: Fix) -> bool:
    return TITLE_PATH in fix.changes_data_at


def _changes_text(fix: Fix, text: str) -> bool:
    return any(text[e.start : e.end] != e.replacement for e in fix.edits)


def _applicable(fix: Fix | None, unsafe: bool) -> bool:
    if fix is None or not fix.edits:
        return False
    if fix.applicability is Applicability.DISPLAY_ONLY:
        return False
    if _changes_title(fix):  # titles are identifiers: see fix_paths
        return unsafe
    return fix.applicability is Applicability.SAFE or unsafe


def fix_document(
    doc: Document,
    config: Config,
    rules: Sequence[Rule],
    unsafe: bool = False,
    collection: Collection | None = None,
) -> FileOutcome:
    """Fix one document in memory; nothing is written.

    ``collection``: the run's index of the other documents as they are on disk. Sharing it
    across a run's documents keeps ``fix`` linear; a fresh index per lint re-read the whole
    site for every round of every file.
    """
    outcome = FileOutcome(doc.path, doc.text, doc.text, doc.fs_path)
    current = doc
    collection = collection or Collection(config)
    rejected: set[tuple] = set()  # fixes whose result failed verification
    for round_number in range(MAX_ROUNDS + 1):
        result = lint_documents([current], config, rules, collection)
        if result.internal_errors:
            return outcome.give_up(internal_error="; ".join(result.internal_errors))
        outcome.remaining = result.diagnostics
        if round_number == 0:
            outcome.original_diagnostics = result.diagnostics
        fm = current.front_matter
        structural_only = fm is not None and fm.syntax_error is not None
        chosen: list[Diagnostic] = []
        taken: list[Edit] = []
        blocked = False  # applicable fixes that must wait until the YAML parses
        for diagnostic in result.diagnostics:
            fix = diagnostic.fix
            if not _applicable(fix, unsafe) or not _changes_text(fix, current.text):
                continue  # a fix that rewrites bytes with themselves would never converge
            if _identity(diagnostic, current.text) in rejected:
                continue
            if structural_only and diagnostic.code not in STRUCTURAL_CODES:
                blocked = True
                continue
            if any(_overlaps(edit, taken) for edit in fix.edits):
                continue  # the next round picks it up
            chosen.append(diagnostic)
            taken.extend(fix.edits)
        if not unsafe and round_number == 0:
            old_title = _value_at(doc.data, TITLE_PATH)
            outcome.held_back = [
                HeldBackTitleFix(d, old_title if isinstance(old_title, str) else None, ())
                for d in result.diagnostics
                if d.fix is not None and _changes_title(d.fix) and d.fix.applicability is not Applicability.DISPLAY_ONLY
            ]
        if not chosen:
            if blocked:
                return outcome.give_up(refused=_("the YAML does not parse"))
            break
        if round_number == MAX_ROUNDS:
            return outcome.give_up(internal_error=_("the fixes did not converge after {n} rounds").format(n=MAX_ROUNDS))
        reason = _document_refusal(current, structural_only)
        if reason is not None:
            return outcome.give_up(refused=reason)
        reason = _front_matter_refusal(current)
        if reason is not None:
            body_offset = current.parts.body_offset
            in_body = [d for d in chosen if min(e.start for e in d.fix.edits) >= body_offset]
            if not in_body and not outcome.applied:
                return outcome.give_up(refused=reason)
            # the body's fixes are applied, the front matter's left (each round leaves them again)
            if len(in_body) < len(chosen):
                outcome.front_matter_refused = reason
            if not in_body:
                break
            chosen, taken = in_body, [edit for d in in_body for edit in d.fix.edits]
        if structural_only and fm.syntax_error.forbidden_character:
            return outcome.give_up(refused=_("the YAML does not parse"))  # no repair of the syntax helps
        new_text = apply_edits(current.text, taken)
        if structural_only:
            repaired = Document(doc.path, new_text, doc.fs_path)
            # what the repair lets us read may be what we never rewrite (duplicate keys, anchors)
            reason = refusal(repaired, structural_only=True)
            error = repaired.front_matter.syntax_error if reason is None else None
            if error is not None and error.offset < min(edit.start for edit in taken):
                reason = _("the YAML does not parse")  # a mistake before the repairs: not theirs to fix
            if reason is not None:
                return outcome.give_up(refused=reason)
        problem = verify(
            current,
            new_text,
            taken,
            [path for d in chosen for path in d.fix.changes_data_at],
            bom_removed=any(d.code == "FM003" for d in chosen),
        )
        if problem is not None:
            # Like Black, never write what does not verify; unlike a crash, the other fixes go on.
            for diagnostic, why in _culprits(current, chosen, problem):
                rejected.add(_identity(diagnostic, current.text))
                outcome.rejected.append(RejectedFix(diagnostic, why))
            continue
        outcome.applied += [AppliedFix(d.code, d.span, d.fix.title, d.fix.changes_data_at) for d in chosen]
        current = Document(doc.path, new_text, doc.fs_path)
    outcome.fixed = current.text
    if outcome.applied and doc.front_matter is not None and doc.front_matter.syntax_error is not None:
        if current.front_matter is None or not current.front_matter.ok:
            return outcome.give_up(refused=_("the YAML still does not parse after the structural fixes"))
    old_title, new_title = _value_at(doc.data, TITLE_PATH), _value_at(current.data, TITLE_PATH)
    if outcome.applied and isinstance(old_title, str) and old_title != new_title:
        outcome.renamed_title = (old_title, str(new_title))
        title_key, _node = doc.front_matter.node_at(TITLE_PATH)
        outcome.title_line = doc.position(doc.front_matter.file_offset(title_key.start_mark))[0]
    return outcome


def _identity(diagnostic: Diagnostic, text: str) -> tuple:
    """A fix as it will be offered again in later rounds, whose other edits move its offsets."""
    edits = tuple((text[e.start : e.end], e.replacement) for e in diagnostic.fix.edits)
    return diagnostic.code, diagnostic.message, edits


def _culprits(doc: Document, chosen: list[Diagnostic], problem: str) -> list[tuple[Diagnostic, str]]:
    """The fixes of a refused round that fail verification alone (all of them if none does:
    then only their combination fails)."""
    if len(chosen) == 1:
        return [(chosen[0], problem)]
    alone = []
    for diagnostic in chosen:
        edits = list(diagnostic.fix.edits)
        why = verify(
            doc,
            apply_edits(doc.text, edits),
            edits,
            list(diagnostic.fix.changes_data_at),
            bom_removed=diagnostic.code == "FM003",
        )
        if why is not None:
            alone.append((diagnostic, why))
    return alone or [(diagnostic, problem) for diagnostic in chosen]


def fix_text(
    text: str,
    path: str = "_outil/doc.md",
    unsafe: bool = False,
    config: Config | None = None,
    rules: Sequence[Rule] | None = None,
) -> tuple[str, FileOutcome]:
    """Fix a string as if it were the file ``path`` (tests, editors); no reference is renamed."""
    config = config or Config()
    chosen = enabled_rules(config) if rules is None else list(rules)
    outcome = fix_document(Document(path, text), config, chosen, unsafe)
    return outcome.fixed, outcome


# --- titles are identifiers: usage documents name methods and tools by title ------------


def site_root(fs_path: Path) -> Path | None:
    """The nearest folder above ``fs_path`` that holds the usage collection."""
    for folder in Path(os.path.abspath(fs_path)).parents:
        if (folder / USAGE_FOLDER).is_dir():
            return folder
    return None


def _reference_nodes(doc: Document, title: str) -> list[tuple[tuple[str | int, ...], yaml.ScalarNode]]:
    fm = doc.front_matter
    if fm is None or not fm.ok or not isinstance(fm.root, yaml.MappingNode):
        return []
    found = []
    for key in REFERENCE_KEYS:
        _key, node = fm.node_at((key,))
        if _key is None:
            continue
        if isinstance(node, yaml.ScalarNode) and isinstance(fm.data.get(key), str) and fm.data[key] == title:
            found.append(((key,), node))
        elif isinstance(node, yaml.SequenceNode):
            values = fm.data.get(key)
            for index, item in enumerate(node.value):
                if isinstance(item, yaml.ScalarNode) and isinstance(values, list) and values[index] == title:
                    found.append(((key, index), item))
    return found


def _usage_paths(root: Path) -> list[Target]:
    return list(discover([root / USAGE_FOLDER]))


def find_title_references(
    fs_path: Path | None, title: str, texts: dict[str, FileOutcome]
) -> list[tuple[Target, Document, list[tuple[tuple[str | int, ...], yaml.ScalarNode]]]]:
    """Usage documents naming ``title`` exactly; this run's fixed text is read when there is one."""
    root = site_root(fs_path) if fs_path is not None else None
    if root is None:
        return []
    found = []
    for target in _usage_paths(root):
        known = texts.get(os.path.abspath(target.fs_path))
        doc = Document(known.path, known.fixed, target.fs_path) if known is not None else _read(target).document
        nodes = _reference_nodes(doc, title)
        if nodes:
            found.append((target, doc, nodes))
    return found


def rename_references(
    doc: Document, nodes: list[tuple[tuple[str | int, ...], yaml.ScalarNode]], new_title: str
) -> tuple[str | None, str | None]:
    """(new text, None) with every reference renamed and verified, or (None, why not)."""
    reason = refusal(doc, structural_only=False)
    if reason is not None:
        return None, reason
    fm = doc.front_matter
    edits = []
    for _path, node in nodes:
        style = node.style if node.style in (SINGLE, DOUBLE) else PLAIN
        edits.append(
            Edit(
                fm.file_offset(node.start_mark),
                fm.file_offset(node.end_mark),
                render_scalar(new_title, style),
            )
        )
    new_text = apply_edits(doc.text, edits)
    problem = verify(doc, new_text, edits, [path for path, _node in nodes])
    if problem is None:
        renamed = Document(doc.path, new_text).data
        if any(_value_at(renamed, path) != new_title for path, _node in nodes):
            problem = _("a renamed reference does not read as the new title")
    return (None, problem) if problem else (new_text, None)


# --- reading, writing, the whole run ----------------------------------------------------


@dataclass
class _Read:
    document: Document
    raw: bytes | None
    mtime_ns: int | None


def _read(target: Target, config: Config | None = None) -> _Read:
    """The document, with the bytes and mtime the write check compares against."""
    config = config or Config()
    read = read_raw(target.fs_path, config.max_file_bytes, root=confining_root(target.fs_path, config))
    document = document_from(read, target.fs_path, target.display, config.limits)
    if document.load_problem is not None:
        return _Read(document, None, None)
    return _Read(document, read.raw, read.mtime_ns)


class ChangedOnDisk(Exception):
    pass


def write_atomic(path: Path, data: bytes, expected: bytes, expected_mtime_ns: int | None) -> None:
    """Replace ``path`` by ``data`` through a temporary file in its folder, keeping its mode.

    Raises :class:`ChangedOnDisk` (and writes nothing) when the file no longer holds
    ``expected``: an editor saved it while we were fixing it.
    """
    if not os.path.lexists(path):  # os.access says "not writable" of a file that is gone
        raise FileNotFoundError(errno.ENOENT, _("the file was deleted during the run"))
    if not os.access(path, os.W_OK):
        raise PermissionError(_("the file is read-only"))
    mode = os.stat(path).st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(
        dir=os.path.dirname(os.path.abspath(path)), prefix="." + path.name + ".", suffix=".methlint"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        stat = os.stat(path)
        with open(path, "rb") as current:
            if current.read() != expected or (expected_mtime_ns is not None and stat.st_mtime_ns != expected_mtime_ns):
                raise ChangedOnDisk(_("the file changed on disk while it was being fixed"))
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def unified_diff(outcome: FileOutcome) -> str:
    """A diff for ``git apply`` and ``patch -p1`` (``a/``, ``b/`` headers, no-newline markers)."""
    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True),
        outcome.fixed.splitlines(keepends=True),
        "a/" + outcome.path,
        "b/" + outcome.path,
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


@dataclass
class RunOutcome:
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def internal_errors(self) -> list[FileOutcome]:
        return [f for f in self.files if f.internal_error]

    @property
    def problems_remain(self) -> bool:
        return any(
            f.refused
            or f.front_matter_refused
            or f.write_error
            or f.held_back
            or any(d.severity is not Severity.INFO for d in f.remaining)
            for f in self.files
        )


_shared_fix: tuple[list[Target], Config, list[Rule], bool, Collection] | None = None


def _fix_one(
    target: Target, config: Config, rules: Sequence[Rule], unsafe: bool, collection: Collection
) -> FileOutcome:
    read = _read(target, config)
    outcome = fix_document(read.document, config, rules, unsafe, collection)
    outcome.raw, outcome.mtime_ns = read.raw, read.mtime_ns
    return outcome


def _fix_chunk(indices: range) -> list[tuple[int, FileOutcome]]:
    targets, config, rules, unsafe, collection = _shared_fix
    return [(i, _fix_one(targets[i], config, rules, unsafe, collection)) for i in indices]


def _fix_all(targets: list[Target], config: Config, rules: list[Rule], unsafe: bool, jobs: int) -> list[FileOutcome]:
    """Every target fixed in memory; large runs are split across forked processes, like check."""
    global _shared_fix
    collection = Collection(config, tuple(os.path.abspath(t.fs_path) for t in targets))
    workers = _workers(jobs, len(targets))
    if workers == 1:
        return [_fix_one(target, config, rules, unsafe, collection) for target in targets]
    collection.prefetch([t.fs_path for t in targets])
    size = max(16, len(targets) // (workers * 8))
    chunks = [range(start, min(start + size, len(targets))) for start in range(0, len(targets), size)]
    outcomes: list[FileOutcome | None] = [None] * len(targets)
    _shared_fix = (targets, config, rules, unsafe, collection)
    import multiprocessing

    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for part in pool.imap_unordered(_fix_chunk, chunks):
                for index, outcome in part:
                    outcomes[index] = outcome
    finally:
        _shared_fix = None
    return outcomes


def fix_paths(
    targets: Iterable[Target],
    config: Config,
    unsafe: bool = False,
    rules: Sequence[Rule] | None = None,
    jobs: int = 0,
) -> RunOutcome:
    """Fix every target in memory, then carry title renames to usage documents. Writes nothing."""
    chosen = enabled_rules(config) if rules is None else list(rules)
    run = RunOutcome()
    by_fs_path: dict[str, FileOutcome] = {}
    targets = list(targets)
    for target, outcome in zip(targets, _fix_all(targets, config, chosen, unsafe, jobs), strict=True):
        run.files.append(outcome)
        by_fs_path[os.path.abspath(target.fs_path)] = outcome
    for outcome in list(run.files):
        if outcome.renamed_title is not None:
            _propagate_rename(outcome, run, by_fs_path)
        for index, held in enumerate(outcome.held_back):
            if held.old_title is None:
                continue
            references = tuple(
                TitleReference(
                    target.display,
                    *doc.position(doc.front_matter.file_offset(node.start_mark)),
                    path,
                )
                for target, doc, nodes in find_title_references(outcome.fs_path, held.old_title, by_fs_path)
                for path, node in nodes
            )
            outcome.held_back[index] = HeldBackTitleFix(held.diagnostic, held.old_title, references)
    return run


def _propagate_rename(outcome: FileOutcome, run: RunOutcome, by_fs_path: dict[str, FileOutcome]) -> None:
    old_title, new_title = outcome.renamed_title
    renamed: list[tuple[FileOutcome, str, tuple[tuple[str | int, ...], ...], Span]] = []
    title_codes = [a.code for a in outcome.applied if a.span.line == outcome.title_line] or ["TITLE"]
    for target, doc, nodes in find_title_references(outcome.fs_path, old_title, by_fs_path):
        new_text, problem = rename_references(doc, nodes, new_title)
        if problem is not None:
            outcome.give_up(
                refused=_("the title change cannot be carried to {path}: {problem}; nothing written").format(
                    path=target.display, problem=problem
                )
            )
            return
        key = os.path.abspath(target.fs_path)
        usage = by_fs_path.get(key)
        if usage is None:
            read = _read(target)
            usage = FileOutcome(
                target.display,
                read.document.text,
                read.document.text,
                target.fs_path,
                read.raw,
                read.mtime_ns,
            )
            by_fs_path[key] = usage
            run.files.append(usage)
        first = doc.front_matter.file_offset(nodes[0][1].start_mark)
        paths = tuple(path for path, _node in nodes)
        renamed.append((usage, new_text, paths, doc.span(first, first + len(old_title))))
    for usage, new_text, paths, span in renamed:
        usage.fixed = new_text
        usage.applied.append(
            AppliedFix(
                title_codes[0],  # the rule whose title fix this rename carries
                span,
                _("Rename {count} reference(s) to '{old}' as '{new}'").format(
                    count=len(paths), old=old_title, new=new_title
                ),
                paths,
            )
        )


def recheck_written(run: RunOutcome, config: Config, rules: Sequence[Rule] | None = None, jobs: int = 0) -> None:
    """After writing, what remains as ``check`` now sees the files.

    Each file's findings were computed against its siblings as they were before the run: a
    renamed title or a repaired ``ordre`` changes what the cross-file rules say of the others.
    """
    written = [outcome for outcome in run.files if outcome.changed and outcome.write_error is None]
    if not any(map(_may_change_siblings, written)):
        return
    targets = [Target(outcome.fs_path, outcome.path) for outcome in run.files if outcome.fs_path is not None]
    result = lint_paths(targets, config, rules, jobs)
    for outcome in run.files:
        if outcome.path in result.by_document:
            outcome.remaining = deduplicated(result.by_document[outcome.path])


def _may_change_siblings(outcome: FileOutcome) -> bool:
    """Whether the fixes may change what the cross-file rules say: they read only the indexed
    keys, and a structural repair may make them readable."""
    indexed = {path[0] for applied in outcome.applied for path in applied.changes_data_at if path}
    return (
        outcome.renamed_title is not None
        or not indexed.isdisjoint(INDEXED_KEYS)
        or any(applied.code in STRUCTURAL_CODES for applied in outcome.applied)
    )


def write_outcomes(run: RunOutcome) -> None:
    """Write every changed, verified file; failures are recorded on the outcome, never raised."""
    for outcome in run.files:
        if not outcome.changed or outcome.fs_path is None or outcome.raw is None:
            continue
        try:
            write_atomic(outcome.fs_path, outcome.fixed.encode("utf-8"), outcome.raw, outcome.mtime_ns)
        except (OSError, ChangedOnDisk) as err:
            outcome.write_error = getattr(err, "strerror", None) or str(err)


__all__ = [
    "AppliedFix",
    "FileOutcome",
    "RejectedFix",
    "RunOutcome",
    "apply_edits",
    "fix_document",
    "fix_paths",
    "fix_text",
    "recheck_written",
    "refusal",
    "render_scalar",
    "unified_diff",
    "verify",
    "write_atomic",
    "write_outcomes",
]
