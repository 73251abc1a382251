"""Reporters, picked by name. They write findings to stdout and summaries to stderr or stdout."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _


def _summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    fixable = sum(d.fixable for d in diagnostics)
    if not errors and not warnings:
        return _("All good: {files} file(s) checked.").format(files=files)
    text = _("Found {errors} error(s) and {warnings} warning(s) in {files} file(s).").format(
        errors=errors, warnings=warnings, files=files
    )
    if fixable:
        text += " " + _("{fixable} fixable with `methlint fix` (marked [*]).").format(fixable=fixable)
    return text


class TextReporter:
    _COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out, self.err = out, err
        self.colour = out.isatty() and "NO_COLOR" not in os.environ

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        for d in diagnostics:
            code = d.code
            if self.colour:
                code = f"{self._COLOURS[d.severity]}\033[1m{code}\033[0m"
            mark = " [*]" if d.fixable else ""
            self.out.write(f"{d.path}:{d.span.line}:{d.span.column}: {code} {d.message}{mark}\n")
        self.out.write(_summary(diagnostics, files) + "\n")


class JsonReporter:
    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out, self.err = out, err

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        json.dump([d.as_json() for d in diagnostics], self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
        self.err.write(_summary(diagnostics, files) + "\n")


REPORTERS = {"text": TextReporter, "json": JsonReporter}


def make_reporter(name: str, out: TextIO | None = None, err: TextIO | None = None):
    return REPORTERS[name](out or sys.stdout, err or sys.stderr)


def report_fix_run(run, out: TextIO, would: bool) -> None:
    """What ``methlint fix`` did (or would do, with ``--diff``), then what remains, as ``check``."""
    verb = _("would fix") if would else _("fixed")
    for outcome in run.files:
        for applied in outcome.applied:
            where = f"{outcome.path}:{applied.span.line}:{applied.span.column}"
            out.write(f"{where}: {applied.code} {verb}: {applied.title}\n")
        for held in outcome.held_back:
            d = held.diagnostic
            references = ", ".join(f"{r.path}:{r.line}:{r.column}" for r in held.references)
            message = _(
                "not fixed: it changes the title '{title}', referenced by {where};"
                " run with --unsafe-fixes to rename the references too"
            ).format(title=held.old_title, where=references or _("no usage document"))
            out.write(f"{outcome.path}:{d.span.line}:{d.span.column}: {d.code} {message}\n")
        problems = (
            (outcome.refused, _("not fixed")),
            (outcome.internal_error, _("internal error")),
            (outcome.write_error, _("not written")),
        )
        for reason, label in problems:
            if reason:
                out.write(f"{outcome.path}: {label}: {reason}\n")
    remaining = sorted(d for outcome in run.files for d in outcome.remaining)
    TextReporter(out, out).report(remaining, len(run.files))
