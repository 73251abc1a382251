"""The body as markdown-it reads it: the reference reading of paragraphs, headings and table
cells, and the only one for bodies that hold code, HTML or tabs (line by line would misread them).

Imported only when a body needs it: importing markdown-it costs as much as reading a few hundred
documents line by line.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from methlint.document import Document
from methlint.rules.typography.units import ProseUnit, unit_of_pieces

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

Lines = list[tuple[int, str]]  # (file offset, text without its line ending) of each line


@functools.cache
def markdown_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported only when a body needs it

    return MarkdownIt("commonmark").enable("table")


def body_units_by_markdown_it(
    doc: Document, body: str, body_offset: int, lines: Lines
) -> tuple[list[ProseUnit], set[int]]:
    """The units of the body, and its verbatim lines (code, HTML) numbered in the file from 0."""
    first_line = doc.position(body_offset)[0] - 1 if body_offset < len(doc.text) else 0
    return markdown_units(doc, markdown_parser().parse(body), lines, first_line)


def markdown_units(
    doc: Document, tokens: list[Token], lines: Lines, first_line: int
) -> tuple[list[ProseUnit], set[int]]:
    """The units of markdown-it's tokens of ``lines``, and the verbatim lines, from ``first_line``."""
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
        if opener in ("th_open", "td_open"):
            pieces = _cell_pieces(token, lines, cell_cursor)
        elif opener in ("paragraph_open", "heading_open"):
            pieces = _paragraph_pieces(token, lines)
        else:
            continue
        unit = unit_of_pieces(doc, pieces)
        if unit is not None:
            units.append(unit)
    return units, verbatim


def _cell_pieces(token: Token, lines: Lines, cell_cursor: dict[int, int]) -> list[tuple[int, int]]:
    """The cell's text on its line, searched after the previous cell's."""
    assert token.map is not None
    line_no = token.map[0]
    offset, line = lines[line_no]
    found = line.find(token.content, cell_cursor.get(line_no, 0)) if token.content else -1
    if found == -1:
        return []
    cell_cursor[line_no] = found + len(token.content)
    return [(offset + found, offset + found + len(token.content))]


def _paragraph_pieces(token: Token, lines: Lines) -> list[tuple[int, int]]:
    """Each line's content, found back on its source line."""
    assert token.map is not None
    pieces = []
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
    return pieces
