"""``--output-format github``: workflow commands that GitHub Actions turns into annotations, and a
job summary when ``$GITHUB_STEP_SUMMARY`` is set.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per step, in the order
they were printed: errors come first, so that no warning hides an error. Escaping follows the
actions/toolkit (``escapeData``, ``escapeProperty``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from methlint.diagnostic_rows import rows_of
from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _
from methlint.reporting.base import ReportOptions, path_in_repository, rule_titles
from methlint.reporting.display import displayable
from methlint.reporting.github_summary import job_summary
from methlint.reporting.statistics import SEVERITY_ORDER, summary_sentence

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF would end or forge the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property's value: also ``:`` (ends the properties) and ``,`` (separates them)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def by_severity(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Errors, then warnings, then info; path order within each."""
    return sorted(diagnostics, key=lambda d: SEVERITY_ORDER[d.severity.value])


def _titled(title: str, visible: bool) -> str:
    """The annotation's title; a finding that changes nothing on the built page says so."""
    return title if visible else f"{title} ({_('invisible on the page')})"


class GithubReporter:
    def __init__(self, out: TextIO, err: TextIO, options: ReportOptions | None = None) -> None:
        self.out, self.err = out, err
        self.options = options or ReportOptions()

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        titles = rule_titles(self.options.rules)
        workspace = self.options.environ.get("GITHUB_WORKSPACE")
        ordered = by_severity(diagnostics)
        lines = []
        for d in ordered:
            properties = {
                "file": displayable(path_in_repository(d.path, workspace)),
                "line": d.span.line,
                "col": d.span.column,
                "endLine": d.span.end_line,
                "endColumn": d.span.end_column,
                "title": _titled(titles.get(d.code, d.code), d.visible),
            }
            joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
            lines.append(f"::{_COMMANDS[d.severity]} {joined}::{escape_data(displayable(d.message))}\n")
        self.out.write("".join(lines))
        self.err.write(summary_sentence(rows_of(diagnostics), files) + "\n")
        self._write_job_summary(ordered, files)

    def _write_job_summary(self, ordered: Sequence[Diagnostic], files: int) -> None:
        summary_path = self.options.environ.get("GITHUB_STEP_SUMMARY")
        if not summary_path:
            return
        text = job_summary(ordered, files, self.options)
        try:
            with open(summary_path, "a", encoding="utf-8") as summary:
                summary.write(text)
        except OSError as err:  # the annotations are out: a summary that cannot be written is only a note
            message = _("cannot write the job summary to {path}: {problem}").format(
                path=displayable(summary_path), problem=displayable(err.strerror or str(err))
            )
            self.err.write(message + "\n")
