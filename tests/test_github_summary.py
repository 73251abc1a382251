"""GitHub's job summary: the Markdown appended to $GITHUB_STEP_SUMMARY by --output-format github."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from methlint import i18n
from methlint.diagnostics import Diagnostic, Span
from methlint.reporting import make_reporter
from methlint.reporting.github_summary import FIRST_FINDINGS
from tests.test_output_formats import FINDINGS, OPTIONS, expected

GITHUB = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc123"}


def summarise(tmp_path: Path, findings=FINDINGS, environ: dict[str, str] | None = None) -> tuple[str, str, str]:
    """(the summary file's text, stdout, stderr) of one github report."""
    summary = tmp_path / "step_summary.md"
    options = dataclasses.replace(OPTIONS, environ={**GITHUB, "GITHUB_STEP_SUMMARY": str(summary), **(environ or {})})
    out, err = io.StringIO(), io.StringIO()
    make_reporter("github", out, err, options).report(findings, 7)
    return summary.read_text(encoding="utf-8") if summary.exists() else "", out.getvalue(), err.getvalue()


def cells(markdown: str) -> list[list[str]]:
    """The text of each body cell of each table, as GitHub's CommonMark renderer reads it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows, row = [], None
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            words = [child.content for child in token.children or [] if child.type in ("text", "code_inline")]
            row.append("".join(words))
        elif token.type == "tr_close":
            rows.append(row)
            row = None
    return rows


def links(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [
        child.attrs["href"]
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "link_open"
    ]


def test_job_summary_exact_bytes(tmp_path: Path) -> None:
    summary, _out, _err = summarise(tmp_path)
    assert summary == expected("hostile.summary.md")


def test_job_summary_shows_each_message_literally_with_a_link_to_its_line(tmp_path: Path) -> None:
    summary, _out, _err = summarise(tmp_path)
    rows = cells(summary)
    # the counts by severity, then by rule, then the findings, errors first
    assert rows[1:4] == [["error", "2"], ["warning", "3"], ["info", "1"]]
    assert rows[5] == ["TYP016 Invisible or control character in the text", "error", "1"]
    findings = rows[-6:]
    assert [row[1] for row in findings] == ["YML001", "TYP016", "TYP010", "SCH005", "SCH002", "TYP002"]
    # markup in a message is text, not HTML or a link; the long message is cut
    assert findings[0] == ["_outil/a.md:3:1", "YML001", 'YAML syntax error: <bad> & "odd"']
    assert findings[1][2] == "invisible \\x1b[2J\\x07 and \\u202eevil\\u202c"
    assert findings[5][2].endswith("…") and len(findings[5][2]) == 200
    assert links(summary) == [
        "https://github.com/o/r/blob/abc123/_outil/a.md#L3",
        "https://github.com/o/r/blob/abc123/_outil/caf%FF.md#L1",
        "https://github.com/o/r/blob/abc123/_outil/%C3%A9t%C3%A9.md#L7",
        "https://github.com/o/r/blob/abc123/_usage/key.md#L2",
        "https://github.com/o/r/blob/abc123/dir%2Ca/b%3Ac%25.md#L2",
        "https://github.com/o/r/blob/abc123/_usage/long.md#L9",
    ]


def test_job_summary_shows_the_first_findings_only(tmp_path: Path) -> None:
    many = [Diagnostic("a.md", Span(line, 1, line, 2), "YML001", "m") for line in range(1, 31)]
    summary, _out, _err = summarise(tmp_path, many)
    assert f"The first {FIRST_FINDINGS} of 30 findings, errors first:" in summary
    assert len(links(summary)) == FIRST_FINDINGS


def test_job_summary_is_appended_after_other_steps(tmp_path: Path) -> None:
    (tmp_path / "step_summary.md").write_text("# Earlier step\n", encoding="utf-8")
    summary, _out, _err = summarise(tmp_path, [])
    assert summary == "# Earlier step\n## methlint\n\nAll good: 7 files checked.\n\n"


def test_job_summary_in_french(tmp_path: Path) -> None:
    i18n.activate("fr")
    summary, _out, _err = summarise(tmp_path)
    assert "| Gravité | Problèmes |" in summary
    assert "| erreur | 2 |" in summary and "| avertissement | 3 |" in summary
    assert "| `TYP002` Espaces en fin de ligne | info | 1 |" in summary
    assert "Les 6 premiers problèmes sur 6, erreurs d’abord\u00a0:" in summary


def test_job_summary_links_need_the_repository(tmp_path: Path) -> None:
    summary, _out, _err = summarise(tmp_path, environ={"GITHUB_SHA": ""})
    assert links(summary) == []
    assert "| \\_outil/a.md\\:3\\:1 | `YML001` |" in summary


def test_a_summary_path_that_is_a_folder_is_a_note_not_a_failure(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    options = dataclasses.replace(OPTIONS, environ={"GITHUB_STEP_SUMMARY": str(tmp_path)})
    make_reporter("github", out, err, options).report(FINDINGS, 7)
    assert out.getvalue().count("\n") == len(FINDINGS)
    assert err.getvalue().splitlines()[-1] == f"cannot write the job summary to {tmp_path}: Is a directory"


def test_no_summary_outside_github_actions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    make_reporter("github", out, err, dataclasses.replace(OPTIONS, environ={})).report(FINDINGS, 7)
    assert list(tmp_path.iterdir()) == []
