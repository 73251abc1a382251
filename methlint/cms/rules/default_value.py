"""
## What it does
Reports a field's `default` that the contract of its key rejects (for each kind of document
the collection holds whose contract knows the key), with the values the contract allows
when it lists them.

## Why is this bad?
Decap CMS writes the default into every new document, and a hidden field into every
document saved: `layout: default` where the contract wants `outil` renders every tool
saved with the form in the wrong layout, overriding `_config.yml`'s defaults.

## Example
```yaml
- {label: "Layout", name: "layout", widget: "hidden", default: "default"}   # outil or methode
```

## Fix safety
No fix: `methlint cms generate` writes the default the contract fixes.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.cms.rules import contracts_text, site_of
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    site = site_of(doc, ctx)
    for form in site.forms:
        for field in form.fields:
            if "default" not in field.data or field.name is None:
                continue
            default = field.data["default"]
            against = [c for c in form.contracts(field.name) if not c.accepts(default)]
            if not against:
                continue
            allowed = [v for c in against for v in (c.schema.get("enum") or [])]
            message = _("default {value!r} of '{name}' is not allowed in {contracts}").format(
                value=default, name=field.name, contracts=contracts_text([c.kind for c in against])
            )
            if allowed:
                message += _(" (allowed: {values})").format(values=", ".join(str(v) for v in allowed))
            message += _(": every document saved with the form gets it")
            yield Finding(site.config.span(field.value_node("default")), message)


RULE = Rule(
    "CMS010",
    "default-contradicts-contract",
    check,
    __doc__,
    "Field's default the contract rejects",
    scope=Scope.CMS_CONFIG,
)
