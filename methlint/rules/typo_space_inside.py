"""
## What it does
Reports spaces before a comma or a period, and spaces just inside parentheses and
brackets: `mot ,`, `etc. )`, `( mot`.

## Why is this bad?
French and English typography glue `, . ) ]` to the previous word and `( [` to the next
one; the space is visible on the page and can break the line before the sign.

## Example
```markdown
(transports, hébergement… )
```

Use instead:
```markdown
(transports, hébergement…)
```

## Fix safety
Safe: only the spaces are removed. `. . .`, `.5`, `.NET`, GitHub task boxes `[ ]` and
YAML flow lists (never prose) are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.prose import matches, prose, unit_fix
from methlint.rules._base import Context, Rule

_BEFORE_SIGN = re.compile(r"(?<=[^\s(\[.])[ \u00a0\u202f]+(?=[,.](?![.\w])(?![ \u00a0]\.))")
_INSIDE_OPEN = re.compile(r"[(\[]([ \u00a0\u202f]+)(?=[^\s)\]])")
_INSIDE_CLOSE = re.compile(r"(?<=[^\s(\[])[ \u00a0\u202f]+(?=[)\]])")


def _removal(doc: Document, unit, start: int, end: int, message: str) -> Finding:
    start, end = unit.start + start, unit.start + end
    return Finding(
        doc.span(start, end), message,
        unit_fix(doc, unit, _("Remove the space"), (Edit(start, end, ""),)),
    )


def check_comma_period(doc: Document, ctx: Context) -> Iterator[Finding]:
    for unit, match in matches(prose(doc, ctx).units, _BEFORE_SIGN, " "):
        sign = unit.text[match.end()]
        yield _removal(doc, unit, match.start(), match.end(),
                       _("space before '{sign}': remove it").format(sign=sign))


def check_brackets(doc: Document, ctx: Context) -> Iterator[Finding]:
    units = prose(doc, ctx).units
    for unit, match in matches(units, _INSIDE_OPEN, " "):
        yield _removal(doc, unit, match.start(1), match.end(1),
                       _("space after '{sign}': remove it").format(sign=match.group()[0]))
    for unit, match in matches(units, _INSIDE_CLOSE, " "):
        sign = unit.text[match.end()]
        yield _removal(doc, unit, match.start(), match.end(),
                       _("space before '{sign}': remove it").format(sign=sign))


COMMA_PERIOD = Rule(
    "TYP005", "space-before-comma-period", check_comma_period, __doc__,
    "Space before a comma or a period",
    severity=Severity.WARNING, fix=FixAvailability.ALWAYS,
)
BRACKETS = Rule(
    "TYP006", "space-inside-brackets", check_brackets, __doc__,
    "Space after '( [' or before ') ]'",
    severity=Severity.WARNING, fix=FixAvailability.ALWAYS,
)
