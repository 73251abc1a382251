"""
## What it does
Reports characters in prose that the reader cannot see: zero-width space, word joiner, soft
hyphen, a BOM inside the text, zero-width (non-)joiners, bidirectional controls, C0 controls.

## Why is this bad?
They break search, sorting and comparisons (`title` values are joined on by usage
documents), and they hide in copied text.

## Example
```markdown
Une réunion de\u200b travail
```

Use instead:
```markdown
Une réunion de travail
```

## Fix safety
Zero-width space, word joiner, soft hyphen, BOM and C0 controls are removed safely. Joiners
and bidirectional controls are only reported: they can be deliberate (emoji sequences, other
scripts) or a "Trojan source" risk that a human must look at.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

_REMOVABLE = "\u200b\u2060\u00ad\ufeff"
# Zero-width characters, soft hyphen, BOM, bidirectional controls, C0 controls but tab,
# line feed and carriage return, DEL.
INVISIBLE_CHARACTERS = "".join(
    map(
        chr,
        (
            *range(0x00, 0x09),
            0x0B,
            0x0C,
            *range(0x0E, 0x20),
            0x7F,
            0xAD,
            0xFEFF,
            *range(0x200B, 0x2010),
            0x2060,
            *range(0x202A, 0x202F),
            *range(0x2066, 0x206A),
        ),
    )
)


@functools.cache
def _invisible() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(INVISIBLE_CHARACTERS)}]")


_NAMES = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\u00ad": "soft hyphen",
    "\ufeff": "byte order mark",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
}


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    # every invisible character is unprintable and beyond printable ASCII (a test checks): the
    # view's rare characters, a few dozen, tell whether the view holds one
    if prose.rare_characters.isprintable() or not _invisible().search(prose.rare_characters):
        return
    for unit, match in prose.find(_invisible()):
        char = match.group()
        at = match.start()
        if char == "\u200d" and _joins_emoji(prose.text, at):
            continue  # 👩‍💻: the joiner is part of the emoji sequence
        name = _NAMES.get(char) or unicodedata.name(char, f"U+{ord(char):04X}").lower()
        fix = None
        if char in _REMOVABLE or ord(char) < 0x20 or char == "\x7f":
            fix = unit_fix(unit, _("Remove the character"), (Edit(at, at + 1, ""),))
        yield Finding(
            doc.span(at, at + 1),
            _("invisible character ({name}) in the text: remove it").format(name=name),
            fix,
        )


def _joins_emoji(text: str, at: int) -> bool:
    """Whether the joiner at ``at`` stands between two emoji (a variation selector or a skin-tone
    modifier may follow the first: 👨🏻‍💻, 🧚🏼‍♀️)."""
    base = at - 1
    while base > 0 and base > at - 3 and (text[base] == "\ufe0f" or "\U0001f3fb" <= text[base] <= "\U0001f3ff"):
        base -= 1
    before = text[base : base + 1] if base >= 0 else ""
    after = text[at + 1 : at + 2]
    return bool(before and after) and all(unicodedata.category(c) == "So" for c in before + after)


RULE = Rule(
    "TYP016",
    "invisible-characters",
    check,
    __doc__,
    "Invisible or control character in the text",
    severity=Severity.ERROR,
    fix=FixAvailability.SOMETIMES,
)
