"""
## What it does
Reports `oe` written apart in the French words that take the ligature `œ`: `coeur`,
`oeuvre`, `soeur`, `voeu`, `oeil`, `noeud`, `boeuf`, `manoeuvre`, `choeur`, `moeurs`…
Words where `o` and `e` are two sounds (`coefficient`, `coexister`, `moelle`, `poète`,
`Noël`) are not in the list.

French typography only: not checked on a document whose site declares another language
(`lang: en` in its front matter, `_config.yml` or its `defaults`; see the README's *Content language*).

## Why is this bad?
`œ` is a letter of French, not a typing convenience: the Lexique des règles typographiques
de l'Imprimerie nationale writes `œ` in these words, capitals included (`Œuvrer`).

## Example
```markdown
Mettre en oeuvre la concertation, au coeur du quartier.
```

Use instead:
```markdown
Mettre en œuvre la concertation, au cœur du quartier.
```

## Fix safety
Safe: only the two letters `oe` of a listed word become `œ` (`Oe`, `OE` become `Œ`), outside
URLs, file names and code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import replacing

# The words (and their derivatives) that take œ
_WORD = re.compile(
    r"(?<![\w/.-])(?i:(?:ranc|éc|c|ch|s)oeur\w*|voeux?|(?:man|dés)?oeuvr\w*|oeil\w*|b?oeufs?|noeuds?|moeurs"
    r"|oesophag\w*|oecuméni\w*|oedème\w*|oenolog\w*|foetus)(?![\w-])"
)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    if "oe" not in prose.text and "Oe" not in prose.text and "OE" not in prose.text:
        return  # the words are rare: most views hold none
    for unit, match in prose.find(_WORD):
        word = match.group()
        start = match.start() + word.lower().index("oe")
        ligature = "Œ" if word[start - match.start()].isupper() else "œ"
        yield replacing(
            doc,
            unit,
            (start, start + 2),
            _("'{word}' takes the ligature œ").format(word=word),
            (_("Write œ"), ligature),
        )


RULE = Rule(
    "TYP029",
    "oe-ligature",
    check,
    __doc__,
    "coeur, oeuvre… instead of cœur, œuvre",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    french_only=True,
)
