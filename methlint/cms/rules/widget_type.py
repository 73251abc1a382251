"""
## What it does
Reports a field whose widget writes a kind of value the contract of the key does not
accept: text where the contract wants a list, a list where it wants text, a number where it
wants text, and so on (for each kind of document the collection holds and whose contract
knows the key). The message names the widget that fits.

## Why is this bad?
Every document saved with the form breaks its contract: `clients` typed in a Markdown
editor becomes one text where the layout loops over a list, and `methlint check` reports
the document (SCH002) after the editor saved it.

## Example
```yaml
- {label: "clients", name: "clients", widget: "markdown"}   # contract: "type": "array"
```

## Fix safety
No fix: the widget's options (the list's fields, the select's options) are the team's call.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.cms.contracts import accepts_type
from methlint.cms.decap import value_types
from methlint.cms.rules import contracts_text, site_of
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import N_, _
from methlint.rules._base import Context, Rule, Scope

# The widget that writes each JSON type, for the message.
FITTING = {"array": "list", "boolean": "boolean", "integer": "number", "number": "number", "object": "object"}
_WORDS = {
    "array": N_("a list"),
    "boolean": N_("true or false"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "object": N_("a mapping"),
    "string": N_("text"),
    "null": N_("nothing"),
}


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    site = site_of(doc, ctx)
    for form in site.forms:
        for field in form.fields:
            written = value_types(field.widget, field.data)
            if written is None or field.name is None:
                continue
            against = [c for c in form.contracts(field.name) if not accepts_type(c.types, written)]
            if not against:
                continue
            wanted = sorted(set().union(*(c.types or set() for c in against)) - {"null"})
            fitting = next((FITTING[t] for t in wanted if t in FITTING), "string")
            yield Finding(
                site.config.span(field.value_node("widget"), field.node),
                _(
                    "widget '{widget}' writes {written}; '{name}' takes {wanted} in {contracts}: use widget '{fitting}'"
                ).format(
                    widget=field.widget,
                    written=_(_WORDS[sorted(written)[0]]),
                    contracts=contracts_text([c.kind for c in against]),
                    wanted=_(" or ").join(_(_WORDS[t]) for t in wanted),
                    name=field.name,
                    fitting=fitting,
                ),
            )


RULE = Rule(
    "CMS008",
    "widget-contradicts-contract",
    check,
    __doc__,
    "Widget writes what the contract rejects",
    scope=Scope.CMS_CONFIG,
)
