"""
## What it does
Reports `etc.` that follows a word without a comma: `les repas etc.`.

French typography only: not checked on a document whose site declares another language
(`lang: en` in its front matter, `_config.yml` or its `defaults`; see the README's *Content language*).

## Why is this bad?
The Lexique des règles typographiques de l'Imprimerie nationale: « On fera précéder etc.
d'une virgule. » (the OQLF and the Bureau de la traduction say the same).

## Example
```markdown
Les repas, les nuitées etc. sont pris en charge.
```

Use instead:
```markdown
Les repas, les nuitées, etc. sont pris en charge.
```

## Fix safety
Safe: a comma is inserted after the word before `etc.`; nothing else changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

# "etc." after blanks (line ends and masked YAML indentation included) that follow a word,
# a closing parenthesis or quote: "*etc.*" (the word named) and "(etc.)" are not after one.
# Found from one "etc." to the next, then checked backwards: no pass over the whole view.
_ETC = re.compile(r"etc\.")
_BLANKS_BEFORE = re.compile(r"[ \u00a0\n\ue000]+$")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    text = prose.text
    for unit, match in prose.find(_ETC, starting_with="etc."):
        blanks = _BLANKS_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if (
            blanks is None
            or not blanks.start()
            or not (text[blanks.start() - 1].isalnum() or text[blanks.start() - 1] in "_)»”")
        ):
            continue
        after_the_word = blanks.start()
        yield Finding(
            doc.span(match.start(), match.end()),
            _("Put a comma before 'etc.'"),
            unit_fix(unit, _("Insert a comma"), (Edit(after_the_word, after_the_word, ","),)),
        )


RULE = Rule(
    "TYP030",
    "etc-comma",
    check,
    __doc__,
    "No comma before etc",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    french_only=True,
)
