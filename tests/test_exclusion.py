"""exclude, extend-exclude and .gitignore, as ruff applies them: to the folders walked, not to the
files named (unless --force-exclude); invalid values are positioned errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from methlint.cli import cli
from tests.cli_runner import cli_runner

DOCUMENTS = ("_outil/a.md", "_outil/vendor/v.md", "_outil/drafts/d.md", "_outil/archive/old.md", "_outil/b.old.md")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in DOCUMENTS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("---\ntitle: 1\ncategorie: methode\n---\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def checked(*args: str, config: str | None = None) -> list[str]:
    """The files reported, in order."""
    if config is not None:
        Path("methlint.toml").write_text(config, encoding="utf-8")
    result = cli_runner().invoke(cli, ["check", "--no-cache", "--select", "SCH002", *args])
    assert result.exit_code == 1, result.output
    return [line.split(":")[0] for line in result.stdout.splitlines() if "SCH002 [error]" in line]


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_the_default_exclusions_skip_vendor(folder: Path) -> None:
    assert checked("_outil") == ["_outil/a.md", "_outil/archive/old.md", "_outil/b.old.md", "_outil/drafts/d.md"]


def test_exclude_replaces_the_default_list(folder: Path) -> None:
    assert checked("_outil", config='exclude = ["drafts"]\n') == [
        "_outil/a.md",
        "_outil/archive/old.md",
        "_outil/b.old.md",
        "_outil/vendor/v.md",
    ]


def test_extend_exclude_adds_names_globs_and_paths(folder: Path) -> None:
    config = 'extend-exclude = ["drafts", "*.old.md", "_outil/archive/*"]\n'
    assert checked("_outil", config=config) == ["_outil/a.md"]
    # patterns with a / start at the configuration's folder, whatever folder is walked
    result = cli_runner().invoke(cli, ["check", "--no-cache", "_outil/archive"])
    assert (result.exit_code, result.stdout) == (0, "All good: 0 files checked.\n")


def test_named_files_are_checked_unless_force_exclude(folder: Path) -> None:
    config = 'extend-exclude = ["drafts"]\n'
    assert checked("_outil/drafts/d.md", "_outil/a.md", config=config) == ["_outil/a.md", "_outil/drafts/d.md"]
    assert checked("--force-exclude", "_outil/drafts/d.md", "_outil/a.md") == ["_outil/a.md"]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('exclude = "drafts"\n', "methlint.toml:1:1: exclude must be a list, found the text 'drafts'"),
        # methlint's words, the same whichever jsonschema (4.18 says 'is too short', newer 'should be non-empty')
        ('extend-exclude = ["ok", ""]\n', "methlint.toml:1:25: extend-exclude.1 must not be empty"),
        (
            '\nrespect-gitignore = "no"\n',
            "methlint.toml:2:1: respect-gitignore must be true or false, found the text 'no'",
        ),
        ("extend-excludes = []\n", "methlint.toml:1:1: unknown key 'extend-excludes' in the configuration"),
    ],
)
def test_invalid_exclusions_are_positioned_errors(folder: Path, config: str, message: str) -> None:
    (folder / "methlint.toml").write_text(config, encoding="utf-8")
    result = cli_runner().invoke(cli, ["check", "--no-cache", "_outil"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{folder / message}\n"


def test_gitignore_is_respected_in_a_git_repository(folder: Path) -> None:
    (folder / ".gitignore").write_text("drafts/\n*.old.md\n", encoding="utf-8")
    assert checked("_outil") == ["_outil/a.md", "_outil/archive/old.md", "_outil/b.old.md", "_outil/drafts/d.md"]
    git(folder, "init", "-q")
    assert checked("_outil") == ["_outil/a.md", "_outil/archive/old.md"]
    assert checked("--no-respect-gitignore", "_outil") == checked("_outil", config="respect-gitignore = false\n")
    assert checked("_outil") == ["_outil/a.md", "_outil/archive/old.md", "_outil/b.old.md", "_outil/drafts/d.md"]
    assert checked("--respect-gitignore", "_outil") == ["_outil/a.md", "_outil/archive/old.md"]


def test_gitignore_leaves_out_tracked_files_it_matches_and_reads_info_exclude(folder: Path) -> None:
    git(folder, "init", "-q")
    git(folder, "add", "_outil/archive/old.md")
    (folder / ".gitignore").write_text("archive/\n", encoding="utf-8")
    (folder / ".git" / "info" / "exclude").write_text("_outil/a.md\n", encoding="utf-8")
    assert checked("_outil") == ["_outil/b.old.md", "_outil/drafts/d.md"]
    # a named file is checked, ignored or not; --force-exclude leaves it out
    assert checked("_outil/archive/old.md") == ["_outil/archive/old.md"]
    assert checked("--force-exclude", "_outil/archive/old.md", "_outil/b.old.md") == ["_outil/b.old.md"]


def test_git_failing_is_an_error_that_says_how_to_go_on(folder: Path) -> None:
    (folder / ".git").write_text("gitdir: /nonexistent/repository\n", encoding="utf-8")
    result = cli_runner().invoke(cli, ["check", "--no-cache", "_outil"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"methlint: cannot read what git ignores in {folder.as_posix()} (")
    assert result.stderr.endswith(
        "); run with --no-respect-gitignore or set respect-gitignore = false to check without it\n"
    )
    assert checked("--no-respect-gitignore", "_outil")[0] == "_outil/a.md"
