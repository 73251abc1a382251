"""ruff's command-line conventions on a small site, exact bytes: --statistics, --quiet, --exit-zero,
--output-file, --color and NO_COLOR."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from methlint.cli import cli
from tests.cli_runner import cli_runner

# The site has no layouts: what its templates print of the front matter is unknown, so the title's
# apostrophe stays a warning; the body goes through kramdown (Jekyll's default) and HTML, which write
# ’ for ' and collapse spaces: those findings change nothing on the page (docs/visibility.md).
FINDINGS = """\
_outil/a.md:2:8: SCH002 [error] 'title' must be text, found the number 1
_outil/a.md:5:4: TYP002 [info, invisible] trailing whitespace: remove it [*]
_outil/b.md:2:9: TYP010 [warning] apostrophe ' where the policy is ’: replace it
_outil/b.md:4:2: TYP010 [info, invisible] apostrophe ' where the policy is ’: replace it [*]
_outil/b.md:4:6: TYP001 [info, invisible] 2 spaces in a row: use one space [*]
"""
SUMMARY = """\
Findings by rule:
  1  error    SCH002  Value has the wrong type
  1  warning  TYP010  Apostrophe against the policy
  1  info     TYP001  Several spaces in a row in prose
  1  info     TYP002  Whitespace at the end of a line
  1  info     TYP010  Apostrophe against the policy
Found 1 error, 1 warning and 3 info in 2 files. 3 fixable with `methlint fix` (marked [*]). \
1 fixable with `methlint fix --unsafe-fixes`. 3 of 5 change nothing on the page (marked invisible).
"""


def make_site(root: Path) -> Path:
    (root / "_outil").mkdir(parents=True)
    (root / "_config.yml").write_text("title: site\n", encoding="utf-8")
    (root / "methlint.toml").write_text('select = ["SCH002", "TYP"]\n', encoding="utf-8")
    (root / "_outil" / "a.md").write_text("---\ntitle: 1\ncategorie: methode\n---\nFin  \n", encoding="utf-8")
    (root / "_outil" / "b.md").write_text("---\ntitle: L'outil\n---\nC'est  bien.\n", encoding="utf-8")
    return root


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(make_site(tmp_path))
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = cli_runner().invoke(cli, ["check", "--no-cache", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_the_default_output(site: Path) -> None:
    assert run("_outil") == (1, FINDINGS + SUMMARY, "")


def test_statistics_counts_each_rule_as_ruff_does(site: Path) -> None:
    expected = """\
2	TYP010	[*] Apostrophe against the policy
1	SCH002	[ ] Value has the wrong type
1	TYP001	[*] Several spaces in a row in prose
1	TYP002	[*] Whitespace at the end of a line
"""
    assert run("--statistics", "_outil") == (1, expected, "")


def test_statistics_without_a_fixable_rule_marks_none(site: Path) -> None:
    assert run("--statistics", "--select", "SCH002", "_outil") == (1, "1\tSCH002\tValue has the wrong type\n", "")


def test_statistics_as_json(site: Path) -> None:
    code, out, _err = run("--statistics", "--output-format", "json", "_outil")
    assert code == 1
    assert json.loads(out)[:2] == [
        {"code": "TYP010", "name": "apostrophe-consistency", "count": 2, "fixable": True},
        {"code": "SCH002", "name": "wrong-type", "count": 1, "fixable": False},
    ]


def test_quiet_prints_the_summary_only(site: Path) -> None:
    assert run("--quiet", "_outil") == (1, SUMMARY, "")
    assert run("-q", "_outil") == (1, SUMMARY, "")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--quiet", "--statistics"), "--statistics and --quiet cannot be used together"),
        (("--quiet", "--output-format", "json"), "--quiet shortens the text output, not json"),
        (("--statistics", "--output-format", "sarif"), "--statistics prints text or json, not sarif"),
    ],
)
def test_options_that_would_be_ignored_are_usage_errors(site: Path, options: tuple[str, ...], message: str) -> None:
    code, out, err = run(*options, "_outil")
    assert (code, out) == (2, "")
    assert err.endswith(f"Error: {message}\n")


def test_exit_zero_keeps_the_report_and_exits_0(site: Path) -> None:
    assert run("--exit-zero", "_outil") == (0, FINDINGS + SUMMARY, "")
    assert run("-e", "--statistics", "_outil")[0] == 0


def test_output_file_receives_the_report(site: Path) -> None:
    assert run("--output-file", "reports/check.txt", "_outil") == (1, "", "")
    assert (site / "reports" / "check.txt").read_bytes() == (FINDINGS + SUMMARY).encode("utf-8")
    assert run("-o", "stats.txt", "--statistics", "--select", "SCH002", "_outil") == (1, "", "")
    assert (site / "stats.txt").read_text(encoding="utf-8") == "1\tSCH002\tValue has the wrong type\n"


def test_output_file_that_cannot_be_written_is_a_usage_error(site: Path) -> None:
    (site / "taken").write_text("", encoding="utf-8")
    code, out, err = run("--output-file", "taken/check.txt", "_outil")
    assert (code, out) == (2, "")
    assert "Error: --output-file: cannot write taken/check.txt: " in err


RED, YELLOW, CYAN, BOLD, RESET = "\033[31m", "\033[33m", "\033[36m", "\033[1m", "\033[0m"
COLOURED_SUMMARY = f"""\
Findings by rule:
  1  {RED}error  {RESET}  SCH002  Value has the wrong type
  1  {YELLOW}warning{RESET}  TYP010  Apostrophe against the policy
  1  {CYAN}info   {RESET}  TYP001  Several spaces in a row in prose
  1  {CYAN}info   {RESET}  TYP002  Whitespace at the end of a line
  1  {CYAN}info   {RESET}  TYP010  Apostrophe against the policy
Found 1 error, 1 warning and 3 info in 2 files. 3 fixable with `methlint fix` (marked [*]). \
1 fixable with `methlint fix --unsafe-fixes`. 3 of 5 change nothing on the page (marked invisible).
"""


def test_color_always_colours_the_severities_even_with_no_color(site: Path) -> None:
    code, out, _err = run("--color", "always", "_outil", env={"NO_COLOR": "1"})
    assert code == 1
    assert out.splitlines()[0] == f"_outil/a.md:2:8: {BOLD}SCH002{RESET} {RED}[error]{RESET} " + (
        "'title' must be text, found the number 1"
    )
    assert out.splitlines()[1] == f"_outil/a.md:5:4: {BOLD}TYP002{RESET} {CYAN}[info, invisible]{RESET} " + (
        "trailing whitespace: remove it [*]"
    )
    assert out.endswith(COLOURED_SUMMARY)
    assert run("--color", "always", "-q", "_outil")[1] == COLOURED_SUMMARY


def test_color_never_and_auto_off_a_terminal_print_no_escape(site: Path) -> None:
    assert run("--color", "never", "_outil")[1] == FINDINGS + SUMMARY
    assert run("--color", "auto", "_outil")[1] == FINDINGS + SUMMARY  # the runner's output is no terminal
    assert run("--color", "always", "-o", "out.txt", "_outil")[1] == ""
    assert (site / "out.txt").read_text(encoding="utf-8").count(RED) == 2
    run("-o", "auto.txt", "_outil")
    assert (site / "auto.txt").read_text(encoding="utf-8") == FINDINGS + SUMMARY
