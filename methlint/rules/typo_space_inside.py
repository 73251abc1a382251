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

import itertools
import re
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.prose import COMMA_PATTERNS, PERIOD_PATTERNS, prose, unit_fix
from methlint.rules._base import Context, Rule

_BLANKS = " \u00a0\u202f"
_SPACES_BEFORE = re.compile(rf"[{_BLANKS}]+$")
# One pattern per sign, starting with it (see Prose.find): signs are rarer than blanks.
# Searched for with the other rules' patterns that start with a comma or a period.
_COMMA_AFTER_BLANK, _PERIOD_AFTER_BLANK = (
    group.register(re.compile(rf"\{sign}(?<=[{_BLANKS}]\{sign})(?![.\w])(?![ \u00a0]\.)"))
    for group, sign in ((COMMA_PATTERNS, ","), (PERIOD_PATTERNS, "."))
)
_INSIDE_OPEN = tuple((re.compile(rf"\{sign}([{_BLANKS}]+)(?=[^\s)\]])"), sign) for sign in "([")
_INSIDE_CLOSE = tuple((re.compile(rf"\{sign}(?<=[{_BLANKS}]\{sign})"), sign) for sign in ")]")
# a few per page: str.find reaches them sooner than the regex engine's scan (see Prose.find_prefixed)
_BRACKETS = ("(", "[", ")", "]")


def _spaces_before(text: str, sign: int, not_after: str) -> tuple[int, int] | None:
    """The run of spaces that ends at ``sign``, unless it follows whitespace or ``not_after``."""
    run = _SPACES_BEFORE.search(text, max(0, sign - 40), sign)
    if run is None or run.start() == 0 or text[run.start() - 1].isspace():
        return None
    if text[run.start() - 1] in not_after:
        return None
    return run.start(), sign


def _removal(doc: Document, unit, start: int, end: int, message: str) -> Finding:
    return Finding(
        doc.span(start, end),
        message,
        unit_fix(doc, unit, _("Remove the space"), (Edit(start, end, ""),)),
    )


def check_comma_period(doc: Document, ctx: Context) -> Iterator[Finding]:
    extracted = prose(doc, ctx)
    found = itertools.chain(
        extracted.find_sign(COMMA_PATTERNS, _COMMA_AFTER_BLANK),
        extracted.find_sign(PERIOD_PATTERNS, _PERIOD_AFTER_BLANK),
    )
    for unit, match in found:
        sign = match.start()
        spaces = _spaces_before(extracted.text, sign, "([.")
        if spaces is not None:
            yield _removal(
                doc,
                unit,
                *spaces,
                _("space before '{sign}': remove it").format(sign=extracted.text[sign]),
            )


def check_brackets(doc: Document, ctx: Context) -> Iterator[Finding]:
    extracted = prose(doc, ctx)
    for unit, match in extracted.find_each(_INSIDE_OPEN, _BRACKETS):
        yield _removal(
            doc,
            unit,
            match.start(1),
            match.end(1),
            _("space after '{sign}': remove it").format(sign=match.group()[0]),
        )
    for unit, match in extracted.find_each(_INSIDE_CLOSE, _BRACKETS):
        sign = match.start()
        spaces = _spaces_before(extracted.text, sign, "([")
        if spaces is not None:
            yield _removal(
                doc,
                unit,
                *spaces,
                _("space before '{sign}': remove it").format(sign=extracted.text[sign]),
            )


COMMA_PERIOD = Rule(
    "TYP005",
    "space-before-comma-period",
    check_comma_period,
    __doc__,
    "Space before a comma or a period",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
BRACKETS = Rule(
    "TYP006",
    "space-inside-brackets",
    check_brackets,
    __doc__,
    "Space after '( [' or before ') ]'",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
