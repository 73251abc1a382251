"""
## What it does
Reports a stray second period: `française. .Le` (a period, spaces, then a period glued
to a capitalised word) and a lone `..` that is neither `...` nor `../`.

## Why is this bad?
The reader sees `. .Le` or `..` on the page; kramdown does not repair them.

## Example
```markdown
la population française. .Le recrutement
```

Use instead:
```markdown
la population française. Le recrutement
```

## Fix safety
`. .Le` is safe: the second period is removed and the capital confirms the sentence
start. A lone `..` is only shown: it may be a period or an ellipsis.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Applicability, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

_SPACED = re.compile(r"\.[ \u00a0]+(\.)(?=[*_]*[A-ZÀ-ÖØ-Þ])")
_DOUBLE = re.compile(r"\.\.(?![./…])(?<![.…]\.\.)(?<!\betc\.\.)")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    for unit, match in prose.find(_SPACED):
        period = match.start(1)
        yield Finding(
            doc.span(match.start(), period + 1),
            _("stray period before a sentence: remove the second period"),
            unit_fix(unit, _("Remove the stray period"), (Edit(period, period + 1, ""),)),
        )
    for unit, match in prose.find(_DOUBLE, starting_with=".."):
        start = match.start()
        yield Finding(
            doc.span(start, start + 2),
            _("two periods: keep one, or write an ellipsis '…'"),
            unit_fix(
                unit,
                _("Keep one period"),
                (Edit(start + 1, start + 2, ""),),
                Applicability.DISPLAY_ONLY,
            ),
        )


RULE = Rule(
    "TYP003",
    "stray-period",
    check,
    __doc__,
    "Stray second period ('. .Le', '..')",
    severity=Severity.ERROR,
    fix=FixAvailability.SOMETIMES,
)
