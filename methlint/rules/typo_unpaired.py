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
- Le matériau (documents écrits, auditions, constituent un matériel réutilisable
```

Use instead:
```yaml
- Le matériau (documents écrits, auditions) constitue un matériel réutilisable
```

## Fix safety
No fix: where the missing sign goes is a matter of meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.prose import prose
from methlint.rules._base import Context, Rule

_PAIRS = {")": "(", "]": "[", "»": "«", "”": "“"}
_SIGNS = re.compile(r"[()\[\]«»“”]")
# "1)", "a)" opening an item or a line; ":-)", ";)", ":(" emoticons.
_NOT_A_SIGN = re.compile(r"^[ \ue000]*(?:\d{1,3}|[a-zA-Z])\)|[:;]-?[()\]]", re.M)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    extracted = prose(doc, ctx)
    if not _SIGNS.search(extracted.text):
        return
    for unit in extracted.units:
        text = unit.text
        if not _SIGNS.search(text):
            continue
        ignored = {m.end() - 1 for m in _NOT_A_SIGN.finditer(text)}
        open_signs: list[tuple[str, int]] = []
        for match in _SIGNS.finditer(text):
            sign, at = match.group(), match.start()
            if at in ignored:
                continue
            if sign in _PAIRS:
                if open_signs and open_signs[-1][0] == _PAIRS[sign]:
                    open_signs.pop()
                    continue
                if any(opened == _PAIRS[sign] for opened, _at in open_signs):
                    # crossed pairs "( [ )": the inner opening is the unpaired one
                    while open_signs and open_signs[-1][0] != _PAIRS[sign]:
                        yield _unpaired(doc, unit.start + open_signs.pop()[1], opened=True)
                    open_signs.pop()
                    continue
                yield _unpaired(doc, unit.start + at, opened=False)
            else:
                open_signs.append((sign, at))
        for _sign, at in open_signs:
            yield _unpaired(doc, unit.start + at, opened=True)


def _unpaired(doc: Document, at: int, opened: bool) -> Finding:
    sign = doc.text[at]
    message = (_("'{sign}' is never closed: close it or remove it") if opened
               else _("'{sign}' closes nothing: open it or remove it"))
    return Finding(doc.span(at, at + 1), message.format(sign=sign))


RULE = Rule(
    "TYP021", "unpaired-brackets", check, __doc__, "Unpaired parenthesis, bracket or quote",
    severity=Severity.WARNING, fix=FixAvailability.NEVER,
)
