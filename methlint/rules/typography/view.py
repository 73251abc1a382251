"""The prose of a document, and the one way rules search it.

Typography rules must never read YAML keys, URLs, code or Markdown syntax as French prose
(on the seeds, raw-line rules produce more false positives than real defects). A
:class:`Prose` holds the document's units (:mod:`.units`: front-matter values, body
paragraphs, headings and table cells) and a *view*: the whole file as one string of the same
length, the units' masked texts at their offsets and line feeds everywhere else. One regex
pass over the view checks every unit at once, and its match offsets are file offsets.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass

from methlint.config import DEFAULT_PROSE_KEYS
from methlint.document import Document
from methlint.rules.typography.body import body_units
from methlint.rules.typography.code_regions import code_regions, whole_lines, without_regions
from methlint.rules.typography.masks import MARKUP_MASKS, apply_masks, markup_spans, token_spans
from methlint.rules.typography.units import ProseUnit, with_text
from methlint.rules.typography.values import BlockScalar, block_scalars, front_matter_units

Found = Iterator[tuple[ProseUnit, re.Match[str]]]
_START = operator.attrgetter("start")

# Every byte of printable ASCII, tab, line feed and carriage return.
_PLAIN_ASCII = bytes((0x09, 0x0A, 0x0D, *range(0x20, 0x7F)))


@dataclass(frozen=True)
class Prose:
    units: tuple[ProseUnit, ...]  # in file order, never overlapping
    # Body lines (0-based, in file lines) that are code or HTML: not prose, not hygiene.
    verbatim_lines: frozenset[int]
    block_scalars: tuple[BlockScalar, ...]  # their trailing spaces are data
    text: str  # the view
    starts: tuple[int, ...]  # each unit's start, for bisect

    @classmethod
    def build(
        cls,
        doc_length: int,
        units: list[ProseUnit],
        verbatim: frozenset[int] = frozenset(),
        blocks: tuple[BlockScalar, ...] = (),
        markup: bool = False,
    ) -> Prose:
        """The prose of ``units``; with ``markup``, code, HTML, Liquid and link targets are
        masked in each unit first. Tokens (URLs, e-mails, file names, times) are masked last."""
        units = sorted(units, key=_START)
        text = _view(doc_length, units)
        masks = [mask for mask in MARKUP_MASKS if mask[0] in text] if markup else []
        if masks:
            units = [with_text(unit, apply_masks(unit.text, markup_spans(unit.text, masks))) for unit in units]
            text = _view(doc_length, units)
        spans = token_spans(text)
        if spans:
            text = apply_masks(text, spans)
            units = [with_text(unit, text[unit.start : unit.start + len(unit.text)]) for unit in units]
        return cls(tuple(units), verbatim, blocks, text, tuple(map(_START, units)))

    def unit_at(self, offset: int) -> ProseUnit:
        return self.units[bisect.bisect_right(self.starts, offset) - 1]

    def matches(self, pattern: re.Pattern[str]) -> Found:
        """Every match of ``pattern`` in the view, with the unit it lies in."""
        for match in pattern.finditer(self.text):
            yield self.unit_at(match.start()), match

    def find(self, pattern: re.Pattern[str], *, holding: str = "", starting_with: str = "") -> Found:
        """What :meth:`matches` yields, found faster with a hint about every match.

        ``holding``: a string every match holds; when the view lacks it, no regex pass (a memchr
        instead of ~5 instructions per character). ``starting_with``: a string every match starts
        with; the search jumps from one occurrence to the next with ``str.find``, where the regex
        engine stops at each occurrence of its first character (a space, a period) or steps
        through every character when it starts with a look-behind: the rules' searches cost 4.4%
        of a check more without it (docs/performance.md). A property test runs every rule with
        and without its hints.
        """
        if starting_with:
            yield from self._jumping(pattern, starting_with)
        elif holding in self.text:
            yield from self.matches(pattern)

    def _jumping(self, pattern: re.Pattern[str], prefix: str) -> Found:
        text = self.text
        at = text.find(prefix)
        while at != -1:
            match = pattern.match(text, at)
            if match is None:
                at = text.find(prefix, at + 1)
            else:
                yield self.unit_at(at), match
                at = text.find(prefix, match.end())

    @functools.cached_property
    def utf8(self) -> bytes:
        """The view in UTF-8, for the rules that test it for rare bytes: a bytes ``in`` is a
        memchr, where a regex class costs tens of instructions per character."""
        return self.text.encode("utf-8", "surrogatepass")

    @functools.cached_property
    def rare_characters(self) -> str:
        """The view's characters other than printable ASCII, tab and line ends, in order: one
        ``bytes.translate`` drops nine bytes in ten (only ASCII, so the rest is still UTF-8), and
        the rules about rare characters then search these few."""
        return self.utf8.translate(None, _PLAIN_ASCII).decode("utf-8", "surrogatepass")


def _view(doc_length: int, units: list[ProseUnit]) -> str:
    """The units' texts at their offsets, line feeds elsewhere, ``doc_length`` characters."""
    parts = []
    position = 0
    for unit in units:
        parts.append("\n" * (unit.start - position))
        parts.append(unit.text)
        position = unit.start + len(unit.text)
    parts.append("\n" * (doc_length - position))
    return "".join(parts)


def extract(
    doc: Document, prose_keys: tuple[str, ...] = DEFAULT_PROSE_KEYS, known_keys: frozenset[str] | None = None
) -> Prose:
    """The prose of a document: its front-matter values under ``prose_keys`` and its body; with
    ``known_keys`` (the top-level keys its schema knows), the values under every other key too."""
    units: list[ProseUnit] = []
    blocks: list[BlockScalar] = []
    fm = doc.front_matter
    if fm is not None and fm.ok:
        units += front_matter_units(doc, fm, prose_keys, known_keys)
        blocks = block_scalars(fm)
    if doc.parts is not None:
        body, body_offset = doc.parts.body, doc.parts.body_offset
    elif doc.split_status == "missing":
        body_offset = len("\ufeff") if doc.text.startswith("\ufeff") else 0
        body = doc.text[body_offset:]  # without its BOM: the units' offsets are file offsets
    else:  # an unclosed front matter: where the body starts is unknown
        body, body_offset = "", len(doc.text)
    found, verbatim = body_units(doc, body, body_offset)
    regions = [(body_offset + start, body_offset + end) for start, end in code_regions(body)]
    if regions:  # code and mathematics that Markdown reads as paragraphs: neither prose nor hygiene
        found = without_regions(found, regions)
        verbatim |= whole_lines(doc, regions)
    units += found
    return Prose.build(len(doc.text), units, frozenset(verbatim), tuple(blocks), markup=True)
