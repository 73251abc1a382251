"""
## What it does
Reports spaces just inside parentheses and brackets: `( mot`, `etc. )`, `[ lien ]`.

## Why is this bad?
French and English typography glue `( [` to the next word and `) ]` to the previous one; the
space is visible on the page and can break the line inside the brackets.

## Example
```markdown
(transports, hébergement… )
```

Use instead:
```markdown
(transports, hébergement…)
```

## Fix safety
Safe: only the spaces are removed. GitHub task boxes `[ ]` and YAML flow lists (never prose)
are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.spaces import BLANKS, space_removal, spaces_before

_INSIDE_OPEN = tuple((re.compile(rf"\{sign}([{BLANKS}]+)(?=[^\s)\]])"), sign) for sign in "([")
_INSIDE_CLOSE = tuple((re.compile(rf"\{sign}(?<=[{BLANKS}]\{sign})"), sign) for sign in ")]")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    for pattern, sign in _INSIDE_OPEN:
        for unit, match in prose.find(pattern, starting_with=sign):
            message = _("space after '{sign}': remove it").format(sign=sign)
            yield space_removal(doc, unit, match.start(1), match.end(1), message)
    for pattern, sign in _INSIDE_CLOSE:
        for unit, match in prose.find(pattern, starting_with=sign):
            spaces = spaces_before(prose.text, match.start(), not_after="([")
            if spaces is not None:
                yield space_removal(doc, unit, *spaces, _("space before '{sign}': remove it").format(sign=sign))


RULE = Rule(
    "TYP006",
    "space-inside-brackets",
    check,
    __doc__,
    "Space after '( [' or before ') ]'",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
