"""Runs of spaces before a sign, and their removal: what the spacing rules share."""

from __future__ import annotations

import re

from methlint.diagnostics import Edit, Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules.typography.fixes import unit_fix
from methlint.rules.typography.units import ProseUnit

BLANKS = " \u00a0\u202f"
_SPACES_BEFORE = re.compile(rf"[{BLANKS}]+$")


def spaces_before(text: str, sign: int, not_after: str) -> tuple[int, int] | None:
    """The run of spaces that ends at offset ``sign``, unless it follows whitespace (an
    indentation) or one of the characters ``not_after``."""
    run = _SPACES_BEFORE.search(text, max(0, sign - 40), sign)
    if run is None or run.start() == 0 or text[run.start() - 1].isspace():
        return None
    if text[run.start() - 1] in not_after:
        return None
    return run.start(), sign


def space_removal(doc: Document, unit: ProseUnit, start: int, end: int, message: str) -> Finding:
    """A finding on the spaces from ``start`` to ``end``, fixed by removing them."""
    return Finding(doc.span(start, end), message, unit_fix(unit, _("Remove the space"), (Edit(start, end, ""),)))
