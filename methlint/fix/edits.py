"""Span edits: applying them, and choosing the ones that do not overlap.

Two edits overlap when their spans share a character, or when they start at the same offset
(two insertions at one point would land in an arbitrary order). Both operations are linear
(up to a sort) in the number of edits, so a file with 40,000 fixes is fixed in one pass.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from methlint.diagnostics import Edit


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with every edit made, in one pass; ``ValueError`` if two edits overlap."""
    pieces: list[str] = []
    copied = 0  # text[:copied] is in pieces
    last_start = -1
    for edit in sorted(edits):  # by start, then end (a named tuple sorts as its fields)
        if edit.start < copied or edit.start == last_start:
            raise ValueError(f"overlapping edits at offset {edit.start}")
        pieces += (text[copied : edit.start], edit.replacement)
        copied, last_start = edit.end, edit.start
    pieces.append(text[copied:])
    return "".join(pieces)


class EditSet:
    """Edits no two of which overlap, kept sorted by where they start.

    Sorted and apart, each one ends before the next starts, so a new edit can only overlap its
    two neighbours: choosing among n fixes takes n·log n steps where comparing each with every
    edit taken so far took n² (docs/performance.md).
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._edits: list[Edit] = []

    def __len__(self) -> int:
        return len(self._edits)

    @property
    def edits(self) -> list[Edit]:
        """The edits, in the order of their start."""
        return list(self._edits)

    def clear_of(self, edit: Edit) -> bool:
        """Whether ``edit`` overlaps none of the set's edits."""
        index = bisect.bisect_left(self._starts, edit.start)  # the first one starting at or after it
        if index < len(self._starts) and self._starts[index] == edit.start:
            return False
        if index > 0 and edit.start < self._edits[index - 1].end:
            return False  # the one before reaches into it
        return index == len(self._starts) or edit.end <= self._starts[index]  # the next one starts after it

    def add_all(self, edits: Sequence[Edit]) -> bool:
        """Add ``edits`` (one fix's) if they overlap neither the set's nor each other; whether they did."""
        added: list[Edit] = []
        for edit in edits:
            if not self.clear_of(edit):  # checked against the fix's own edits already added too
                for taken in added:
                    self._remove(taken)
                return False
            self._insert(edit)
            added.append(edit)
        return True

    def _insert(self, edit: Edit) -> None:
        index = bisect.bisect_left(self._starts, edit.start)
        self._starts.insert(index, edit.start)
        self._edits.insert(index, edit)

    def _remove(self, edit: Edit) -> None:
        index = bisect.bisect_left(self._starts, edit.start)
        del self._starts[index], self._edits[index]


def last_edit_end_after(edits: Iterable[Edit]) -> int:
    """Where the last edit ends in the edited text."""
    delta, end = 0, 0
    for edit in sorted(edits):
        delta += len(edit.replacement) - (edit.end - edit.start)
        end = edit.end + delta
    return end
