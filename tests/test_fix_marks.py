"""[*] marks only what `methlint fix` applies, as the fixer decides it (methlint.fix.verdict): a title
change waits for --unsafe-fixes, a front matter the fixer will not rewrite keeps its findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from methlint.cli import cli
from tests.cli_runner import cli_runner
from tests.realsite import lay_out


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_outil").mkdir()
    monkeypatch.chdir(tmp_path)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def check(*args: str) -> list[str]:
    result = cli_runner().invoke(cli, ["check", "--no-cache", *args, "_outil"])
    return result.stdout.splitlines()


def test_a_title_fix_is_not_marked_and_counts_as_unsafe(here: Path) -> None:
    (here / "_outil" / "a.md").write_text("---\ntitle: L'outil\n---\nC'est bien.\n", encoding="utf-8")
    assert check("--select", "TYP010") == [
        "_outil/a.md:2:9: TYP010 [warning] apostrophe ' where the policy is ’: replace it",
        "_outil/a.md:4:2: TYP010 [warning] apostrophe ' where the policy is ’: replace it [*]",
        "Findings by rule:",
        "  2  warning  TYP010  Apostrophe against the policy",
        "Found 0 errors, 2 warnings and 0 info in 1 file. 1 fixable with `methlint fix` (marked [*])."
        " 1 fixable with `methlint fix --unsafe-fixes`.",
    ]


def test_a_front_matter_the_fixer_keeps_marks_only_the_body(here: Path) -> None:
    text = "---\ntitle: Outil\na: &x 1\nb: *x\ntagline: Deux  espaces\n---\nDeux  espaces\n"
    (here / "_outil" / "a.md").write_text(text, encoding="utf-8")
    assert check("--select", "TYP001")[:2] == [
        "_outil/a.md:5:14: TYP001 [warning] 2 spaces in a row: use one space",
        "_outil/a.md:7:5: TYP001 [warning] 2 spaces in a row: use one space [*]",
    ]
    # the JSON output says the same
    result = cli_runner().invoke(
        cli, ["check", "--no-cache", "--select", "TYP001", "--output-format", "json", "_outil"]
    )
    assert [(d["line"], d["fixable"]) for d in json.loads(result.stdout)] == [(5, False), (7, True)]


def test_after_fix_the_real_site_has_nothing_marked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every [*] before a fix is one the fix applies: after it, check marks nothing."""
    site = lay_out(tmp_path / "site")
    monkeypatch.chdir(site)
    before = cli_runner().invoke(cli, ["check", "--no-cache"]).stdout
    assert before.count(" [*]\n") > 400
    assert "fixable with `methlint fix --unsafe-fixes`" in before  # the titles held back
    fixed = cli_runner().invoke(cli, ["fix"])
    assert fixed.exit_code == 1  # errors remain (missing images, …)
    after = cli_runner().invoke(cli, ["check", "--no-cache"]).stdout
    assert " [*]" not in after
    assert "fixable with `methlint fix` (marked [*])" not in after
