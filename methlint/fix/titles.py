"""Titles are identifiers: usage documents name methods and tools by their exact title.

A fix that changes a title (a straight apostrophe made typographic, say) would leave every
usage document naming the old title with a dangling reference (REF001). Without
``--unsafe-fixes`` such a fix is held back and the references it would break are listed; with
it, every reference is renamed in the same run and verified like any fix, or the title fix is
dropped and nothing of that document is written.

The usage documents are those REF001 reads: the documents whose contract declares keys naming
documents by their title (``x-references`` with ``by: title``; in the shipped contracts, the
usage documents' ``methodes`` and ``outil``), under the site root of the renamed document.
Each site's usage documents are read and indexed by the titles they name once per run, and the
index follows the renames; looking titles up one by one in every usage document made ``fix``
quadratic (1,655 documents: 157 s).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from methlint.collection import Collection, confining_root
from methlint.config import CollectionRule, Config
from methlint.contracts import contract
from methlint.diagnostics import Edit
from methlint.discovery import Target, discover
from methlint.document import Document
from methlint.fix.edits import apply_edits
from methlint.fix.files import ReadTarget, read_target
from methlint.fix.in_place import value_edits
from methlint.fix.loop import TITLE_PATH
from methlint.fix.outcome import AppliedFix, DataPath, FileOutcome, HeldBackTitleFix, RunOutcome, TitleReference
from methlint.fix.refusal import refusal
from methlint.fix.verify import value_at, verify
from methlint.front_matter import FrontMatter
from methlint.i18n import _, ngettext
from methlint.schemas import kind_for
from methlint.yaml_text import DOUBLE, PLAIN, SINGLE, render_scalar

Reference = tuple[DataPath, yaml.ScalarNode]  # where a usage document names a title, and its node


def title_keys(kind: object) -> tuple[str, ...]:
    """The keys of a contract (by its id) that name documents by their title."""
    if not isinstance(kind, str):
        return ()
    return tuple(key for key, references in contract(kind).references.items() if references.by == "title")


def references_by_title(doc: Document, keys: tuple[str, ...]) -> dict[str, list[Reference]]:
    """Every title ``doc`` names in its reference ``keys``, with where it names it, in file order."""
    fm = doc.front_matter
    if fm is None or not fm.ok or not isinstance(fm.root, yaml.MappingNode) or not isinstance(fm.data, dict):
        return {}
    found: dict[str, list[Reference]] = {}
    for key in keys:
        key_node, node = fm.node_at((key,))
        value = fm.data.get(key)
        if key_node is None:
            continue
        if isinstance(node, yaml.ScalarNode) and isinstance(value, str):
            found.setdefault(value, []).append(((key,), node))
        elif isinstance(node, yaml.SequenceNode) and isinstance(value, list):
            for index, item in enumerate(node.value):
                if isinstance(item, yaml.ScalarNode) and isinstance(value[index], str):
                    found.setdefault(value[index], []).append(((key, index), item))
    for references in found.values():  # the keys in the contract's order, the names in the file's
        references.sort(key=lambda reference: reference[1].start_mark.index)
    return found


@dataclass
class UsageDocument:
    """A usage document as this run has it: fixed by the run, or as read from disk."""

    target: Target
    document: Document
    read: ReadTarget | None  # the disk read, when the run did not fix the document itself
    references: dict[str, list[Reference]] = field(default_factory=dict)


@dataclass
class _Site:
    documents: list[UsageDocument]  # in the order discover gives them
    by_key: dict[str, int]  # absolute path -> position
    naming: dict[str, set[int]]  # title -> positions of the documents naming it


class TitleIndex:
    """Where the usage documents of the run's sites name each title, read once per run."""

    def __init__(self, config: Config, collection: Collection, outcomes: dict[str, FileOutcome]) -> None:
        self.config, self.collection = config, collection
        self.outcomes = outcomes  # absolute path -> the run's outcome; the run's text wins over the disk's
        self._sites: dict[str, _Site | None] = {}

    def references(self, fs_path: Path | None, title: str) -> list[tuple[UsageDocument, list[Reference]]]:
        """The usage documents of ``fs_path``'s site naming ``title`` exactly, and where."""
        site = self._site(fs_path)
        if site is None:
            return []
        return [(site.documents[i], site.documents[i].references[title]) for i in sorted(site.naming.get(title, ()))]

    def text_changed(self, fs_key: str) -> None:
        """The run's text of a document changed (a rename, or a fix given up): index it again."""
        for site in self._sites.values():
            if site is None or fs_key not in site.by_key:
                continue
            position = site.by_key[fs_key]
            usage = site.documents[position]
            for title in usage.references:
                site.naming[title].discard(position)
            usage.document = self._document(usage.target, fs_key)[0]
            self._index(site, position)

    def _site(self, fs_path: Path | None) -> _Site | None:
        root = self.collection.site_root(fs_path) if fs_path is not None else None
        if root is None:
            return None
        key = os.path.abspath(root)
        if key not in self._sites:
            self._sites[key] = self._read_site(root)
        return self._sites[key]

    def _read_site(self, root: Path) -> _Site:
        folders = [root / rule.folder for rule in self.config.collections if _may_hold_usage(rule)]
        config = self.config
        targets = discover([folder for folder in folders if folder.is_dir()], config_for=lambda _folder: config)
        site = _Site([], {}, {})
        for target in targets:
            fs_key = os.path.abspath(target.fs_path)
            document, read = self._document(target, fs_key)
            if not title_keys(kind_for(document, self.config)):
                continue
            site.by_key[fs_key] = len(site.documents)
            site.documents.append(UsageDocument(target, document, read))
            self._index(site, len(site.documents) - 1)
        return site

    def _document(self, target: Target, fs_key: str) -> tuple[Document, ReadTarget | None]:
        known = self.outcomes.get(fs_key)
        if known is not None:
            return Document(known.path, known.fixed, target.fs_path), None
        read = read_target(target, self.config)
        return read.document, read

    def _index(self, site: _Site, position: int) -> None:
        usage = site.documents[position]
        usage.references = references_by_title(usage.document, title_keys(kind_for(usage.document, self.config)))
        for title in usage.references:
            site.naming.setdefault(title, set()).add(position)


def _may_hold_usage(rule: CollectionRule) -> bool:
    return any(title_keys(kind) for kind in (rule.schema, *(kind for _value, kind in rule.by_value)))


def rename_references(doc: Document, nodes: list[Reference], new_title: str) -> tuple[str | None, str | None]:
    """(new text, None) with every reference renamed and verified, or (None, why not).

    Each reference is edited inside its value, so its spelling survives (escapes, spaces, a
    line break); where that cannot be done, or does not verify, the value is written anew.
    """
    reason = refusal(doc, structural_only=False)
    fm = doc.front_matter
    if reason is not None or fm is None:
        return None, reason
    problem = None
    for in_place in (True, False):
        edits = [edit for _path, node in nodes for edit in _renaming(fm, node, new_title, in_place)]
        new_text = apply_edits(doc.text, edits)
        problem = verify(doc, new_text, edits, [path for path, _node in nodes])
        if problem is None:
            renamed = Document(doc.path, new_text).data
            if any(value_at(renamed, path) != new_title for path, _node in nodes):
                problem = _("a renamed reference does not read as the new title")
        if problem is None:
            return new_text, None
    return None, problem


def _renaming(fm: FrontMatter, node: yaml.ScalarNode, new_title: str, in_place: bool) -> list[Edit]:
    start, end = fm.file_offset(node.start_mark), fm.file_offset(node.end_mark)
    style = node.style if node.style in (SINGLE, DOUBLE) else PLAIN
    token = fm.yaml[start - fm.offset : end - fm.offset]
    edits = value_edits(token, style, start, node.value, new_title) if in_place else None
    return edits if edits is not None else [Edit(start, end, render_scalar(new_title, style))]


def carry_rename(outcome: FileOutcome, titles: TitleIndex, run: RunOutcome) -> None:
    """Rename every reference to the title ``outcome``'s fixes changed, or give those fixes up."""
    if outcome.renamed_title is None:
        return
    old_title, new_title = outcome.renamed_title
    renamed: list[tuple[FileOutcome, str, list[Reference], UsageDocument]] = []
    for usage, nodes in titles.references(outcome.fs_path, old_title):
        new_text, problem = rename_references(usage.document, nodes, new_title)
        if new_text is None:
            outcome.give_up(
                refused=_("the title change cannot be carried to {path}: {problem}; nothing written").format(
                    path=usage.target.display, problem=problem
                )
            )
            if outcome.fs_path is not None:
                titles.text_changed(os.path.abspath(outcome.fs_path))
            return
        renamed.append((_outcome_of(usage, titles, run), new_text, nodes, usage))
    # the rule whose title fix the renames carry
    code = next((a.code for a in outcome.applied if TITLE_PATH in a.changes_data_at), outcome.applied[0].code)
    for usage_outcome, new_text, nodes, usage in renamed:
        fm = usage.document.front_matter
        first = fm.file_offset(nodes[0][1].start_mark) if fm is not None else 0
        usage_outcome.fixed = new_text
        usage_outcome.written_with.append(outcome)  # all or nothing: see write_outcomes
        outcome.written_with.append(usage_outcome)
        usage_outcome.applied.append(
            AppliedFix(
                code,
                usage.document.span(first, first + len(old_title)),
                ngettext(
                    "Rename {count} reference to '{old}' as '{new}'",
                    "Rename {count} references to '{old}' as '{new}'",
                    len(nodes),
                ).format(count=len(nodes), old=old_title, new=new_title),
                tuple(path for path, _node in nodes),
            )
        )
        titles.text_changed(os.path.abspath(usage.target.fs_path))


def _outcome_of(usage: UsageDocument, titles: TitleIndex, run: RunOutcome) -> FileOutcome:
    """The run's outcome for a usage document, added to the run when the run did not fix it."""
    key = os.path.abspath(usage.target.fs_path)
    known = titles.outcomes.get(key)
    if known is None:
        read = usage.read
        text = usage.document.text
        known = FileOutcome(
            usage.target.display,
            text,
            text,
            usage.target.fs_path,
            read.raw if read else None,
            read.mtime_ns if read else None,
            root=confining_root(usage.target.fs_path, titles.config),
        )
        titles.outcomes[key] = known
        run.files.append(known)
    return known


def locate_held_back(outcome: FileOutcome, titles: TitleIndex) -> None:
    """List the references each held-back title fix of ``outcome`` would break."""
    for index, held in enumerate(outcome.held_back):
        if held.old_title is None:
            continue
        references = tuple(
            TitleReference(usage.target.display, *usage.document.position(_offset(usage.document, node)), path)
            for usage, nodes in titles.references(outcome.fs_path, held.old_title)
            for path, node in nodes
        )
        outcome.held_back[index] = HeldBackTitleFix(held.diagnostic, held.old_title, references)


def _offset(doc: Document, node: yaml.Node) -> int:
    fm = doc.front_matter
    return fm.file_offset(node.start_mark) if fm is not None else 0
