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
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from methlint.rules.typography.units import masked

FILE_EXTENSIONS = "png|jpe?g|gif|svg|webp|pdf|md|markdown|html?|docx?|xlsx?|pptx?|od[tsp]|csv|zip|txt|mp[34]|json|ya?ml"
_TLDS = "fr|com|org|net|eu|gouv|io|info|be|ch|ca|de|uk"

Spans = list[tuple[int, int]]

# Every search below is linear in the text: none starts at each occurrence of a sign and runs
# to the end (an unclosed "{{" repeated 20,000 times once took 100 s; issue 19).
_BACKTICK_RUN = re.compile(r"`+")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")  # stops at the next "<": each character read once
_KRAMDOWN_ATTRIBUTES = re.compile(r"\{:[^{}\n]*\}")
# "&amp;#x2F;": an entity escaped twice (what an HTML export of a form writes) is one token
_ENTITY = re.compile(r"&(?:amp;)?(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
# "\(" first, then a look behind: a pattern that starts with a literal is searched for
# from one occurrence to the next, one that starts with a look behind at every character
# blanks may pad the target inside its parentheses ("[rapport](/docs/r.pdf )"): kramdown drops them
LINK_TARGET = re.compile(r"\((?<=\]\()[ \t]*(?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?[ \t]*\)")
LINK_REFERENCE = re.compile(r"\[(?<=\]\[)[^\]\n]*\]")


def code_spans(text: str) -> Spans:
    """Inline code as CommonMark reads it: a run of backticks up to the next run of the same
    length. One pass over the runs, the next run of each length looked up from the end."""
    runs = [match.span() for match in _BACKTICK_RUN.finditer(text)]
    next_of_length: dict[int, int] = {}
    following = [-1] * len(runs)  # the index of the next run of the same length
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = next_of_length.get(length, -1)
        next_of_length[length] = index
    spans = []
    index = 0
    while index < len(runs):
        closing = following[index]
        if closing == -1:
            index += 1
        else:
            spans.append((runs[index][0], runs[closing][1]))
            index = closing + 1
    return spans


def delimited(text: str, opening: str, closing: str) -> Spans:
    """Each ``opening`` up to the next ``closing``; once one is never closed, none after it is."""
    spans = []
    at = text.find(opening)
    while at != -1:
        end = text.find(closing, at + len(opening))
        if end == -1:
            break
        spans.append((at, end + len(closing)))
        at = text.find(opening, end + len(closing))
    return spans


def _pattern_spans(pattern: re.Pattern[str]) -> Callable[[str], Spans]:
    return lambda text: [match.span() for match in pattern.finditer(text)]


def _html(text: str) -> Spans:
    return delimited(text, "<!--", "-->") + _pattern_spans(_HTML_TAG)(text)


def _liquid_and_kramdown(text: str) -> Spans:
    return [
        *delimited(text, "{{", "}}"),
        *delimited(text, "{%", "%}"),
        *delimited(text, "{::comment}", "{:/comment}"),
        *_pattern_spans(_KRAMDOWN_ATTRIBUTES)(text),
    ]


# (a literal every span holds, the spans of that markup in a text): each runs only where its literal is.
MARKUP_MASKS: tuple[tuple[str, Callable[[str], Spans]], ...] = (
    ("`", code_spans),
    ("<", _html),
    ("{", _liquid_and_kramdown),
    ("&", _pattern_spans(_ENTITY)),
    ("](", _pattern_spans(LINK_TARGET)),
    ("][", _pattern_spans(LINK_REFERENCE)),
)


def markup_spans(text: str, masks: Iterable[tuple[str, Callable[[str], Spans]]] = MARKUP_MASKS) -> Spans:
    """(start, end) of the markup in one unit's text (of ``masks``, those whose literal it holds)."""
    return [span for literal, spans in masks if literal in text for span in spans(text)]


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
    trim: str = ""  # characters that end a sentence, not the token: taken off its end

    def spans(self, text: str) -> Spans:
        """(start, end) of this mask's tokens in ``text``."""
        found = []
        for match in self.pattern.finditer(text):
            start, end = match.span()
            if self.trim:
                end = start + len(match.group().rstrip(self.trim))
                if end - start <= len(self.literal):
                    continue
            if self.widen is not None:
                widened = self.widen.search(text, max(0, start - self.reach), start)
                start = start if widened is None else widened.start()
                if self.must_widen and start == match.start():
                    continue
            if self.not_after and start and _glued(text[start - 1], self.not_after):
                continue
            found.append((start, end))
        return found


def _glued(before: str, not_after: str) -> bool:
    return before.isalnum() or before == "_" or before in not_after


_URL_END = ".,;:!?)…"
TOKEN_MASKS = (
    TokenMask(
        ":",
        # possessive: a run of ":" is read once, not once per ":"; "]" ends a link's text
        re.compile(r":[^\s<>\"«»\]\ue000]*+"),
        re.compile(r"(?:https?|ftp|mailto|file|tel)$"),
        must_widen=True,
        reach=6,
        trim=_URL_END,
    ),
    TokenMask(
        ":",
        re.compile(r":\d{2}(?::\d{2})?(?!\d)"),
        re.compile(r"(?<!\d)\d{1,2}$"),
        must_widen=True,
        reach=3,
    ),
    TokenMask("www.", re.compile(r"www\.[^\s<>\"«»\]\ue000]*+"), trim=_URL_END),
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
