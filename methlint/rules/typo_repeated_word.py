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
# str.split knows among ASCII controls made spaces, every other character made one byte 0x80
# (its first byte made 0x80, the others dropped: É and é, Ω and ω compare equal). Two words
# equal ignoring case then give equal bytes, except with whitespace beyond ASCII (str.split
# cuts there, bytes.split does not) and the two letters whose lowercase is ASCII. A test checks.
_FOLD = bytes(
    byte + 32 if 65 <= byte <= 90 else 32 if 0x1C <= byte <= 0x1F else byte if byte < 128 else 0x80
    for byte in range(256)
)
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
_NO_BREAK_SPACE = "\u00a0".encode()
_NARROW_NO_BREAK_SPACE = "\u202f".encode()
_LOWERED_TO_ASCII = ("\u0130", "\u212a")  # İ -> i̇, K -> k
# Characters whose case the regex engine folds otherwise than str.lower: İ and the Greek,
# Cyrillic and other letters of the engine's extra case classes (ſ ~ s, µ ~ μ, ς ~ σ…). In a
# text without them, the pattern of a word can match only where the lowered text holds the
# word. A test recomputes them.
_CASE_TRAPS = frozenset(
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1\u03a3"
    "\u03a6\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1"
    "\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a\u0432\u0434\u043e"
    "\u0441\u0442\u044a\u0462\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e60"
    "\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64a\ua64b\ufb05\ufb06"
)


def _repeats_in_bytes(data: bytes, rare: str) -> list[bytes] | None:
    """The words of the UTF-8 text ``data`` that equal the next word ignoring case, lowered, in
    UTF-8: found on bytes, without lowering the text character by character; most documents get
    an empty list. None when bytes cannot tell: the text must be lowered.
    ``rare``: the text's characters beyond plain ASCII (typo_characters.rare_characters)."""
    if "\u00a0" in rare or "\u202f" in rare:  # French spacing: made spaces, bytes.split parts words there too
        data = data.replace(_NO_BREAK_SPACE, b" ").replace(_NARROW_NO_BREAK_SPACE, b" ")
        rare = rare.replace("\u00a0", "").replace("\u202f", "")
    # other whitespace among them (str.split finds it in one pass) may part words bytes.split keeps whole
    if rare.split() != ([rare] if rare else []):
        return None
    lowered_exactly = rare.lower() == rare  # no case beyond ASCII: bytes.lower lowers as str.lower
    if lowered_exactly:
        words = data.lower().split()
    elif any(map(rare.__contains__, _LOWERED_TO_ASCII)):
        return None
    else:  # folded words are equal where lowered ones are, and sometimes where they are not
        words = data.translate(_FOLD, _CONTINUATION_BYTES).split()
    following = iter(words)
    next(following, None)
    if not any(map(operator.eq, words, following)):  # most documents stop here (compress costs more)
        return []
    return list(compress(words, map(operator.eq, words, words[1:]))) if lowered_exactly else None


@functools.cache  # compiled on first use: most runs meet no repeated word
def _any_repeated_word() -> re.Pattern[str]:
    """_REPEATED for any word: where the pattern of a word of n characters matches, this one
    matches the same text with the same groups, its first group n characters long."""
    return re.compile(_REPEATED.format(word=r"\S++"), re.IGNORECASE)


def _repetitions(extracted: Prose, lowered: str, rare: str, word: str) -> Iterator[tuple[ProseUnit, re.Match[str]]]:
    """What ``extracted.find`` yields for the pattern of ``word``; ``lowered``: the prose's text
    lowered. Without case traps in ``rare`` the pattern can only match where ``lowered`` holds
    the word, so a few str.find and matches replace compiling a pattern per word (0.2 ms or
    more) and trying it at every character of the prose."""
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
    repeats = _repeats_in_bytes(extracted.utf8, rare)
    if repeats is not None and not repeats:
        return
    if repeats is None:
        lowered = extracted.text.lower()
        words = lowered.split()
        repeated = set(compress(words, map(operator.eq, words, words[1:])))
    else:  # no case beyond ASCII: the UTF-8 lowered as bytes is the text lowered
        lowered = extracted.utf8.lower().decode("utf-8", "surrogatepass")
        repeated = {word.decode("utf-8", "surrogatepass") for word in repeats}
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
