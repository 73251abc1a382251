"""
## What it does
Reports a field named `body` that is not a body editor (`markdown`, `richtext`, `text` or
`code`), in a collection whose documents have a Markdown body: it writes into the body.
When its label, or a key of the contract or of the documents, says which key it meant,
the message names it.

## Why is this bad?
Decap CMS saves the `body` field as the Markdown after the front matter: a link, a date
or an image typed in such a field replaces the document's text, and the key the layout
reads stays empty.

## Example
```yaml
- {label: "link", name: "body", widget: "string"}   # meant: name: "link"
```

## Fix safety
No fix: renaming the field changes what it writes.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.cms.decap import BODY, BODY_WIDGETS
from methlint.cms.rules import site_of
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    site = site_of(doc, ctx)
    for form in site.forms:
        if not form.has_body:
            continue
        keys = set(form.keys) | form.known_keys()
        for field in form.fields:
            if field.name != BODY or field.widget in BODY_WIDGETS:
                continue
            message = _("field '{label}' (widget '{widget}') is named 'body': it writes into the Markdown body").format(
                label=field.label, widget=field.widget
            )
            meant = field.label.strip().lower()
            if meant != BODY and meant in keys:
                message += _(": name it '{key}'").format(key=meant)
            yield Finding(site.config.span(field.value_node("name")), message)


RULE = Rule(
    "CMS005",
    "field-writes-body",
    check,
    __doc__,
    "Field that is not the body writes into the body",
    scope=Scope.CMS_CONFIG,
)
