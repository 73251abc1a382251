"""The prose of a document: the text a reader sees, mapped back to exact file offsets.

Typography rules must never read YAML keys, URLs, code or Markdown syntax as French
prose (on the seeds, raw-line rules produce more false positives than real defects).
This module cuts a document into :class:`ProseUnit`s, one per front-matter prose value
and one per body paragraph, heading or table cell. A unit's ``text`` is the source slice
``doc.text[start:start + len(text)]`` in which every character that is not prose (YAML
quotes' escapes, indentation, list markers, code, URLs…) is replaced by :data:`MASK`.
So an offset in ``text`` plus ``start`` is a file offset, and an edit that only touches
unmasked characters is an edit of exactly what the reader sees.
"""

from __future__ import annotations

import bisect
import fnmatch
import functools
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import yaml

from methlint.config import DEFAULT_PROSE_KEYS
from methlint.diagnostics import Applicability, Edit, Fix
from methlint.document import Document
from methlint.front_matter import DateText, iter_paths

# A private-use character: not a space, not a letter, not punctuation, so no rule matches it.
MASK = "\ue000"


class ProseUnit(NamedTuple):  # a tuple: documents have dozens, built on every check
    """Built with ``_new_unit(ProseUnit, (start, text, path, style))`` in this module: the
    named tuple's own ``__new__`` is a Python function, which doubles the cost."""

    start: int  # file offset of text[0]
    text: str  # the source slice, non-prose characters replaced by MASK
    path: tuple[str | int, ...] | None = None  # front-matter data path; None in the body
    style: str = ""  # YAML scalar style: "" plain, "'", '"', "|" or ">"

    @property
    def in_front_matter(self) -> bool:
        return self.path is not None


_START = operator.itemgetter(0)  # ProseUnit.start, read in C when sorting
_new_unit = tuple.__new__


@dataclass(frozen=True)
class Prose:
    units: tuple[ProseUnit, ...]  # in file order, never overlapping
    # Body lines (0-based, in file lines) that are code or HTML: not prose, not hygiene.
    verbatim_lines: frozenset[int]
    # File offset ranges of block scalars, whose trailing spaces are data.
    block_scalars: tuple[tuple[int, int, tuple[str | int, ...]], ...]
    # The whole file as one string of the same length: the units' texts at their offsets,
    # line feeds everywhere else. One regex pass over it checks every unit at once, and
    # its match offsets are file offsets.
    text: str
    starts: tuple[int, ...]

    @classmethod
    def build(
        cls, doc_length: int, units: list[ProseUnit], verbatim: frozenset[int], blocks: tuple, markup: bool = False
    ) -> Prose:
        """The prose of ``units``; with ``markup``, code, HTML, Liquid and link targets are
        masked in each unit first. Tokens (URLs, e-mails, file names, times) are masked last."""
        units.sort(key=_START)
        parts = []
        position = 0
        for start, text, _path, _style in units:
            parts.append("\n" * (start - position))
            parts.append(text)
            position = start + len(text)
        parts.append("\n" * (doc_length - position))
        text = "".join(parts)
        starts = tuple(map(_START, units))
        if markup:
            text = _mask_markup_of_units(text, units, starts)
        spans = _token_spans(text)
        if spans:
            text = _apply_masks(text, spans)
            _reread_units(text, units, starts, spans)
        return cls(tuple(units), verbatim, blocks, text, starts)

    @functools.cached_property
    def utf8(self) -> bytes:
        """The view in UTF-8, computed once for the rules that test it for rare characters:
        a bytes ``in`` is a memchr, where a regex character class costs tens of
        instructions per character and ``str.isprintable`` or ``is_normalized`` about 30."""
        return self.text.encode("utf-8", "surrogatepass")

    @functools.cached_property
    def has_period_pair(self) -> bool:
        """Whether two periods stand side by side or with only spaces between (``..``, ``. .``,
        ``...``, ``etc..``). One regex pass, computed once for the rules about periods: a
        ``str.find`` of such a sequence costs two to three times a regex pass, its frequent
        characters defeating the skip tables."""
        return _PERIOD_PAIR.search(self.text) is not None

    def unit_at(self, offset: int) -> ProseUnit:
        return self.units[bisect.bisect_right(self.starts, offset) - 1]

    def find(
        self,
        pattern: re.Pattern[str],
        literal: str = "",
    ) -> Iterator[tuple[ProseUnit, re.Match[str]]]:
        """Every match of ``pattern`` in the prose (``literal`` is a cheap pre-filter).

        Patterns should start with a literal character: the regex engine then jumps from
        one occurrence to the next, 3 to 10 times faster than trying a class everywhere.
        """
        if literal in self.text:
            for match in pattern.finditer(self.text):
                yield self.unit_at(match.start()), match

    def find_prefixed(self, pattern: re.Pattern[str], prefix: str) -> Iterator[tuple[ProseUnit, re.Match[str]]]:
        """What ``find`` yields, for a pattern whose every (non-empty) match starts with ``prefix``.

        str.find jumps between occurrences of a prefix of two characters or more, where the
        regex engine stops at each occurrence of its first character (a space, a period); and
        between occurrences of a rare sign ("(", ";"), where the regex engine steps through
        every character of the view (about 7 instructions each).
        """
        text = self.text
        at = text.find(prefix)
        while at != -1:
            match = pattern.match(text, at)
            if match is None:
                at = text.find(prefix, at + 1)
            else:
                yield self.unit_at(at), match
                at = text.find(prefix, match.end())

    def find_sign(self, group: SignPatterns, pattern: re.Pattern[str]) -> Iterator[tuple[ProseUnit, re.Match[str]]]:
        """What ``find(pattern)`` yields, for a pattern registered in ``group``: the group's
        patterns are searched for together, once per document."""
        shared = self.__dict__.get("_sign_matches")
        if shared is None:
            shared = self.__dict__["_sign_matches"] = {}
        found = shared.get(group)
        if found is None:
            found = shared[group] = group.matches(self.text)
        matches = found.get(pattern)
        if matches is None:  # registered after the group's search (never in a check)
            yield from self.find(pattern)
            return
        for match in matches:
            yield self.unit_at(match.start()), match

    def find_each(
        self,
        patterns: tuple[tuple[re.Pattern[str], str], ...],
        rare: tuple[str, ...] = (),
    ) -> Iterator[tuple[ProseUnit, re.Match[str]]]:
        """``find`` for each (pattern, literal) in turn; the patterns of the ``rare`` literals
        start every match with it and go through ``find_prefixed``."""
        for pattern, literal in patterns:
            yield from self.find_prefixed(pattern, literal) if literal in rare else self.find(pattern, literal)


_PERIOD_PAIR = re.compile(r"\.[ \u00a0]*\.")


class SignPatterns:
    """Patterns of several rules that all start with the same frequent sign ("." or ","), searched
    for in one pass over the prose instead of one pass each (a pass costs ~5 instructions per
    character, ~20 K on a corpus document, however rare the matches).

    Each pattern's source starts with ``"\\" + sign``, and its matches hold no other occurrence of
    the sign: what ``pattern.finditer`` yields is then every match of ``pattern.match`` at an
    occurrence of the sign, and the combined pattern (the sign, then each pattern's remainder as a
    lookahead) stops exactly where one of them matches.
    """

    def __init__(self, sign: str) -> None:
        self.sign = sign
        self.patterns: list[re.Pattern[str]] = []
        self._combined: tuple[re.Pattern[str], tuple[re.Pattern[str], ...]] | None = None

    def register(self, pattern: re.Pattern[str]) -> re.Pattern[str]:
        prefix = "\\" + self.sign
        if not pattern.pattern.startswith(prefix) or pattern.flags != re.UNICODE:
            raise ValueError(f"{pattern.pattern!r} must start with {prefix!r} and have no flags")
        if pattern not in self.patterns:
            self.patterns.append(pattern)
            self._combined = None
        return pattern

    def combined(self) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
        if self._combined is None:
            tails = "|".join(f"(?={pattern.pattern[2:]})" for pattern in self.patterns)
            self._combined = (re.compile(f"\\{self.sign}(?:{tails})"), tuple(self.patterns))
        return self._combined

    def matches(self, text: str) -> dict[re.Pattern[str], list[re.Match[str]]]:
        """Each registered pattern's matches in ``text``, in order."""
        combined, patterns = self.combined()
        found: dict[re.Pattern[str], list[re.Match[str]]] = {pattern: [] for pattern in patterns}
        if self.sign in text:
            for candidate in combined.finditer(text):
                at = candidate.start()
                for pattern in patterns:
                    match = pattern.match(text, at)
                    if match is not None:
                        found[pattern].append(match)
        return found


PERIOD_PATTERNS = SignPatterns(".")
COMMA_PATTERNS = SignPatterns(",")


def _with_text(unit: ProseUnit, text: str) -> ProseUnit:
    """The unit with its text masked further (the same object when nothing changed)."""
    if text == unit.text:
        return unit
    return _new_unit(ProseUnit, (unit.start, text, unit.path, unit.style))


def _mask_markup_of_units(text: str, units: list[ProseUnit], starts: tuple[int, ...]) -> str:
    """The view with markup masked unit by unit (markup may span lines, never units), in
    ``units`` too. Only the units holding a markup literal are read: a few per document."""
    # one memchr per first character spares most documents the rest (and the two-character searches)
    if not any(map(text.__contains__, _MARKUP_FIRST_CHARACTERS)):
        return text
    masks = tuple(mask for mask in _MARKUP_MASKS if mask[0][0] in text and mask[0] in text)
    holding: set[int] = set()
    for literal, _pattern in masks:
        at = text.find(literal)
        while at != -1:
            index = bisect.bisect_right(starts, at) - 1
            holding.add(index)
            at = text.find(literal, max(at + 1, starts[index] + len(units[index].text)))  # on past its unit
    for index in sorted(holding):
        unit = units[index]
        units[index] = _with_text(unit, _mask_markup(unit.text, masks))
        if units[index] is not unit:
            text = text[: unit.start] + units[index].text + text[unit.start + len(unit.text) :]
    return text


def _reread_units(text: str, units: list[ProseUnit], starts: tuple[int, ...], spans: list[tuple[int, int]]) -> None:
    """Each unit a masked span touches, read again from the masked view."""
    for start, end in spans:
        for index in range(max(0, bisect.bisect_right(starts, start) - 1), bisect.bisect_left(starts, end)):
            unit = units[index]
            units[index] = _with_text(unit, text[unit.start : unit.start + len(unit.text)])


def prose(doc: Document, ctx: object) -> Prose:
    """The document's prose, computed once per document and shared by every TYP rule.

    Read straight from the context's cache (the key ``Context.memo`` uses): every TYP rule
    asks, and a closure and an option lookup per rule cost more than the lookup itself.
    """
    cache = getattr(ctx, "cache", None)
    if cache is None:
        return extract(doc)
    key = ("prose", id(doc))
    extracted = cache.get(key)
    if extracted is None:
        extracted = cache[key] = extract(doc, ctx.config.typography.prose_keys)  # type: ignore[attr-defined]
    return extracted


def extract(doc: Document, prose_keys: tuple[str, ...] = DEFAULT_PROSE_KEYS) -> Prose:
    units: list[ProseUnit] = []
    blocks: list[tuple[int, int, tuple[str | int, ...]]] = []
    fm = doc.front_matter
    if fm is not None and fm.ok:
        units.extend(_front_matter_units(doc, fm, prose_keys, blocks))
    if doc.parts is not None:
        body, body_offset = doc.parts.body, doc.parts.body_offset
    elif doc.split_status == "missing":
        body_offset = len("\ufeff") if doc.text.startswith("\ufeff") else 0
        body = doc.text[body_offset:]  # without its BOM: the units' offsets are file offsets
    else:  # an unclosed front matter: where the body starts is unknown
        body, body_offset = "", len(doc.text)
    body_units, verbatim = _body_units(doc, body, body_offset)
    units.extend(body_units)
    return Prose.build(len(doc.text), units, frozenset(verbatim), tuple(blocks), markup=True)


# --- masks shared by values and body ---------------------------------------------------

_FILE_EXTENSIONS = (
    "png|jpe?g|gif|svg|webp|pdf|md|markdown|html?|docx?|xlsx?|pptx?|od[tsp]|csv|zip|txt|mp[34]|json|ya?ml"
)
_TLDS = "fr|com|org|net|eu|gouv|io|info|be|ch|ca|de|uk"
# Each mask is run only when its literal is in the text (most prose has none of them).
# Markup may span lines, so it is masked unit by unit.
_MARKUP_MASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
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
_MARKUP_FIRST_CHARACTERS = "".join({literal[0]: None for literal, _pattern in _MARKUP_MASKS})
# Tokens hold no whitespace, so they never cross units: masked once on the whole prose view.
# Each pattern starts with a literal (the regex engine jumps to it); a token that begins
# before that literal ("dir/logo.png", "prenom.nom@x.fr") is widened backwards.
_WIDEN_NAME = re.compile(r"[\w\u0300-\u036f./-]*$")  # combining marks: NFD names
_WIDEN_MAILBOX = re.compile(r"[\w.+-]*$")
_WIDEN_RELATIVE = re.compile(r"\.{0,2}$")


def _colon_glued(text: str) -> bool:
    """Whether some colon follows a letter or digit and precedes something else than
    whitespace, as the colon of every URL scheme and time kept does. The colons of prose, a
    few per document, follow a space: each is jumped to (a memchr) and looked at."""
    at = text.find(":")
    while at != -1:
        if at and text[at - 1].isalnum() and not text[at + 1 : at + 2].isspace():
            return True
        at = text.find(":", at + 1)
    return False


# A period after a character of a name and before a letter (a file name or a domain kept
# by the period's mask), or after "www" (where the "www." mask matches)
_PERIOD_OF_A_TOKEN = re.compile(r"\.(?:(?<=[\w\u0300-\u036f./-]\.)(?=(?i:[a-z]))|(?<=www\.))")


def _period_of_a_token(text: str) -> bool:
    return _PERIOD_OF_A_TOKEN.search(text) is not None


@dataclass(frozen=True)
class _TokenMask:
    literal: str
    pattern: re.Pattern[str]
    widen: re.Pattern[str] | None = None
    must_widen: bool = False  # ".fr" alone after a space is not a name
    not_after: str = ""  # characters that may not precede the (widened) token
    reach: int = 200  # how far back widening looks
    # False when no token of the mask can be kept: cheaper than the pattern's pass over the
    # view (about seven instructions per character), and shared by the masks that share it
    gate: Callable[[str], bool] | None = None


_TOKEN_MASKS = (
    _TokenMask(
        ":",
        re.compile(r":[^\s<>\"«»]*[^\s<>\"«».,;:!?)…]"),
        re.compile(r"(?:https?|ftp|mailto|file|tel)$"),
        must_widen=True,
        reach=6,
        gate=_colon_glued,
    ),
    _TokenMask(
        ":",
        re.compile(r":\d{2}(?::\d{2})?(?!\d)"),
        re.compile(r"(?<!\d)\d{1,2}$"),
        must_widen=True,
        reach=3,
        gate=_colon_glued,
    ),
    _TokenMask("www.", re.compile(r"www\.[^\s<>\"«»]*[^\s<>\"«».,;:!?)…]"), gate=_period_of_a_token),
    _TokenMask("@", re.compile(r"@[\w-]+(?:\.[\w-]+)+"), _WIDEN_MAILBOX, must_widen=True, reach=64),
    # the lookahead spares the alternation at each sentence's final period
    _TokenMask(
        ".",
        re.compile(rf"\.(?=(?i:[a-z]))(?:(?i:{_FILE_EXTENSIONS})|{_TLDS})\b"),
        _WIDEN_NAME,
        True,
        gate=_period_of_a_token,
    ),
    _TokenMask(
        "/",
        re.compile(r"/[\w.-]*[\w-](?:/[\w.-]*[\w-])*/?"),
        _WIDEN_RELATIVE,
        not_after="./:",
        reach=2,
    ),
)


def _token_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    gates: dict[Callable[[str], bool], bool] = {}
    for mask in _TOKEN_MASKS:
        if mask.gate is None:
            if mask.literal not in text:
                continue
        else:
            if mask.gate not in gates:
                gates[mask.gate] = mask.gate(text)
            if not gates[mask.gate]:
                continue
        for match in mask.pattern.finditer(text):
            start = match.start()
            if mask.widen is not None:
                widened = mask.widen.search(text, max(0, start - mask.reach), start)
                start = start if widened is None else widened.start()
                if mask.must_widen and start == match.start():
                    continue
            if (
                mask.not_after
                and start
                and (text[start - 1].isalnum() or text[start - 1] == "_" or text[start - 1] in mask.not_after)
            ):
                continue
            spans.append((start, match.end()))
    return spans


def _masked(source: str) -> str:
    """``source`` with every character but line feeds replaced by MASK."""
    if "\n" not in source:
        return MASK * len(source)
    return "\n".join(MASK * len(line) for line in source.split("\n"))


def mask_inline(text: str) -> str:
    """Replace code, markup, URLs, e-mails, file names, domains and times by MASK."""
    text = _mask_markup(text, _MARKUP_MASKS)
    return _apply_masks(text, _token_spans(text))


def _mask_markup(text: str, masks: tuple[tuple[str, re.Pattern[str]], ...]) -> str:
    spans = [match.span() for literal, pattern in masks if literal in text for match in pattern.finditer(text)]
    return _apply_masks(text, spans)


def _apply_masks(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts = []
    position = 0
    for start, end in sorted(spans):
        if end <= position:
            continue
        start = max(start, position)
        parts.append(text[position:start])
        parts.append(_masked(text[start:end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)


# --- front matter ---------------------------------------------------------------------------

_NOT_PROSE_VALUE = re.compile(
    rf"(?:[a-z][a-z0-9+.-]*:|www\.|\.{{0,2}}/)\S*|[^\s@]+@[^\s@]+|\S+\.(?i:{_FILE_EXTENSIONS})"
)
_DOUBLE_QUOTED_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|\r?\n|.)")
_LEADING_SPACE = re.compile(r"(?<=\n)[ \t]+")
_STR_TAG = "tag:yaml.org,2002:str"
# An anchor (&name) or tag (!, !!str, !<…>) and the blanks, line breaks or comments that part
# it from the value. A value can start with neither "&" nor "!" (both are YAML indicators).
_NODE_PROPERTIES = re.compile(r"(?:[&!][^\s]*(?:[ \t\r\n]+(?:#[^\r\n]*)?)*)+")


class _ProseKeys:
    """Which keys hold prose. Every document repeats the same keys, so the answers of the
    fnmatch-built regexes are remembered (a dict lookup instead of a dozen alternatives)."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self._top = re.compile("|".join(fnmatch.translate(p.split(".")[0]) for p in patterns))
        self._whole = re.compile("|".join(fnmatch.translate(p) for p in patterns))
        self._top_answers: dict[str, bool] = {}
        self._whole_answers: dict[str, bool] = {}

    def may_hold_prose(self, top_key: str) -> bool:
        answer = self._top_answers.get(top_key)
        return self._answer(self._top, self._top_answers, top_key) if answer is None else answer

    def is_prose(self, dotted_key: str) -> bool:
        answer = self._whole_answers.get(dotted_key)
        return self._answer(self._whole, self._whole_answers, dotted_key) if answer is None else answer

    @staticmethod
    def _answer(pattern: re.Pattern[str], answers: dict[str, bool], key: str) -> bool:
        if len(answers) > 5_000:  # keys made up by thousands of documents
            answers.clear()
        answer = answers[key] = pattern.match(key) is not None
        return answer


@functools.lru_cache(maxsize=8)
def _prose_keys(patterns: tuple[str, ...]) -> _ProseKeys:
    return _ProseKeys(patterns)


def _prose_scalars(root: yaml.Node, patterns: tuple[str, ...]) -> list[tuple[tuple, yaml.ScalarNode]]:
    """(data path, scalar node) of the values under prose keys, in file order; other
    subtrees are not walked."""
    found: list[tuple[tuple, yaml.ScalarNode]] = []
    if isinstance(root, yaml.MappingNode):
        keys = _prose_keys(patterns)
        top_answers = keys._top_answers  # read here: a method call per key costs more than the lookup
        whole_answers = keys._whole_answers
        append = found.append
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode):
                name = key.value
                holds = top_answers.get(name)
                if not (holds or (holds is None and keys.may_hold_prose(name))):
                    continue
                # what _collect_prose_scalars finds, without a call per value for the usual
                # shapes: a text, or a list of texts
                kind = value.__class__
                if kind is yaml.ScalarNode or kind is yaml.SequenceNode:
                    prose = whole_answers.get(name)
                    if prose is None:
                        prose = keys.is_prose(name)
                    if kind is yaml.ScalarNode:
                        if prose:
                            append(((name,), value))
                        continue
                    index = 0
                    for item in value.value:
                        if item.__class__ is yaml.ScalarNode:
                            if prose:
                                append(((name, index), item))
                        else:
                            _collect_prose_scalars(item, (name, index), name, keys, found)
                        index += 1
                else:
                    _collect_prose_scalars(value, (name,), name, keys, found)
    return found


def _collect_prose_scalars(node: yaml.Node, path: tuple, dotted: str, keys: _ProseKeys, found: list) -> None:
    if isinstance(node, yaml.ScalarNode):
        if keys.is_prose(dotted):
            found.append((path, node))
    elif len(path) > 20:  # aliases can make a graph; prose is never this deep
        return
    elif isinstance(node, yaml.SequenceNode):
        items_are_prose = keys.is_prose(dotted)  # what the call would answer for each string item
        for index, item in enumerate(node.value):
            if isinstance(item, yaml.ScalarNode):
                if items_are_prose:
                    found.append(((*path, index), item))
            else:
                _collect_prose_scalars(item, (*path, index), dotted, keys, found)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                _collect_prose_scalars(value, (*path, key.value), f"{dotted}.{key.value}", keys, found)


def _front_matter_units(doc, fm, prose_keys, blocks) -> list[ProseUnit]:
    if "|" in fm.yaml or ">" in fm.yaml:
        for path, _key, node in iter_paths(fm.root):
            if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
                blocks.append((fm.file_offset(node.start_mark), fm.file_offset(node.end_mark), path))
    units: list[ProseUnit] = []
    seen: set[int] | None = set() if "*" in fm.yaml else None  # no alias without a "*"
    text = doc.text
    offset = fm.offset
    for path, node in _prose_scalars(fm.root, tuple(prose_keys)):
        value = node.value
        if node.tag != _STR_TAG or isinstance(value, DateText):
            continue
        index = node.start_mark.index
        if seen is not None:
            if index in seen:
                continue  # an alias repeats its anchor's node: one source, one unit
            seen.add(index)
        stripped = value.strip()
        # a value with a space is never one of those single tokens: no regex for most values
        if not stripped or (" " not in stripped and _NOT_PROSE_VALUE.fullmatch(stripped)):
            continue
        start, end = offset + index, offset + node.end_mark.index
        if text[start] in "&!":  # the node starts with its anchor or tag, which are not the value
            start = _NODE_PROPERTIES.match(text, start, end).end()
        style = node.style
        if not style:
            source = text[start:end]
            if "\n" not in source and "\r" not in source:  # most values: one plain line, nothing to mask
                units.append(_new_unit(ProseUnit, (start, source, path, "")))
                continue
            style = ""
        unit = _scalar_unit(text, start, end, style)
        if unit is not None:
            units.append(_new_unit(ProseUnit, (unit[0], unit[1], path, style)))
    return units


def _scalar_unit(text: str, start: int, end: int, style: str) -> tuple[int, str] | None:
    """The scalar's source with YAML syntax masked, or None when it cannot be mapped."""
    if style in ("'", '"'):
        start, end = start + 1, end - 1  # inside the quotes
        source = text[start:end]
        if style == "'":
            source = source.replace("''", MASK * 2)  # an escaped quote: never prose to edit
        elif "\\" in source:
            source = _DOUBLE_QUOTED_ESCAPE.sub(lambda m: _masked(m.group()), source)
    elif style in ("|", ">"):
        header_end = text.find("\n", start, end)
        if header_end == -1:
            return None
        start = header_end + 1
        source = text[start:end]
        source = re.sub(r"^[ \t]+", lambda m: MASK * len(m.group()), source, flags=re.M)
    else:
        source = text[start:end]
    if "\n" in source:
        source = _LEADING_SPACE.sub(lambda m: MASK * len(m.group()), source)
    if "\r" in source:
        source = source.replace("\r", MASK)
    return start, source


# --- body ------------------------------------------------------------------------------------

# Blocks that make line-by-line reading wrong: fenced or indented code, HTML blocks,
# tabs. Inline code, links, inline HTML and Liquid are masked the same way on both paths.
# Tables ("|") are read line by line too when each one stands alone between blank lines:
# only those blocks pay for markdown-it (a whole body costs it 10 times more), and not even
# them when written the plain way (see _plain_table_cells).
# Each sign comes with a character it holds: looking for one character is a memchr, looking
# for several scans the body (2 to 4 µs each on a seed's body).
_MARKDOWN_SIGNS = (("`", "```"), ("~", "~~~"), ("<", "\n<"), ("\t", "\t"), (" ", "\n    "), ("<", "\n   <"))
# A line's Markdown prefix; when the marker group matches, the line starts an item or a heading.
_LINE_PREFIX = re.compile(r" {0,3}(?:>[ ]?)*(?P<marker>[*+-] +|\d{1,9}[.)] +|#{1,6}(?: +|$))?")
_NOT_TEXT_LINE = re.compile(r" {0,3}(?:(?:[-*_] *){3,}|=+ *|-+ *|\[[^\]]+\]:.*)$")
# The same reading for a whole body in one pass, when "\n" is its only line separator: a
# _NOT_TEXT_LINE, or else a _LINE_PREFIX then the content, spaces stripped. Blank lines do
# not match (the search steps over them): a gap between two matches is one.
_BODY_LINE = re.compile(
    r"^(?![^\S\n]*$)(?:"
    r" {0,3}(?:(?:[-*_] *){3,}|=+ *|-+ *|\[[^\]\n]+\]:.*)"
    r"| {0,3}(?:>[ ]?)*(?P<marker>[*+-] +|\d{1,9}[.)] +|#{1,6}(?: +|$))? *(?P<content>(?:.*[^ \n])?) *)$",
    re.MULTILINE,
)
# What str.splitlines breaks lines at, besides "\n"
_OTHER_LINE_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _body_lines(body: str, body_offset: int) -> list[tuple[int, str]]:
    """(file offset, text without line ending) for each line of the body."""
    lines = []
    offset = body_offset
    for raw in body.splitlines(keepends=True):
        lines.append((offset, raw.rstrip("\r\n")))
        offset += len(raw)
    return lines


def _unit_from_pieces(doc: Document, pieces: list[tuple[int, int]]) -> ProseUnit | None:
    """One unit spanning the pieces; what lies between them (prefixes, line ends) is masked."""
    if len(pieces) == 1:  # most paragraphs and items are one line
        start, end = pieces[0]
        return _new_unit(ProseUnit, (start, doc.text[start:end], None, "")) if end > start else None
    pieces = [(s, e) for s, e in pieces if e > s]
    if not pieces:
        return None
    if len(pieces) == 1:
        start, end = pieces[0]
        return _new_unit(ProseUnit, (start, doc.text[start:end], None, ""))
    parts = []
    previous_end = pieces[0][0]
    for start, end in pieces:
        parts.append(_masked(doc.text[previous_end:start]))
        parts.append(doc.text[start:end])
        previous_end = end
    return _new_unit(ProseUnit, (pieces[0][0], "".join(parts), None, ""))


def _body_units(doc: Document, body: str, body_offset: int) -> tuple[list[ProseUnit], set[int]]:
    if not body or body.isspace():  # stops at the first character that is not a space: no copy
        return [], set()
    if body.startswith(("    ", "<")) or any(char in body and sign in body for char, sign in _MARKDOWN_SIGNS):
        return _whole_body_units(doc, body, body_offset, _body_lines(body, body_offset))
    if any(map(body.__contains__, _OTHER_LINE_BREAKS)):
        lines = _body_lines(body, body_offset)
        tables = _standalone_tables(doc, body, lines) if "|" in body else ([], set())
        if tables is None:
            return _whole_body_units(doc, body, body_offset, lines)
        units, table_lines = tables
        units += _line_units(doc, lines, table_lines)
        return [unit for unit in units if unit is not None], set()
    units: list[ProseUnit] = []
    table_starts: set[int] = set()
    if "|" in body:
        tables = _standalone_tables_of_lines(doc, body, body_offset)
        if tables is None:
            return _whole_body_units(doc, body, body_offset, _body_lines(body, body_offset))
        units, table_starts = tables
    units += _text_line_units(doc, body, body_offset, table_starts)
    return units, set()


def _whole_body_units(doc, body, body_offset, lines) -> tuple[list[ProseUnit], set[int]]:
    """The body read by markdown-it; its verbatim lines are numbered in the file."""
    first_line = doc.position(body_offset)[0] - 1 if body_offset < len(doc.text) else 0
    return _markdown_units(doc, _markdown_parser().parse(body), lines, first_line)


def _line_units(doc: Document, lines: list[tuple[int, str]], skipped: set[int]) -> list[ProseUnit | None]:
    """Paragraphs, items and headings read line by line; ``skipped``: indexes of lines read
    elsewhere (tables). Any line separators; ``_text_line_units`` is its fast twin."""
    units: list[ProseUnit | None] = []
    pieces: list[tuple[int, int]] = []
    for index, (offset, line) in enumerate(lines):
        if not line.strip() or _NOT_TEXT_LINE.match(line) or index in skipped:
            if pieces:  # a paragraph or item ends
                units.append(_unit_from_pieces(doc, pieces))
                pieces = []
            continue
        line_prefix = _LINE_PREFIX.match(line)
        if pieces and line_prefix.group("marker") is not None:  # an item or heading starts
            units.append(_unit_from_pieces(doc, pieces))
            pieces = []
        prefix = line_prefix.end()
        content = line[prefix:].rstrip(" ")
        lead = len(content) - len(content.lstrip(" "))
        pieces.append((offset + prefix + lead, offset + prefix + len(content)))
    if pieces:
        units.append(_unit_from_pieces(doc, pieces))
    return units


def _text_line_units(doc: Document, body: str, body_offset: int, skipped: set[int]) -> list[ProseUnit]:
    """What ``_line_units`` reads, in one regex pass over a body whose only line separator is
    "\\n", one match per text line (a dozen times fewer Python steps); ``skipped``: body
    offsets of lines read elsewhere."""
    paragraphs: list[list[tuple[int, int]]] = []  # the pieces of each paragraph, item or heading
    pieces = None  # those of the one being read
    next_line = 0  # where the line after the last one read starts
    for line in _BODY_LINE.finditer(body):
        line_start, line_end = line.span()
        start, end = line.span("content")
        if start == -1 or (skipped and line_start in skipped):  # a non-text line ends the paragraph
            pieces = None
        elif pieces is None or line_start != next_line or line.start("marker") != -1:
            pieces = [(start, end)]  # after a blank line, or an item or heading: a new paragraph
            paragraphs.append(pieces)
        else:
            pieces.append((start, end))
        next_line = line_end + 1
    units: list[ProseUnit] = []
    for pieces in paragraphs:
        if len(pieces) == 1:  # most paragraphs and items are one line
            start, end = pieces[0]
            if end > start:
                units.append(_new_unit(ProseUnit, (body_offset + start, body[start:end], None, "")))
        else:
            unit = _unit_from_pieces(doc, [(body_offset + start, body_offset + end) for start, end in pieces])
            if unit is not None:  # not every piece empty
                units.append(unit)
    return units


def _standalone_tables(doc, body, lines) -> tuple[list[ProseUnit], set[int]] | None:
    """The cells of each table that fills a block between blank lines, and its line
    indexes; None when a "|" lies elsewhere (the whole body then goes to markdown-it)."""
    if len(lines) != body.count("\n") + (not body.endswith("\n")):
        return None  # a line separator other than LF or CRLF: markdown-it counts lines differently
    units: list[ProseUnit] = []
    table_lines: set[int] = set()
    index = 0
    while index < len(lines):
        if "|" not in lines[index][1]:
            index += 1
            continue
        start = end = index
        while start > 0 and lines[start - 1][1].strip(" "):
            start -= 1
        while end < len(lines) and lines[end][1].strip(" "):
            end += 1
        cells = _table_units(doc, lines[start:end])
        if cells is None:
            return None
        units += cells
        table_lines.update(range(start, end))
        index = end
    return units, table_lines


def _standalone_tables_of_lines(doc, body, body_offset) -> tuple[list[ProseUnit], set[int]] | None:
    """``_standalone_tables`` for a body whose only line separator is "\\n", with the body
    offsets of the table lines: each "|" is searched for, and only the lines around it are
    read (splitting the body into lines costs as much as reading it)."""
    units: list[ProseUnit] = []
    table_starts: set[int] = set()
    at = body.find("|")
    while at != -1:
        start = body.rfind("\n", 0, at) + 1  # the block's first line
        while start and body[body.rfind("\n", 0, start - 1) + 1 : start - 1].strip(" "):
            start = body.rfind("\n", 0, start - 1) + 1
        end = body.find("\n", at)  # and its end
        while end != -1 and body[end + 1 : _line_end(body, end + 1)].strip(" "):
            end = body.find("\n", end + 1)
        end = len(body) if end == -1 else end
        block = []
        for line in body[start:end].split("\n"):
            block.append((body_offset + start, line))
            table_starts.add(start)
            start += len(line) + 1
        cells = _table_units(doc, block)
        if cells is None:
            return None
        units += cells
        at = body.find("|", end)
    return units, table_starts


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end


def _table_units(doc, block: list[tuple[int, str]]) -> list[ProseUnit] | None:
    """The cells of a block of lines that is one table for markdown-it, else None."""
    if not all("|" in line for _offset, line in block):
        return None
    cells = _plain_table_cells(block)
    if cells is None:
        tokens = _markdown_parser().parse("".join(line + "\n" for _offset, line in block))
        if tokens[0].type != "table_open" or tokens[0].map != [0, len(block)]:
            return None
        return _markdown_units(doc, tokens, block, 0)[0]  # a table holds no verbatim line
    return [_new_unit(ProseUnit, (start, doc.text[start:end], None, "")) for start, end in cells]


_TABLE_DELIMITER_CELL = re.compile(r":?-+:?")


def _plain_table_cells(block: list[tuple[int, str]]) -> list[tuple[int, int]] | None:
    """File offsets (start, end) of the cells that hold text, as markdown-it's table rule
    reads them, for a table written the plain way: every line starts with "|" (no indent,
    no other block can start there), printable characters (the only space is " ", which
    markdown-it's trim and str.strip both remove), no backslash escape or backtick. None
    for any other block, which markdown-it then reads: importing it costs as much as
    reading a few hundred documents, and parsing a table as much as reading a whole body.
    """
    if len(block) < 2 or not all(line.startswith("|") for _offset, line in block):
        return None
    joined = "".join(line for _offset, line in block)
    if not joined.isprintable() or "\\" in joined or "`" in joined:
        return None
    delimiter = block[1][1]
    if len(delimiter) < 2 or delimiter.strip("|-: "):
        return None
    delimiter_cells = delimiter.split("|")
    columns = 0
    for index, cell in enumerate(delimiter_cells):
        cell = cell.strip(" ")
        if not cell and index in (0, len(delimiter_cells) - 1):
            continue  # the outer pipes
        if not _TABLE_DELIMITER_CELL.fullmatch(cell):
            return None
        columns += 1
    if not columns or columns * len(block) > 0x10000:
        return None  # no column, or markdown-it cuts a table that would gain too many empty cells
    cells = []
    for row, (offset, line) in enumerate(block):
        if row == 1:
            continue
        contents = line.strip(" ").split("|")[1:]  # the line starts with "|"
        if contents and contents[-1] == "":
            contents.pop()
        if row == 0 and len(contents) != columns:
            return None  # not a table for markdown-it
        cursor = 0  # as _markdown_units places cells: each content searched after the previous one
        for content in contents[:columns]:
            content = content.strip(" ")
            found = line.find(content, cursor) if content else -1
            if found != -1:
                cursor = found + len(content)
                cells.append((offset + found, offset + cursor))
    return cells


@functools.cache
def _markdown_parser():
    from markdown_it import MarkdownIt  # imported only when a body needs it

    return MarkdownIt("commonmark").enable("table")


def _markdown_units(doc, tokens, lines, first_line) -> tuple[list[ProseUnit], set[int]]:
    units: list[ProseUnit] = []
    verbatim: set[int] = set()
    cell_cursor: dict[int, int] = {}  # table line -> where the next cell's text is searched
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        if token.type in ("fence", "code_block", "html_block"):
            verbatim.update(first_line + n for n in range(*token.map))
            continue
        if token.type != "inline" or index == 0:
            continue
        opener = tokens[index - 1].type
        pieces = []
        if opener in ("th_open", "td_open"):
            line_no = token.map[0]
            offset, line = lines[line_no]
            found = line.find(token.content, cell_cursor.get(line_no, 0)) if token.content else -1
            if found != -1:
                cell_cursor[line_no] = found + len(token.content)
                pieces.append((offset + found, offset + found + len(token.content)))
        elif opener in ("paragraph_open", "heading_open"):
            content_lines = token.content.split("\n")
            for k, line_no in enumerate(range(*token.map)):
                if k >= len(content_lines) or line_no >= len(lines):
                    break
                offset, line = lines[line_no]
                wanted = content_lines[k].strip(" ")
                if not wanted:
                    continue
                stripped = line.rstrip(" ")
                at = len(stripped) - len(wanted) if stripped.endswith(wanted) else line.find(wanted)
                if at != -1:  # a line markdown-it rewrote (tabs) is skipped, never misplaced
                    pieces.append((offset + at, offset + at + len(wanted)))
        unit = _unit_from_pieces(doc, pieces)
        if unit:
            units.append(unit)
    return units, verbatim


# --- fixes --------------------------------------------------------------------------------

_PLAIN_FORBIDDEN = (": ", " #", ":\t", "\t#")
_PLAIN_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"


def unit_fix(
    doc: Document,
    unit: ProseUnit,
    title: str,
    edits: tuple[Edit, ...],
    applicability: Applicability = Applicability.SAFE,
) -> Fix:
    """A fix on a unit's prose, made valid for its YAML scalar style.

    Front-matter edits declare the value they change. An edit that a plain scalar cannot
    hold (it would create ``: `` or `` #``, or move the value's ends) is only shown.
    """
    if unit.path is None:  # a body unit
        return Fix(title, edits, applicability)
    if unit.style == "'":
        edits = tuple(Edit(e.start, e.end, e.replacement.replace("'", "''")) for e in edits)
    elif unit.style == '"':
        edits = tuple(Edit(e.start, e.end, e.replacement.replace("\\", "\\\\").replace('"', '\\"')) for e in edits)
    elif unit.style == "" and not _plain_edit_ok(unit, edits):
        applicability = Applicability.DISPLAY_ONLY
    return Fix(title, edits, applicability, changes_data_at=(unit.path,))


def _plain_edit_ok(unit: ProseUnit, edits: tuple[Edit, ...]) -> bool:
    before = unit.text
    after = before
    for edit in sorted(edits, key=lambda e: e.start, reverse=True) if len(edits) > 1 else edits:
        start, end = edit.start - unit.start, edit.end - unit.start
        after = after[:start] + edit.replacement + after[end:]
    if not after or after[0] in " \t" or after[-1] in " \t" or after[-1] == ":":
        return False
    if after[0] in _PLAIN_INDICATORS and after[0] != before[0]:
        return False
    if ":" not in after and "#" not in after:  # two memchrs: most values hold neither, so none of the sequences
        return True
    # the count only where the sequence is present: most values hold none of them
    return not any(bad in after and after.count(bad) > before.count(bad) for bad in _PLAIN_FORBIDDEN)
