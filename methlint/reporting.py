"""Reporters, picked by name. They write findings to stdout and summaries to stderr or stdout."""

from __future__ import annotations

import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO
from urllib.parse import quote

from methlint import __version__
from methlint.diagnostic_rows import FIXABLE, Row, rows_of
from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _
from methlint.safe_text import printable


def _summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    return _summary_of_rows(rows_of(diagnostics), files)


def _summary_of_rows(rows: Sequence[Row], files: int) -> str:
    severities = [row[7] for row in rows]
    errors = severities.count(Severity.ERROR.value)
    warnings = severities.count(Severity.WARNING.value)
    fixable = sum(row[8] in FIXABLE for row in rows)
    if not errors and not warnings:
        return _("All good: {files} file(s) checked.").format(files=files)
    text = _("Found {errors} error(s) and {warnings} warning(s) in {files} file(s).").format(
        errors=errors, warnings=warnings, files=files
    )
    if fixable:
        text += " " + _("{fixable} fixable with `methlint fix` (marked [*]).").format(fixable=fixable)
    return text


class TextReporter:
    """``path:line:col: CODE message``, rendered from rows: a warm run never builds the objects."""

    _COLOURS = {Severity.ERROR.value: "\033[31m", Severity.WARNING.value: "\033[33m", Severity.INFO.value: "\033[36m"}

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out, self.err = out, err
        # https://no-color.org: any non-empty NO_COLOR turns colour off
        self.colour = out.isatty() and not os.environ.get("NO_COLOR")

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        rows = rows_of(diagnostics)
        lines = []
        for path, line, column, _end_line, _end_column, code, message, severity, applicability in rows:
            if self.colour:
                code = f"{self._COLOURS[severity]}\033[1m{code}\033[0m"
            mark = " [*]" if applicability in FIXABLE else ""
            lines.append(f"{path}:{line}:{column}: {code} {message}{mark}\n")
        lines.append(_summary_of_rows(rows, files) + "\n")
        self.out.write("".join(lines))  # one write: tens of thousands of findings are common


class JsonReporter:
    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out, self.err = out, err

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        json.dump([d.as_json() for d in diagnostics], self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
        self.err.write(_summary(diagnostics, files) + "\n")


def _escape_data(text: str) -> str:
    """GitHub workflow-command escaping (actions/toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    """Workflow commands: GitHub turns them into annotations on the pull request's lines."""

    _COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out, self.err = out, err

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        for d in diagnostics:
            properties = {
                "file": d.path,
                "line": d.span.line,
                "col": d.span.column,
                "endLine": d.span.end_line,
                "endColumn": d.span.end_column,
                "title": d.code,
            }
            joined = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
            self.out.write(f"::{self._COMMANDS[d.severity]} {joined}::{_escape_data(d.message)}\n")
        self.err.write(_summary(diagnostics, files) + "\n")


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _doc_section(doc: str, title: str) -> str:
    """The text of one ``## title`` section of a rule docstring."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    return match.group(1).strip() if match else ""


class SarifReporter:
    """SARIF 2.1.0, as GitHub code scanning reads it; columns count Unicode code points."""

    def __init__(self, out: TextIO, err: TextIO, rules: Sequence | None = None) -> None:
        from methlint.rules import ALL_RULES

        self.out, self.err = out, err
        self.rules = list(ALL_RULES if rules is None else rules)

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        index = {rule.code: i for i, rule in enumerate(self.rules)}
        driver = {
            "name": "methlint",
            "version": __version__,
            "rules": [
                {
                    "id": rule.code,
                    "name": rule.name,
                    "shortDescription": {"text": rule.summary},
                    "fullDescription": {"text": _doc_section(rule.doc, "What it does") or rule.summary},
                    "help": {"text": rule.doc.strip(), "markdown": rule.doc.strip()},
                    "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
                }
                for rule in self.rules
            ],
        }
        results = []
        for d in diagnostics:
            result = {
                "ruleId": d.code,
                "level": _SARIF_LEVELS[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": quote(d.path)},
                            "region": {
                                "startLine": d.span.line,
                                "startColumn": d.span.column,
                                "endLine": d.span.end_line,
                                "endColumn": d.span.end_column,
                            },
                        }
                    }
                ],
            }
            if d.code in index:
                result["ruleIndex"] = index[d.code]
            results.append(result)
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
        }
        json.dump(log, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
        self.err.write(_summary(diagnostics, files) + "\n")


class JunitReporter:
    """JUnit XML as GitLab and Jenkins read it: one test suite per file with findings,
    one failing test case per finding (ruff's layout)."""

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out, self.err = out, err

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        root = ET.Element(
            "testsuites", name="methlint", tests=str(len(diagnostics) or 1), failures=str(len(diagnostics)), errors="0"
        )
        by_path: dict[str, list[Diagnostic]] = {}
        for d in diagnostics:
            by_path.setdefault(d.path, []).append(d)
        for path, found in by_path.items():
            suite = ET.SubElement(
                root, "testsuite", name=path, tests=str(len(found)), failures=str(len(found)), errors="0"
            )
            for d in found:
                case = ET.SubElement(
                    suite, "testcase", name=f"methlint.{d.code}", classname=path, file=path, line=str(d.span.line)
                )
                failure = ET.SubElement(case, "failure", message=d.message, type=d.severity.value)
                failure.text = f"{path}:{d.span.line}:{d.span.column}: {d.code} {d.message}"
        if not diagnostics:  # an empty report reads as "no tests" in some CI tools
            suite = ET.SubElement(root, "testsuite", name="methlint", tests="1", failures="0", errors="0")
            ET.SubElement(suite, "testcase", name=_("No problems found"), classname="methlint")
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(root, encoding="unicode") + "\n")
        self.err.write(_summary(diagnostics, files) + "\n")


REPORTERS = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
}


def make_reporter(name: str, out: TextIO | None = None, err: TextIO | None = None):
    return REPORTERS[name](out or sys.stdout, err or sys.stderr)


def report_fix_run(run, out: TextIO, would: bool) -> None:
    """What ``methlint fix`` did (or would do, with ``--diff``), then what remains, as ``check``."""
    verb = _("would fix") if would else _("fixed")
    for outcome in run.files:
        for applied in outcome.applied:
            where = f"{outcome.path}:{applied.span.line}:{applied.span.column}"
            out.write(f"{where}: {applied.code} {verb}: {printable(applied.title)}\n")
        for held in outcome.held_back:
            d = held.diagnostic
            references = ", ".join(f"{r.path}:{r.line}:{r.column}" for r in held.references)
            if held.old_title is None:
                message = _("not fixed: it gives the document a title; run with --unsafe-fixes to apply it")
            else:
                message = _(
                    "not fixed: it changes the title '{title}', referenced by {where};"
                    " run with --unsafe-fixes to rename the references too"
                ).format(title=printable(held.old_title), where=references or _("no usage document"))
            out.write(f"{outcome.path}:{d.span.line}:{d.span.column}: {d.code} {message}\n")
        for rejected in outcome.rejected:
            d = rejected.diagnostic
            message = _("not fixed: the fixed text failed verification ({problem}); fix it by hand").format(
                problem=printable(rejected.problem)
            )
            out.write(f"{outcome.path}:{d.span.line}:{d.span.column}: {d.code} {message}\n")
        problems = (
            (outcome.refused, _("not fixed")),
            (outcome.front_matter_refused, _("front matter not fixed, its findings left")),
            (outcome.internal_error, _("internal error")),
            (outcome.write_error, _("not written")),
        )
        for reason, label in problems:
            if reason:
                out.write(f"{outcome.path}: {label}: {printable(reason)}\n")
    remaining = sorted(d for outcome in run.files for d in outcome.remaining)
    TextReporter(out, out).report(remaining, len(run.files))
