"""A folder methlint cannot read is reported (FM010 at the folder, 1:1), never skipped silently.

Permissions mean nothing to root, so when the suite runs as root the command runs as the
unprivileged user ``nobody`` (uid 65534, through ``setpriv``) on a copy of the site readable by everyone: the
folder is then really unreadable, as it is for an editor.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.methlint_process import copy_of_the_example_site, environment, methlint

NOBODY = 65534


def _as_an_editor() -> list[str]:
    """The command prefix that drops root's privileges (setpriv, from util-linux)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: no folder is unreadable to root")
    prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    probe = [*prefix, sys.executable, "-c", "import methlint.cli"]
    if subprocess.run(probe, env=environment(), capture_output=True, check=False, timeout=60).returncode != 0:
        pytest.skip("this interpreter's packages cannot be read by an unprivileged user")
    return prefix


def run_as_an_editor(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return methlint(cwd, *args, prefix=_as_an_editor())


@pytest.fixture
def site() -> Iterator[Path]:
    """A copy of the example site that another user can read (pytest's tmp_path is private)."""
    scratch = Path(tempfile.mkdtemp(prefix="methlint-unreadable-"))
    scratch.chmod(0o755)
    root = copy_of_the_example_site(scratch)
    try:
        yield root
    finally:
        for folder, dirnames, _files in os.walk(scratch):
            for name in dirnames:
                os.chmod(os.path.join(folder, name), 0o755)
        shutil.rmtree(scratch)


def _unreadable(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "cache.md").write_text("---\ntitle: x\nordre:2\n---\n")
    folder.chmod(0)
    return folder


def test_an_unreadable_collection_subfolder_is_reported(site):
    """The issue's case: the run said 'All good' and checked nothing in the folder."""
    _unreadable(site / "_outil" / "archives")
    found = run_as_an_editor(site, "check", "--no-cache", ".")
    assert found.returncode == 1, found.stderr
    reason = "cannot read the folder: Permission denied; the documents in it are not checked"
    assert f"_outil/archives:1:1: FM010 [error] {reason}" in found.stdout
    assert "All good" not in found.stdout


def test_an_unreadable_folder_named_on_the_command_line_is_a_usage_error(site):
    """Named by the user, the path itself is wrong: click refuses it before any check (exit 2)."""
    _unreadable(site / "_usage")
    found = run_as_an_editor(site, "check", "--no-cache", "_usage")
    assert found.returncode == 2
    # click's own words: 'not readable' since 8.2, 'not executable' (the x bit it checks first) in 8.1
    assert "Path '_usage' is not readable" in found.stderr or "Path '_usage' is not executable" in found.stderr


def test_a_folder_that_can_be_entered_but_not_listed_is_reported(site):
    """Mode 0300 (write and search, no read): its names cannot be listed."""
    folder = _unreadable(site / "_outil" / "depot")
    folder.chmod(0o300)
    found = run_as_an_editor(site, "check", "--no-cache", ".")
    assert "_outil/depot:1:1: FM010 [error] cannot read the folder: Permission denied" in found.stdout
    assert found.returncode == 1


def test_an_unreadable_folder_outside_the_collections_is_reported(site):
    """Pages can live in any folder of the site: a folder that cannot be listed may hold some."""
    _unreadable(site / "pages")
    found = run_as_an_editor(site, "check", "--no-cache", ".")
    assert "pages:1:1: FM010 [error] cannot read the folder" in found.stdout
    assert found.returncode == 1


def test_an_unreadable_folder_is_reported_with_the_cache_on_every_run(site):
    _unreadable(site / "_outil" / "archives")
    first, second = run_as_an_editor(site, "check", "."), run_as_an_editor(site, "check", ".")
    assert "_outil/archives:1:1: FM010" in first.stdout
    assert second.stdout == first.stdout and second.returncode == 1


def test_an_unreadable_folder_the_site_excludes_is_not_reported(site):
    """Jekyll never reads an excluded folder: neither does methlint, readable or not."""
    config = site / "_config.yml"
    config.write_text(config.read_text() + "\nexclude:\n  - brouillons\n")
    _unreadable(site / "brouillons")
    found = run_as_an_editor(site, "check", "--no-cache", ".")
    assert "brouillons" not in found.stdout
    assert found.returncode == 0, found.stdout
