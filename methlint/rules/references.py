"""
## What it does
Reports a value that names no document where the contract says it names one (`x-references`,
docs/schema.md): in the shipped contracts, an entry of `methodes:` or `outil:` in a usage
document (`_usage/`) that is not, case-exactly, the `title` of a method or tool document of the
site (`_outil/` with `categorie: methode` or `outil`). A site's contract may name documents by
their file name or their address (`permalink`, or `/organisations/ademe` for
`_organisations/ademe.md`). The finding is at the entry's own line, with the closest existing
names ("did you mean"); a typographic apostrophe (`’`) where the title has a straight one
(`'`), or the reverse, is named as such. The names are read from the whole collection, even
when only the referring document is checked.

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
from pathlib import Path, PurePosixPath

import yaml

from methlint.collection import Entry
from methlint.contracts import References
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _, quoted
from methlint.placement import site_collection_folders
from methlint.rules._base import Context, Rule, Scope, close_matches

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
    declared = ctx.contract(doc)
    if declared is None or not declared.references:
        return
    root = ctx.collection.site_root(doc.fs_path)
    if root is None:
        return
    for key, references in declared.references.items():
        names, (_key, held) = fm.data.get(key), fm.node_at((key,))
        assert held is not None or key not in fm.data  # a key of the data, read from the tree
        if isinstance(names, str) and held is not None and _takes_text(declared.schema, key):
            nodes: list[tuple[object, yaml.Node]] = [(names, held)]
        elif isinstance(names, list) and isinstance(held, yaml.SequenceNode):
            nodes = list(zip(names, held.value, strict=True))
        else:
            continue  # empty or wrong type: the schema's business
        known = ctx.collection.derived(
            "names", f"{root}\0{references}", lambda references=references: _names(ctx, root, references)
        )
        for name, node in nodes:
            if not isinstance(name, str) or known.has(name):
                continue
            end = fm.file_offset(node.end_mark) if isinstance(node, yaml.ScalarNode) else None
            message = _message(name, key, references, ctx) + known.suggestion(name)
            if not known.folder_found:
                message += " " + _("(the site has no folder {folder})").format(folder=references.folder_name)
            yield Finding(doc.span(fm.file_offset(node.start_mark), end), message)


def _takes_text(schema: dict[str, object], key: str) -> bool:
    """Whether the contract lets the key hold one name as text (else text there is the schema's business)."""
    properties = schema.get("properties")
    spec = properties.get(key) if isinstance(properties, dict) else None
    types = spec.get("type") if isinstance(spec, dict) else None
    return types == "string" or (isinstance(types, list) and "string" in types)


def _message(name: str, key: str, references: References, ctx: Context) -> str:
    if references.by == "title":
        return _("'{name}' in '{key}' is not the title of any {what} document").format(
            name=name, key=key, what=_what(references, ctx)
        )
    if references.by == "name":
        return _("'{name}' in '{key}' is not the file name of any {what} document").format(
            name=name, key=key, what=_what(references, ctx)
        )
    return _("'{name}' in '{key}' is not the address of any {what} document").format(
        name=name, key=key, what=_what(references, ctx)
    )


def _what(references: References, ctx: Context) -> str:
    """The kind of document named: "method" when ``where`` chooses the method contract of the
    collection by its discriminating key, else the collection (``_organisations``)."""
    for rule in ctx.config.collections:
        if rule.folder.rsplit("/", 1)[-1] != references.folder_name:
            continue
        allowed = dict(references.where).get(rule.discriminator, ())
        chosen = {id for value, id in rule.by_value if value in allowed}
        if len(chosen) == 1:
            return _noun(chosen.pop(), references)
        if not references.where and rule.schema is not None and not rule.by_value:
            return _noun(rule.schema, references)
    return references.folder_name


def _noun(id: str, references: References) -> str:
    """A shipped contract's kind (method); the collection (_organisations) for a site's."""
    nouns = {"method": _("method"), "tool": _("tool"), "usage": _("usage")}
    return nouns.get(id) or references.folder_name


class Names(Titles):
    """What names the documents a key may name: titles, file names or addresses."""

    def __init__(self, names: set[str], by: str, folder_found: bool = True) -> None:
        super().__init__(names)
        self.by = by
        self.folder_found = folder_found  # False: the site has no folder of the collection named

    def has(self, name: str) -> bool:
        return _address(name) in self.known if self.by == "permalink" else name in self.known


def _address(text: str) -> str:
    """An address as the site serves it: ``/organisations/ademe/`` and ``/organisations/ademe.html``
    name ``/organisations/ademe``."""
    text = text.rstrip("/")
    return text.removesuffix(".html") or "/"


def _names(ctx: Context, root: Path, references: References) -> Names:
    names: set[str] = set()
    entries = _entries_of(ctx, root, references.folder_name)
    for entry in entries or ():
        if not references.selects(entry.data):
            continue
        if references.by == "title":
            title = entry.get("title")
            names |= {title} if isinstance(title, str) else set()
        elif references.by == "name":
            names.add(PurePosixPath(entry.path).stem)
        else:
            permalink = entry.get("permalink")
            default = f"/{references.folder_name.removeprefix('_')}/{PurePosixPath(entry.path).stem}"
            names.add(_address(permalink if isinstance(permalink, str) else default))
    return Names(names, references.by, entries is not None)


def _entries_of(ctx: Context, root: Path, folder_name: str) -> list[Entry] | None:
    """The documents of the site's collection folders named ``folder_name`` (``_outil``), None
    when the site has no such folder."""
    folders = [f for f in site_collection_folders(root, ctx.config) if f.name == folder_name]
    if not folders and (root / folder_name).is_dir():
        folders = [root / folder_name]
    return [entry for folder in folders for entry in ctx.collection.entries(folder)] if folders else None


RULE = Rule(
    "REF001",
    "dangling-reference",
    check,
    __doc__,
    "Names a document that does not exist",
    scope=Scope.COLLECTION,
)
