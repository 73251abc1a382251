"""
## What it does
Reports an `ordre` that another document of the same collection folder and the same
`categorie` already uses, at this document's `ordre` line, naming the others (path and line).
The same number in a `methode` and an `outil` document is fine, and gaps are allowed. The
grouping key is `ordre_scope` in the configuration (default `categorie`). The siblings are
read even when only one file is checked (pre-commit), but only the files checked are reported.
A missing `ordre` is the schema's business (SCH001), not this rule's.

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


def _index(ctx: Context, folder: Path, scope_key: str) -> dict[tuple[object, int], list[Entry]]:
    """(scope value, ordre) -> the documents holding it, built once per folder and run."""
    index: dict[tuple[object, int], list[Entry]] = {}
    for entry in ctx.collection.entries(folder):
        number = entry.get("ordre")
        if isinstance(number, int) and not isinstance(number, bool):
            index.setdefault((_hashable(entry.get(scope_key)), number), []).append(entry)
    return index


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.fs_path is None:
        return
    folder = ctx.collection.collection_folder(doc.fs_path)
    if folder is None:
        return
    fm = doc.front_matter
    if fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    number = fm.data.get("ordre")
    if not isinstance(number, int) or isinstance(number, bool):
        return  # missing or not a number: the schema reports it
    scope_key = ctx.config.ordre_scope
    by_number = ctx.collection.derived("ordre", f"{folder}\0{scope_key}", lambda: _index(ctx, folder, scope_key))
    holders = by_number.get((_hashable(fm.data.get(scope_key)), number), ())
    fs_key = os.path.abspath(doc.fs_path)
    clashes = [entry for entry in holders if entry.fs_key != fs_key]
    if not clashes:
        return
    own = entry_from_document(doc, folder.name, fs_key, indexed_keys(ctx.config))  # positions: only for a clash
    ordre = own.values["ordre"]
    others = ", ".join(f"{entry.path}:{entry.values['ordre'].line}" for entry in clashes)
    scope_value = own.get(scope_key)
    where = f"{scope_key} '{scope_value}'" if scope_value is not None else _("this collection")
    yield Finding(
        doc.span(ordre.start, ordre.end),
        _("ordre {n} is also used in {where} by {others}: give each document its own number").format(
            n=ordre.value, where=where, others=others
        ),
    )


RULE = Rule(
    "ORD001",
    "duplicate-ordre",
    check,
    __doc__,
    "Same ordre twice in one categorie",
    scope=Scope.COLLECTION,
)
