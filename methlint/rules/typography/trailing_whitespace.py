"""
## What it does
Reports spaces, tabs and no-break spaces at the end of a line, and lines that hold only
whitespace, anywhere in the file except code and HTML blocks of the body. Exactly two
spaces after text followed by another text line are a Markdown hard break and are kept
(`[typography] hard-break-spaces`, 2 by default; 0 reports them too).

## Why is this bad?
Invisible in review and in the page, they make noisy diffs and hide hard breaks that
were not meant.

On the page: YAML drops the blanks ending a line of a plain or quoted value, and HTML
collapses the others: invisible, except two spaces ending a body line before another line of
text (kramdown's hard break, `<br />`) and a no-break space among the blanks.

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

import bisect
import re
from collections.abc import Iterator

from methlint.diagnostics import Difference, Edit, Finding, Fix, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule

_BLANKS = " \t\u00a0\u202f"
_ENDS_WITH_BLANK = tuple(_BLANKS) + tuple(blank + "\r" for blank in _BLANKS)
# The line feed of a line that ends with a blank (a carriage return before it is the line's).
# Its literal start lets the regex engine jump from one line feed to the next.
_AFTER_BLANK = re.compile(r"\n(?:(?<=[ \t\u00a0\u202f]\n)|(?<=[ \t\u00a0\u202f]\r\n))")


def blank_ended_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text`` that ends with a blank (lines split at "\\n", the
    same lines as ``Document.line_starts``; a final "\\r" is the line's), found without
    splitting the file into lines."""
    for match in _AFTER_BLANK.finditer(text):
        end = match.start()
        yield text.rfind("\n", 0, end) + 1, end
    if text.endswith(_ENDS_WITH_BLANK):  # the last line, when no line feed ends it
        yield text.rfind("\n") + 1, len(text)


def _hard_break(text: str, line_end: int, blanks: str, spaces: int) -> bool:
    """Whether ``blanks``, ending a line of text at ``line_end``, are a Markdown hard break:
    exactly ``spaces`` spaces (0: none is), and another text line after them."""
    if not spaces or blanks != " " * spaces:
        return False
    following_end = text.find("\n", line_end + 1)
    following = text[line_end + 1 :] if following_end == -1 else text[line_end + 1 : following_end]
    return bool(following.strip())


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    text = doc.text
    flagged = list(blank_ended_lines(text))
    if not flagged:
        return
    prose = ctx.prose(doc)
    fm = doc.front_matter
    body_offset = doc.parts.body_offset if doc.parts is not None else 0
    hard_break = ctx.config.typography.hard_break_spaces
    verbatim = prose.verbatim_lines
    for line_start, line_end in flagged:
        if verbatim and bisect.bisect_right(doc.line_starts, line_start) - 1 in verbatim:
            continue
        content = text[line_start:line_end].removesuffix("\r")
        kept = content.rstrip(_BLANKS)
        start = line_start + len(kept)
        end = line_start + len(content)
        in_body = start >= body_offset
        if in_body and kept and _hard_break(text, line_end, content[len(kept) :], hard_break):
            continue
        changes: tuple[tuple[str | int, ...], ...] = ()
        fix_possible = True
        if not in_body:  # a YAML syntax error makes the data unknown: report, do not fix
            fix_possible = fm is None or fm.ok
            changes = tuple(path for s, e, path in prose.block_scalars if s <= start < e)
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
    difference=Difference.LINE_END_BLANKS,
)
