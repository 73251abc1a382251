"""The command line contracts integrations rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from methlint.cli import cli
from tests.cli_runner import cli_runner

ROOT = Path(__file__).parent.parent
OUTPUT_SCHEMA = json.loads((ROOT / "schemas" / "output.schema.json").read_text(encoding="utf-8"))
GOOD = (ROOT / "content" / "_outil" / "panel-citoyen.md").read_text(encoding="utf-8")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "methlint", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


def make_tree(tmp_path: Path, files: dict[str, str]) -> Path:
    """Documents, plus the image they name beside each collection folder (so AST001 stays quiet)."""
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        (path.parent.parent / "img").mkdir(exist_ok=True)
        (path.parent.parent / "img" / "panel-citoyen.jpg").write_bytes(b"\xff\xd8\xff\xd9")
    return tmp_path


def test_clean_documents_exit_0(tmp_path: Path) -> None:
    make_tree(tmp_path, {"_outil/a.md": GOOD})
    result = cli_runner().invoke(cli, ["check", str(tmp_path / "_outil")])
    assert result.exit_code == 0, result.output
    assert result.output == "All good: 1 file checked.\n"


def test_findings_exit_1_with_path_line_column_code(tmp_path: Path, monkeypatch) -> None:
    make_tree(tmp_path, {"_outil/a.md": GOOD.replace("ordre: 2", "ordre:2")})
    monkeypatch.chdir(tmp_path)
    result = cli_runner().invoke(cli, ["check", "_outil"])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first == "_outil/a.md:29:1: YML003 [error] no space after the colon of 'ordre': write 'ordre: 2' [*]"


def test_informational_findings_do_not_fail_the_run(tmp_path: Path) -> None:
    make_tree(tmp_path, {"notes/a.md": GOOD})
    result = cli_runner().invoke(cli, ["check", str(tmp_path / "notes")])
    assert result.exit_code == 0
    assert "SCH007" in result.output


def test_paths_are_relative_to_the_current_directory_when_below_it(tmp_path: Path, monkeypatch) -> None:
    make_tree(tmp_path, {"site/_outil/a.md": GOOD.replace("ordre: 2", "ordre: 0")})
    monkeypatch.chdir(tmp_path / "site")
    absolute = cli_runner().invoke(cli, ["check", "--output-format", "json", str(tmp_path / "site")])
    assert [d["path"] for d in json.loads(absolute.stdout)] == ["_outil/a.md"]
    monkeypatch.chdir(tmp_path / "site" / "_outil")
    above = cli_runner().invoke(cli, ["check", "--output-format", "json", "../../site/_outil/a.md"])
    assert [d["path"] for d in json.loads(above.stdout)] == ["a.md"]


def test_json_output_is_only_a_json_array_matching_the_shipped_schema(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        {
            "_outil/a.md": GOOD.replace("ordre: 2", "ordre: zéro").replace("title:", "titre:"),
            "_outil/b.md": "\ufeff" + GOOD,
        },
    )
    result = run("check", "--output-format", "json", str(tmp_path))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    jsonschema.validate(data, OUTPUT_SCHEMA)
    assert {d["code"] for d in data} >= {"SCH001", "SCH002", "SCH005", "FM003"}
    assert all(
        set(d)
        == {"path", "line", "column", "end_line", "end_column", "code", "severity", "message", "fixable", "visible"}
        for d in data
    )
    assert "errors" in result.stderr  # the summary goes to stderr


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    make_tree(tmp_path, {"_outil/a.md": GOOD.replace("categorie: methode", "categorie: méthode")})
    (diag,) = json.loads(run("check", "--output-format", "json", str(tmp_path)).stdout)
    assert (diag["line"], diag["column"], diag["end_column"]) == (4, 12, 19)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("check", str(tmp_path / "does-not-exist")).returncode == 2
    assert run("check", "--output-format", "yaml", str(tmp_path)).returncode == 2
    assert run("nonsense").returncode == 2


def test_no_path_checks_the_content_folder(tmp_path: Path) -> None:
    make_tree(tmp_path, {"content/_outil/a.md": GOOD})
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "All good: 1 file checked.\n"


def test_no_path_and_no_content_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "content folder" in result.stderr


def test_select_and_ignore(tmp_path: Path) -> None:
    make_tree(tmp_path, {"_outil/a.md": GOOD.replace("ordre: 2", "ordre: 0").replace("title:", "titre:")})

    def codes(*args: str) -> set[str]:
        output = run("check", "--output-format", "json", *args, str(tmp_path)).stdout
        return {d["code"] for d in json.loads(output)}

    assert codes() == {"SCH001", "SCH005", "SCH006"}
    assert codes("--select", "SCH005") == {"SCH005"}
    assert codes("--ignore", "SCH00") == set()
    assert codes("--select", "SCH", "--ignore", "SCH001,SCH005") == {"SCH006"}


def test_python_dash_m_and_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("methlint, version ")


@pytest.mark.parametrize(
    "name",
    [
        "budget-participatif",
        "panel-citoyen",
        "consultation-en-ligne",
        "atelier-de-prospective",
        "jury-citoyen",
        "parlons-ensemble",
    ],
)
def test_the_projects_own_documents_are_clean(name: str) -> None:
    result = run("check", "--no-cache", f"content/_outil/{name}.md")  # no cache written in the source tree
    assert result.returncode == 0, result.stdout


def test_fix_reports_a_fix_its_verification_refused_and_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    # YAML 1.1 and 1.2 read the tab before ': ' differently, so quoting this value cannot be verified
    source = "---\ntitle\t: a : b\nordre: 1\n---\nTexte.\n"
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_outil" / "a.md").write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    unsafe = cli_runner().invoke(cli, ["fix", "--unsafe-fixes", "_outil/a.md"])
    assert unsafe.exit_code == 1  # a finding remains; no internal error
    assert unsafe.output.splitlines()[0] == (
        "_outil/a.md:2:1: YML005 not fixed: the fixed text failed verification"
        " (the new value at title is not the same text in YAML 1.1 and 1.2); fix it by hand"
    )
    safe = cli_runner().invoke(cli, ["fix", "_outil/a.md"])
    assert safe.exit_code == 1
    assert safe.output.splitlines()[0] == (
        "_outil/a.md:2:1: YML005 not fixed: it gives the document a title; run with --unsafe-fixes to apply it"
    )
    assert (tmp_path / "_outil" / "a.md").read_text(encoding="utf-8") == source
