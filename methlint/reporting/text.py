"""The text output, for people: one line per finding, then a table by rule and a summary line.

Each line starts ``path:line:column: CODE`` (ruff's concise format, which editors' problem matchers
and ``grep`` already read), then the severity as a word in the active language, then the message,
and ``[*]`` when ``methlint fix`` applies its fix:
``_outil/a.md:3:1: YML001 [error] YAML syntax error: … [*]``; a finding that changes nothing the
built page shows says so after its severity: ``[info, invisible]`` (docs/visibility.md).
docs/output-formats.md says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from methlint.diagnostic_rows import Row, rows_of
from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _
from methlint.reporting.base import ReportOptions
from methlint.reporting.display import displayable
from methlint.reporting.statistics import SAFE, by_rule, severity_word, summary_sentence

_COLOURS = {Severity.ERROR.value: "\033[31m", Severity.WARNING.value: "\033[33m", Severity.INFO.value: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def use_colour(out: TextIO, options: ReportOptions) -> bool:
    if options.colour is not None:
        return options.colour
    # https://no-color.org: any non-empty NO_COLOR turns colour off
    return out.isatty() and not options.environ.get("NO_COLOR")


def finding_lines(rows: Sequence[Row], colour: bool) -> list[str]:
    """``path:line:col: CODE [severity] message [*]``, one per row, each ending with a newline;
    ``[severity, invisible]`` for a finding that changes nothing the built page shows."""
    invisible = _("invisible")
    labels = {
        (severity, shown): f"[{severity_word(severity)}]" if shown else f"[{severity_word(severity)}, {invisible}]"
        for severity in _COLOURS
        for shown in (True, False)
    }
    if colour:
        labels = {key: f"{_COLOURS[key[0]]}{label}{_RESET}" for key, label in labels.items()}
    # paths and messages repeat (40k findings of a 10k-document site hold 2k distinct messages):
    # each text is made displayable once per report
    shown: dict[str, str] = {}
    lines = []
    for path, line, column, _end_line, _end_column, code, message, severity, applicability, visible in rows:
        path = shown.get(path) or shown.setdefault(path, displayable(path))
        message = shown.get(message) or shown.setdefault(message, displayable(message))
        if colour:
            code = f"{_BOLD}{code}{_RESET}"
        mark = " [*]" if applicability == SAFE else ""  # what `methlint fix` applies (methlint.fix.verdict)
        lines.append(f"{path}:{line}:{column}: {code} {labels[severity, visible]} {message}{mark}\n")
    return lines


def rule_table(rows: Sequence[Row], options: ReportOptions, colour: bool = False) -> list[str]:
    """``count  severity  CODE  summary`` per rule found, errors first: what to fix first, at a glance."""
    entries = by_rule(rows)
    if not entries:
        return []
    summaries = {rule.code: _(rule.summary) for rule in options.rules}
    words = {entry.severity: severity_word(entry.severity) for entry in entries}
    count_width = max(len(str(entry.found)) for entry in entries)
    word_width = max(map(len, words.values()))
    code_width = max(len(entry.code) for entry in entries)
    lines = [_("Findings by rule:") + "\n"]
    for entry in entries:
        summary = summaries.get(entry.code, "")
        count = f"{entry.found:>{count_width}}"
        word = f"{words[entry.severity]:<{word_width}}"
        if colour:  # padded first: the escapes take no room on the screen
            word = f"{_COLOURS[entry.severity]}{word}{_RESET}"
        row = f"  {count}  {word}  {entry.code:<{code_width}}  {summary}"
        lines.append(row.rstrip() + "\n")
    return lines


class TextReporter:
    """Rendered from rows: a warm run never builds the finding objects."""

    def __init__(self, out: TextIO, err: TextIO, options: ReportOptions | None = None) -> None:
        self.out, self.err = out, err
        self.options = options or ReportOptions()
        self.colour = use_colour(out, self.options)

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        rows = rows_of(diagnostics)
        lines = [] if self.options.quiet else finding_lines(rows, self.colour)
        lines += rule_table(rows, self.options, self.colour)
        lines.append(summary_sentence(rows, files) + "\n")
        self.out.write("".join(lines))  # one write: tens of thousands of findings are common
