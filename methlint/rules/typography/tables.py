"""Tables that stand alone between blank lines, read cell by cell without markdown-it's whole-body parse.

A table is read here when it fills a block between blank lines (or the body's ends); a "|"
anywhere else sends the whole body to markdown-it. A table written the plain way is read
without markdown-it at all (:func:`plain_table_cells`); :func:`markdown_table_units`, its
reference, reads any block.
"""

from __future__ import annotations

import re

from methlint.document import Document
from methlint.rules.typography.markdown import Lines, markdown_parser, markdown_units
from methlint.rules.typography.units import ProseUnit

# The cells of the tables, and the file offsets of the starts of their lines (read nowhere else)
Tables = tuple[list[ProseUnit], set[int]]

_TABLE_DELIMITER_CELL = re.compile(r":?-+:?")


def standalone_tables(doc: Document, body: str, lines: Lines) -> Tables | None:
    """The tables of a body made of ``lines``; None when a "|" lies outside a standalone table."""
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
        cells = table_units(doc, lines[start:end])
        if cells is None:
            return None
        units += cells
        table_lines.update(offset for offset, _line in lines[start:end])
        index = end
    return units, table_lines


def table_units(doc: Document, block: Lines) -> list[ProseUnit] | None:
    """The cells of a block of lines that is one table for markdown-it, else None."""
    if not all("|" in line for _offset, line in block):
        return None
    cells = plain_table_cells(block)
    if cells is None:
        return markdown_table_units(doc, block)
    return [ProseUnit(start, doc.text[start:end]) for start, end in cells]


def markdown_table_units(doc: Document, block: Lines) -> list[ProseUnit] | None:
    """The cells of a block that is one table for markdown-it, else None: the reference."""
    tokens = markdown_parser().parse("".join(line + "\n" for _offset, line in block))
    if tokens[0].type != "table_open" or tokens[0].map != [0, len(block)]:
        return None
    return markdown_units(doc, tokens, block, 0)[0]  # a table holds no verbatim line


def plain_table_cells(block: Lines) -> list[tuple[int, int]] | None:
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
    columns = _delimiter_columns(block[1][1])
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
        cursor = 0  # as markdown_units places cells: each content searched after the previous one
        for content in contents[:columns]:
            content = content.strip(" ")
            found = line.find(content, cursor) if content else -1
            if found != -1:
                cursor = found + len(content)
                cells.append((offset + found, offset + cursor))
    return cells


def _delimiter_columns(delimiter: str) -> int:
    """The number of columns of a delimiter row ("|---|:-:|"), 0 when it is not one."""
    if len(delimiter) < 2 or delimiter.strip("|-: "):
        return 0
    delimiter_cells = delimiter.split("|")
    columns = 0
    for index, cell in enumerate(delimiter_cells):
        cell = cell.strip(" ")
        if not cell and index in (0, len(delimiter_cells) - 1):
            continue  # the outer pipes
        if not _TABLE_DELIMITER_CELL.fullmatch(cell):
            return 0
        columns += 1
    return columns
