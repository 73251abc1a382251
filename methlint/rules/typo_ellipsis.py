"""
## What it does
Reports three periods written for an ellipsis (`...` → `…`), periods after an ellipsis
(`….` → `…`), and `etc.` followed by more periods or an ellipsis (`etc...`, `etc…` →
`etc.`).

## Why is this bad?
Front-matter values are printed raw, so `...` stays three periods there; `etc.` already
ends with its abbreviation point and never takes an ellipsis.

## Example
```markdown
les frais, etc...
```

Use instead:
```markdown
les frais, etc.
```

## Fix safety
Safe: only the periods change, outside code, URLs and file names; version ranges such as
`1...3` are not reported.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.prose import Prose, prose, unit_fix
from methlint.rules._base import Context, Rule

_THREE_PERIODS = re.compile(r"\.\.\.(?![.\d])(?<![.\d]\.\.\.)(?<!\betc\.\.\.)")
# "…" is rare, so str.find jumps between its occurrences; a search for "…." would stop at
# every period
_PERIODS_AFTER_ELLIPSIS = re.compile(r"…(\.+)")
_ETC = re.compile(r"etc(\.{2,}|\.?…+)")
_ELLIPSIS_AFTER_ETC = re.compile(r"…(?:(?<=etc…)|(?<=etc\.…))")


def check_ellipsis(doc: Document, ctx: Context) -> Iterator[Finding]:
    extracted = prose(doc, ctx)
    matches = extracted.find_prefixed(_PERIODS_AFTER_ELLIPSIS, "…")
    if extracted.has_period_pair:
        matches = itertools.chain(extracted.find_prefixed(_THREE_PERIODS, "..."), matches)
    for unit, match in matches:
        start, end = match.span(match.lastindex or 0)
        if match.group() == "...":
            message, replacement = _("three periods: write an ellipsis '…'"), "…"
        else:
            message, replacement = _("period after an ellipsis: remove it"), ""
        yield Finding(
            doc.span(start, end),
            message,
            unit_fix(doc, unit, _("Write '…'"), (Edit(start, end, replacement),)),
        )


def _may_hold_etc_periods(extracted: Prose) -> bool:
    """False when no ``_ETC`` can match, as in most documents: every match holds "etc.." (two
    periods) or an ellipsis after "etc" or "etc.", which a regex finds by jumping from one "…"
    to the next (a search for "etc" stops at every "e")."""
    return extracted.has_period_pair or _ELLIPSIS_AFTER_ETC.search(extracted.text) is not None


def check_etc(doc: Document, ctx: Context) -> Iterator[Finding]:
    extracted = prose(doc, ctx)
    if not _may_hold_etc_periods(extracted):
        return
    for unit, match in extracted.find_prefixed(_ETC, "etc"):
        if extracted.text[match.start() - 1].isalnum():
            continue  # "fetc…": not the word etc
        start, end = match.span(1)
        yield Finding(
            doc.span(match.start(), end),
            _("'etc.' takes one period and no ellipsis: write 'etc.'"),
            unit_fix(doc, unit, _("Write 'etc.'"), (Edit(start, end, "."),)),
        )


ELLIPSIS = Rule(
    "TYP011",
    "ellipsis",
    check_ellipsis,
    __doc__,
    "Three periods instead of '…'",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
ETC = Rule(
    "TYP012",
    "etc-ellipsis",
    check_etc,
    __doc__,
    "'etc...' or 'etc…' instead of 'etc.'",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
