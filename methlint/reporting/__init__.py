"""Reporters, picked by name: one module per output format.

A reporter is built with the stream for the report, the stream for the one-line summary (the same
one for ``text``) and :class:`ReportOptions`, and writes a run's findings with ``report(diagnostics,
files)``. docs/output-formats.md describes each format.
"""

from __future__ import annotations

import sys
from typing import TextIO

from methlint.reporting.base import Reporter, ReportOptions
from methlint.reporting.fix_run import report_fix_run
from methlint.reporting.github import GithubReporter
from methlint.reporting.gitlab import GitlabReporter
from methlint.reporting.json_report import JsonReporter
from methlint.reporting.junit import JunitReporter
from methlint.reporting.sarif import SarifReporter
from methlint.reporting.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "gitlab": GitlabReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
}


def make_reporter(
    name: str, out: TextIO | None = None, err: TextIO | None = None, options: ReportOptions | None = None
) -> Reporter:
    return REPORTERS[name](out or sys.stdout, err or sys.stderr, options)


__all__ = ["REPORTERS", "ReportOptions", "Reporter", "TextReporter", "make_reporter", "report_fix_run"]
