"""What the site's layouts do with a document's keys (issue 21): a value written with the
prefix the layout already puts before it (LAY002), a required key nothing renders (LAY003).

The layouts and includes are read by :mod:`methlint.site_templates`, once per site and run;
a document whose layout the site does not have gets neither finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.diagnostics import Finding, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rendered_keys import JEKYLL_READS, rendering
from methlint.rules._base import Context, Rule, Scope
from methlint.site_templates import KeyUse

PREFIXED_DOC = """
## What it does
Reports a value written with the path the layout already puts before it: the layout prints
`url(/img/{{ page.img-bg }})` and the value is `/img/cap-bg.jpg` (or `img/cap-bg.jpg`, or any
path from the site root), so the page asks for `/img//img/cap-bg.jpg`. The finding names the
template and line that print the value; where no template of the site prints the key (a
content repository without its layouts), the contract's `x-asset` `prefix` says what they write.

## Why is this bad?
The server finds no such file: the image is broken on the published page, while the file
exists and every other check (AST001) finds it.

## Example
```yaml
img-bg: /img/cap-bg.jpg    # _layouts/outil.html prints url(/img/{{ page.img-bg }})
```

Use instead:
```yaml
img-bg: cap-bg.jpg
```

## Fix safety
No fix: the value or the layout may be the one to change.
"""

UNRENDERED_DOC = """
## What it does
Reports a key the contract requires that neither the document's layout (with the includes it
calls) nor any page of the site reading its collection uses, at the key's line. Keys Jekyll
reads itself (`date`, `layout`, `permalink`, `published`, `tags`…) are not reported, nor
anything when the templates use none of the contract's keys (a stub layout).

## Why is this bad?
Editors are made to fill in a value that never shows: the contract and the layouts disagree,
and one of them should change.

## Example
```yaml
contact: equipe@example.org   # required, but _layouts/methode.html never prints page.contact
```

## Fix safety
No fix: make the key optional in the contract, or print it in the layout.
"""


def _prefixed(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    for key, value in fm.data.items():
        if not isinstance(key, str) or not isinstance(value, str) or not value:
            continue
        for prefix, use in _prefixes(doc, ctx, key):
            if not prefix.startswith("/") or not prefix.endswith("/"):
                continue  # only a path the layout builds from the site root
            if value.startswith("/") or value.startswith(prefix.lstrip("/")):
                _key, node = fm.node_at((key,))
                assert node is not None  # a key of the data, read from the tree
                span = doc.span(fm.file_offset(node.start_mark), fm.file_offset(node.end_mark))
                yield Finding(span, _said(key, value, prefix, use) + _advice(value, prefix))
                break


def _prefixes(doc: Document, ctx: Context, key: str) -> list[tuple[str, KeyUse | None]]:
    """What is written before the key's value, and where: by the templates that print it, else
    by the contract's ``x-asset`` prefix (None: a content repository without its layouts)."""
    found = rendering(doc, ctx)
    uses = found.of(key) if found is not None else ()
    if uses:
        return [(use.url_prefix, use) for use in uses if use.url_prefix]
    declared = ctx.contract(doc)
    place = declared.assets.get(key) if declared is not None else None
    return [(place.prefix, None)] if place is not None and place.prefix else []


def _said(key: str, value: str, prefix: str, use: KeyUse | None) -> str:
    if use is None:
        return _("'{key}' is written after '{prefix}' (the contract's x-asset): the page asks for {shown}").format(
            key=key, prefix=prefix, shown=prefix + value
        )
    return _("'{key}' is printed after '{prefix}' by {template}:{line}: the page asks for {shown}").format(
        key=key, prefix=prefix, template=use.path, line=use.line, shown=prefix + value
    )


def _advice(value: str, prefix: str) -> str:
    """The value without the layout's prefix, when it holds it; else the two ways out."""
    for written in (prefix, prefix.lstrip("/")):
        if value.startswith(written) and value != written:
            return _(": write {name!r}").format(name=value[len(written) :])
    return _(": name a file of {prefix} without it, or change the layout").format(prefix=prefix)


def _unrendered(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    declared = ctx.contract(doc)
    found = rendering(doc, ctx)
    if declared is None or found is None or fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    required, properties = declared.schema.get("required", []), declared.schema.get("properties", {})
    if not found.keys & set(properties if isinstance(properties, dict) else ()):
        return  # a layout printing none of the contract's keys is a stub: it says nothing of them
    for key in required if isinstance(required, list) else []:
        if key in JEKYLL_READS or key in found.keys or key not in fm.data:
            continue
        key_node, _node = fm.node_at((key,))
        assert key_node is not None  # a key of the data, read from the tree
        yield Finding(
            doc.span(fm.file_offset(key_node.start_mark), fm.file_offset(key_node.end_mark)),
            _(
                "'{key}' is required by the contract, but no template renders it (layout '{layout}'): it never shows"
            ).format(key=key, layout=found.layout),
        )


PREFIXED = Rule(
    "LAY002",
    "prefixed-twice",
    _prefixed,
    PREFIXED_DOC,
    "Value repeats the path the layout puts before it",
    scope=Scope.COLLECTION,
)
UNRENDERED = Rule(
    "LAY003",
    "required-but-unrendered",
    _unrendered,
    UNRENDERED_DOC,
    "Required key no template renders",
    severity=Severity.INFO,
    scope=Scope.COLLECTION,
)
