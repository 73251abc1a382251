"""Titles are identifiers: usage documents name methods and tools by their exact title.

A fix that changes a title (a straight apostrophe made typographic, say) would leave every
usage document naming the old title with a dangling reference (REF001). Without
``--unsafe-fixes`` such a fix is held back and the references it would break are listed; with
it, every reference is renamed in the same run and verified like any fix, or the title fix is
dropped and nothing of that document is written.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from methlint.config import Config
from methlint.diagnostics import Edit, Span
from methlint.discovery import Target, discover
from methlint.document import Document
from methlint.fix.edits import apply_edits
from methlint.fix.files import read_target
from methlint.fix.loop import TITLE_PATH
from methlint.fix.outcome import AppliedFix, DataPath, FileOutcome, HeldBackTitleFix, RunOutcome, TitleReference
from methlint.fix.refusal import refusal
from methlint.fix.verify import value_at, verify
from methlint.i18n import _
from methlint.yaml_text import DOUBLE, PLAIN, SINGLE, render_scalar

REFERENCE_KEYS = ("methodes", "outil")  # where usage documents name methods and tools by title
USAGE_FOLDER = "_usage"
Reference = tuple[DataPath, yaml.ScalarNode]  # where a usage document names a title, and its node


def site_root(fs_path: Path) -> Path | None:
    """The nearest folder above ``fs_path`` that holds the usage collection."""
    for folder in Path(os.path.abspath(fs_path)).parents:
        if (folder / USAGE_FOLDER).is_dir():
            return folder
    return None


def _reference_nodes(doc: Document, title: str) -> list[Reference]:
    fm = doc.front_matter
    if fm is None or not fm.ok or not isinstance(fm.root, yaml.MappingNode) or not isinstance(fm.data, dict):
        return []
    found: list[Reference] = []
    for key in REFERENCE_KEYS:
        key_node, node = fm.node_at((key,))
        if key_node is None:
            continue
        value = fm.data.get(key)
        if isinstance(node, yaml.ScalarNode) and isinstance(value, str) and value == title:
            found.append(((key,), node))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                if isinstance(item, yaml.ScalarNode) and isinstance(value, list) and value[index] == title:
                    found.append(((key, index), item))
    return found


def find_title_references(
    fs_path: Path | None, title: str, texts: dict[str, FileOutcome]
) -> list[tuple[Target, Document, list[Reference]]]:
    """Usage documents naming ``title`` exactly; this run's fixed text is read when there is one."""
    root = site_root(fs_path) if fs_path is not None else None
    if root is None:
        return []
    found = []
    for target in discover([root / USAGE_FOLDER]):
        known = texts.get(os.path.abspath(target.fs_path))
        if known is not None:
            doc = Document(known.path, known.fixed, target.fs_path)
        else:
            doc = read_target(target, Config()).document
        nodes = _reference_nodes(doc, title)
        if nodes:
            found.append((target, doc, nodes))
    return found


def rename_references(doc: Document, nodes: list[Reference], new_title: str) -> tuple[str | None, str | None]:
    """(new text, None) with every reference renamed and verified, or (None, why not)."""
    reason = refusal(doc, structural_only=False)
    fm = doc.front_matter
    if reason is not None or fm is None:
        return None, reason
    edits = []
    for _path, node in nodes:
        style = node.style if node.style in (SINGLE, DOUBLE) else PLAIN
        edits.append(
            Edit(fm.file_offset(node.start_mark), fm.file_offset(node.end_mark), render_scalar(new_title, style))
        )
    new_text = apply_edits(doc.text, edits)
    problem = verify(doc, new_text, edits, [path for path, _node in nodes])
    if problem is None:
        renamed = Document(doc.path, new_text).data
        if any(value_at(renamed, path) != new_title for path, _node in nodes):
            problem = _("a renamed reference does not read as the new title")
    return (None, problem) if problem else (new_text, None)


def carry_rename(outcome: FileOutcome, run: RunOutcome, by_fs_path: dict[str, FileOutcome]) -> None:
    """Rename every reference to the title ``outcome``'s fixes changed, or give those fixes up."""
    if outcome.renamed_title is None:
        return
    old_title, new_title = outcome.renamed_title
    renamed: list[tuple[FileOutcome, str, tuple[DataPath, ...], Span]] = []
    for target, doc, nodes in find_title_references(outcome.fs_path, old_title, by_fs_path):
        new_text, problem = rename_references(doc, nodes, new_title)
        if new_text is None:
            outcome.give_up(
                refused=_("the title change cannot be carried to {path}: {problem}; nothing written").format(
                    path=target.display, problem=problem
                )
            )
            return
        key = os.path.abspath(target.fs_path)
        usage = by_fs_path.get(key)
        if usage is None:
            read = read_target(target, Config())
            text = read.document.text
            usage = FileOutcome(target.display, text, text, target.fs_path, read.raw, read.mtime_ns)
            by_fs_path[key] = usage
            run.files.append(usage)
        first = _offset(doc, nodes[0][1])
        renamed.append((usage, new_text, tuple(path for path, _node in nodes), doc.span(first, first + len(old_title))))
    # the rule whose title fix the renames carry
    code = next((a.code for a in outcome.applied if TITLE_PATH in a.changes_data_at), outcome.applied[0].code)
    for usage, new_text, paths, span in renamed:
        usage.fixed = new_text
        usage.applied.append(
            AppliedFix(
                code,
                span,
                _("Rename {count} reference(s) to '{old}' as '{new}'").format(
                    count=len(paths), old=old_title, new=new_title
                ),
                paths,
            )
        )


def locate_held_back(outcome: FileOutcome, by_fs_path: dict[str, FileOutcome]) -> None:
    """List the references each held-back title fix of ``outcome`` would break."""
    for index, held in enumerate(outcome.held_back):
        if held.old_title is None:
            continue
        references = tuple(
            TitleReference(target.display, *doc.position(_offset(doc, node)), path)
            for target, doc, nodes in find_title_references(outcome.fs_path, held.old_title, by_fs_path)
            for path, node in nodes
        )
        outcome.held_back[index] = HeldBackTitleFix(held.diagnostic, held.old_title, references)


def _offset(doc: Document, node: yaml.Node) -> int:
    fm = doc.front_matter
    return fm.file_offset(node.start_mark) if fm is not None else 0
