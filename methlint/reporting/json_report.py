"""``--output-format json``: the machine contract, described by schemas/output.schema.json."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from methlint.diagnostic_rows import rows_of
from methlint.diagnostics import Diagnostic
from methlint.reporting.base import ReportOptions
from methlint.reporting.display import json_text
from methlint.reporting.statistics import summary_sentence


class JsonReporter:
    """An array of findings, texts exactly as found (a file name's undecodable byte as ``\\udcXX``)."""

    def __init__(self, out: TextIO, err: TextIO, options: ReportOptions | None = None) -> None:
        self.out, self.err = out, err

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        self.out.write(json_text([d.as_json() for d in diagnostics]) + "\n")
        self.err.write(summary_sentence(rows_of(diagnostics), files) + "\n")
