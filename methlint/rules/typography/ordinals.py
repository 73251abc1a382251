"""
## What it does
Reports ordinal abbreviations written with `ème`, `eme`, `ère` or `nde` (`2ème`, `XXIème`,
`1ère`, `2nde`), where French writes `2e`, `XXIe`, `1re`, `2de`. `1er`, `1re`, `2e` are right.

## Why is this bad?
The Lexique des règles typographiques de l'Imprimerie nationale abbreviates ordinals with the
last letter(s) of the word only: `e` for `-ième`, `re` for `première`, `de` for `seconde`.

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

import re
from collections.abc import Iterator

from methlint.diagnostics import Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import replacing

# starts with its first character, not a look-behind: the engine then skips to digits and capitals
_ORDINAL = re.compile(r"(\d{1,4}|[IVXLC]{1,7})(i?[èe]me|[èe]re|nde)(s?)(?![\w-])")
_RIGHT = {"me": "e", "re": "re", "de": "de"}


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    text = prose.text
    for unit, match in prose.find(_ORDINAL, holding="e"):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "_.,-"):
            continue  # inside a word, a number or a version
        number, suffix, plural = match.groups()
        right = "re" if suffix[-2:] == "re" else "de" if suffix == "nde" else "e"
        fix = None if number == "1" and right == "e" else (_("Write '{right}'").format(right=right), right + plural)
        yield replacing(
            doc,
            unit,
            match.span(2) if plural == "" else (match.start(2), match.end(3)),
            _("Ordinal written '{wrong}': write '{number}{right}'").format(
                wrong=match.group(), number=number, right=right + plural
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
)
