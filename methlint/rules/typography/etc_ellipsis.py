"""
## What it does
Reports `etc.` followed by more periods or by an ellipsis (`etc...`, `etc…`, `etc.…` →
`etc.`).

## Why is this bad?
`etc.` already ends with its abbreviation point and never takes an ellipsis.

## Example
```markdown
les frais, etc...
```

Use instead:
```markdown
les frais, etc.
```

## Fix safety
Safe: only the periods and the ellipsis after `etc` change, outside code, URLs and file
names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

_ETC = re.compile(r"etc(\.{2,}|\.?…+)")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    for unit, match in prose.find(_ETC, starting_with="etc"):
        if prose.text[match.start() - 1].isalnum():
            continue  # "fetc…": not the word etc
        start, end = match.span(1)
        yield Finding(
            doc.span(match.start(), end),
            _("'etc.' takes one period and no ellipsis: write 'etc.'"),
            unit_fix(unit, _("Write 'etc.'"), (Edit(start, end, "."),)),
        )


RULE = Rule(
    "TYP012",
    "etc-ellipsis",
    check,
    __doc__,
    "'etc...' or 'etc…' instead of 'etc.'",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
