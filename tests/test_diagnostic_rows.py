"""Findings as rows: the same survivors, order and text as the objects they stand for."""

from __future__ import annotations

import dataclasses
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from methlint.diagnostic_rows import (
    DiagnosticRows,
    deduplicated_rows,
    diagnostic_of,
    merged_rows,
    row_of,
    rows_from_flat,
)
from methlint.diagnostics import Applicability, Diagnostic, Fix, Severity, Span
from methlint.linter import deduplicated
from methlint.reporting import TextReporter

# few distinct values, so that duplicates and ties on (path, span, code) are common
diagnostics = st.builds(
    Diagnostic,
    path=st.sampled_from(["a.md", "a-b/c.md", "a/b.md", "_config.yml"]),
    span=st.builds(Span, st.integers(1, 3), st.integers(1, 3), st.integers(1, 3), st.integers(1, 4)),
    code=st.sampled_from(["TYP001", "ORD001", "AST001"]),
    message=st.sampled_from(["one", "two", "l’apostrophe"]),
    severity=st.sampled_from(list(Severity)),
    fix=st.sampled_from([None, *(Fix("", (), a) for a in Applicability)]),
    visible=st.booleans(),
)


@given(st.lists(diagnostics, max_size=30))
def test_rows_are_deduplicated_and_ordered_as_the_linter_does(found: list[Diagnostic]) -> None:
    assert deduplicated_rows(map(row_of, found)) == [row_of(d) for d in deduplicated(found)]


@given(diagnostics)
def test_a_row_gives_back_the_finding_it_was_made_from(d: Diagnostic) -> None:
    back = diagnostic_of(row_of(d))
    assert (back, back.message, back.severity, back.fixable, back.visible) == (
        d,
        d.message,
        d.severity,
        d.fixable,
        d.visible,
    )


@given(diagnostics)
def test_a_diagnostic_is_immutable_and_hashed_on_what_it_is_compared_on(d: Diagnostic) -> None:
    same = Diagnostic(d.path, d.span, d.code, d.message + " (again)")
    assert same == d and hash(same) == hash(d) and not same < d
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.code = "XYZ001"  # type: ignore[misc]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("colour", [False, True])
@given(found=st.lists(diagnostics, max_size=10))
def test_text_output_from_rows_is_the_text_output_from_objects(colour: bool, found: list[Diagnostic]) -> None:
    outputs = []
    for given_findings in (found, DiagnosticRows([row_of(d) for d in found])):
        out = _Terminal() if colour else io.StringIO()
        TextReporter(out, io.StringIO()).report(given_findings, 3)
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]


def test_text_output_marks_fixable_findings_and_counts_them() -> None:
    rows = [
        ("a.md", 2, 5, 2, 7, "TYP001", "two spaces", "warning", "safe", True),
        ("a.md", 3, 1, 3, 2, "AST001", "no such image", "error", "display-only", True),
    ]
    out = io.StringIO()
    TextReporter(out, io.StringIO()).report(DiagnosticRows(rows), 1)
    assert out.getvalue() == (
        "a.md:2:5: TYP001 [warning] two spaces [*]\n"
        "a.md:3:1: AST001 [error] no such image\n"
        "Findings by rule:\n"
        "  1  error    AST001  Asset file not found in the site\n"
        "  1  warning  TYP001  Several spaces in a row in prose\n"
        "Found 1 error, 1 warning and 0 info in 1 file. 1 fixable with `methlint fix` (marked [*]).\n"
    )


def test_text_output_marks_invisible_findings_and_counts_them() -> None:
    rows = [
        ("a.md", 2, 5, 2, 7, "TYP001", "two spaces", "info", "safe", False),
        ("a.md", 3, 1, 3, 2, "AST001", "no such image", "error", None, True),
        ("a.md", 4, 1, 4, 2, "TYP015", "not NFC", "info", None, False),
    ]
    out = io.StringIO()
    TextReporter(out, io.StringIO()).report(DiagnosticRows(rows), 1)
    assert out.getvalue() == (
        "a.md:2:5: TYP001 [info, invisible] two spaces [*]\n"
        "a.md:3:1: AST001 [error] no such image\n"
        "a.md:4:1: TYP015 [info, invisible] not NFC\n"
        "Findings by rule:\n"
        "  1  error  AST001  Asset file not found in the site\n"
        "  1  info   TYP001  Several spaces in a row in prose\n"
        "  1  info   TYP015  Text not in Unicode NFC\n"
        "Found 1 error, 0 warnings and 2 info in 1 file. 1 fixable with `methlint fix` (marked [*]). "
        "2 of 3 change nothing on the page (marked invisible).\n"
    )


def test_rows_read_as_a_sequence_of_findings() -> None:
    rows = DiagnosticRows([("a.md", 1, 1, 1, 2, "TYP001", "m", "error", None, True)] * 3)
    assert len(rows) == 3
    assert rows[0] == Diagnostic("a.md", Span(1, 1, 1, 2), "TYP001", "m")
    assert rows[1:] == [rows[0], rows[0]]
    assert list(rows) == [rows[0]] * 3


ROW = ["a.md", 1, 2, 1, 3, "TYP001", "m", "warning", None, True]


def test_flat_fields_become_rows() -> None:
    assert rows_from_flat(ROW + ROW[:8] + ["unsafe", False]) == [tuple(ROW), (*ROW[:8], "unsafe", False)]
    assert rows_from_flat([]) == []


@pytest.mark.parametrize(
    "flat",
    [
        ROW[:-1],  # not a whole row
        [True, *ROW[1:]],  # a path that is not text
        [*ROW[:1], True, *ROW[2:]],  # a boolean is not a line number
        [*ROW[:1], 1.0, *ROW[2:]],
        [*ROW[:7], "fatal", None, True],  # no such severity
        [*ROW[:8], "sometimes", True],  # no such applicability
        [*ROW[:9], 1],  # visible is a boolean
        [*ROW[:9], None],
        {"rows": ROW},
    ],
)
def test_flat_fields_of_the_wrong_shape_are_refused(flat) -> None:
    with pytest.raises(ValueError):
        rows_from_flat(flat)


@given(st.dictionaries(st.sampled_from(["a.md", "a-b/c.md", "a/b.md"]), st.lists(diagnostics, max_size=8), max_size=3))
def test_merging_each_documents_findings_is_deduplicating_them_all(by_document: dict[str, list[Diagnostic]]) -> None:
    # most findings are about the document that produced them: give most of them its path
    per_document = {
        path: deduplicated_rows((path, *row_of(d)[1:]) if d.span.line != 3 else row_of(d) for d in found)
        for path, found in by_document.items()
    }
    everything = [row for rows in per_document.values() for row in rows]
    assert merged_rows(per_document) == deduplicated_rows(everything)
