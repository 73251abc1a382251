"""Every --output-format on one fixed set of findings, hostile ones included: the exact bytes, the
consumer's schema, nothing raw from the documents.

The expected outputs of the larger formats are files in tests/fixtures/output_formats/, written
by hand from each format's rules and checked here; the smaller ones are inline.
"""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from methlint import i18n
from methlint.cli import cli
from methlint.diagnostics import Applicability, Diagnostic, Fix, Severity, Span
from methlint.reporting import REPORTERS, ReportOptions, make_reporter
from methlint.reporting.display import displayable
from methlint.reporting.github import escape_data, escape_property
from methlint.reporting.sarif import INFORMATION_URI
from methlint.rules import ALL_RULES, get
from tests.cli_runner import cli_runner
from tests.report_schemas import UNSAFE, check_gitlab, check_json, check_junit, check_printable, check_sarif

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = Path(__file__).parent / "fixtures" / "output_formats"
LONG = "la valeur " + "très longue " * 40 + "finit ici"
SAFE = Fix("Fix it", (), Applicability.SAFE)
FINDINGS = sorted(
    [
        Diagnostic("_outil/a.md", Span(3, 1, 4, 5), "YML001", 'YAML syntax error: <bad> & "odd"'),
        # a file name that is not UTF-8, as os.listdir gives it (surrogateescape); a terminal escape
        # sequence, a bell and a right-to-left override in the message
        Diagnostic("_outil/caf\udcff.md", Span(1, 1, 1, 2), "TYP016", "invisible \x1b[2J\x07 and \u202eevil\u202c"),
        Diagnostic(
            "_outil/été.md", Span(7, 3, 7, 4), "TYP010", "apostrophe ' where ’: replace it", Severity.WARNING, SAFE
        ),
        # a key holding control characters (issue 19: it made the JUnit output invalid XML)
        Diagnostic("_usage/key.md", Span(2, 1, 2, 4), "SCH005", "unknown key 'a\x00b\x0c\u2028c'", Severity.WARNING),
        # a finding that changes nothing on the built page (methlint.page_effect)
        Diagnostic("_usage/long.md", Span(9, 1, 9, 2), "TYP002", LONG, Severity.INFO, SAFE, visible=False),
        # what GitHub's workflow commands must escape, in the path and in the message
        Diagnostic("dir,a/b:c%.md", Span(2, 8, 2, 9), "SCH002", "50% wrong:\nline, two\r", Severity.WARNING),
    ]
)
# real rules with a one-line documentation, so that the SARIF driver stays readable here
RULES = tuple(
    dataclasses.replace(get(code), doc=f"\n## What it does\nReports {code}.\n\n## Why is this bad?\nIt is.\n")
    for code in ("YML001", "SCH002", "SCH005", "TYP002", "TYP010", "TYP016")
)
TEXTS = {"_outil/a.md": "---\ntitle: [\n---\n", "_usage/key.md": "---\na\x00b: 1\n---\n"}
OPTIONS = ReportOptions(environ={}, rules=RULES, read_text=lambda path: TEXTS.get(path, ""))


def render(name: str, diagnostics=FINDINGS, options: ReportOptions = OPTIONS) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    make_reporter(name, out, err, options).report(diagnostics, 7)
    return out.getvalue(), err.getvalue()


def expected(name: str) -> str:
    return (EXPECTED / name).read_bytes().decode("utf-8")


SUMMARY = (
    "Found 2 errors, 3 warnings and 1 info in 7 files. 2 fixable with `methlint fix` (marked [*])."
    " 1 of 6 changes nothing on the page (marked invisible).\n"
)
TEXT = f"""\
_outil/a.md:3:1: YML001 [error] YAML syntax error: <bad> & "odd"
_outil/caf\\xff.md:1:1: TYP016 [error] invisible \\x1b[2J\\x07 and \\u202eevil\\u202c
_outil/été.md:7:3: TYP010 [warning] apostrophe ' where ’: replace it [*]
_usage/key.md:2:1: SCH005 [warning] unknown key 'a\\x00b\\x0c\\u2028c'
_usage/long.md:9:1: TYP002 [info, invisible] {LONG} [*]
dir,a/b:c%.md:2:8: SCH002 [warning] 50% wrong:\\nline, two\\r
Findings by rule:
  1  error    TYP016  Invisible or control character in the text
  1  error    YML001  YAML syntax error
  1  warning  SCH002  Value has the wrong type
  1  warning  SCH005  Unknown key
  1  warning  TYP010  Apostrophe against the policy
  1  info     TYP002  Whitespace at the end of a line
{SUMMARY}"""


def test_text_exact_bytes() -> None:
    assert render("text") == (TEXT, "")


def test_text_in_french_exact_bytes() -> None:
    i18n.activate("fr")
    out, _err = render("text")
    lines = out.splitlines(keepends=True)
    assert lines[0] == '_outil/a.md:3:1: YML001 [erreur] YAML syntax error: <bad> & "odd"\n'
    assert lines[2] == "_outil/été.md:7:3: TYP010 [avertissement] apostrophe ' where ’: replace it [*]\n"
    assert lines[4].startswith("_usage/long.md:9:1: TYP002 [info, invisible] la valeur")
    assert lines[6:] == [
        "Problèmes par règle\u00a0:\n",
        "  1  erreur         TYP016  Caractère invisible ou de contrôle dans le texte\n",
        "  1  erreur         YML001  Erreur de syntaxe YAML\n",
        "  1  avertissement  SCH002  Valeur du mauvais type\n",
        "  1  avertissement  SCH005  Clé inconnue\n",
        "  1  avertissement  TYP010  Apostrophe non conforme à la règle du site\n",
        "  1  info           TYP002  Espaces en fin de ligne\n",
        "2 erreurs, 3 avertissements et 1 info dans 7 fichiers. 2 corrigeables par `methlint fix` (marqués [*])."
        " 1 sur 6 ne change rien à la page (marqué invisible).\n",
    ]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_text_colours_the_severity_on_a_terminal_unless_no_color() -> None:
    def on_terminal(environ: dict[str, str], colour: bool | None = None) -> str:
        out = Terminal()
        options = dataclasses.replace(OPTIONS, environ=environ, colour=colour)
        make_reporter("text", out, io.StringIO(), options).report(FINDINGS[:1], 1)
        return out.getvalue().splitlines()[0]

    coloured = '_outil/a.md:3:1: \033[1mYML001\033[0m \033[31m[error]\033[0m YAML syntax error: <bad> & "odd"'
    assert on_terminal({}) == coloured
    assert on_terminal({"NO_COLOR": "1"}) == TEXT.splitlines()[0]
    assert on_terminal({"NO_COLOR": ""}) == coloured  # no-color.org: an empty value does not count
    assert on_terminal({"NO_COLOR": "1"}, colour=True) == coloured  # --color always, later
    assert render("text")[0].splitlines()[0] == TEXT.splitlines()[0]  # not a terminal


def test_text_without_findings() -> None:
    assert render("text", []) == ("All good: 7 files checked.\n", "")


def test_json_exact_bytes_follow_the_output_schema() -> None:
    out, err = render("json")
    assert (out, err) == (expected("hostile.json"), SUMMARY)
    printed = check_json(out)
    # the machine contract keeps every text exactly: the undecodable byte, the controls
    assert [(d["path"], d["message"]) for d in printed] == [(d.path, d.message) for d in FINDINGS]
    assert [d["fixable"] for d in printed] == [d.fixable for d in FINDINGS]
    assert [d["visible"] for d in printed] == [True, True, True, True, False, True]


def test_github_exact_bytes() -> None:
    assert render("github") == (
        "::error file=_outil/a.md,line=3,col=1,endLine=4,endColumn=5,title=YML001 YAML syntax error::"
        'YAML syntax error: <bad> & "odd"\n'
        "::error file=_outil/caf\\xff.md,line=1,col=1,endLine=1,endColumn=2,"
        "title=TYP016 Invisible or control character in the text::invisible \\x1b[2J\\x07 and \\u202eevil\\u202c\n"
        "::warning file=_outil/été.md,line=7,col=3,endLine=7,endColumn=4,title=TYP010 Apostrophe against the policy::"
        "apostrophe ' where ’: replace it\n"
        "::warning file=_usage/key.md,line=2,col=1,endLine=2,endColumn=4,title=SCH005 Unknown key::"
        "unknown key 'a\\x00b\\x0c\\u2028c'\n"
        "::warning file=dir%2Ca/b%3Ac%25.md,line=2,col=8,endLine=2,endColumn=9,title=SCH002 Value has the wrong type::"
        "50%25 wrong:\\nline, two\\r\n"
        "::notice file=_usage/long.md,line=9,col=1,endLine=9,endColumn=2,"
        "title=TYP002 Whitespace at the end of a line (invisible on the page)::"
        f"{LONG}\n",
        SUMMARY,
    )


def test_github_orders_errors_then_warnings_then_notices() -> None:
    # GitHub shows 10 annotations of each kind per step: an error must never wait behind warnings
    found = [Diagnostic(f"a{i:02}.md", Span(1, 1, 1, 2), "TYP001", "m", Severity.WARNING) for i in range(12)]
    found += [Diagnostic("z.md", Span(1, 1, 1, 2), "YML001", "m"), Diagnostic("b.md", Span(1, 1, 1, 2), "TYP002", "m")]
    found[5:5] = [Diagnostic("m.md", Span(1, 1, 1, 2), "SCH007", "m", Severity.INFO)]
    commands = [line.split(" ", 1)[0] for line in render("github", sorted(found))[0].splitlines()]
    assert commands == ["::error"] * 2 + ["::warning"] * 12 + ["::notice"]


@pytest.mark.parametrize(
    ("text", "data", "property_value"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("%0A", "%250A", "%250A"),  # an escape already in the text is not taken for one
    ],
)
def test_github_escaping_follows_the_workflow_command_rules(text: str, data: str, property_value: str) -> None:
    assert (escape_data(text), escape_property(text)) == (data, property_value)


def test_github_places_annotations_by_the_path_in_the_repository(tmp_path: Path) -> None:
    # methlint run from a sub-folder reports paths from there; GitHub places them from the checkout
    options = dataclasses.replace(OPTIONS, environ={"GITHUB_WORKSPACE": str(tmp_path.parent)})
    inside = Diagnostic(str(tmp_path / "_outil" / "a.md"), Span(1, 1, 1, 2), "YML001", "m")
    outside = Diagnostic("/elsewhere/b.md", Span(1, 1, 1, 2), "YML001", "m")
    lines = render("github", [inside, outside], options)[0].splitlines()
    assert lines[0].startswith(f"::error file={tmp_path.name}/_outil/a.md,line=1,")
    assert lines[1].startswith("::error file=/elsewhere/b.md,line=1,")


def test_gitlab_exact_bytes_follow_gitlab_schema() -> None:
    out, err = render("gitlab")
    assert (out, err) == (expected("hostile.gitlab.json"), SUMMARY)
    issues = check_gitlab(out)
    assert [issue["severity"] for issue in issues] == ["major", "major", "minor", "minor", "info", "minor"]
    assert [issue["location"]["path"] for issue in issues] == [displayable(d.path) for d in FINDINGS]


def test_gitlab_gives_identical_problems_their_own_fingerprints() -> None:
    # GitLab keeps one issue per fingerprint: two identical problems on identical lines stay two
    text = "---\ntitle: a  b\n---\ntitle: a  b\n"
    twice = [Diagnostic("a.md", Span(line, 9, line, 11), "TYP001", "two spaces", Severity.WARNING) for line in (2, 4)]
    options = dataclasses.replace(OPTIONS, read_text=lambda path: text)
    issues = check_gitlab(render("gitlab", twice, options)[0])
    assert len({issue["fingerprint"] for issue in issues}) == 2


def test_gitlab_paths_are_relative_to_the_project(tmp_path: Path) -> None:
    options = dataclasses.replace(OPTIONS, environ={"CI_PROJECT_DIR": str(tmp_path)})
    found = [Diagnostic(str(tmp_path / "site" / "a.md"), Span(1, 1, 1, 2), "YML001", "m")]
    assert check_gitlab(render("gitlab", found, options)[0])[0]["location"]["path"] == "site/a.md"


def test_junit_exact_bytes_follow_the_xsd() -> None:
    out, err = render("junit")
    assert (out, err) == (expected("hostile.junit.xml"), SUMMARY)
    check_junit(out)


def test_junit_info_findings_are_not_failures() -> None:
    # a run with only info findings exits 0: GitLab must not show a failed test
    info = [Diagnostic(f"{name}.md", Span(1, 1, 1, 2), "TYP002", "trailing", Severity.INFO) for name in "ab"]
    out, _err = render("junit", info)
    check_junit(out)
    root = ET.fromstring(out)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "0", "0")
    assert root.findall(".//failure") == [] and root.findall(".//error") == []
    assert [case.findtext("system-out") for case in root.iter("testcase")] == [
        "a.md:1:1: TYP002 [info] trailing",
        "b.md:1:1: TYP002 [info] trailing",
    ]


def test_junit_names_each_test_case_once_in_its_suite() -> None:
    # GitLab keys test cases by suite, class and name and keeps the last of a key
    same_place = [Diagnostic("a.md", Span(1, 1, 1, 2), "TYP001", message, Severity.WARNING) for message in "xy"]
    out, _err = render("junit", same_place)
    check_junit(out)
    assert [case.get("name") for case in ET.fromstring(out).iter("testcase")] == ["TYP001 1:1", "TYP001 1:1 (2)"]


def test_junit_without_findings_has_one_passing_case() -> None:
    out, _err = render("junit", [])
    check_junit(out)
    root = ET.fromstring(out)
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    assert [case.get("name") for case in root.iter("testcase")] == ["No problems found"]


def test_sarif_exact_bytes_follow_the_sarif_schema() -> None:
    out, err = render("sarif")
    assert (out, err) == (expected("hostile.sarif.json"), SUMMARY)
    log = check_sarif(out)
    results = log["runs"][0]["results"]
    assert [r["properties"]["visible"] for r in results] == [True, True, True, True, False, True]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    # a URI reference: the path's bytes percent-encoded, the undecodable one as it is on disk
    assert uris == ["_outil/a.md", "_outil/caf%FF.md", "_outil/%C3%A9t%C3%A9.md", "_usage/key.md", "_usage/long.md",
                    "dir%2Ca/b%3Ac%25.md"]  # fmt: skip


def test_sarif_lists_every_rule_with_its_documentation() -> None:
    log = check_sarif(render("sarif", [], dataclasses.replace(OPTIONS, rules=ALL_RULES))[0])
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == INFORMATION_URI
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in ALL_RULES]
    fm003 = next(rule for rule in driver["rules"] if rule["id"] == "FM003")
    assert fm003["fullDescription"]["text"] == "Reports a UTF-8 byte order mark (BOM) at the start of the file."
    assert all("## Why is this bad?" in rule["help"]["markdown"] for rule in driver["rules"])


@given(st.text(st.characters(exclude_categories=())))  # surrogates included
def test_displayable_escapes_every_unsafe_character_and_nothing_else(text: str) -> None:
    shown = displayable(text)
    assert UNSAFE.search(shown) is None and "\n" not in shown
    if UNSAFE.search(text) is None and "\n" not in text:
        assert shown is text


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_no_format_prints_what_a_document_holds_raw(name: str) -> None:
    out, err = render(name)
    check_printable(out)
    check_printable(err)


def test_every_reporter_is_an_output_format_of_check() -> None:
    from methlint.cli.check import OUTPUT_FORMATS

    assert sorted(OUTPUT_FORMATS) == sorted(REPORTERS)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_from_the_command_line(tmp_path: Path, name: str) -> None:
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_outil" / "a.md").write_text("---\ntitle: 1\ncategorie: methode\n---\n", encoding="utf-8")
    result = cli_runner().invoke(cli, ["check", "--output-format", name, str(tmp_path / "_outil")])
    assert result.exit_code == 1
    assert "SCH002" in result.stdout


CHECKERS = {"json": check_json, "gitlab": check_gitlab, "junit": check_junit, "sarif": check_sarif}


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_hostile_files_in_every_format(tmp_path: Path, name: str) -> None:
    """Issue 19, in a real process writing to a real pipe: a file name that is not UTF-8 crashed the
    SARIF output, a key holding control characters made the JUnit output invalid XML, a file name
    holding a newline forged a line, a value's terminal escape sequences were printed raw."""
    outil = tmp_path / "_outil"
    outil.mkdir()
    (outil / os.fsdecode(b"caf\xff.md")).write_text("---\ntitle: 1\ncategorie: methode\n---\n", encoding="utf-8")
    hostile = (
        '---\ntitle: Bien\ncategorie: methode\n"k\\x01\\x1b[2J": 1\nimg-bg: "\\e]0;PWNED\\a\\e[2J.png"\n---\nFin  \n'
    )
    (outil / "a\nb.md").write_text(hostile, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_", "GITHUB_", "CI"))}
    command = [sys.executable, "-m", "methlint", "check", "--no-cache", "--output-format", name, "_outil"]
    environ["PYTHONPATH"] = str(ROOT)
    run = subprocess.run(command, cwd=tmp_path, env=environ, capture_output=True, check=False)
    assert run.returncode == 1, run.stderr
    out = run.stdout.decode("utf-8")
    check_printable(out)
    CHECKERS.get(name, lambda text: None)(out)
    # the file name's newline forges no line
    assert "PWNED" in out and not any(line.startswith("b.md") for line in out.splitlines())
