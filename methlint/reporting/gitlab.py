"""``--output-format gitlab``: a GitLab Code Quality report (``artifacts:reports:codequality``).

A JSON array of issues, each valid against GitLab's schema (app/validators/json_schemas/codeclimate.json,
vendored in tests/schemas/): GitLab drops an issue that fails it. GitLab keys issues by fingerprint,
so every issue has its own, and compares fingerprints between the merge request and its target
branch to tell new problems from old: a fingerprint is built from the rule, the file, the key or
section around the finding and the text of its line (as baselines are), not from the line number,
so that a line added above an old problem does not make it new.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from methlint.baseline import fingerprints
from methlint.diagnostic_rows import rows_of
from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _
from methlint.reporting.base import ReportOptions, path_in_repository
from methlint.reporting.display import displayable, json_text
from methlint.reporting.statistics import summary_sentence

# GitLab's five levels: an error breaks the page or the data, a warning is visible, info is not;
# critical and blocker are left for tools whose findings are security problems
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def unique_fingerprints(diagnostics: Sequence[Diagnostic], options: ReportOptions) -> list[str]:
    """One fingerprint per finding; the second identical problem in a file gets its own."""
    seen: Counter[str] = Counter()
    result = []
    for base in fingerprints(diagnostics, options.read_text):
        seen[base] += 1
        result.append(hashlib.sha256(f"{base}\x1f{seen[base]}".encode()).hexdigest()[:32])
    return result


class GitlabReporter:
    def __init__(self, out: TextIO, err: TextIO, options: ReportOptions | None = None) -> None:
        self.out, self.err = out, err
        self.options = options or ReportOptions()

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        project = self.options.environ.get("CI_PROJECT_DIR")
        invisible = " (" + _("invisible on the page") + ")"
        issues = [
            {
                "description": displayable(f"{d.code} {d.message}" + ("" if d.visible else invisible)),
                "check_name": d.code,
                "fingerprint": fingerprint,
                "severity": SEVERITIES[d.severity],
                "location": {
                    "path": displayable(path_in_repository(d.path, project)),
                    "lines": {"begin": d.span.line, "end": d.span.end_line},
                },
            }
            for d, fingerprint in zip(diagnostics, unique_fingerprints(diagnostics, self.options), strict=True)
        ]
        self.out.write(json_text(issues) + "\n")
        self.err.write(summary_sentence(rows_of(diagnostics), files) + "\n")
