"""
## What it does
Opt-in French spacing policy: reports an ordinary space (or no space at all) before
`; : ! ?` and `»`, and after `«`, where French typography wants a no-break space
(`[typography] nbsp`: U+00A0 by default, or the narrow U+202F).

## Why is this bad?
An ordinary space lets the line break right before the colon or the question mark. It
is a house-style choice: off by default, because it puts invisible characters into
sources that non-technical editors retype, and every document has `**Titre :**` labels.

## Example
```markdown
**Objectif du dispositif :**
```

Use instead (`⍽` = no-break space):
```markdown
**Objectif du dispositif⍽:**
```

## Fix safety
Safe: only a space is replaced or inserted, outside URLs, times (`10:30`), code and YAML
syntax; a value whose YAML style could not hold the edit is only reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

_AFTER = r"(?=[\s*_»)\].,]|$)"
_BREAKABLE_BEFORE = re.compile(rf"(?<=[^\s\u00a0\u202f]) ([;:!?»]){_AFTER}")
_NONE_BEFORE = re.compile(rf"(?<=[^\s\u00a0\u202f(\[!?:;\ue000])([;:!?]){_AFTER}")
_AFTER_OPENING_QUOTE = re.compile(r"«( ?)(?=[^\s\u00a0\u202f])")
_NONE_BEFORE_CLOSING_QUOTE = re.compile(r"(?<=[^\s\u00a0\u202f])»")
_SMILEY = re.compile(r"[:;]-?[()DPp]")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    nbsp = ctx.config.typography.nbsp
    prose = ctx.prose(doc)
    found = []  # (unit, start, end) of the text to replace by the no-break space
    for unit, match in prose.find(_BREAKABLE_BEFORE, holding=" "):
        if not _SMILEY.match(prose.text, match.start(1)):
            found.append((unit, match.start(), match.start() + 1))
    for pattern in (_NONE_BEFORE, _NONE_BEFORE_CLOSING_QUOTE):
        for unit, match in prose.find(pattern):
            if not _SMILEY.match(prose.text, match.start()):
                found.append((unit, match.start(), match.start()))
    for unit, match in prose.find(_AFTER_OPENING_QUOTE, holding="«"):
        found.append((unit, match.start(1), match.end(1)))
    for unit, start, end in sorted(found, key=lambda f: f[1]):
        yield Finding(
            doc.span(start, max(end, start + 1)),
            _("French spacing: use a no-break space here"),
            unit_fix(unit, _("Use a no-break space"), (Edit(start, end, nbsp),)),
        )


RULE = Rule(
    "TYP008",
    "french-spacing",
    check,
    __doc__,
    "No no-break space before ; : ! ? » or after «",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    default_enabled=False,
)
