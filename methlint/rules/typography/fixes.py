"""Fixes of prose: an edit of a unit's text, made valid for the YAML scalar that holds it."""

from __future__ import annotations

from methlint.diagnostics import Applicability, Edit, Finding, Fix
from methlint.document import Document
from methlint.rules.typography.units import ProseUnit

_PLAIN_FORBIDDEN = (": ", " #", ":\t", "\t#")
_PLAIN_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"


def unit_fix(
    unit: ProseUnit,
    title: str,
    edits: tuple[Edit, ...],
    applicability: Applicability = Applicability.SAFE,
) -> Fix:
    """A fix on a unit's prose, made valid for its YAML scalar style.

    Front-matter edits declare the value they change. An edit that a plain scalar cannot
    hold (it would create ``: `` or `` #``, or move the value's ends) is only shown.
    """
    if unit.path is None:  # a body unit
        return Fix(title, edits, applicability)
    if unit.style == "'":
        edits = tuple(Edit(e.start, e.end, e.replacement.replace("'", "''")) for e in edits)
    elif unit.style == '"':
        edits = tuple(Edit(e.start, e.end, e.replacement.replace("\\", "\\\\").replace('"', '\\"')) for e in edits)
    elif unit.style == "" and not plain_scalar_holds(unit, edits):
        applicability = Applicability.DISPLAY_ONLY
    return Fix(title, edits, applicability, changes_data_at=(unit.path,))


def plain_scalar_holds(unit: ProseUnit, edits: tuple[Edit, ...]) -> bool:
    """Whether the plain scalar of ``unit``, edited, still reads as the same kind of plain text."""
    before = unit.text
    after = before
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        after = after[: edit.start - unit.start] + edit.replacement + after[edit.end - unit.start :]
    if not after or after[0] in " \t" or after[-1] in " \t" or after[-1] == ":":
        return False
    if after[0] in _PLAIN_INDICATORS and after[0] != before[0]:
        return False
    return not any(after.count(bad) > before.count(bad) for bad in _PLAIN_FORBIDDEN)


def replacing(
    doc: Document,
    unit: ProseUnit,
    span: tuple[int, int],
    message: str,
    fix: tuple[str, str] | None,
    applicability: Applicability = Applicability.SAFE,
) -> Finding:
    """A finding on ``span`` (file offsets), fixed by replacing it: ``fix`` is (its title, the
    replacement), or None for a finding without a fix."""
    start, end = span
    if fix is None:
        return Finding(doc.span(start, end), message)
    title, replacement = fix
    return Finding(
        doc.span(start, end), message, unit_fix(unit, title, (Edit(start, end, replacement),), applicability)
    )
