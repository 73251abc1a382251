"""How the site's templates use the keys of one document: what its layout and includes print
(``page.x``, ``include.x`` resolved to its callers' documents), and what the site's pages read
of its collection (``site.outil``'s ``img-bg``), as :mod:`methlint.site_templates` reads them.

The templates of a site are read once per run (:meth:`Collection.derived`). A document whose
layout the site does not have (no ``_layouts/``, or a name it lacks) gets no answer (None):
nothing can be said of what renders it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from methlint.document import Document
from methlint.rules._base import Context
from methlint.site_templates import KeyUse, SiteTemplates, read_templates

# Keys Jekyll reads itself from a document's front matter: a template need not use them.
JEKYLL_READS = frozenset("layout permalink published date categories category tags slug excerpt_separator".split())


@dataclass
class Rendering:
    """The uses of a document's keys: by its layout chain and includes, and by the site's
    pages through its collection."""

    layout: str
    uses: tuple[KeyUse, ...]

    def of(self, key: str) -> tuple[KeyUse, ...]:
        return self.by_key.get(key, ())

    @cached_property
    def by_key(self) -> dict[str, tuple[KeyUse, ...]]:
        found: dict[str, list[KeyUse]] = {}
        for use in self.uses:
            found.setdefault(use.key, []).append(use)
        return {key: tuple(uses) for key, uses in found.items()}

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.by_key)


def rendering(doc: Document, ctx: Context) -> Rendering | None:
    """How the site renders ``doc``, or None when its layout is not one of the site's."""
    return ctx.memo("rendering", doc, lambda: _rendering(doc, ctx))  # type: ignore[no-any-return]


def _rendering(doc: Document, ctx: Context) -> Rendering | None:
    site = ctx.site(doc)
    data = doc.data
    if site is None or doc.fs_path is None or not isinstance(data, dict):
        return None
    layout = data.get("layout")
    if layout is None and "layout" in (defaults := site.defaults_for(doc.fs_path)):
        layout = defaults["layout"].value
    if not isinstance(layout, str):
        return None
    collection = site.collection_of(doc.fs_path)
    return ctx.collection.derived(  # type: ignore[no-any-return]
        "rendering", f"{site.root}\0{layout}\0{collection}", lambda: _of_layout(ctx, site.root, layout, collection)
    )


def _of_layout(ctx: Context, root: Path, layout: str, collection: str | None) -> Rendering | None:
    """The uses for the documents of one layout and collection, gathered once per run."""
    templates = _templates(ctx, root)
    if layout not in templates.layouts:
        return None
    uses = templates.for_layout(layout)
    if collection is not None:
        uses += templates.for_collection(collection)
    return Rendering(layout, uses)


def _templates(ctx: Context, root: Path) -> SiteTemplates:
    return ctx.collection.derived("templates", str(root), lambda: read_templates(root))  # type: ignore[no-any-return]
