"""Every --output-format: structure, positions, escaping; colour only on a terminal."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from methlint.cli import cli
from methlint.diagnostics import Diagnostic, Severity, Span
from methlint.reporting import make_reporter
from methlint.rules import ALL_RULES
from tests.cli_runner import cli_runner

ROOT = Path(__file__).parent.parent
OUTPUT_SCHEMA = json.loads((ROOT / "schemas" / "output.schema.json").read_text(encoding="utf-8"))
TRICKY = Diagnostic("dir,a/b:c%.md", Span(2, 8, 2, 9), "SCH002", "50% wrong:\nline, two\r", Severity.WARNING)
PLAIN = Diagnostic("_outil/a.md", Span(3, 1, 4, 5), "YML001", 'YAML syntax error: <bad> & "odd"')


def render(name: str, diagnostics: list[Diagnostic], out: io.StringIO | None = None) -> str:
    out = out or io.StringIO()
    make_reporter(name, out, io.StringIO()).report(diagnostics, 3)
    return out.getvalue()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_text_is_plain_on_a_pipe() -> None:
    assert render("text", [PLAIN]).splitlines()[0] == '_outil/a.md:3:1: YML001 YAML syntax error: <bad> & "odd"'


def test_text_is_coloured_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\033[31m\033[1mYML001\033[0m" in render("text", [PLAIN], Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in render("text", [PLAIN], Terminal())
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: an empty value does not count
    assert "\033[" in render("text", [PLAIN], Terminal())


def test_json_follows_the_output_schema() -> None:
    printed = json.loads(render("json", [PLAIN, TRICKY]))
    jsonschema.validate(printed, OUTPUT_SCHEMA)
    assert printed[1]["message"] == TRICKY.message and printed[1]["severity"] == "warning"


def test_github_workflow_commands_are_escaped() -> None:
    lines = render("github", [PLAIN, TRICKY]).splitlines()
    assert lines[0] == (
        '::error file=_outil/a.md,line=3,col=1,endLine=4,endColumn=5,title=YML001::YAML syntax error: <bad> & "odd"'
    )
    assert lines[1] == (
        "::warning file=dir%2Ca/b%3Ac%25.md,line=2,col=8,endLine=2,endColumn=9,title=SCH002::"
        "50%25 wrong:%0Aline, two%0D"
    )
    assert len(lines) == 2  # a newline in a message never starts a new command


def test_github_info_is_a_notice() -> None:
    info = Diagnostic("a.md", Span(1, 1, 1, 2), "SCH007", "no schema", Severity.INFO)
    assert render("github", [info]).startswith("::notice file=a.md,")


def test_sarif_has_the_required_structure() -> None:
    log = json.loads(render("sarif", [PLAIN, TRICKY]))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "methlint"
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in ALL_RULES]
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "## Why is this bad?" in rule["help"]["markdown"]
    result = run["results"][1]
    assert result["ruleId"] == "SCH002" and result["level"] == "warning"
    assert driver["rules"][result["ruleIndex"]]["id"] == "SCH002"
    assert result["message"]["text"] == TRICKY.message
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "dir%2Ca/b%3Ac%25.md"  # a URI: percent-encoded
    assert location["region"] == {"startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 9}
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_full_description_is_the_what_it_does_section() -> None:
    log = json.loads(render("sarif", []))
    fm003 = next(r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "FM003")
    assert fm003["fullDescription"]["text"] == "Reports a UTF-8 byte order mark (BOM) at the start of the file."
    assert log["runs"][0]["results"] == []


def test_junit_one_failing_case_per_finding() -> None:
    root = ET.fromstring(render("junit", [PLAIN, TRICKY]))
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "2", "2")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["_outil/a.md", "dir,a/b:c%.md"]
    case = suites[0].find("testcase")
    assert case.get("name") == "methlint.YML001" and case.get("line") == "3"
    failure = case.find("failure")
    assert failure.get("message") == PLAIN.message
    assert failure.text == '_outil/a.md:3:1: YML001 YAML syntax error: <bad> & "odd"'
    assert suites[1].find("testcase/failure").get("message") == TRICKY.message  # XML escaping round-trips


def test_junit_without_findings_has_one_passing_case() -> None:
    root = ET.fromstring(render("junit", []))
    assert root.get("failures") == "0"
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 1 and cases[0].find("failure") is None


@pytest.mark.parametrize("name", ["text", "json", "github", "sarif", "junit"])
def test_every_format_from_the_command_line(tmp_path: Path, name: str) -> None:
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_outil" / "a.md").write_text("---\ntitle: 1\n---\n", encoding="utf-8")
    result = cli_runner().invoke(cli, ["check", "--output-format", name, str(tmp_path / "_outil")])
    assert result.exit_code == 1
    assert "SCH002" in result.stdout
