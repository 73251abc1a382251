"""
## What it does
Reports a word written twice in a row (`le le`), ignoring case. Words that French
legitimately repeats (`nous nous`, `vous vous`, `faire faire`, `la la`…) are not reported.

## Why is this bad?
A doubled word is a typing slip that the page shows as is.

## Example
```markdown
Le le recrutement se fait par tirage au sort.
```

Use instead:
```markdown
Le recrutement se fait par tirage au sort.
```

## Fix safety
Display only: the repetition can be deliberate (quotations, stammering, `qui qui`).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from itertools import compress

from methlint.diagnostics import Applicability, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.prose import prose, unit_fix
from methlint.rules._base import Context, Rule

_REPEATED = r"(?<![\w’'-])({word})([ \u00a0]+)\1(?![\w’'-])"
# Grammalecte's "doublon" exceptions: repetitions that are grammatical.
ALLOWED = frozenset(
    "nous vous faire en la lui donnant œuvre hé ho ha hou olé joli couvent dément sapiens très vroum".split()
)


def _repeated_words(text: str) -> set[str]:
    """Words written twice in a row, found at C speed so that most documents stop here."""
    words = text.lower().split()
    repeated = set(compress(words, map(operator.eq, words, words[1:])))
    return {word for word in repeated if word[:1].isalpha() and word not in ALLOWED}


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    extracted = prose(doc, ctx)
    for word in _repeated_words(extracted.text):
        pattern = re.compile(_REPEATED.format(word=re.escape(word)), re.IGNORECASE)
        for unit, match in extracted.find(pattern):
            start, end = match.span()
            second = match.start(2)
            yield Finding(
                doc.span(start, end),
                _("'{word}' is repeated: remove one").format(word=match.group(1)),
                unit_fix(
                    doc,
                    unit,
                    _("Remove the repeated word"),
                    (Edit(second, end, ""),),
                    Applicability.DISPLAY_ONLY,
                ),
            )


RULE = Rule(
    "TYP014",
    "repeated-word",
    check,
    __doc__,
    "Word written twice in a row",
    severity=Severity.WARNING,
    fix=FixAvailability.NEVER,
)
