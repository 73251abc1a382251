"""
## What it does
Reports a hyphen used as a dash: ` - ` between two words, or a pair of hyphens glued to the
words of an aside (`la société civile -citoyens et associations- participe`). Compound words
(`c’est-à-dire`), ranges (`2017-2019`), list markers and rules (`---`) are not dashes.

French typography only: not checked on a document whose site declares another language
(`lang: en` in its front matter, `_config.yml` or its `defaults`; see the README's *Content language*).

## Why is this bad?
The hyphen joins the parts of a word; an aside or an apposition takes the en dash `–` with
spaces around it (Lexique des règles typographiques de l'Imprimerie nationale). A range is
written without spaces (`2017-2019`).

## Example
```markdown
Le projet - pourtant simple - a pris du retard.
```

Use instead:
```markdown
Le projet – pourtant simple – a pris du retard.
```

## Fix safety
Safe for ` - ` between words: it becomes ` – `. Between two numbers (`2017 - 2019`, a range
that wants no spaces) and for hyphens glued to an aside, only reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import replacing

_SPACED = re.compile(r"(?<=[\w)»”’.%]) - (?=[\w(«“])")
# "-citoyens et associations-": an opening hyphen after a space, a closing one before a space
# or a sign, the aside between them on one line
_GLUED_ASIDE = re.compile(r" -(?=[^\W\d_])([^-\n]{1,200}?[^\W\d_])-(?=[ ,;.])")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    text = prose.text
    for unit, match in prose.find(_SPACED, starting_with=" - "):
        start, end = match.span()
        between_numbers = text[start - 1].isdigit() and text[end].isdigit()
        fix = None if between_numbers else (_("Use an en dash"), " – ")
        yield replacing(doc, unit, (start, end), _("A hyphen used as a dash: write ' – '"), fix)
    for unit, match in prose.find(_GLUED_ASIDE, starting_with=" -"):
        for sign in (match.start() + 1, match.end() - 1):
            yield replacing(doc, unit, (sign, sign + 1), _("A hyphen used as a dash: write ' – '"), None)


RULE = Rule(
    "TYP027",
    "hyphen-as-dash",
    check,
    __doc__,
    "Hyphen used as a dash ( - )",
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
    french_only=True,
)
