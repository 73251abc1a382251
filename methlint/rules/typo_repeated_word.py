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


# The neighbour test below runs on UTF-8 bytes: ASCII letters lowercased, the separators
# str.split knows among ASCII controls made spaces, every other byte made 0x80 (so É and é,
# both two bytes, compare equal). Two words equal ignoring case then give equal bytes, except
# with these characters: whitespace beyond ASCII (str.split cuts there, bytes.split does not)
# and letters whose lowercase has another UTF-8 length (İ -> i̇, K -> k). A test recomputes them.
_FOLD = bytes(
    byte + 32 if 65 <= byte <= 90 else 32 if 0x1C <= byte <= 0x1F else byte if byte < 128 else 0x80
    for byte in range(256)
)
_ASCII = bytes(range(128))
_NOT_BYTE_COMPARABLE = frozenset(
    "\u0085\u00a0\u0130\u023a\u023e\u1680\u1e9e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u2126\u212a\u212b\u2c62\u2c64\u2c6d\u2c6e\u2c6f"
    "\u2c70\u2c7e\u2c7f\u3000\ua78d\ua7aa\ua7ab\ua7ac\ua7ad\ua7ae\ua7b0\ua7b1\ua7b2\ua7c5"
)


def _may_repeat(data: bytes) -> bool:
    """False when no word of the UTF-8 text ``data`` equals the next one ignoring case, as
    most documents: bytes are split without the cost of lowering a text character by character."""
    if not _NOT_BYTE_COMPARABLE.isdisjoint(data.translate(None, _ASCII).decode("utf-8", "surrogatepass")):
        return True
    words = data.translate(_FOLD).split()
    return any(map(operator.eq, words, words[1:]))


def _repeated_words(text: str, data: bytes) -> set[str]:
    """Words written twice in a row in ``text`` (``data``: its UTF-8), found at C speed so that
    most documents stop here."""
    if not _may_repeat(data):
        return set()
    words = text.lower().split()
    repeated = set(compress(words, map(operator.eq, words, words[1:])))
    return {word for word in repeated if word[:1].isalpha() and word not in ALLOWED}


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    extracted = prose(doc, ctx)
    for word in _repeated_words(extracted.text, extracted.utf8):
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
