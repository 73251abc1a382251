"""
## What it does
Reports a capital written without its accent: `Etat`, `Etre`, `Ecrivons`, `Education`,
`A l’issue` (the preposition à opening a sentence). The words are a list of French words
that always take `É`; `A` is read as the preposition only where a sentence or an item starts
and a word in lower case follows (not `plan A`, `A4`, `A priori`).

French typography only: not checked on a document whose site declares another language
(`lang: en` in its front matter, `_config.yml` or its `defaults`; see the README's *Content language*).

## Why is this bad?
The Lexique des règles typographiques de l'Imprimerie nationale: « On veillera à utiliser
systématiquement les capitales accentuées, y compris la préposition À. » An unaccented
capital can change the word (`Etre`, `A`) and reads as an old typewriter habit.

## Example
```markdown
A l’issue de l’atelier, les Etats généraux reprennent.
```

Use instead:
```markdown
À l’issue de l’atelier, les États généraux reprennent.
```

## Fix safety
Unsafe: the capital gains its accent, which is what the word wants; a name its owner writes
without the accent (`Etalab`, `Les Echos`) is not in the list, but another could be.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Applicability, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import replacing

# French words that always take É, and their plurals and forms
_E_WORDS = re.compile(
    r"E(?<![\w#@/.-]E)(?:tats?|tre|tudes?|tudiants?|cole|coles|crire|crivons|crivez|ducation|nergies?|galité"
    r"|conomi(?:e|que|ques)|lections?|lus|lu|lue|lues|quipes?|valuation|vénements?|vènements?|dition|ditions"
    r"|tablissements?|changes?|mission|glise|lève|lèves|té|tape|tapes|galement|videmment|coute|couter|crit)(?![\w-])"
)
# "A" as a preposition, a word of its own (not the end of IA, ONG-A): opening a sentence or
# an item, before a word in lower case
_A = re.compile(r"(?<![\w’'-])A(?= (?:l[’']|[a-zàâéèêëîïôûç]))")
# what opens a sentence or an item before "A": a line start, a sign, a masked prefix or a list marker
_A_OPENING = re.compile(r"(?:^|[.!?:;»\ue000]\s?|(?:^|\ue000)[*-] )$", re.MULTILINE)
_LATIN = re.compile(r"A (?:priori|posteriori|fortiori|minima|maxima)\b")
# a word of English after it: an English passage ("Education for all")
_ENGLISH_NEXT = re.compile(r" (?:for|of|and|the|is|are|in|to|on|with|at|by)\b")
_ACCENTED = {"E": "É", "A": "À"}


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    text = prose.text
    for pattern, prefix in ((_E_WORDS, "E"), (_A, "A ")):
        for unit, match in prose.find(pattern, starting_with=prefix):
            if pattern is _A and (
                _LATIN.match(text, match.start())
                or not _A_OPENING.search(text, max(0, match.start() - 3), match.start())
            ):
                continue
            if _ENGLISH_NEXT.match(prose.text, match.end()):
                continue
            start = match.start()
            word = match.group()
            # the one word of the list whose capital takes a circumflex, not an acute
            accented = ("Ê" if word == "Etre" else _ACCENTED[word[0]]) + word[1:]
            yield replacing(
                doc,
                unit,
                (start, match.end()),
                _("Capitals keep their accents: write '{word}'").format(word=accented),
                (_("Accent the capital"), accented),
                Applicability.UNSAFE,
            )


RULE = Rule(
    "TYP026",
    "accented-capitals",
    check,
    __doc__,
    "Capital without its accent (Etat, A l’issue)",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    french_only=True,
)
