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

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import yaml

from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _, quoted
from methlint.rules._base import Context, Rule, Scope, close_matches

# list key in a usage document -> the kind of document its entries name
REFERENCE_KEYS = (("methodes", "method"), ("outil", "tool"))
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_WORD = re.compile(r"\w{3,}")
# Up to this many titles, "did you mean" compares the name with every title; beyond, with
# the 50 titles sharing most words with it (difflib costs ~10 µs a title, and every dangling
# name of a 10k-document site would otherwise pay for all of them).
COMPARE_ALL_UP_TO = 200
CANDIDATES = 50


def _flat(text: str) -> str:
    return text.translate(_APOSTROPHES).casefold()


class Titles:
    """The titles of one kind of document in a site, indexed for "did you mean"."""

    def __init__(self, titles: set[str]) -> None:
        self.known = frozenset(titles)
        self._sorted = sorted(titles)
        self._by_flat: dict[str, str] = {}
        self._by_word: dict[str, list[str]] = {}
        for title in self._sorted:
            flat = _flat(title)
            self._by_flat.setdefault(flat, title)
            for word in set(_WORD.findall(flat)):  # each list stays in title order
                self._by_word.setdefault(word, []).append(title)

    def suggestion(self, name: str) -> str:
        same = self._by_flat.get(_flat(name))
        if same is not None:
            return _(": did you mean '{title}'? (only the apostrophe or the case differs)").format(title=same)
        close = close_matches(name, self.candidates(name), n=3, cutoff=0.6)
        if close:
            return _(": did you mean {titles}?").format(titles=_(" or ").join(map(quoted, close)))
        return ""

    def candidates(self, name: str) -> list[str]:
        if len(self._sorted) <= COMPARE_ALL_UP_TO:
            return self._sorted
        shared: Counter[str] = Counter()
        for word in sorted(set(_WORD.findall(_flat(name)))):  # sorted: ties rank the same in every run
            shared.update(self._by_word.get(word, ()))
        return [title for title, _count in shared.most_common(CANDIDATES)]


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if doc.fs_path is None or fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    if ctx.kind(doc) != "usage":
        return
    root = ctx.collection.site_root(doc.fs_path)
    if root is None:
        return
    titles = ctx.collection.derived("titles", str(root), lambda: _titles(ctx, root))
    for key, kind in REFERENCE_KEYS:
        names = fm.data.get(key)
        if not isinstance(names, list):
            continue  # empty or wrong type: the schema's business
        known = titles.get(kind) or Titles(set())
        _key, seq = fm.node_at((key,))
        for index, name in enumerate(names):
            if not isinstance(name, str) or name in known.known:
                continue
            assert seq is not None  # a key of the data, read from the tree
            node = seq.value[index]
            end = fm.file_offset(node.end_mark) if isinstance(node, yaml.ScalarNode) else None
            what = _("method") if kind == "method" else _("tool")
            yield Finding(
                doc.span(fm.file_offset(node.start_mark), end),
                _("'{name}' in '{key}' is not the title of any {what} document").format(name=name, key=key, what=what)
                + known.suggestion(name),
            )


def _titles(ctx: Context, root: Path) -> dict[str, Titles]:
    titles: dict[str, set[str]] = {}
    for entry in ctx.collection.site_entries(root):
        title = entry.get("title")
        if isinstance(title, str):
            titles.setdefault(ctx.collection.kind(entry), set()).add(title)
    return {kind: Titles(names) for kind, names in titles.items()}


RULE = Rule(
    "REF001",
    "dangling-reference",
    check,
    __doc__,
    "Usage names a method or tool that does not exist",
    scope=Scope.COLLECTION,
)
