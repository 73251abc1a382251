"""A prose unit: one front-matter value, or one body paragraph, heading or table cell.

A unit's ``text`` is the source slice ``doc.text[start:start + len(text)]`` in which every
character that is not prose (YAML quotes' escapes, indentation, list markers, code, URLs…) is
replaced by :data:`MASK`. So an offset in ``text`` plus ``start`` is a file offset, and an edit
that only touches unmasked characters is an edit of exactly what the reader sees.
"""

from __future__ import annotations

from typing import NamedTuple

from methlint.document import Document
from methlint.front_matter import Path as DataPath

# A private-use character: not a space, not a letter, not punctuation, so no rule matches it.
MASK = "\ue000"


class ProseUnit(NamedTuple):  # a tuple: documents have dozens, built on every check
    start: int  # file offset of text[0]
    text: str  # the source slice, non-prose characters replaced by MASK
    path: DataPath | None = None  # front-matter data path; None in the body
    style: str = ""  # YAML scalar style: "" plain, "'", '"', "|" or ">"

    @property
    def in_front_matter(self) -> bool:
        return self.path is not None


def masked(source: str) -> str:
    """``source`` with every character but line feeds replaced by MASK."""
    if "\n" not in source:
        return MASK * len(source)
    return "\n".join(MASK * len(line) for line in source.split("\n"))


def with_text(unit: ProseUnit, text: str) -> ProseUnit:
    """The unit with its text masked further (the same object when nothing changed)."""
    return unit if text == unit.text else unit._replace(text=text)


def unit_of_pieces(doc: Document, pieces: list[tuple[int, int]]) -> ProseUnit | None:
    """One body unit spanning the pieces (file offsets, start and end), what lies between them
    (line prefixes, line ends) masked; None when every piece is empty."""
    pieces = [(start, end) for start, end in pieces if end > start]
    if not pieces:
        return None
    parts = []
    previous_end = pieces[0][0]
    for start, end in pieces:
        parts.append(masked(doc.text[previous_end:start]))
        parts.append(doc.text[start:end])
        previous_end = end
    return ProseUnit(pieces[0][0], "".join(parts))
