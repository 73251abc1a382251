"""
## What it does
Reports an entry of `methodes:` or `outil:` in a usage document (`_usage/`) that is not,
case-exactly, the `title` of a method or tool document of the site, at the entry's own line,
with the closest existing titles ("did you mean"). A typographic apostrophe (`’`) where the
title has a straight one (`'`), or the reverse, is named as such. The titles are read from
every collection folder of the site, even when only the usage document is checked.

## Why is this bad?
Titles are identifiers: the layouts join with `site.outil | where: "title", name`. A name
that matches no title silently empties the method card on the page.

## Example
```yaml
methodes:
- L’atelier citoyen   # the method is titled L'atelier citoyen
```

## Fix safety
No fix: renaming the entry or the title is the editor's call.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path

import yaml

from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope
from methlint.schemas import kind_for

# list key in a usage document -> the kind of document its entries name
REFERENCE_KEYS = (("methodes", "method"), ("outil", "tool"))
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def _suggestion(name: str, titles: list[str]) -> str:
    flat = name.translate(_APOSTROPHES).casefold()
    same = [t for t in titles if t.translate(_APOSTROPHES).casefold() == flat]
    if same:
        return _(": did you mean '{title}'? (only the apostrophe or the case differs)").format(title=same[0])
    close = difflib.get_close_matches(name, titles, n=3, cutoff=0.6)
    if close:
        return _(": did you mean {titles}?").format(titles=_(" or ").join(f"'{t}'" for t in close))
    return ""


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if doc.fs_path is None or fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    if kind_for(doc, ctx.config) != "usage":
        return
    root = ctx.collection.site_root(doc.fs_path)
    if root is None:
        return
    titles = ctx.collection.derived("titles", str(root), lambda: _titles(ctx, root))
    for key, kind in REFERENCE_KEYS:
        names = fm.data.get(key)
        if not isinstance(names, list):
            continue  # empty or wrong type: the schema's business
        known = titles.get(kind, set())
        _key, seq = fm.node_at((key,))
        for index, name in enumerate(names):
            if not isinstance(name, str) or name in known:
                continue
            node = seq.value[index]
            end = fm.file_offset(node.end_mark) if isinstance(node, yaml.ScalarNode) else None
            what = _("method") if kind == "method" else _("tool")
            yield Finding(
                doc.span(fm.file_offset(node.start_mark), end),
                _("'{name}' in '{key}' is not the title of any {what} document").format(name=name, key=key, what=what)
                + _suggestion(name, sorted(known)),
            )


def _titles(ctx: Context, root: Path) -> dict[str, set[str]]:
    titles: dict[str, set[str]] = {}
    for entry in ctx.collection.site_entries(root):
        title = entry.get("title")
        if isinstance(title, str):
            titles.setdefault(ctx.collection.kind(entry), set()).add(title)
    return titles


RULE = Rule(
    "REF001",
    "dangling-reference",
    check,
    __doc__,
    "Usage names a method or tool that does not exist",
    scope=Scope.COLLECTION,
)
