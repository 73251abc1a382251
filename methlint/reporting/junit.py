"""``--output-format junit``: JUnit XML, valid against the Jenkins xUnit plugin's junit-10.xsd
(vendored in tests/schemas/), as GitLab and Jenkins read it.

One test suite per file with findings, one test case per finding. Errors and warnings fail the run,
so they are ``<failure>``s; an info finding does not, so it is a passing test case whose message is
in ``<system-out>``: a run that exits 0 shows no failed test. The XSD has no ``file`` or ``line``
attribute on a test case: the file is the suite's and the class's name, the position is in the
test case's name and the failure's text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from methlint.diagnostic_rows import rows_of
from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _
from methlint.reporting.base import ReportOptions
from methlint.reporting.display import displayable
from methlint.reporting.statistics import severity_word, summary_sentence


def _failing(found: Sequence[Diagnostic]) -> int:
    return sum(d.severity is not Severity.INFO for d in found)


def _test_cases(suite: ET.Element, path: str, found: Sequence[Diagnostic]) -> None:
    # GitLab keys test cases by suite, class and name, and keeps one per key: the position makes a
    # name unique, and a number the rare second finding of a rule at the same place
    names: Counter[str] = Counter()
    for d in found:
        name = f"{d.code} {d.span.line}:{d.span.column}"
        names[name] += 1
        _test_case(suite, path, d, name if names[name] == 1 else f"{name} ({names[name]})")


def _test_case(suite: ET.Element, path: str, d: Diagnostic, name: str) -> None:
    case = ET.SubElement(suite, "testcase", name=name, classname=path)
    message = displayable(d.message)
    label = severity_word(d.severity.value) if d.visible else f"{severity_word(d.severity.value)}, {_('invisible')}"
    text = f"{path}:{d.span.line}:{d.span.column}: {d.code} [{label}] {message}"
    if d.severity is Severity.INFO:
        ET.SubElement(case, "system-out").text = text
    else:
        ET.SubElement(case, "failure", message=message, type=d.severity.value).text = text


class JunitReporter:
    def __init__(self, out: TextIO, err: TextIO, options: ReportOptions | None = None) -> None:
        self.out, self.err = out, err

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        by_path: dict[str, list[Diagnostic]] = {}
        for d in diagnostics:
            by_path.setdefault(d.path, []).append(d)
        root = ET.Element(
            "testsuites",
            name="methlint",
            tests=str(len(diagnostics) or 1),
            failures=str(_failing(diagnostics)),
            errors="0",
        )
        for path, found in by_path.items():
            shown = displayable(path)
            suite = ET.SubElement(
                root, "testsuite", name=shown, tests=str(len(found)), failures=str(_failing(found)), errors="0"
            )
            _test_cases(suite, shown, found)
        if not diagnostics:  # an empty report reads as "no tests" in some CI tools
            suite = ET.SubElement(root, "testsuite", name="methlint", tests="1", failures="0", errors="0")
            ET.SubElement(suite, "testcase", name=_("No problems found"), classname="methlint")
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(root, encoding="unicode") + "\n")
        self.err.write(summary_sentence(rows_of(diagnostics), files) + "\n")
