"""The values that flow from rules to reporters and to the fixer."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(enum.Enum):
    """How far a fix may be trusted (ruff's model)."""

    SAFE = "safe"  # applied by `methlint fix`
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes
    DISPLAY_ONLY = "display-only"  # shown as a suggestion, never applied


class Difference(enum.Enum):
    """What a finding changes on the built page, as the rule that reports it knows: the kind of
    difference between the text as written and the text its fix writes. Whether the page shows
    it is :mod:`methlint.page_effect`'s to decide, from how the site renders the text."""

    SHOWN = "shown"  # printed as written, or data that breaks the page: always visible
    SAME_RENDERING = "same-rendering"  # both forms render alike everywhere (NFD and NFC accents)
    SPACE_RUN = "space-run"  # HTML collapses a run of spaces into one, outside code and <pre>
    LINE_END_BLANKS = "line-end-blanks"  # blanks ending a line: YAML drops them, Markdown may make a <br />
    APOSTROPHE = "apostrophe"  # ' or ’ between letters: the converter's smart quotes write ’ for both
    ELLIPSIS = "ellipsis"  # ... : the converter's typographic symbols write …


class FixAvailability(enum.Enum):
    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


# Span, Edit, Fix and Finding are named tuples: rules build thousands of them per run, and a
# frozen dataclass's __init__ sets each field through object.__setattr__ (five times the cost).
# Like the frozen dataclasses they were, they are immutable, hashable and compared field by field.


class Span(NamedTuple):
    """A region of a file: 1-based lines, 1-based columns counted in characters.

    ``end_column`` is exclusive, so a one-character span has ``end_column == column + 1``.
    """

    line: int
    column: int
    end_line: int
    end_column: int


class Edit(NamedTuple):
    """Replace ``text[start:end]`` (character offsets into the whole file) by ``replacement``."""

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    title: str  # imperative: "Remove the trailing spaces"
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    # The fixer verifies that the data after the fix equals the data before, except at
    # these key paths (whose new values it computes from the edited text).
    changes_data_at: tuple[tuple[str | int, ...], ...] = ()


class Finding(NamedTuple):
    """What a rule yields: where, what, and optionally how to fix it.

    The linter turns it into a :class:`Diagnostic` by stamping the rule's code and severity.
    """

    span: Span
    message: str
    fix: Fix | None = None
    # For cross-file rules: the finding belongs to this path, not to the document checked.
    path: str | None = None
    # What it changes on the page when it is not what the rule declares for all its findings
    difference: Difference | None = None


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    span: Span
    code: str
    message: str = field(compare=False)
    severity: Severity = field(default=Severity.ERROR, compare=False)
    fix: Fix | None = field(default=None, compare=False)
    # whether it changes what the built page shows (methlint.page_effect)
    visible: bool = field(default=True, compare=False)

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability is not Applicability.DISPLAY_ONLY

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "fixable": self.fixable,
            "visible": self.visible,
        }
