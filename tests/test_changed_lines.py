"""Changed lines since a git ref, as the --diff-base mode sees them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from methlint.changed_lines import GitError, changed_lines, parse_unified_diff

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
    changes = changed_lines("HEAD", tmp_path / "_outil")
    assert changes.lines == {"a.md": {3}}
    assert changes.whole_files == {"b.md"}
    assert changes.touches("a.md", 3) and not changes.touches("a.md", 2) and changes.touches("b.md", 1)


def test_unknown_base_is_a_git_error(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    with pytest.raises(GitError):
        changed_lines("no-such-ref", tmp_path)
