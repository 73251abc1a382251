"""The prose of the body: one unit per paragraph, list item, heading and table cell.

Markdown bodies are mostly paragraphs, items and headings, which are read line by line: a
line's Markdown prefix (quote markers, list marker, heading hashes) is masked, thematic breaks,
setext underlines and link definitions end a paragraph. Blocks that make line-by-line reading
wrong (fenced or indented code, HTML blocks, tabs) send the whole body to markdown-it, whose
verbatim lines are neither prose nor hygiene. Tables are read apart (:mod:`.tables`).

The line-by-line reading has two twins that give the same units (a property test holds them
equal, with the same ``skipped`` lines: file offsets of line starts): :func:`paragraphs_by_line`,
the reference, reads any line separators; :func:`paragraphs_in_one_pass` reads a body whose
only separator is "\\n", most bodies, in one regex pass. Reading those line by line costs ~11 µs
more per document, about 2% of a check's time (1.1% of its instructions; docs/performance.md).
"""

from __future__ import annotations

import re

from methlint.document import Document
from methlint.rules.typography.markdown import Lines, body_units_by_markdown_it
from methlint.rules.typography.tables import standalone_tables
from methlint.rules.typography.units import ProseUnit, unit_of_pieces

# Signs of the blocks that make line-by-line reading wrong: fenced or indented code, HTML
# blocks, tabs. Inline code, links, inline HTML and Liquid are masked the same way on both
# readings. Each sign comes with a character it holds: looking for one character is a memchr,
# looking for several scans the body.
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


def body_units(doc: Document, body: str, body_offset: int) -> tuple[list[ProseUnit], set[int]]:
    """The units of the body starting at file offset ``body_offset``, and its verbatim lines
    (code and HTML, numbered in the file from 0)."""
    if not body or body.isspace():  # stops at the first character that is not a space: no copy
        return [], set()
    if needs_markdown_it(body):
        return body_units_by_markdown_it(doc, body, body_offset, body_lines(body, body_offset))
    only_line_feeds = not any(map(body.__contains__, _OTHER_LINE_BREAKS))
    if only_line_feeds and "|" not in body:  # most bodies
        return paragraphs_in_one_pass(doc, body, body_offset, set()), set()
    lines = body_lines(body, body_offset)
    tables = standalone_tables(doc, body, lines) if "|" in body else ([], set())
    if tables is None:
        return body_units_by_markdown_it(doc, body, body_offset, lines)
    cells, table_lines = tables
    if only_line_feeds:
        return cells + paragraphs_in_one_pass(doc, body, body_offset, table_lines), set()
    return cells + paragraphs_by_line(doc, lines, table_lines), set()


def needs_markdown_it(body: str) -> bool:
    """Whether the body holds a block that line-by-line reading would misread."""
    return body.startswith(("    ", "<")) or any(char in body and sign in body for char, sign in _MARKDOWN_SIGNS)


def body_lines(body: str, body_offset: int) -> Lines:
    """(file offset, text without line ending) for each line of the body."""
    lines = []
    offset = body_offset
    for raw in body.splitlines(keepends=True):
        lines.append((offset, raw.rstrip("\r\n")))
        offset += len(raw)
    return lines


def paragraphs_by_line(doc: Document, lines: Lines, skipped: set[int]) -> list[ProseUnit]:
    """Paragraphs, items and headings read line by line, any line separators; ``skipped``: the
    file offsets of the lines read elsewhere (tables)."""
    units: list[ProseUnit | None] = []
    pieces: list[tuple[int, int]] = []
    for offset, line in lines:
        if not line.strip() or _NOT_TEXT_LINE.match(line) or offset in skipped:
            if pieces:  # a paragraph or item ends
                units.append(unit_of_pieces(doc, pieces))
                pieces = []
            continue
        line_prefix = _LINE_PREFIX.match(line)
        assert line_prefix is not None  # every part of the pattern is optional
        if pieces and line_prefix.group("marker") is not None:  # an item or heading starts
            units.append(unit_of_pieces(doc, pieces))
            pieces = []
        prefix = line_prefix.end()
        content = line[prefix:].rstrip(" ")
        lead = len(content) - len(content.lstrip(" "))
        pieces.append((offset + prefix + lead, offset + prefix + len(content)))
    if pieces:
        units.append(unit_of_pieces(doc, pieces))
    return [unit for unit in units if unit is not None]


def paragraphs_in_one_pass(doc: Document, body: str, body_offset: int, skipped: set[int]) -> list[ProseUnit]:
    """What :func:`paragraphs_by_line` reads, for a body whose only line separator is "\\n": one
    regex match per text line."""
    paragraphs: list[list[tuple[int, int]]] = []  # the pieces (body offsets) of each paragraph, item or heading
    pieces = None  # those of the one being read
    next_line = 0  # where the line after the last one read starts
    for line in _BODY_LINE.finditer(body):
        line_start, line_end = line.span()
        start, end = line.span("content")
        if start == -1 or (skipped and body_offset + line_start in skipped):  # a non-text line ends the paragraph
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
                units.append(ProseUnit(body_offset + start, body[start:end]))
        else:
            unit = unit_of_pieces(doc, [(body_offset + start, body_offset + end) for start, end in pieces])
            if unit is not None:
                units.append(unit)
    return units
