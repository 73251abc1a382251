"""
## What it does
Reports two words written without the space between them: a word in lower case glued to
a number (`phase1`, `étape3`), a number glued to a suffix (`30aine`), a word in lower case
glued to a capitalised one (`citoyensParticipent`), or a compound first name glued to the
surname (`Jean-PaulDelevoye`). Brand names and handles (`DemocracyOS`, `OpenStreetMap`,
`iPhone`, `@Etalab`, `#ParlonsClimat`), acronyms with numbers (`G20`, `MP3`, `COVID-19`) and
ordinals (`2e`, `XXIe`) are not words run together.

## Why is this bad?
A missing space is a typing slip the reader has to undo; a screen reader reads
`Jean-PaulDelevoye` as one unknown word.

## Example
```markdown
La phase1 commence avec une 30aine de personnes.
```

Use instead:
```markdown
La phase 1 commence avec une trentaine de personnes.
```

## Fix safety
Unsafe for a word glued to a number (a space is inserted: `phase1` could be a name); the
other cases are only reported (where the space goes, and the case of the second word, are
the writer's choice).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Applicability, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import N_, _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix

_LOWER = "a-zàâäçéèêëîïôöùûüÿœ"
_UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒ"
_NOT_A_WORD_BEFORE = r"(?<![\w#@/.\\-])"  # hashtags, handles, paths, versions
_WORD_AND_NUMBER = re.compile(rf"{_NOT_A_WORD_BEFORE}[{_LOWER}]{{4,}}(\d{{1,3}})(?![\w-])")
_NUMBER_AND_SUFFIX = re.compile(rf"{_NOT_A_WORD_BEFORE}\d+aines?(?![\w-])")
_LOWER_AND_CAPITALISED = re.compile(rf"{_NOT_A_WORD_BEFORE}[{_LOWER}]{{4,}}[{_UPPER}][{_LOWER}]{{3,}}(?![\w-])")
_NAME_AND_SURNAME = re.compile(
    rf"{_NOT_A_WORD_BEFORE}[{_UPPER}][{_LOWER}]+-[{_UPPER}][{_LOWER}]+[{_UPPER}][{_LOWER}]{{2,}}(?![\w-])"
)
_MESSAGE = N_("Words run together: put a space between them")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    found = []
    for unit, match in prose.find(_WORD_AND_NUMBER):
        number = match.start(1)
        fix = unit_fix(unit, _("Insert a space"), (Edit(number, number, " "),), Applicability.UNSAFE)
        found.append(Finding(doc.span(*match.span()), _(_MESSAGE), fix))
    for pattern, holding in ((_NUMBER_AND_SUFFIX, "aine"), (_LOWER_AND_CAPITALISED, ""), (_NAME_AND_SURNAME, "-")):
        for _unit, match in prose.find(pattern, holding=holding):
            found.append(Finding(doc.span(*match.span()), _(_MESSAGE)))
    yield from sorted(found, key=lambda finding: finding.span)


RULE = Rule(
    "TYP031",
    "words-run-together",
    check,
    __doc__,
    "Words without the space between them (phase1, Jean-PaulDelevoye)",
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
)
