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
