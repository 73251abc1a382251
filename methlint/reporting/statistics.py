"""Counts of a run's findings, by severity and by rule, and the sentences that sum them up.

Every format shares them: the text output's closing table, the one-line summary the other formats
print on standard error, GitHub's job summary and ``--statistics``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

from methlint.diagnostic_rows import Row
from methlint.diagnostics import Applicability, Severity
from methlint.i18n import N_, _, ngettext

SAFE = Applicability.SAFE.value  # a row's applicability when `methlint fix` applies its fix: [*]
# the order of every listing: what fails the run first
SEVERITY_ORDER = {Severity.ERROR.value: 0, Severity.WARNING.value: 1, Severity.INFO.value: 2}
_SEVERITY_WORDS = {
    Severity.ERROR.value: N_("error"),
    Severity.WARNING.value: N_("warning"),
    Severity.INFO.value: N_("info"),
}


def severity_word(severity: str) -> str:
    """``error``, ``warning`` or ``info`` in the active language."""
    return _(_SEVERITY_WORDS[severity])


class RuleCount(NamedTuple):
    code: str
    severity: str
    found: int


class Totals(NamedTuple):
    errors: int
    warnings: int
    infos: int
    fixable: int  # what `methlint fix` applies (marked [*])
    unsafe: int  # what it applies with --unsafe-fixes only
    invisible: int  # what changes nothing the built page shows


# rows' fields: (path, line, column, end_line, end_column, code, message, severity, applicability, visible)
_CODE_AND_SEVERITY, _SEVERITY, _APPLICABILITY, _VISIBLE = itemgetter(5, 7), itemgetter(7), itemgetter(8), itemgetter(9)


def by_rule(rows: Sequence[Row]) -> list[RuleCount]:
    """One entry per rule (and severity) found: errors first, then the most frequent, then by code."""
    entries = [RuleCount(code, severity, n) for (code, severity), n in Counter(map(_CODE_AND_SEVERITY, rows)).items()]
    return sorted(entries, key=lambda e: (SEVERITY_ORDER[e.severity], -e.found, e.code))


def totals(rows: Sequence[Row]) -> Totals:
    severities = Counter(map(_SEVERITY, rows))
    applicabilities = Counter(map(_APPLICABILITY, rows))
    return Totals(
        severities[Severity.ERROR.value],
        severities[Severity.WARNING.value],
        severities[Severity.INFO.value],
        applicabilities[SAFE],
        applicabilities[Applicability.UNSAFE.value],
        len(rows) - sum(map(_VISIBLE, rows)),
    )


def summary_sentence(rows: Sequence[Row], files: int) -> str:
    """The closing line of every report: counts by severity, files checked, how many ``fix`` can fix."""
    if not rows:
        return ngettext("All good: {count} file checked.", "All good: {count} files checked.", files).format(
            count=files
        )
    counted = totals(rows)
    text = _("Found {errors}, {warnings} and {infos} in {files}.").format(
        errors=ngettext("{count} error", "{count} errors", counted.errors).format(count=counted.errors),
        warnings=ngettext("{count} warning", "{count} warnings", counted.warnings).format(count=counted.warnings),
        infos=ngettext("{count} info", "{count} info", counted.infos).format(count=counted.infos),
        files=ngettext("{count} file", "{count} files", files).format(count=files),
    )
    if counted.fixable:
        text += " " + ngettext(
            "{count} fixable with `methlint fix` (marked [*]).",
            "{count} fixable with `methlint fix` (marked [*]).",
            counted.fixable,
        ).format(count=counted.fixable)
    if counted.unsafe:
        text += " " + ngettext(
            "{count} fixable with `methlint fix --unsafe-fixes`.",
            "{count} fixable with `methlint fix --unsafe-fixes`.",
            counted.unsafe,
        ).format(count=counted.unsafe)
    if counted.invisible:
        text += " " + invisible_sentence(counted.invisible, len(rows))
    return text


def invisible_sentence(invisible: int, total: int) -> str:
    """How many of the findings change nothing the built page shows (docs/visibility.md)."""
    return ngettext(
        "{invisible} of {total} changes nothing on the page (marked invisible).",
        "{invisible} of {total} change nothing on the page (marked invisible).",
        invisible,
    ).format(invisible=invisible, total=total)


def statistics_lines(rows: Sequence[Row], summaries: dict[str, str]) -> list[str]:
    """``--statistics``, as ruff prints it: ``count<TAB>CODE<TAB>[*] summary`` per rule, the most
    frequent first; ``[*]`` marks a rule whose findings ``fix`` can fix, ``[ ]`` the others when
    some can (no mark at all when none can)."""
    counts = Counter(row[5] for row in rows)
    fixable = {row[5] for row in rows if row[8] == SAFE}
    entries = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if not entries:
        return []
    count_width = max(len(str(found)) for _code, found in entries)
    code_width = max(len(code) for code, _found in entries)
    lines = []
    for code, found in entries:
        mark = ("[*] " if code in fixable else "[ ] ") if fixable else ""
        lines.append(f"{found:>{count_width}}\t{code:<{code_width}}\t{mark}{summaries.get(code, '')}".rstrip() + "\n")
    return lines


def statistics_json(rows: Sequence[Row], names: dict[str, str]) -> list[dict[str, object]]:
    """``--statistics --output-format json``: ruff's fields (code, the rule's name, count, fixable)."""
    counts = Counter(row[5] for row in rows)
    fixable = {row[5] for row in rows if row[8] == SAFE}
    entries = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        {"code": code, "name": names.get(code, ""), "count": found, "fixable": code in fixable}
        for code, found in entries
    ]
