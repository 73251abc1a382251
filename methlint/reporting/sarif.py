"""``--output-format sarif``: SARIF 2.1.0, as GitHub code scanning reads it, valid against the
OASIS schema (vendored in tests/schemas/). Columns count Unicode code points."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO
from urllib.parse import quote

from methlint import __version__
from methlint.diagnostic_rows import rows_of
from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _
from methlint.reporting.base import ReportOptions
from methlint.reporting.display import displayable, json_text
from methlint.reporting.statistics import summary_sentence

if TYPE_CHECKING:
    from methlint.rules import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# the tool's home page, which code scanning links to; the project has no public address yet, so
# this is the reserved name its schemas' "$id"s use too: the one place to change when it has one
INFORMATION_URI = "https://methlint.invalid/"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def doc_section(doc: str, title: str) -> str:
    """The text of one ``## title`` section of a rule docstring."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    return match.group(1).strip() if match else ""


def artifact_uri(path: str) -> str:
    """A relative URI reference for a reported path: its bytes percent-encoded, so that a file
    name that is not UTF-8 (read with surrogateescape) keeps its exact bytes."""
    return quote(os.fsencode(path))


def _driver(rules: Sequence[Rule]) -> dict[str, object]:
    return {
        "name": "methlint",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": _(rule.summary)},
                "fullDescription": {"text": doc_section(rule.doc, "What it does") or _(rule.summary)},
                "help": {"text": rule.doc.strip(), "markdown": rule.doc.strip()},
                "defaultConfiguration": {"level": _LEVELS[rule.severity]},
            }
            for rule in rules
        ],
    }


def _result(d: Diagnostic, index: dict[str, int]) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": d.code,
        "level": _LEVELS[d.severity],
        "message": {"text": displayable(d.message)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(d.path)},
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
    result["properties"] = {"visible": d.visible}  # whether it changes the built page (docs/visibility.md)
    return result


class SarifReporter:
    def __init__(self, out: TextIO, err: TextIO, options: ReportOptions | None = None) -> None:
        self.out, self.err = out, err
        self.rules = list((options or ReportOptions()).rules)

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        index = {rule.code: i for i, rule in enumerate(self.rules)}
        run = {
            "tool": {"driver": _driver(self.rules)},
            "columnKind": "unicodeCodePoints",
            "results": [_result(d, index) for d in diagnostics],
        }
        log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
        self.out.write(json_text(log) + "\n")
        self.err.write(summary_sentence(rows_of(diagnostics), files) + "\n")
