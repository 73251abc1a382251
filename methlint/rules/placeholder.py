"""
## What it does
Reports placeholder text left in a document (`À compléter`, as written by `methlint new`).

## Why is this bad?
A placeholder that reaches the site is published as is: a citizen reads « À compléter »
on a method card.

## Example
```yaml
tagline: À compléter
```

Use instead:
```yaml
tagline: Dispositif fondé sur le tirage au sort de citoyens
```

## Fix safety
No fix: only the editor knows the text.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.scaffold import PLACEHOLDER


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    position = doc.text.find(PLACEHOLDER)
    while position != -1:
        end = position + len(PLACEHOLDER)
        yield Finding(doc.span(position, end), _("placeholder text left to fill in: '{text}'").format(text=PLACEHOLDER))
        position = doc.text.find(PLACEHOLDER, end)


RULE = Rule("PH001", "placeholder-left", check, __doc__, "Placeholder text left in the document")
