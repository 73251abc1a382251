"""
## What it does
Reports spaces before a comma or a period: `mot ,`, `fin .`.

## Why is this bad?
French and English typography glue `,` and `.` to the previous word; the space is visible on
the page and can break the line before the sign.

## Example
```markdown
les transports , l’hébergement .
```

Use instead:
```markdown
les transports, l’hébergement.
```

## Fix safety
Safe: only the spaces are removed. `. . .`, `.5`, `.NET` and YAML flow lists (never prose)
are not reported.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator

from methlint.diagnostics import Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.spaces import BLANKS, space_removal, spaces_before

# One pattern per sign, starting with it: the regex engine jumps from one sign to the next.
_COMMA_AFTER_BLANK, _PERIOD_AFTER_BLANK = (
    re.compile(rf"\{sign}(?<=[{BLANKS}]\{sign})(?![.\w])(?![ \u00a0]\.)") for sign in ",."
)


_ELLIPSIS_AFTER_BLANK = re.compile(rf"…(?<=[{BLANKS}]…)(?![\w(])")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    found = itertools.chain(
        prose.find(_COMMA_AFTER_BLANK),
        prose.find(_PERIOD_AFTER_BLANK),
        prose.find(_ELLIPSIS_AFTER_BLANK, starting_with="…"),
    )
    for unit, match in found:
        sign = match.start()
        # "[ …]", "( …)", "vote, …" and "vote, ," (the first comma is the problem there: removing
        # the space wrote ",,") are left alone
        spaces = spaces_before(prose.text, sign, not_after="([.,;:!?" if match.group() == "…" else "([.,")
        if spaces is not None and not (match.group() == "…" and _is_symbol(prose.text[spaces[0] - 1])):
            message = _("space before '{sign}': remove it").format(sign=prose.text[sign])
            yield space_removal(doc, unit, *spaces, message)


def _is_symbol(character: str) -> bool:
    """An emoji or a sign ("✅ …", "→ …"): the ellipsis after it stands for a word of its own."""
    return unicodedata.category(character).startswith("S")


RULE = Rule(
    "TYP005",
    "space-before-comma-period",
    check,
    __doc__,
    "Space before a comma or a period",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
