"""
## What it does
Reports a sentence sign glued to the next word: `fin.Début`, `oui,non`, `quoi?Rien`.

## Why is this bad?
The words run together on the page. URLs, e-mails, domains and file names are masked
first, and a period is only read as a full stop between a lowercase word and a
capitalised one, so `3.5`, `etc.)`, `U.S.A.` and `J.-C.` are not reported.

## Example
```markdown
Le dispositif est long.Le coût est élevé.
```

Use instead:
```markdown
Le dispositif est long. Le coût est élevé.
```

## Fix safety
Safe: one space is inserted after the sign.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

_LETTER = r"[^\W\d_]"
# One pattern per sign, starting with it: the regex engine jumps from one to the next. The
# lookahead comes first: a space follows most signs, so it fails at once, before the lookbehind.
_PERIOD_GLUED = re.compile(r"\.(?=[*_]*[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])(?<=[a-zà-öø-ÿ]{2}\.)")
_COMMA_GLUED = re.compile(rf"\,(?={_LETTER})(?<={_LETTER}\,)")
# after a letter, or after a space ("biodiversité ;lancé": the space is before, not after)
_RARE_GLUED = tuple(
    (re.compile(rf"\{sign}(?={_LETTER})(?:(?<={_LETTER}\{sign})|(?<=[ \u00a0\u202f]\{sign}))"), sign) for sign in ";!?"
)
_AFTER_OMISSION = re.compile(rf"\](?={_LETTER})(?<=\[…\])")  # "[…]et"
# "Data.Subvention", "Grist.Gouv", "Mon.Service": a capitalised word glued to another by a
# period is a name, unless what follows opens a French sentence ("Paris.Le", "Lyon.Cette")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w.])[A-ZÀ-ÖØ-Þ][\w’'-]*\.$")
_SENTENCE_OPENERS = frozenset(
    "le la les l’ l' un une des du de il elle ils elles on nous vous je ce cet cette ces ça cela ceci en "
    "dans depuis pour par mais et si au aux sur avec son sa ses leur leurs notre nos votre vos puis enfin "
    "ainsi donc aussi alors tout tous toute toutes chaque quand lorsque après avant".split()
)
_NEXT_WORD = re.compile(r"[*_]*([^\W\d_]+[’']?)")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    found = itertools.chain(
        prose.find(_PERIOD_GLUED),
        prose.find(_COMMA_GLUED),
        *(prose.find(pattern, starting_with=sign) for pattern, sign in _RARE_GLUED),
        prose.find(_AFTER_OMISSION, starting_with="]"),
    )
    for unit, match in found:
        sign = match.start()
        if match.group() == "." and _glued_name(prose.text, sign):
            continue
        yield Finding(
            doc.span(sign, sign + 1),
            _("no space after '{sign}': add a space").format(sign=match.group()),
            unit_fix(unit, _("Add a space"), (Edit(sign + 1, sign + 1, " "),)),
        )


def _glued_name(text: str, period: int) -> bool:
    """Whether the period at ``period`` joins a capitalised word to the next one as a name does."""
    if _CAPITALISED_BEFORE.search(text, max(0, period - 60), period + 1) is None:
        return False
    following = _NEXT_WORD.match(text, period + 1)
    return following is None or following.group(1).lower() not in _SENTENCE_OPENERS


RULE = Rule(
    "TYP004",
    "missing-space-after",
    check,
    __doc__,
    "No space after a sentence sign",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
