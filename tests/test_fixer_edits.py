"""Applying and choosing edits in one pass gives what applying and comparing them one by one gives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from methlint.diagnostics import Edit
from methlint.fix import EditSet, apply_edits

TEXT = "0123456789abcdefghij"


def overlaps(edit: Edit, other: Edit) -> bool:
    """The definition: a shared character, or the same start (two insertions at one point)."""
    return (edit.start < other.end and other.start < edit.end) or edit.start == other.start


def applied_one_by_one(text: str, edits: list[Edit]) -> str:
    """The reference: each edit spliced in, from the last one to the first."""
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


@st.composite
def edit(draw: st.DrawFn) -> Edit:
    start = draw(st.integers(0, len(TEXT)))
    end = draw(st.integers(start, min(len(TEXT), start + 4)))
    return Edit(start, end, draw(st.sampled_from(["", "x", "yy", "’", "\r\n"])))


@given(st.lists(st.lists(edit(), min_size=1, max_size=2), max_size=30))
def test_edit_set_takes_a_fix_exactly_when_its_edits_overlap_nothing_taken_nor_each_other(fixes):
    chosen, taken = EditSet(), []
    for edits in fixes:
        clear = not any(overlaps(e, o) for e in edits for o in taken) and not any(
            overlaps(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]
        )
        assert chosen.add_all(edits) == clear
        if clear:
            taken += edits
    assert chosen.edits == sorted(taken, key=lambda e: e.start)
    assert apply_edits(TEXT, chosen.edits) == applied_one_by_one(TEXT, taken)


@given(st.lists(edit(), min_size=2, max_size=6))
def test_apply_edits_refuses_overlapping_edits(edits):
    if any(overlaps(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]):
        with pytest.raises(ValueError, match="overlapping edits"):
            apply_edits(TEXT, edits)
    else:
        assert apply_edits(TEXT, edits) == applied_one_by_one(TEXT, edits)


def test_two_insertions_at_one_point_overlap_and_an_insertion_at_an_edge_does_not():
    assert apply_edits("ab", [Edit(1, 1, "X"), Edit(0, 1, "A")]) == "AXb"
    for same_start in (Edit(1, 1, "Y"), Edit(1, 2, "B")):
        with pytest.raises(ValueError):
            apply_edits("ab", [Edit(1, 1, "X"), same_start])
    chosen = EditSet()
    assert chosen.add_all([Edit(1, 1, "X")])
    assert not chosen.add_all([Edit(1, 2, "B")])  # starts where the insertion is
    assert chosen.add_all([Edit(0, 1, "A")])  # ends where the insertion is
    assert [e.replacement for e in chosen.edits] == ["A", "X"]
