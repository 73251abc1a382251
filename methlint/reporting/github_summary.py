"""GitHub's job summary: a Markdown section appended to ``$GITHUB_STEP_SUMMARY``, shown on the run's
page. Counts by severity and by rule, then the first findings (errors first) with links to their
lines, all in the active language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from urllib.parse import quote

from methlint.diagnostic_rows import rows_of
from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _
from methlint.reporting.base import ReportOptions, path_in_repository
from methlint.reporting.display import displayable
from methlint.reporting.statistics import by_rule, severity_word, summary_sentence, totals

FIRST_FINDINGS = 20
MESSAGE_LIMIT = 200  # characters of a message in the table; the annotation has it whole
# CommonMark lets a backslash escape any ASCII punctuation; these are the signs that, inside a
# table cell, could start a link or an image, an HTML tag or entity, emphasis, strikethrough, code,
# math, an emoji shortcode or a new cell
_MARKUP = re.compile(r"([\\`*_\[\]<>|&!~$:])")


def markdown_text(text: str, limit: int | None = None) -> str:
    """``text`` shown literally in a Markdown table cell."""
    text = displayable(text)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return _MARKUP.sub(r"\\\1", text)


def _table(header: Sequence[str], alignments: str, rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(":--" if a == "l" else "--:" for a in alignments) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def line_link(path: str, line: int, environ: Mapping[str, str]) -> str | None:
    """The URL of a line in the repository at the commit being checked, or None outside GitHub Actions."""
    server, repository, sha = (environ.get(name) for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if not (server and repository and sha):
        return None
    relative = path_in_repository(path, environ.get("GITHUB_WORKSPACE"))
    if os.path.isabs(relative):
        return None
    return f"{server}/{repository}/blob/{sha}/{quote(os.fsencode(relative))}#L{line}"


def _where(d: Diagnostic, environ: Mapping[str, str]) -> str:
    label = markdown_text(f"{d.path}:{d.span.line}:{d.span.column}")
    link = line_link(d.path, d.span.line, environ)
    return f"[{label}]({link})" if link else label


def job_summary(ordered: Sequence[Diagnostic], files: int, options: ReportOptions) -> str:
    """The Markdown section for findings already ordered errors first."""
    rows = rows_of(ordered)
    lines = ["## methlint", "", summary_sentence(rows, files), ""]
    if not rows:
        return "\n".join(lines) + "\n"
    counted = totals(rows)
    per_severity = zip(
        (Severity.ERROR.value, Severity.WARNING.value, Severity.INFO.value),
        (counted.errors, counted.warnings, counted.infos),
        strict=True,
    )
    lines += _table([_("Severity"), _("Findings")], "lr", [[severity_word(s), str(n)] for s, n in per_severity])
    summaries = {rule.code: _(rule.summary) for rule in options.rules}
    by_rule_rows = [
        [f"`{e.code}` {markdown_text(summaries.get(e.code, ''))}".rstrip(), severity_word(e.severity), str(e.found)]
        for e in by_rule(rows)
    ]
    lines += ["", *_table([_("Rule"), _("Severity"), _("Findings")], "llr", by_rule_rows), ""]
    shown = ordered[:FIRST_FINDINGS]
    lines += [_("The first {shown} of {total} findings, errors first:").format(shown=len(shown), total=len(ordered))]
    first_rows = [[_where(d, options.environ), f"`{d.code}`", markdown_text(d.message, MESSAGE_LIMIT)] for d in shown]
    lines += ["", *_table([_("Where"), _("Rule"), _("Message")], "lll", first_rows), ""]
    return "\n".join(lines) + "\n"  # a blank line closes the section: another step may append its own
