"""
## What it does
Reports two or more spaces between two words or signs of prose, in front-matter prose
values and in the body.

## Why is this bad?
Front-matter strings keep both spaces (`La qualité  et`) and the layouts print them as
typed; in the body they are a source defect that shows in diffs and in copied text.
Indentation, list markers, code and table padding are not prose and are never read.

On the page: HTML shows a run of spaces as one, so in the body and in a value a layout prints
as HTML text the finding is invisible; inside code, a `<pre>` or a URL, it shows.

## Example
```markdown
La qualité  et la diversité
```

Use instead:
```markdown
La qualité et la diversité
```

## Fix safety
Safe: the run becomes one space, inside the same value or paragraph; a plain YAML scalar
stays valid (its ends do not move).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Difference, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

_SPACES = re.compile(r"  +(?=\S)")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    for unit, match in prose.find(_SPACES, starting_with="  "):
        start, end = match.span()
        if prose.text[start - 1].isspace():
            continue  # indentation, not a run between words
        yield Finding(
            doc.span(start, end),
            _("{count} spaces in a row: use one space").format(count=end - start),
            unit_fix(unit, _("Replace by one space"), (Edit(start, end, " "),)),
        )


RULE = Rule(
    "TYP001",
    "multiple-spaces",
    check,
    __doc__,
    "Several spaces in a row in prose",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    difference=Difference.SPACE_RUN,
)
