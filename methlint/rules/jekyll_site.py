"""The site around the document: a readable `_config.yml`, layouts that exist (JEK001, LAY001)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope

CONFIG_DOC = """
## What it does
Reports a site configuration (`_config.yml`) that Jekyll cannot read or that methlint cannot
understand (not YAML, not a mapping, a `defaults` entry without `values`), at its own line.
It is reported once per run, whichever documents of the site are checked.

## Why is this bad?
Jekyll stops on a broken `_config.yml`: the whole site fails to build. methlint also reads
its collections, defaults and excludes to check documents as Jekyll will see them.

## Example
```yaml
defaults:
  - scope:
      path: ""
    values:
    layout: default
```

## Fix safety
No fix.
"""

LAYOUT_DOC = """
## What it does
Reports a `layout` (the document's own, or the default given by `_config.yml`) that names no
file of the site's `_layouts/` folder, when that folder exists. A layout in a subfolder is
named by its path, as Jekyll names it: `layout: en/home` is `_layouts/en/home.html`.

## Why is this bad?
Jekyll renders a document whose layout does not exist as bare text, without the site's
header, navigation or method card.

## Example
```yaml
layout: methodes
```
while `_layouts/` holds `methode.html`.

## Fix safety
No fix: the right layout is the editor's call.
"""


def _check_config(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.fs_path is None:
        return
    site = ctx.site(doc)
    if site is None or not site.problems:
        return
    config = site.document()  # reported with every document of the site; the linter keeps one
    for offset, message in site.problems:
        yield Finding(config.span(offset), message, path=config.path)


def _check_layout(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if doc.fs_path is None or fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    site = ctx.site(doc)
    if site is None:
        return
    listing = ctx.collection.listing(site.root / "_layouts")
    if listing is None:
        return  # no _layouts/ folder: a theme provides them
    if "layout" in fm.data:
        value = fm.data["layout"]
        _key, node = fm.node_at(("layout",))
        assert node is not None  # a key of the data
        span, path = doc.span(fm.file_offset(node.start_mark), fm.file_offset(node.end_mark)), None
    else:
        default = site.defaults_for(doc.fs_path).get("layout")
        if default is None:
            return
        value, config = default.value, site.document()
        span, path = config.span(default.start, default.end), config.path
    if not isinstance(value, str) or value in ("", "none", "null"):
        return  # Jekyll's way to ask for no layout
    names = _layout_names(ctx, site.root / "_layouts", "")
    if value not in names:
        available = ", ".join(sorted(names)) or _("none")
        yield Finding(
            span,
            _("layout '{layout}' has no file in _layouts/ (available: {available})").format(
                layout=value, available=available
            ),
            path=path,
        )


_LAYOUT_DEPTH = 8  # Jekyll reads _layouts/**/*; a deeper tree is no site's


def _layout_names(ctx: Context, folder: Path, prefix: str, depth: int = 0) -> set[str]:
    """The layout names Jekyll gives the files of ``folder`` and its subfolders: the path below
    ``_layouts/`` without its last extension (`en/home` for `_layouts/en/home.html`). Hidden,
    backup and underscore names are skipped, as Jekyll's entry filter skips them; so are links
    to folders (never followed out of the site)."""
    listing = ctx.collection.listing(folder)
    if listing is None:
        return set()
    names = set()
    for name in listing.names:
        if name.startswith((".", "_", "#", "~")) or name.endswith("~"):
            continue
        if name in listing.dirs:
            if depth < _LAYOUT_DEPTH:
                names |= _layout_names(ctx, folder / name, f"{prefix}{name}/", depth + 1)
        elif name not in listing.links or (folder / name).is_file():
            names.add(prefix + name.rsplit(".", 1)[0])
    return names


CONFIG = Rule(
    "JEK001",
    "invalid-site-config",
    _check_config,
    CONFIG_DOC,
    "Site configuration cannot be read",
    scope=Scope.COLLECTION,
)
LAYOUT = Rule(
    "LAY001",
    "missing-layout",
    _check_layout,
    LAYOUT_DOC,
    "Layout names no file in _layouts/",
    scope=Scope.COLLECTION,
)
