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

from collections.abc import Iterator
from itertools import compress, count, repeat

from methlint.diagnostics import Edit, Finding, Fix, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.prose import DEFAULT_HARD_BREAK_SPACES, option, prose
from methlint.rules._base import Context, Rule

_BLANKS = " \t\u00a0\u202f"
_ENDS_WITH_BLANK = tuple(_BLANKS) + tuple(blank + "\r" for blank in _BLANKS)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    lines = doc.text.split("\n")  # the same lines as doc.line_starts
    flagged = list(compress(count(), map(str.endswith, lines, repeat(_ENDS_WITH_BLANK))))  # C-level loop
    if not flagged:
        return
    extracted = prose(doc, ctx)
    fm = doc.front_matter
    body_offset = doc.parts.body_offset if doc.parts is not None else 0
    hard_break = option(ctx, "hard_break_spaces", DEFAULT_HARD_BREAK_SPACES)
    for index in flagged:
        if index in extracted.verbatim_lines:
            continue
        content = lines[index].removesuffix("\r")
        kept = content.rstrip(_BLANKS)
        start = doc.line_starts[index] + len(kept)
        end = doc.line_starts[index] + len(content)
        in_body = start >= body_offset
        if in_body and kept and content[len(kept) :] == " " * (hard_break or -1):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following.strip():
                continue  # a Markdown hard break
        changes: tuple[tuple[str | int, ...], ...] = ()
        fix_possible = True
        if not in_body:  # a YAML syntax error makes the data unknown: report, do not fix
            fix_possible = fm is None or fm.ok
            changes = tuple(path for s, e, path in extracted.block_scalars if s <= start < e)
        yield Finding(
            doc.span(start, end),
            _("trailing whitespace: remove it") if kept else _("line holding only whitespace: empty it"),
            Fix(
                _("Remove the trailing whitespace"),
                (Edit(start, end, ""),),
                changes_data_at=changes,
            )
            if fix_possible
            else None,
        )


RULE = Rule(
    "TYP002",
    "trailing-whitespace",
    check,
    __doc__,
    "Whitespace at the end of a line",
    severity=Severity.INFO,
    fix=FixAvailability.SOMETIMES,
)
