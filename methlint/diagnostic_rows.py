"""Diagnostics as plain tuples: what the results cache stores, and what the text reporter renders.

A warm run reports tens of thousands of findings it did not compute. Building a
:class:`Diagnostic` (and its :class:`Span`) for each costs more than reading every file, so
cached findings stay rows, are sorted and deduplicated as rows, and become objects only
for a consumer that asks for them (another output format, a baseline).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any, overload

from methlint.diagnostics import Applicability, Diagnostic, Fix, Severity, Span

# (path, line, column, end_line, end_column, code, message, severity, applicability or None, visible)
Row = tuple[str, int, int, int, int, str, str, str, str | None, bool]

_SEVERITIES = {s.value: s for s in Severity}
# the edits are not kept: a row is for reporting (the fixer never reads the cache)
_FIXES: dict[str | None, Fix | None] = {None: None, **{a.value: Fix("", (), a) for a in Applicability}}
# linter.deduplicated's identity (path, span, code, message) and order (path, span, code)
_IDENTITY = itemgetter(0, 1, 2, 3, 4, 5, 6)
_ORDER = itemgetter(0, 1, 2, 3, 4, 5)


def row_of(d: Diagnostic) -> Row:
    s = d.span
    applicability = d.fix.applicability.value if d.fix is not None else None
    return (
        d.path,
        s.line,
        s.column,
        s.end_line,
        s.end_column,
        d.code,
        d.message,
        d.severity.value,
        applicability,
        d.visible,
    )


def diagnostic_of(row: Row) -> Diagnostic:
    path, line, column, end_line, end_column, code, message, severity, applicability, visible = row
    span = Span(line, column, end_line, end_column)
    return Diagnostic(path, span, code, message, _SEVERITIES[severity], _FIXES[applicability], visible)


ROW_SIZE = 10
# the types of each field of a row, as JSON reads them back
_FIELD_TYPES: tuple[set[type], ...] = (
    {str},
    {int},
    {int},
    {int},
    {int},
    {str},
    {str},
    {str},
    {str, type(None)},
    {bool},
)


def rows_from_flat(flat: list[Any]) -> list[Row]:
    """Rows from the flat list of their fields (as the cache stores them), checked field by field.

    Raises ``ValueError`` unless every value has the type and range a row allows: a cache file
    is never trusted to be what methlint wrote.
    """
    if type(flat) is not list or len(flat) % ROW_SIZE:
        raise ValueError("not a whole number of rows")
    for index, types in enumerate(_FIELD_TYPES):
        if not set(map(type, flat[index::ROW_SIZE])) <= types:
            raise ValueError("a field of the wrong type")
    if not set(flat[7::ROW_SIZE]) <= _SEVERITIES.keys() or not set(flat[8::ROW_SIZE]) <= _FIXES.keys():
        raise ValueError("an unknown severity or applicability")
    fields = iter(flat)
    return list(zip(*[fields] * ROW_SIZE, strict=True))


def deduplicated_rows(rows: Iterable[Row]) -> list[Row]:
    """What ``linter.deduplicated`` does to the same findings as objects: same survivors, same order."""
    rows = list(rows)
    unique = dict(zip(map(_IDENTITY, rows), rows, strict=True))  # the last one wins, as there
    return sorted(unique.values(), key=_ORDER)


def merged_rows(by_document: dict[str, list[Row]]) -> list[Row]:
    """The findings of a run from each document's findings (each list already deduplicated and
    in order, as :func:`deduplicated_rows` leaves it): the same list as deduplicating them all.

    When every finding is about the document that produced it, no two documents can share
    one, and ordering the documents by path orders their findings: no finding is hashed.
    """
    if all(row[0] == path for path, rows in by_document.items() for row in rows):
        return [row for path in sorted(by_document) for row in by_document[path]]
    return deduplicated_rows(row for rows in by_document.values() for row in rows)


class DiagnosticRows(Sequence[Diagnostic]):
    """Findings kept as rows; each :class:`Diagnostic` is built when asked for, so that a
    consumer that stops early (``any(...)``) builds few."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> Diagnostic: ...
    @overload
    def __getitem__(self, index: slice) -> list[Diagnostic]: ...
    def __getitem__(self, index: int | slice) -> Diagnostic | list[Diagnostic]:
        if isinstance(index, slice):
            return [diagnostic_of(row) for row in self.rows[index]]
        return diagnostic_of(self.rows[index])

    def __iter__(self) -> Iterator[Diagnostic]:
        return map(diagnostic_of, self.rows)


def rows_of(diagnostics: Sequence[Diagnostic]) -> list[Row]:
    """The rows of any sequence of findings, without building objects when it already holds rows."""
    if isinstance(diagnostics, DiagnosticRows):
        return diagnostics.rows
    return [row_of(d) for d in diagnostics]
