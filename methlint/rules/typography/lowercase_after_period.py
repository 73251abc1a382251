"""
## What it does
Reports a lowercase letter that starts a sentence: a word of two letters or more, a full
stop, a space, then a lowercase letter (`collective. l’avis`). Abbreviations (`etc.`,
`cf.`, `p. ex.`, `art.`, `env.`, months…) and single letters (`M.`) are not read as
sentence ends.

## Why is this bad?
The page shows a sentence without its capital, or a period where a comma was meant.

## Example
```markdown
le fruit d’une délibération collective. l’avis est collectif
```

Use instead:
```markdown
le fruit d’une délibération collective. L’avis est collectif
```

## Fix safety
Display only: the mistake may be the period, or an abbreviation this rule does not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Applicability, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

# the lookahead first: it fails at once after most periods (a capital follows), so the
# costlier lookbehind (two letters, a Unicode class) runs for few of them
_LOWER_START = re.compile(r"\.(?=[*_]*[ \u00a0]+[*_]*[a-zà-öø-ÿ])(?<=[^\W\d_]{2}\.)[*_]*[ \u00a0]+[*_]*([a-zà-öø-ÿ])")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
# a word in lower case with a capital inside: a name as its owners write it
_BRAND = re.compile(r"[a-zà-öø-ÿ]+[:.]?[A-ZÀ-ÖØ-Þ]")
ABBREVIATIONS = frozenset(
    "etc cf ex env av apr hab fig vol chap art coll éd dir réf min max pp no tél ibid op "
    "janv févr avr juil sept oct nov déc resp approx mme mlle mm dr pr st ste vs al cit sq suiv".split()
)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    for unit, match in prose.find(_LOWER_START):
        word = _WORD_BEFORE.search(prose.text, max(0, match.start() - 40), match.start())
        assert word is not None  # the pattern's look-behind saw two letters
        if word.group().lower() in ABBREVIATIONS:
            continue
        letter = match.start(1)
        if _BRAND.match(prose.text, letter):
            continue  # "infoParquet", "compar:IA", "eBay": a name written in lower case opens the sentence
        yield Finding(
            doc.span(letter, letter + 1),
            _("sentence starting with a lowercase letter: capitalise it, or use a comma"),
            unit_fix(
                unit,
                _("Capitalise the letter"),
                (Edit(letter, letter + 1, match.group(1).upper()),),
                Applicability.DISPLAY_ONLY,
            ),
        )


RULE = Rule(
    "TYP013",
    "lowercase-after-period",
    check,
    __doc__,
    "Lowercase letter after a full stop",
    severity=Severity.WARNING,
    fix=FixAvailability.NEVER,
)
