"""
## What it does
Reports ordinal abbreviations written with `ème`, `eme`, `ère` or `nde` (`2ème`, `XXIème`,
`1ère`, `2nde`), where French writes `2e`, `XXIe`, `1re`, `2de`. `1er`, `1re`, `2e` are right.

French typography only: not checked on a document whose site declares another language
(`lang: en` in its front matter, `_config.yml` or its `defaults`; see the README's *Content language*).

## Why is this bad?
The Lexique des règles typographiques de l'Imprimerie nationale abbreviates ordinals with the
last letters of the word only: `e` for `-ième`, `re` for `première`, `de` for `seconde`.

## Example
```markdown
Le 2ème atelier citoyen, au XXIème siècle.
```

Use instead:
```markdown
Le 2e atelier citoyen, au XXIe siècle.
```

## Fix safety
Safe: only the letters after the number change (`1ème`, which may stand for `1er` or `1re`,
is only reported).
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.diagnostics import Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import replacing

# starts with its first character, not a look-behind: the engine then skips to digits and capitals
# Found from each suffix (str.find jumps to it), the number read backwards: a regex starting
# with the number would try every character of the view
_SUFFIXES = ("ème", "eme", "ère", "ere", "nde")
_ROMAN = "IVXLC"


def _ordinals(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, number, suffix) of each ordinal written with a suffix of ``_SUFFIXES``."""
    for suffix in _SUFFIXES:
        at = text.find(suffix)
        while at != -1:
            found = _ordinal_ending_with(text, at, suffix)
            if found is not None:
                yield found
            at = text.find(suffix, at + 1)


def _ordinal_ending_with(text: str, at: int, suffix: str) -> tuple[int, int, str, str] | None:
    start = at - 1 if suffix in ("ème", "eme") and text[at - 1 : at] == "i" else at  # 2ième
    end = at + len(suffix)
    end += text[end : end + 1] == "s"
    if end < len(text) and (text[end].isalnum() or text[end] in "_-"):
        return None
    digits = start
    while digits > max(0, start - 4) and text[digits - 1].isdigit():
        digits -= 1
    number_start = digits
    if digits == start:
        while number_start > max(0, start - 7) and text[number_start - 1] in _ROMAN:
            number_start -= 1
    before = text[number_start - 1] if number_start else " "
    if number_start == start or before.isalnum() or before in "_.,-":
        return None  # no number, or one inside a word, a number or a version
    return number_start, end, text[number_start:start], text[start:end]


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    for start, end, number, written in sorted(_ordinals(prose.text)):
        plural = "s" if written.endswith("s") else ""
        right = "re" if written.rstrip("s")[-2:] == "re" else "de" if written.startswith("nde") else "e"
        fix = None if number == "1" and right == "e" else (_("Write '{right}'").format(right=right), right + plural)
        yield replacing(
            doc,
            prose.unit_at(start),
            (start + len(number), end),
            _("Ordinal written '{wrong}': write '{number}{right}'").format(
                wrong=number + written, number=number, right=right + plural
            ),
            fix,
        )


RULE = Rule(
    "TYP028",
    "ordinals",
    check,
    __doc__,
    "Ordinal written 2ème, 1ère or 2nde instead of 2e, 1re, 2de",
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
    french_only=True,
)
