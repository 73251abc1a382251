"""
## What it does
Reports the spacing of numbers in French prose:

- a percent or currency sign glued to its number, or after an ordinary space: `20%`,
  `25 %`, `1000€` (a no-break space goes before `%`, `€`, `$`);
- an hour written `18h`, `9h30` or `15 h` with an ordinary space (`18⍽h`, `9⍽h⍽30`);
- a number of five digits or more written in one block (`70000`) or grouped with ordinary
  spaces (`3 000`), which a line can break in two: groups of three take a narrow no-break
  space (`70 000`).

Numbers that number are never grouped: years, four-digit numbers (grouping is optional),
postcodes (`75007 Paris`), telephone numbers, article and law numbers, versions, dates.

French typography only: not checked on a document whose site declares another language
(`lang: en` in its front matter, `_config.yml` or its `defaults`; see the README's *Content language*).

## Why is this bad?
The Lexique des règles typographiques de l'Imprimerie nationale separates a number from its
unit and groups digits by three with a fine space; an ordinary space lets a line break
between `3` and `000`, or between `20` and `%`.

## Example
```markdown
Plus de 3 000 participants, soit 20% de la population, à 18h.
```

Use instead (`⍽` = no-break space, `⁔` = narrow no-break space):
```markdown
Plus de 3⁔000 participants, soit 20⍽% de la population, à 18⍽h.
```

Off by default (the narrow no-break space is missing from some fonts, and editors retype
what they cannot see); `[typography] profile = "french"` turns it on.

## Fix safety
Safe: only spaces are inserted or replaced, by the `[typography] nbsp` space before a sign or
`h` and by U+202F between groups of digits; the digits never change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

NARROW_NBSP = "\u202f"
_NUMBER_START = r"(?<![\w.,/°-])"  # not inside a word, a version, a date or a law number
_UNIT = re.compile(_NUMBER_START + r"\d+(?:[,.]\d+)?( ?)([%€$])")
_HOUR = re.compile(_NUMBER_START + r"(?:[01]?\d|2[0-3])( ?)h(?:([0-5]\d)(?!\d))?(?![\w])")
# five digits or more, not a postcode before its town ("75007 Paris") nor a code ("01234…")
_UNGROUPED = re.compile(_NUMBER_START + r"(?!0)\d{5,}(?![\d,.\w-]| [A-ZÉ])")
_GROUPED = re.compile(_NUMBER_START + r"\d{1,3}(?: \d{3})+(?![\d,.\w-])")
_SIGNS = ("%", "€", "$")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    nbsp = ctx.config.typography.nbsp
    found: list[tuple[int, int, str, tuple[Edit, ...]]] = []
    if any(sign in prose.text for sign in _SIGNS):
        for _unit, match in prose.find(_UNIT):
            message = _("Put a no-break space before '{sign}'").format(sign=match.group(2))
            found.append((match.start(), match.end(), message, (Edit(*match.span(1), nbsp),)))
    for _unit, match in prose.find(_HOUR, holding="h"):
        edits: tuple[Edit, ...] = (Edit(*match.span(1), nbsp),)
        if match.group(2):  # 9h30: 9 h 30
            edits += (Edit(match.start(2), match.start(2), nbsp),)
        found.append((match.start(), match.end(), _("Write hours with no-break spaces: '18 h', '9 h 30'"), edits))
    group_message = _("Group the digits by three with narrow no-break spaces")
    for _unit, match in prose.find(_UNGROUPED):
        end = match.end()
        edits = tuple(Edit(end - k, end - k, NARROW_NBSP) for k in range(3, len(match.group()), 3))
        found.append((match.start(), end, group_message, edits))
    for _unit, match in prose.find(_GROUPED, holding=" "):
        spaces = (match.start() + at for at, char in enumerate(match.group()) if char == " ")
        found.append((match.start(), match.end(), group_message, tuple(Edit(at, at + 1, NARROW_NBSP) for at in spaces)))
    for start, end, message, edits in sorted(found, key=lambda item: item[0]):
        yield Finding(doc.span(start, end), message, unit_fix(prose.unit_at(start), _("Fix the spacing"), edits))


RULE = Rule(
    "TYP025",
    "number-spacing",
    check,
    __doc__,
    "Number without its no-break spaces (20%, 3 000, 18h)",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    default_enabled=False,  # on with [typography] profile = "french": invisible spaces editors retype
    french_only=True,
)
