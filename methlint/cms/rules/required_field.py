"""
## What it does
Reports a field whose `required` (true unless it says `required: false`, as in Decap CMS)
disagrees with the contract of its key: the form requires a value the contract lets be
empty or absent, or lets editors leave empty a key the contract requires with a value. A
key the contract requires but lets be empty needs `required: false` and a `default` (`""`):
Decap writes no key for a field left untouched. Hidden fields are left alone: they always
write their `default`.

## Why is this bad?
A form stricter than the contract stops editors from saving a valid document (a method
whose `contract:` is rightly empty cannot be saved); a looser one lets them save documents
`methlint check` then rejects (SCH001 for a key left out).

## Example
```yaml
- {label: "contract", name: "contract", widget: "string"}   # contract: "minLength": 0
```

## Fix safety
No fix: `methlint cms generate` writes `required` from the contract.
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
            if field.widget == "hidden" or field.name is None:
                continue
            contracts = form.contracts(field.name)
            span = site.config.span(field.value_node("required"), field.value_node("name"))
            if field.required:
                loose = [c.kind for c in contracts if not c.form_required]
                if loose:
                    yield Finding(
                        span,
                        _(
                            "the form requires '{name}', which may be empty in {contracts}: editors cannot save "
                            "a document that rightly leaves it empty; write 'required: false'"
                        ).format(name=field.name, contracts=contracts_text(loose)),
                    )
                continue
            strict = [c.kind for c in contracts if c.form_required]
            if strict and len(strict) == len(contracts):
                yield Finding(
                    span,
                    _("'{name}' needs a value in {contracts}, but 'required: false' lets editors save it empty").format(
                        name=field.name, contracts=contracts_text(strict)
                    ),
                )
            present = [c.kind for c in contracts if c.required and not c.form_required]
            if present and "default" not in field.data:
                yield Finding(
                    span,
                    _(
                        "'{name}' must be present in {contracts}, even empty: without a 'default', documents "
                        "created with the form lack it"
                    ).format(name=field.name, contracts=contracts_text(present)),
                )


RULE = Rule(
    "CMS009",
    "required-contradicts-contract",
    check,
    __doc__,
    "Field's required disagrees with the contract",
    scope=Scope.CMS_CONFIG,
)
