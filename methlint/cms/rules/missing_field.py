"""
## What it does
Reports, for each collection (or file) of the configuration, the keys its documents use
and the keys its contract requires that no field of the form edits, at the collection's
`fields`, with how many documents use the key and one of them. `body` (the Markdown) is
not a key.

## Why is this bad?
Editors cannot see or change these values in the form. Netlify CMS releases before March
2020 (decap-cms#1174, fixed by #3314) deleted the keys the form did not know on every save;
a site whose admin page still loads one loses them at the first save. A key the contract
requires and the form lacks is missing from every document created with the form.

## Example
The `_outil` documents have `categorie`, `ordre` and `atouts`; the form has `atout1`,
`atout2`, `atout3` and no field for them.

## Fix safety
No fix: `methlint cms generate` writes a form with a field for every key of the contract.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.cms.decap import BODY
from methlint.cms.rules import contracts_text, site_of
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _, ngettext
from methlint.rules._base import Context, Rule, Scope


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    site = site_of(doc, ctx)
    for form in site.forms:
        span = site.config.span(form.owner.key_node("fields"), form.owner.node)
        names = form.field_names() | {BODY}
        for key in sorted(set(form.keys) - names):
            users = form.keys[key]
            yield Finding(
                span,
                ngettext(
                    "'{key}' is in {count} document of {where} ({example}) but the form has no field "
                    "for it: editors cannot see or change it, and Netlify CMS releases before March 2020 delete "
                    "it on save",
                    "'{key}' is in {count} documents of {where} (such as {example}) but the form has no field "
                    "for it: editors cannot see or change it, and Netlify CMS releases before March 2020 delete "
                    "it on save",
                    len(users),
                ).format(key=key, count=len(users), where=form.where, example=users[0]),
            )
        required: dict[str, list[str]] = {}
        for kind in form.kinds:
            for key in kind.keys():
                contract = kind.contract(key)
                if contract is not None and contract.required and key not in names and key not in form.keys:
                    required.setdefault(key, []).append(kind.name)
        for key, kinds in sorted(required.items()):
            yield Finding(
                span,
                _(
                    "'{key}' is required in {contracts} but the form has no field for it: "
                    "documents created with the form lack it"
                ).format(key=key, contracts=contracts_text(kinds)),
            )


RULE = Rule(
    "CMS006",
    "key-missing-from-form",
    check,
    __doc__,
    "Documents' key the form has no field for",
    scope=Scope.CMS_CONFIG,
)
