"""Span edits: applying them, and telling whether two overlap.

Two edits overlap when their spans share a character, or when they start at the same offset
(two insertions at one point would land in an arbitrary order).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from methlint.diagnostics import Edit


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def overlaps(edit: Edit, taken: Sequence[Edit]) -> bool:
    """Whether ``edit`` overlaps one of ``taken``."""
    return any((edit.start < other.end and other.start < edit.end) or edit.start == other.start for other in taken)


def last_edit_end_after(edits: Iterable[Edit]) -> int:
    """Where the last edit ends in the edited text."""
    delta, end = 0, 0
    for edit in sorted(edits, key=lambda e: e.start):
        delta += len(edit.replacement) - (edit.end - edit.start)
        end = edit.end + delta
    return end
