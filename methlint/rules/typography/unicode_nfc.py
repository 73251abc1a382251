"""
## What it does
Reports text that is not in Unicode NFC: a decomposed `é` (`e` + U+0301), from macOS file
names or copy-paste.

## Why is this bad?
It breaks search, sorting and comparisons (`title` values are joined on by usage documents).
Values that name files are never prose, so an NFD file name is left alone.

On the page: invisible, both forms show the same letters.

## Example
```markdown
Une re\u0301union de travail
```

Use instead:
```markdown
Une réunion de travail
```

## Fix safety
Safe: the composed text is canonically equivalent.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from methlint.diagnostics import Difference, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

_COMBINING_MARKS = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff"


@functools.cache  # compiled on first use: 0.2 ms (a class beyond Latin-1), a cost only the runs that need it pay
def _decomposed() -> re.Pattern[str]:
    """A letter and the combining marks after it."""
    return re.compile(f"[^\\W\\d_\\ue000][{_COMBINING_MARKS}]+")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    if unicodedata.is_normalized("NFC", prose.text):
        return
    for unit, match in prose.find(_decomposed()):
        composed = unicodedata.normalize("NFC", match.group())
        if composed != match.group():
            start, end = match.span()
            yield Finding(
                doc.span(start, end),
                _("decomposed characters (not NFC): compose them"),
                unit_fix(unit, _("Normalise to NFC"), (Edit(start, end, composed),)),
            )


RULE = Rule(
    "TYP015",
    "unicode-nfc",
    check,
    __doc__,
    "Text not in Unicode NFC",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    difference=Difference.SAME_RENDERING,
)
