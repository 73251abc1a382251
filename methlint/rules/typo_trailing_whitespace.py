"""
## What it does
Reports spaces, tabs and no-break spaces at the end of a line, and lines that hold only
whitespace, anywhere in the file except code and HTML blocks of the body. Exactly two
spaces after text followed by another text line are a Markdown hard break and are kept
(option `hard_break_spaces`, 2 by default; `None` reports them too).

## Why is this bad?
Invisible in review and in the page, they make noisy diffs and hide hard breaks that
were not meant.

## Example
```markdown
* Un groupe de citoyens.·
```

Use instead:
```markdown
* Un groupe de citoyens.
```

## Fix safety
Safe: YAML drops trailing spaces from plain and quoted values, so the data does not
change; in a block scalar (`|`, `>`) they are data, and the fix declares that value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, Fix, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.prose import DEFAULT_HARD_BREAK_SPACES, option, prose
from methlint.rules._base import Context, Rule

_TRAILING = re.compile(r"[ \t\u00a0\u202f]+(?=\r?$)", re.M)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    if not _TRAILING.search(text):
        return
    extracted = prose(doc, ctx)
    fm = doc.front_matter
    body_offset = doc.parts.body_offset if doc.parts is not None else 0
    hard_break = option(ctx, "hard_break_spaces", DEFAULT_HARD_BREAK_SPACES)
    for match in _TRAILING.finditer(text):
        start, end = match.start(), match.end()
        line, column = doc.position(start)
        if line - 1 in extracted.verbatim_lines:
            continue
        in_body = start >= body_offset
        if in_body and column > 1 and match.group() == " " * (hard_break or -1):
            next_line = line + 1
            if next_line <= len(doc.line_starts) and doc.line_text(next_line).strip():
                continue  # a Markdown hard break
        changes: tuple[tuple[str | int, ...], ...] = ()
        fix_possible = True
        if not in_body:  # a YAML syntax error makes the data unknown: report, do not fix
            fix_possible = fm is None or fm.ok
            changes = tuple(path for s, e, path in extracted.block_scalars if s <= start < e)
        yield Finding(
            doc.span(start, end),
            _("trailing whitespace: remove it") if column > 1
            else _("line holding only whitespace: empty it"),
            Fix(_("Remove the trailing whitespace"), (Edit(start, end, ""),),
                changes_data_at=changes) if fix_possible else None,
        )


RULE = Rule(
    "TYP002", "trailing-whitespace", check, __doc__, "Whitespace at the end of a line",
    severity=Severity.INFO, fix=FixAvailability.SOMETIMES,
)
