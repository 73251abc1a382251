"""
## What it does
Reports tabs inside prose. Markdown indentation and list-marker tabs are syntax and are not
read.

## Why is this bad?
A tab shows as one space or several depending on where the text lands, and hides in copied
text.

On the page: HTML shows a tab and the spaces around it as one space, so in the body and in
a value printed as HTML text the finding is invisible; inside code, a `<pre>` or a URL, it shows.

## Example
```markdown
Une réunion\tde travail
```

Use instead:
```markdown
Une réunion de travail
```

## Fix safety
Safe: the tab, and the spaces around it, become one space.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Difference, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

_TABS = re.compile(r" *\t[ \t]*")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    for unit, match in prose.find(_TABS, holding="\t"):
        start, end = match.span()
        if end == len(prose.text) or prose.text[end] in "\r\n":
            continue  # a tab ending a line is trailing whitespace: TYP002's
        yield Finding(
            doc.span(start, end),
            _("tab in the text: use one space"),
            unit_fix(unit, _("Replace by one space"), (Edit(start, end, " "),)),
        )


RULE = Rule(
    "TYP017",
    "tab-in-prose",
    check,
    __doc__,
    "Tab inside the text",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    difference=Difference.SPACE_RUN,
)
