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

import functools
import operator
import re
from collections.abc import Iterator
from itertools import compress

from methlint.diagnostics import Applicability, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.prose import Prose, ProseUnit, prose, unit_fix
from methlint.rules._base import Context, Rule
from methlint.rules.typo_characters import rare_characters

# The word, then the same word ignoring case. Each class is split in two lookarounds (the same
# test): a class that mixes \w and ’ takes 3 times longer to compile.
_REPEATED = r"(?<![\w'-])(?<!’)({word})([ \u00a0]+)\1(?![\w'-])(?!’)"
# Grammalecte's "doublon" exceptions: repetitions that are grammatical.
ALLOWED = frozenset(
    "nous vous faire en la lui donnant œuvre hé ho ha hou olé joli couvent dément sapiens très vroum".split()
)


# The neighbour test below runs on UTF-8 bytes: ASCII letters lowercased, the separators
# str.split knows among ASCII controls made spaces, every other byte made 0x80 (so É and é,
# both two bytes, compare equal). Two words equal ignoring case then give equal bytes, except
# with these characters: whitespace beyond ASCII (str.split cuts there, bytes.split does not)
# and letters whose lowercase has another UTF-8 length (İ -> i̇, K -> k). A test recomputes them.
_FOLD = bytes(
    byte + 32 if 65 <= byte <= 90 else 32 if 0x1C <= byte <= 0x1F else byte if byte < 128 else 0x80
    for byte in range(256)
)
_NOT_BYTE_COMPARABLE = frozenset(
    "\u0085\u00a0\u0130\u023a\u023e\u1680\u1e9e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u2126\u212a\u212b\u2c62\u2c64\u2c6d\u2c6e\u2c6f"
    "\u2c70\u2c7e\u2c7f\u3000\ua78d\ua7aa\ua7ab\ua7ac\ua7ad\ua7ae\ua7b0\ua7b1\ua7b2\ua7c5"
)
# Characters whose case the regex engine folds otherwise than str.lower: İ and the Greek,
# Cyrillic and other letters of the engine's extra case classes (ſ ~ s, µ ~ μ, ς ~ σ…). In a
# text without them, the pattern of a word matches where the lowered text holds the word, and
# only there. A test recomputes them.
_CASE_TRAPS = frozenset(
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1\u03a3"
    "\u03a6\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1"
    "\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a\u0432\u0434\u043e"
    "\u0441\u0442\u044a\u0462\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e60"
    "\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64a\ua64b\ufb05\ufb06"
)


def _may_repeat(data: bytes, rare: str) -> bool:
    """False when no word of the UTF-8 text ``data`` equals the next one ignoring case, as
    most documents: bytes are split without the cost of lowering a text character by character.
    ``rare``: the text's characters beyond plain ASCII (or all of them)."""
    if not _NOT_BYTE_COMPARABLE.isdisjoint(rare):
        return True
    words = data.translate(_FOLD).split()
    following = iter(words)
    next(following, None)
    return any(map(operator.eq, words, following))


@functools.cache  # compiled on first use: most runs meet no repeated word
def _any_repeated_word() -> re.Pattern[str]:
    """_REPEATED for any word: where the pattern of a word of n characters matches, this one
    matches the same text with the same groups, its first group n characters long."""
    return re.compile(_REPEATED.format(word=r"\S++"), re.IGNORECASE)


def _repetitions(extracted: Prose, lowered: str, rare: str, word: str) -> Iterator[tuple[ProseUnit, re.Match[str]]]:
    """What ``extracted.find`` yields for the pattern of ``word``; ``lowered``: the prose's text
    lowered. Without case traps in ``rare`` the pattern can only match where ``lowered`` holds
    the word, so a few str.find and matches replace compiling a pattern per word (1 ms) and
    trying it at every character of the prose."""
    if not _CASE_TRAPS.isdisjoint(rare):
        yield from extracted.find(re.compile(_REPEATED.format(word=re.escape(word)), re.IGNORECASE))
        return
    text = extracted.text
    any_word = _any_repeated_word()
    at = lowered.find(word)
    while at != -1:
        match = any_word.match(text, at)
        if match is not None and match.end(1) == at + len(word):
            yield extracted.unit_at(at), match
            at = lowered.find(word, match.end())
        else:
            at = lowered.find(word, at + 1)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    extracted = prose(doc, ctx)
    rare = rare_characters(doc, ctx)
    if not _may_repeat(extracted.utf8, rare):
        return
    lowered = extracted.text.lower()
    words = lowered.split()
    repeated = set(compress(words, map(operator.eq, words, words[1:])))
    for word in {word for word in repeated if word[:1].isalpha() and word not in ALLOWED}:
        for unit, match in _repetitions(extracted, lowered, rare, word):
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
