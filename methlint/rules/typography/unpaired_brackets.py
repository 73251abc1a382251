"""
## What it does
Reports a parenthesis, bracket or quotation mark (`( ) [ ] « » “ ”`) that is not closed
or not opened within one front-matter value or one body paragraph. Enumerators (`1)`,
`a)`) and emoticons (`:-)`) are not counted.

## Why is this bad?
An unclosed parenthesis leaves the reader without the end of the aside:
`(documents écrits, intervention des experts, auditions, constituent…`.

## Example
```yaml
priorites:
- Le matériau (documents écrits, auditions, constituent un matériel réutilisable
```

Use instead:
```yaml
priorites:
- Le matériau (documents écrits, auditions) constitue un matériel réutilisable
```

## Fix safety
No fix: where the missing sign goes is a matter of meaning.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from methlint.diagnostics import Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule

_PAIRS = {")": "(", "]": "[", "»": "«", "”": "“", "e)": "("}
_SIGNS = "()[]«»“”"


_ENUMERATOR_REACH = 200  # masked line prefixes before "1)" are never longer
# "1)", "a)", "IV)", after masked prefixes and emphasis ("**2) Inscription**", "_**III)")
_ENUMERATOR = r"(?:\d{1,3}|[a-zA-Z]|[IVX]{2,5}|[ivx]{2,5})"
_ENUMERATOR_LINE = re.compile(rf"[ \ue000*_]*{_ENUMERATOR}[ \ue000]*")
# "; b) les élus": an enumerator inside a sentence, unless a "(" is open ("(annexe A)")
_ENUMERATOR_BEFORE = re.compile(rf"(?:^|[\s;,:\ue000*_]){_ENUMERATOR}$")
MAYBE_ENUMERATOR = "e)"


def _not_a_sign(text: str, at: int) -> bool:
    """An emoticon (":-)", ";)", ":(") or an enumerator opening a line ("1)", "a)")."""
    previous = text[at - 1] if at else "\n"
    if previous in ":;-":
        before = text[max(0, at - 2) : at]
        if before[-1:] in (":", ";") or before in (":-", ";-"):
            return True
    if text[at] != ")":
        return False
    # the line start looked for nearby only: never a search back along a long line per sign
    line_start = text.rfind("\n", max(0, at - _ENUMERATOR_REACH), at) + 1
    if line_start == 0 and at > _ENUMERATOR_REACH:
        return False
    return _ENUMERATOR_LINE.fullmatch(text, line_start, at) is not None


def _unpaired_in(text: str, signs: list[tuple[str, int]]) -> Iterator[tuple[int, bool]]:
    """(offset, is an opening) of each unpaired sign of one unit."""
    open_signs: list[tuple[str, int]] = []
    still_open = dict.fromkeys(_PAIRS.values(), 0)  # how many of each opening sign open_signs holds
    for sign, at in signs:
        if sign == MAYBE_ENUMERATOR:
            if not still_open["("]:
                continue  # nothing to close: an enumerator
            sign = ")"
        if sign not in _PAIRS:
            open_signs.append((sign, at))
            still_open[sign] += 1
        elif still_open[_PAIRS[sign]]:
            # crossed pairs "( [ )": the inner openings are the unpaired ones
            while open_signs[-1][0] != _PAIRS[sign]:
                opened, opened_at = open_signs.pop()
                still_open[opened] -= 1
                yield opened_at, True
            open_signs.pop()
            still_open[_PAIRS[sign]] -= 1
        else:
            yield at, False
    for _sign, at in open_signs:
        yield at, True


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    text = prose.text
    # str.find jumps with memchr, where the regex engine steps through every character (signs
    # are few, a document is thousands of characters)
    signs = []
    for sign in _SIGNS:
        if sign in text:  # no argument parsing, unlike str.find: most signs are absent
            at = text.find(sign)
            while at != -1:
                signs.append((at, sign))
                at = text.find(sign, at + 1)
    if not signs:
        return
    signs.sort()
    by_unit: dict[int, list[tuple[str, int]]] = {}
    for at, sign in signs:
        if not _not_a_sign(text, at):
            if sign == ")" and text[at + 1 : at + 2] == " " and _ENUMERATOR_BEFORE.search(text[max(0, at - 5) : at]):
                sign = MAYBE_ENUMERATOR
            by_unit.setdefault(bisect.bisect_right(prose.starts, at), []).append((sign, at))
    for unit_signs in by_unit.values():
        for at, opened in _unpaired_in(text, unit_signs):
            yield _unpaired(doc, at, opened)


def _unpaired(doc: Document, at: int, opened: bool) -> Finding:
    sign = doc.text[at]
    message = (
        _("'{sign}' is never closed: close it or remove it")
        if opened
        else _("'{sign}' closes nothing: open it or remove it")
    )
    return Finding(doc.span(at, at + 1), message.format(sign=sign))


RULE = Rule(
    "TYP021",
    "unpaired-brackets",
    check,
    __doc__,
    "Unpaired parenthesis, bracket or quote",
    severity=Severity.WARNING,
    fix=FixAvailability.NEVER,
)
