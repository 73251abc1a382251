"""Whether a stretch of prose is English: an English passage keeps English typography
(`*Why not? Let’s try!*`), so French spacing and quotes are not asked of it."""

from __future__ import annotations

import re

_ENGLISH = frozenset(
    "the a an of and or not is are was be to for with in on at by from it its this that these what why how who "
    "when where we you they i me my our your their do does did don’t let’s let's can will would should try yes "
    "no all more new now here there".split()
)
_FRENCH = frozenset(
    "le la les de des du et ou un une est sont pas que qui quoi pourquoi comment nous vous ils elle on ce cette "
    "ces au aux en pour par avec dans sur oui non".split()
)
_WORDS = re.compile(r"[A-Za-zÀ-ÿ’']+")
_PASSAGE_START = '*_«"“(\n.;:!?'


def is_english_before(text: str, at: int, reach: int = 60) -> bool:
    """Whether the words before ``at``, back to the start of its sentence or emphasis (at most
    ``reach`` characters), are English: two English words or more, and no French one."""
    start = max(0, at - reach)
    for sign in _PASSAGE_START:
        found = text.rfind(sign, start, at)
        if found != -1:
            start = max(start, found + 1)
    words = [word.lower() for word in _WORDS.findall(text, start, at)]
    english = sum(word in _ENGLISH for word in words)
    return english >= 2 and not any(word in _FRENCH for word in words)
