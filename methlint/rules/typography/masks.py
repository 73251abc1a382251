"""What is not prose inside prose, masked: every such pattern of typography lives here.

Two kinds, applied by :meth:`Prose.build <methlint.rules.typography.view.Prose.build>`:

- markup (inline code, HTML, Liquid, kramdown attributes, entities, link targets) may span
  lines, never units: it is masked unit by unit;
- tokens (URLs, e-mails, file names, domains, times) hold no whitespace, so they never cross
  units: they are masked once on the whole prose view.

Blocks that are not prose at all (fenced and indented code, HTML blocks) never become units:
the body reader leaves them out (:mod:`methlint.rules.typography.body`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from methlint.rules.typography.units import masked

FILE_EXTENSIONS = "png|jpe?g|gif|svg|webp|pdf|md|markdown|html?|docx?|xlsx?|pptx?|od[tsp]|csv|zip|txt|mp[34]|json|ya?ml"
_TLDS = "fr|com|org|net|eu|gouv|io|info|be|ch|ca|de|uk"

Spans = list[tuple[int, int]]

# (a literal every match holds, the pattern): each mask runs only where its literal is.
MARKUP_MASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("`", re.compile(r"(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)")),
    ("<", re.compile(r"<!--[\s\S]*?-->|</?[A-Za-z][^<>]*>")),
    (
        "{",
        re.compile(r"\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{::comment\}[\s\S]*?\{:/comment\}|\{:[^}\n]*\}"),
    ),
    ("&", re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")),
    # "\(" first, then a look behind: a pattern that starts with a literal is searched for
    # from one occurrence to the next, one that starts with a look behind at every character
    ("](", re.compile(r"\((?<=\]\()(?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")),
    ("][", re.compile(r"\[(?<=\]\[)[^\]\n]*\]")),
)


def markup_spans(text: str, masks: Iterable[tuple[str, re.Pattern[str]]] = MARKUP_MASKS) -> Spans:
    """(start, end) of the markup in one unit's text (of ``masks``, those whose literal it holds)."""
    return [match.span() for literal, pattern in masks if literal in text for match in pattern.finditer(text)]


def apply_masks(text: str, spans: Spans) -> str:
    """``text`` with every span (they may overlap) masked."""
    if not spans:
        return text
    parts = []
    position = 0
    for start, end in sorted(spans):
        if end <= position:
            continue
        start = max(start, position)
        parts.append(text[position:start])
        parts.append(masked(text[start:end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)


# --- tokens --------------------------------------------------------------------------------
# Each pattern starts with a literal (the regex engine jumps to it); a token that begins
# before that literal ("dir/logo.png", "prenom.nom@x.fr") is widened backwards.
_WIDEN_NAME = re.compile(r"[\w\u0300-\u036f./-]*$")  # combining marks: NFD names
_WIDEN_MAILBOX = re.compile(r"[\w.+-]*$")
_WIDEN_RELATIVE = re.compile(r"\.{0,2}$")


@dataclass(frozen=True)
class TokenMask:
    literal: str  # every match starts with it
    pattern: re.Pattern[str]
    widen: re.Pattern[str] | None = None
    must_widen: bool = False  # ".fr" alone after a space is not a name
    not_after: str = ""  # characters that may not precede the (widened) token
    reach: int = 200  # how far back widening looks

    def spans(self, text: str) -> Spans:
        """(start, end) of this mask's tokens in ``text``."""
        found = []
        for match in self.pattern.finditer(text):
            start = match.start()
            if self.widen is not None:
                widened = self.widen.search(text, max(0, start - self.reach), start)
                start = start if widened is None else widened.start()
                if self.must_widen and start == match.start():
                    continue
            if self.not_after and start and _glued(text[start - 1], self.not_after):
                continue
            found.append((start, match.end()))
        return found


def _glued(before: str, not_after: str) -> bool:
    return before.isalnum() or before == "_" or before in not_after


TOKEN_MASKS = (
    TokenMask(
        ":",
        re.compile(r":[^\s<>\"«»]*[^\s<>\"«».,;:!?)…]"),
        re.compile(r"(?:https?|ftp|mailto|file|tel)$"),
        must_widen=True,
        reach=6,
    ),
    TokenMask(
        ":",
        re.compile(r":\d{2}(?::\d{2})?(?!\d)"),
        re.compile(r"(?<!\d)\d{1,2}$"),
        must_widen=True,
        reach=3,
    ),
    TokenMask("www.", re.compile(r"www\.[^\s<>\"«»]*[^\s<>\"«».,;:!?)…]")),
    TokenMask("@", re.compile(r"@[\w-]+(?:\.[\w-]+)+"), _WIDEN_MAILBOX, must_widen=True, reach=64),
    # the lookahead spares the alternation at each sentence's final period
    TokenMask(
        ".",
        re.compile(rf"\.(?=(?i:[a-z]))(?:(?i:{FILE_EXTENSIONS})|{_TLDS})\b"),
        _WIDEN_NAME,
        must_widen=True,
    ),
    TokenMask(
        "/",
        re.compile(r"/[\w.-]*[\w-](?:/[\w.-]*[\w-])*/?"),
        _WIDEN_RELATIVE,
        not_after="./:",
        reach=2,
    ),
)


def token_spans(text: str) -> Spans:
    """(start, end) of the tokens in ``text``, each mask run where its literal is."""
    return [span for mask in TOKEN_MASKS if mask.literal in text for span in mask.spans(text)]


def mask_inline(text: str) -> str:
    """``text`` masked as one unit: markup, then tokens."""
    text = apply_masks(text, markup_spans(text))
    return apply_masks(text, token_spans(text))
