"""
## What it does
Reports a field of a form whose `name` no document of the collection uses and no contract
of the collection knows, with the key the documents or the contract use that it most
resembles ("did you mean"). Forms whose folder holds no document and has no contract are
left alone; `body` is the Markdown, never unused.

## Why is this bad?
Editors fill an input that nothing reads: the layout prints the documents' key, not this
one. Such fields are often what an old version of the site used (`atout1`, `atout2`,
`atout3`, since replaced by the list `atouts`).

## Example
```yaml
- {label: "atout1", name: "atout1", widget: "string"}   # the documents use `atouts`
```

## Fix safety
No fix: removing a field is the team's call.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from methlint.cms.decap import BODY
from methlint.cms.rules import site_of
from methlint.diagnostics import Finding, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    site = site_of(doc, ctx)
    for form in site.forms:
        if not form.documents and not form.kinds:
            continue
        used = set(form.keys) | form.known_keys()
        candidates = sorted(used - form.field_names())
        for field in form.fields:
            if field.name is None or field.name == BODY or field.name in used:
                continue
            message = _("field '{name}' is used by no document of {where} and no contract knows it").format(
                name=field.name, where=form.where
            )
            close = difflib.get_close_matches(field.name, candidates, n=1, cutoff=0.7)
            if close:
                message += _(": did you mean '{key}'?").format(key=close[0])
            yield Finding(site.config.span(field.value_node("name")), message)


RULE = Rule(
    "CMS007",
    "unused-form-field",
    check,
    __doc__,
    "Form field no document or contract uses",
    severity=Severity.WARNING,
    scope=Scope.CMS_CONFIG,
)
