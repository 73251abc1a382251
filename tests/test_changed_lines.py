"""Changed lines since a git ref, as the --diff-base mode sees them."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from methlint.changed_lines import GitError, Repository, parse_unified_diff

DIFF = """\
diff --git a/_outil/a.md b/_outil/a.md
--- a/_outil/a.md
+++ b/_outil/a.md
@@ -3 +3 @@ title: x
-ordre: 1
+ordre: 2
@@ -10,0 +11,2 @@
+une ligne
+une autre
diff --git a/_outil/gone.md b/_outil/gone.md
--- a/_outil/gone.md
+++ /dev/null
@@ -1,2 +0,0 @@
-a
-b
"""


def test_parse_unified_diff_keeps_new_side_lines() -> None:
    assert parse_unified_diff(DIFF) == {"_outil/a.md": {3, 11, 12}}


def test_names_with_spaces_and_accents_are_read_as_git_writes_them() -> None:
    diff = (
        "+++ b/_outil/atelier de prospective.md\t\n@@ -42,0 +43 @@\n+x\n"
        '+++ "b/_outil/r\\303\\251f\\303\\251rence \\"\\303\\251\\".md"\t\n@@ -3 +3,2 @@\n+y\n+z\n'
    )
    assert parse_unified_diff(diff) == {"_outil/atelier de prospective.md": {43}, '_outil/référence "é".md': {3, 4}}


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_changed_lines_in_a_repository(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "t@example.org")
    git(tmp_path, "config", "user.name", "t")
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_outil" / "a.md").write_text("---\ntitle: x\nordre: 1\n---\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    (tmp_path / "_outil" / "a.md").write_text("---\ntitle: x\nordre: 2\n---\n", encoding="utf-8")
    (tmp_path / "_outil" / "b.md").write_text("---\n---\n", encoding="utf-8")
    repository = Repository.around(tmp_path / "_outil")  # found from a folder inside it
    changes = repository.changed_lines(repository.change_base("HEAD"))
    a, b = (os.path.realpath(tmp_path / "_outil" / name) for name in ("a.md", "b.md"))
    assert changes.lines == {a: {3}}
    assert changes.whole_files == {b}
    assert changes.touches(a, 3) and not changes.touches(a, 2) and changes.touches(b, 1)


def test_unknown_base_is_a_git_error(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    with pytest.raises(GitError, match="no such commit"):
        Repository.around(tmp_path).change_base("no-such-ref")


def test_outside_a_repository_is_a_git_error(tmp_path: Path) -> None:
    with pytest.raises(GitError):
        Repository.around(tmp_path)


def committed(tmp_path: Path, files: dict[str, bytes]) -> Repository:
    tmp_path.mkdir(exist_ok=True)
    git(tmp_path, "init", "-q")
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "base")
    return Repository.around(tmp_path)


def test_blobs_are_read_by_one_process_with_spaces_and_missing_ones(tmp_path: Path) -> None:
    repository = committed(tmp_path, {"_outil/atelier de prospective.md": b"a\nb\n", "x.md": b""})
    (tmp_path / "x.md").write_bytes(b"staged\n")
    git(tmp_path, "add", "x.md")
    assert repository.blobs("HEAD:_outil/atelier de prospective.md", "HEAD:absent.md", "HEAD:x.md", ":x.md") == [
        b"a\nb\n",
        None,
        b"",
        b"staged\n",
    ]


def test_a_folder_is_laid_out_as_it_was_large_blobs_as_empty_files(tmp_path: Path, monkeypatch) -> None:
    from methlint import changed_lines

    repository = committed(
        tmp_path / "repository",
        {"site/_outil/a.md": b"---\ntitle: a\n---\n", "site/img/big.png": b"x" * 100, "other/b.md": b"b"},
    )
    os.symlink("_outil/a.md", tmp_path / "repository" / "site" / "lien.md")
    git(tmp_path / "repository", "add", "-A")
    git(tmp_path / "repository", "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "link")
    (tmp_path / "repository" / "site" / "_outil" / "a.md").write_text("changed since\n", encoding="utf-8")
    monkeypatch.setattr(changed_lines, "LARGEST_BLOB_COPIED", 50)
    laid = repository.lay_out("HEAD", tmp_path / "repository" / "site", tmp_path / "scratch")
    assert laid == tmp_path / "scratch" / "site"
    assert (laid / "_outil" / "a.md").read_bytes() == b"---\ntitle: a\n---\n"
    assert (laid / "img" / "big.png").read_bytes() == b""  # only its name matters to the rules
    assert os.readlink(laid / "lien.md") == "_outil/a.md"
    assert not (tmp_path / "scratch" / "other").exists()  # only the folder asked for
