"""
## What it does
Reports three periods written for an ellipsis (`...` → `…`) and periods after an ellipsis
(`….` → `…`). `etc...` is TYP012's.

## Why is this bad?
Front-matter values are printed raw, so `...` stays three periods there.

On the page: kramdown's typographic symbols (Jekyll's default) write `…` for `...` in the
body and in a value printed through `markdownify`, so those findings are invisible; a value
printed raw, `….` and `. . .` show as typed.

## Example
```markdown
et ensuite...
```

Use instead:
```markdown
et ensuite…
```

## Fix safety
Safe: only the periods change, outside code, URLs and file names; version ranges such as
`1...3` are not reported.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from methlint.diagnostics import Difference, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

_THREE_PERIODS = re.compile(r"\.\.\.(?![.\d])(?<![.\d]\.\.\.)(?<!\betc\.\.\.)")
_PERIODS_AFTER_ELLIPSIS = re.compile(r"…(\.+)")
_SPACED_PERIODS = re.compile(r"\. \. \.(?! ?\.)(?<![.\w] \. \. \.)")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    matches = itertools.chain(
        prose.find(_THREE_PERIODS, starting_with="..."),
        prose.find(_PERIODS_AFTER_ELLIPSIS, starting_with="…"),
        prose.find(_SPACED_PERIODS, starting_with=". . ."),
    )
    for unit, match in matches:
        start, end = match.span(match.lastindex or 0)
        if match.group() in ("...", ". . ."):
            message, replacement = _("three periods: write an ellipsis '…'"), "…"
        else:
            message, replacement = _("period after an ellipsis: remove it"), ""
        yield Finding(
            doc.span(start, end),
            message,
            unit_fix(unit, _("Write '…'"), (Edit(start, end, replacement),)),
            # kramdown writes … for three periods, not for spaced ones or periods after an ellipsis
            difference=Difference.ELLIPSIS if match.group() == "..." else None,
        )


RULE = Rule(
    "TYP011",
    "ellipsis",
    check,
    __doc__,
    "Three periods instead of '…'",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
