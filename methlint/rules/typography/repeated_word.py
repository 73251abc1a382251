"""
## What it does
Reports a word written twice in a row (`le le`), ignoring case. Words that French
legitimately repeats (`nous nous`, `vous vous`, `faire faire`, `la la`…) are not reported.

French typography only: not checked on a document whose site declares another language
(`lang: en` in its front matter, `_config.yml` or its `defaults`; see the README's *Content language*).

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

from methlint.diagnostics import Applicability, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix
from methlint.rules.typography.view import Prose

# The word, then the same word ignoring case. Each class is split in two lookarounds (the same
# test): a class that mixes \w and ’ takes 3 times longer to compile.
_REPEATED = r"(?<![\w'-])(?<!’)({word})([ \u00a0]+)\1(?![\w'-])(?!’)"
# Grammalecte's "doublon" exceptions: repetitions that are grammatical.
ALLOWED = frozenset(
    "nous vous faire en la lui donnant œuvre hé ho ha hou olé joli couvent dément sapiens très vroum".split()
)

# The gate compares the words of the view's UTF-8, folded: ASCII letters lowercased, the
# separators str.split knows among ASCII controls made spaces, every other character made one
# byte 0x80 (its first byte made 0x80, the others dropped: É and é, Ω and ω compare equal). Two
# words equal ignoring case then give equal bytes, except across whitespace beyond ASCII
# (str.split cuts there, bytes.split does not) and with the two letters whose lowercase is
# ASCII; tests check both.
_FOLD = bytes(
    byte + 32 if 65 <= byte <= 90 else 32 if 0x1C <= byte <= 0x1F else byte if byte < 128 else 0x80
    for byte in range(256)
)
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
_FRENCH_SPACES = ("\u00a0", "\u202f")  # whitespace beyond ASCII that French text holds
LOWERED_TO_ASCII = ("\u0130", "\u212a")  # İ -> i̇, K -> k


def may_repeat_a_word(prose: Prose) -> bool:
    """False when no word of the view equals the next one ignoring case, as in most documents:
    decided on the folded UTF-8 (bytes.translate and bytes.split, without lowering the text
    character by character; TYP014 costs 4.6% of a check more without this gate). True when the
    bytes cannot tell."""
    data, rare = prose.utf8, prose.rare_characters
    for space in _FRENCH_SPACES:  # made ASCII spaces: bytes.split then parts words there too
        if space in rare:
            data = data.replace(space.encode(), b" ")
            rare = rare.replace(space, "")
    if any(map(rare.__contains__, LOWERED_TO_ASCII)) or rare.split() != ([rare] if rare else []):
        return True  # other whitespace among them (str.split finds it in one pass) may part words bytes keep whole
    words = data.translate(_FOLD, _CONTINUATION_BYTES).split()
    return any(map(operator.eq, words, words[1:]))


def repeated_words(text: str) -> set[str]:
    """The words of ``text``, lowered, that equal the next word, ignoring case: the reference the
    gate must never contradict."""
    words = text.lower().split()
    return {word for word, following in zip(words, words[1:], strict=False) if word == following}


@functools.lru_cache(maxsize=256)
def _repetition_of(word: str) -> re.Pattern[str]:
    return re.compile(_REPEATED.format(word=re.escape(word)), re.IGNORECASE)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    if not may_repeat_a_word(prose):
        return
    for word in repeated_words(prose.text):
        # "Développer, Développer,": a word repeated with its comma is a figure of style
        if not word[:1].isalpha() or not word[-1:].isalnum() or word in ALLOWED:
            continue
        for unit, match in prose.find(_repetition_of(word)):
            start, end = match.span()
            if _in_a_longer_run(prose.text, start, end, word):
                continue  # "Na Na Na Na", "non non non": three times or more is meant
            yield Finding(
                doc.span(start, end),
                _("'{word}' is repeated: remove one").format(word=match.group(1)),
                unit_fix(
                    unit,
                    _("Remove the repeated word"),
                    (Edit(match.start(2), end, ""),),
                    Applicability.DISPLAY_ONLY,
                ),
            )


def _in_a_longer_run(text: str, start: int, end: int, word: str) -> bool:
    """Whether the same word comes right before ``start`` or right after ``end``."""
    before, after = _neighbours_of(word)
    return before.search(text, max(0, start - len(word) - 8), start) is not None or after.match(text, end) is not None


@functools.lru_cache(maxsize=256)
def _neighbours_of(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    escaped = re.escape(word)
    return (
        re.compile(rf"(?<![\w'-])(?<!’){escaped}[ \u00a0]+$", re.IGNORECASE),
        re.compile(rf"[ \u00a0]+{escaped}(?![\w'-])(?!’)", re.IGNORECASE),
    )


RULE = Rule(
    "TYP014",
    "repeated-word",
    check,
    __doc__,
    "Word written twice in a row",
    severity=Severity.WARNING,
    fix=FixAvailability.NEVER,
    french_only=True,
)
