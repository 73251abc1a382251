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
from methlint.rules.typography.units import MASK
from methlint.rules.typography.view import Prose

_LOWER = "a-zàâäçéèêëîïôöùûüÿœ"
_UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒ"
# Each search starts with a digit or a capital, which the engine skips to; the word around it
# is then read backwards and matched whole
_CAPITAL_AFTER_LOWER = re.compile(rf"[{_UPPER}](?<=[{_LOWER}][{_UPPER}])")
_WORD_AFTER = re.compile(r"[\w-]*")
_WORD_AND_NUMBER = re.compile(rf"[{_LOWER}]{{4,}}(\d{{1,3}})")
_NUMBER_AND_SUFFIX = re.compile(r"\d+aines?")
_LOWER_AND_CAPITALISED = re.compile(rf"[{_LOWER}]{{4,}}[{_UPPER}][{_LOWER}]{{3,}}")
_NAME_AND_SURNAME = re.compile(rf"[{_UPPER}][{_LOWER}]+-[{_UPPER}][{_LOWER}]+[{_UPPER}][{_LOWER}]{{2,}}")
_NOT_A_WORD_BEFORE = "#@/.\\"  # hashtags, handles, paths, versions
_MESSAGE = N_("Words run together: put a space between them")


def _glued_digits(text: str) -> list[int]:
    """Where a digit follows a letter, or "aine" a digit: str.find jumps from one to the next,
    where a regex would try every character of the view."""
    found = []
    for sign in (*"0123456789", "aine"):
        at = text.find(sign, 1)
        while at != -1:
            if text[at - 1].isalpha() if sign != "aine" else text[at - 1].isdigit():
                found.append(at)
            at = text.find(sign, at + 1)
    return sorted(found)


def _words(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each whole word around a match of ``pattern``, once."""
    return _words_around(text, [match.start() for match in pattern.finditer(text)])


def _words_around(text: str, places: list[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of each whole word around the offsets ``places`` (in order), once."""
    last_end = -1
    for place in places:
        if place < last_end:
            continue
        begin = place
        while begin > place - 60 and begin and (text[begin - 1].isalnum() or text[begin - 1] in "_-"):
            begin -= 1
        end = _WORD_AFTER.match(text, place).end()  # type: ignore[union-attr]
        last_end = end
        if begin and text[begin - 1] in _NOT_A_WORD_BEFORE:
            continue
        yield begin, end


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    text = prose.text
    found = []
    for start, end in _words_around(text, _glued_digits(text)):
        if _a_whole_value(prose, start, end):
            continue
        glued = _WORD_AND_NUMBER.fullmatch(text, start, end)
        if glued is not None:
            space = (Edit(glued.start(1), glued.start(1), " "),)
            fix = unit_fix(prose.unit_at(start), _("Insert a space"), space, Applicability.UNSAFE)
            found.append(Finding(doc.span(start, end), _(_MESSAGE), fix))
        elif _NUMBER_AND_SUFFIX.fullmatch(text, start, end):
            found.append(Finding(doc.span(start, end), _(_MESSAGE)))
    for start, end in _words(text, _CAPITAL_AFTER_LOWER):
        if _a_whole_value(prose, start, end):
            continue
        if _LOWER_AND_CAPITALISED.fullmatch(text, start, end):
            if text.count(text[start:end]) > 1:
                continue  # "diagBruit" three times, or in the title too: the product's name, not a slip
            found.append(Finding(doc.span(start, end), _(_MESSAGE)))
        elif _NAME_AND_SURNAME.fullmatch(text, start, end):
            found.append(Finding(doc.span(start, end), _(_MESSAGE)))
    yield from sorted(found, key=lambda finding: finding.span)


def _a_whole_value(prose: Prose, start: int, end: int) -> bool:
    """Whether the word is a front-matter value on its own (`github: marin42`, `- allo62`): a
    handle, an identifier or a name, where two words would hold a space."""
    unit = prose.unit_at(start)
    return unit.in_front_matter and unit.text.strip(" \t\n" + MASK) == prose.text[start:end]


RULE = Rule(
    "TYP031",
    "words-run-together",
    check,
    __doc__,
    "Words without the space between them (phase1, Jean-PaulDelevoye)",
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
)
