"""`methlint fix` output, exact bytes: a line per file with its count, a total, each edit with
--show-fixes; in French, gettext's plurals (0 and 1 singular)."""

from __future__ import annotations

from pathlib import Path

import pytest

from methlint.cli import cli
from tests.cli_runner import cli_runner


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_outil" / "a.md").write_text("---\ntitle: Outil\n---\nUn  deux  trois\n", encoding="utf-8")
    (tmp_path / "_outil" / "b.md").write_text("---\ntitle: Autre\n---\nFin  \n", encoding="utf-8")
    (tmp_path / "_outil" / "c.md").write_text("---\ntitle: Propre\n---\nRien.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def fix(*args: str, select: str = "TYP001,TYP002") -> tuple[int, str, str]:
    result = cli_runner().invoke(cli, ["fix", "--select", select, *args, "_outil"])
    return result.exit_code, result.stdout, result.stderr


def test_a_line_per_file_and_a_total(site: Path) -> None:
    assert fix() == (
        0,
        "_outil/a.md: 2 fixes applied\n_outil/b.md: 1 fix applied\n3 fixes applied in 2 files.\n"
        "All good: 3 files checked.\n",
        "",
    )
    assert (site / "_outil" / "a.md").read_text(encoding="utf-8").endswith("Un deux trois\n")


def test_show_fixes_lists_each_edit(site: Path) -> None:
    assert fix("--show-fixes") == (
        0,
        "_outil/a.md:4:3: TYP001 fixed: Replace by one space\n"
        "_outil/a.md:4:9: TYP001 fixed: Replace by one space\n"
        "_outil/b.md:4:4: TYP002 fixed: Remove the trailing whitespace\n"
        "3 fixes applied in 2 files.\n"
        "All good: 3 files checked.\n",
        "",
    )


def test_diff_counts_what_it_would_apply(site: Path) -> None:
    code, _out, err = fix("--diff")
    assert code == 1
    assert err.startswith("_outil/a.md: 2 fixes to apply\n_outil/b.md: 1 fix to apply\n3 fixes to apply in 2 files.\n")


def test_nothing_to_fix(site: Path) -> None:
    assert fix(select="TYP010")[1].startswith("0 fixes applied in 0 files.\n")


def test_french_plurals(site: Path) -> None:
    code, out, _err = fix("--lang", "fr")
    assert code == 0
    assert out.splitlines()[:3] == [
        "_outil/a.md\u00a0: 2 corrections appliquées",
        "_outil/b.md\u00a0: 1 correction appliquée",
        "3 corrections appliquées dans 2 fichiers.",
    ]
    assert fix("--lang", "fr", select="TYP010")[1].startswith("0 correction appliquée dans 0 fichier.\n")
