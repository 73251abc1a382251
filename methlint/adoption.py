"""Adopting methlint on a legacy repository: a baseline of known debt, and pull-request mode."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from methlint.baseline import Baseline
from methlint.changed_lines import ChangedLines, changed_lines, cross_file_baseline_at
from methlint.config import Config
from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _
from methlint.rules import ALL_RULES, Scope

CROSS_FILE_CODES = frozenset(rule.code for rule in ALL_RULES if rule.scope is Scope.COLLECTION)


@dataclass
class Narrowed:
    diagnostics: list[Diagnostic]
    notes: list[str] = field(default_factory=list)  # said on stderr


def write_baseline(diagnostics: Sequence[Diagnostic], path: Path) -> str:
    recorded = [d for d in diagnostics if d.severity is not Severity.INFO]
    Baseline.from_diagnostics(recorded).dump(path)
    return _("Wrote {count} finding(s) to the baseline {path}.").format(count=len(recorded), path=path)


def only_changed(diagnostics: Sequence[Diagnostic], base: str, config: Config) -> list[Diagnostic]:
    """Findings on lines changed since ``base``, plus the cross-file findings the change creates."""
    changes: ChangedLines = changed_lines(base)
    on_changed_lines = [d for d in diagnostics if changes.touches(d.path, d.span.line)]
    elsewhere = [d for d in diagnostics if d.code in CROSS_FILE_CODES and not changes.touches(d.path, d.span.line)]
    if elsewhere:
        created, _gone = cross_file_baseline_at(base, changes, config).filter(elsewhere)
        on_changed_lines += created
    return sorted(on_changed_lines)


def narrow(
    diagnostics: Sequence[Diagnostic],
    config: Config,
    baseline: Path | None = None,
    prune: bool = False,
    diff_base: str | None = None,
) -> Narrowed:
    result = Narrowed(list(diagnostics))
    if baseline is not None:
        known = Baseline.load(baseline)
        result.diagnostics, fixed = known.filter(result.diagnostics)
        if fixed.total():
            if prune:
                known.without(fixed).dump(baseline)
                result.notes.append(
                    _("Removed {count} fixed finding(s) from the baseline {path}.").format(
                        count=fixed.total(), path=baseline
                    )
                )
            else:
                result.notes.append(
                    _(
                        "{count} baselined finding(s) are fixed: run with --prune-baseline to drop them from {path}."
                    ).format(count=fixed.total(), path=baseline)
                )
    if diff_base is not None:
        result.diagnostics = only_changed(result.diagnostics, diff_base, config)
    return result
