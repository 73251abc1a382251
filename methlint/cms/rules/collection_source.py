"""
## What it does
Reports a collection with neither `folder` nor `files`, and a `folder` or a `file` that is
not in the site (the folder holding `_config.yml` above the configuration).

## Why is this bad?
Decap CMS refuses a collection without `folder` or `files` ("must match exactly one schema
in oneOf"), and with it the whole configuration. A folder that is not in the site shows an
empty collection: the documents the team meant are elsewhere.

## Example
```yaml
- name: "pages"
  label: "Pages"
  fields: [...]     # which documents? neither folder nor files
```

## Fix safety
No fix: which documents the collection edits is the team's call.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.cms.rules import site_of
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    site = site_of(doc, ctx)
    for collection in site.config.collections:
        if collection.get("folder") is None and collection.get("files") is None:
            yield Finding(
                site.config.span(collection.node),
                _("collection '{name}' has neither 'folder' nor 'files': Decap CMS refuses the configuration").format(
                    name=collection.name
                ),
            )
    for form in site.forms:
        if not form.exists:
            key = "folder" if form.owner is form.collection else "file"
            yield Finding(
                site.config.span(form.owner.value_node(key)),
                _("'{path}' is not a {what} of the site: the collection '{name}' shows no document").format(
                    path=form.where, what=_("folder") if key == "folder" else _("file"), name=form.collection.name
                ),
            )


RULE = Rule(
    "CMS003",
    "collection-without-documents",
    check,
    __doc__,
    "Collection with no documents to edit",
    scope=Scope.CMS_CONFIG,
)
