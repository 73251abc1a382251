"""
## What it does
Reports a value the contract says is unique (`x-unique`, docs/schema.md) that another document
of the same collection folder already uses, among the documents sharing the values of its
`within` keys, at this document's line, naming the others (path and line). In the shipped
contracts, `ordre` is unique within `categorie`: the same number in a `methode` and an `outil`
document is fine, and gaps are allowed (the configuration's `ordre-scope` names another key for
every contract). The siblings are read even when only one file is
checked (pre-commit), but only the files checked are reported. A missing `ordre` is the
schema's business (SCH001), not this rule's.

## Why is this bad?
The pages list documents with `where: "categorie", "methode" | sort: 'ordre'`: two
documents with the same `ordre` come out in an order nobody chose, which can change from
one build to the next.

## Example
```yaml
# _outil/conference.md                # _outil/atelier.md
categorie: methode                    categorie: methode
ordre: 5                              ordre: 5
```

## Fix safety
No fix: which document moves is the editor's call.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from methlint.collection import Entry, entry_from_document, indexed_keys
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope


def _hashable(value: object) -> object:
    try:
        hash(value)
    except TypeError:
        return repr(value)  # a list as categorie: still comparable, never equal to a text
    return value


def _comparable(value: object) -> bool:
    """A number or a text: anything else (missing, empty, a list) is the schema's business."""
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, str) and value != "")


Index = dict[tuple[object, ...], list[Entry]]


def _index(ctx: Context, folder: Path, key: str, within: tuple[str, ...]) -> Index:
    """(values of ``within``…, value of ``key``) -> the documents holding it, built once per folder and run."""
    index: Index = {}
    for entry in ctx.collection.entries(folder):
        value = entry.get(key)
        if _comparable(value):
            index.setdefault((*(_hashable(entry.get(k)) for k in within), value), []).append(entry)
    return index


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.fs_path is None:
        return
    folder = ctx.collection.collection_folder(doc.fs_path)
    declared = ctx.contract(doc)
    if folder is None or declared is None:
        return
    fm = doc.front_matter
    if fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    for key, unique in declared.unique.items():
        yield from _clashes(doc, ctx, folder, key, unique.within, fm.data)


def _clashes(
    doc: Document, ctx: Context, folder: Path, key: str, within: tuple[str, ...], data: dict[str, object]
) -> Iterator[Finding]:
    value = data.get(key)
    if not _comparable(value):
        return
    by_value = ctx.collection.derived(
        "unique", "\0".join((str(folder), key, *within)), lambda: _index(ctx, folder, key, within)
    )
    holders = by_value.get((*(_hashable(data.get(k)) for k in within), value), ())
    fs_key = os.path.abspath(doc.fs_path) if doc.fs_path is not None else doc.path
    clashes = [entry for entry in holders if entry.fs_key != fs_key]
    if not clashes:
        return
    own = entry_from_document(doc, folder.name, fs_key, indexed_keys(ctx.config))  # positions: only for a clash
    found = own.values[key]
    others = ", ".join(f"{entry.path}:{entry.values[key].line}" for entry in clashes)
    scope = [f"{k} '{own.get(k)}'" for k in within if own.get(k) is not None]
    where = _(" and ").join(scope) if scope else _("this collection")
    message = (
        _("{key} {value} is also used in {where} by {others}: give each document its own number")
        if isinstance(found.value, int)
        else _("{key} {value!r} is also used in {where} by {others}: give each document its own value")
    )
    yield Finding(
        doc.span(found.start, found.end), message.format(key=key, value=found.value, where=where, others=others)
    )


RULE = Rule(
    "ORD001",
    "duplicate-ordre",
    check,
    __doc__,
    "Same value twice where it must be unique (ordre)",
    scope=Scope.COLLECTION,
)
