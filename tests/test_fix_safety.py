"""``methlint fix`` never loses data: killed with SIGKILL, run twice at once, or denied a write.

The full-size figures (50 kills on 2,000 files) come from fuzz/kill9_fix.py; see fuzz/README.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from benchmarks.gen_corpus import generate
from methlint import collection, fix
from methlint.cli import cli
from methlint.config import Config
from methlint.discovery import discover
from methlint.fix import fix_paths, write_outcomes
from tests.cli_runner import cli_runner

ROOT = Path(__file__).resolve().parent.parent
KILL9 = ROOT / "fuzz" / "kill9_fix.py"
BROKEN_ORDRE = "---\ntitle: Panel\nordre:2\n---\nCorps\n"
FIXED_ORDRE = "---\ntitle: Panel\nordre: 2\n---\nCorps\n"


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs."""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _fix(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "methlint", "fix", str(folder)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_fix_killed_at_random_moments_leaves_every_file_original_or_fixed():
    run = subprocess.run(
        [sys.executable, str(KILL9), "--runs", "10", "--files", "200", "--seed", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 damaged, 0 missing" in run.stdout
    assert "0 strays discovered" in run.stdout
    # half the kills aim at the write phase: at least one must have landed there
    mid_write = int(re.search(r"(\d+) mid-write", run.stdout).group(1))
    assert mid_write >= 1, run.stdout


def test_two_concurrent_fix_runs_leave_exactly_the_single_run_result(tmp_path):
    generate(60, tmp_path / "original", seed=5)
    shutil.copytree(tmp_path / "original", tmp_path / "reference")
    single = _fix(tmp_path / "reference")
    single.communicate(timeout=300)
    reference = _snapshot(tmp_path / "reference")
    assert reference != _snapshot(tmp_path / "original")
    for repetition in range(3):
        tree = tmp_path / f"run-{repetition}"
        shutil.copytree(tmp_path / "original", tree)
        first, second = _fix(tree), _fix(tree)
        outputs = [first.communicate(timeout=300), second.communicate(timeout=300)]
        assert {first.returncode, second.returncode} <= {0, 1}
        for stdout, stderr in outputs:
            assert b"Traceback" not in stdout + stderr
        assert _snapshot(tree) == reference  # every file fixed once, no mix, no temporary file


def test_a_file_that_changed_on_disk_after_reading_is_refused_not_overwritten(tmp_path):
    path = tmp_path / "_outil" / "doc.md"
    path.parent.mkdir()
    path.write_text(BROKEN_ORDRE)
    run = fix_paths(discover([path]), Config())
    path.write_text(FIXED_ORDRE + "Ajout\n")  # another fix run, or an editor, saved it meanwhile
    write_outcomes(run)
    assert run.files[0].write_error == "the file changed on disk while it was being fixed"
    assert path.read_text() == FIXED_ORDRE + "Ajout\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in read-only folders")
def test_read_only_folder_is_reported_not_crashed_on(tmp_path):
    path = tmp_path / "_outil" / "doc.md"
    path.parent.mkdir()
    path.write_text(BROKEN_ORDRE)
    path.parent.chmod(0o555)
    try:
        run = fix_paths(discover([path]), Config())
        write_outcomes(run)
    finally:
        path.parent.chmod(0o755)
    assert run.files[0].write_error == "Permission denied"
    assert path.read_text() == BROKEN_ORDRE
    assert os.listdir(path.parent) == ["doc.md"]


def test_read_only_folder_is_reported_by_the_command_even_as_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("_outil").mkdir()
    Path("_outil/doc.md").write_text(BROKEN_ORDRE)

    def no_temporary_file(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", no_temporary_file)
    result = cli_runner().invoke(cli, ["fix", "--select", "YML", "_outil"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "_outil/doc.md: not written: Permission denied" in result.output
    assert Path("_outil/doc.md").read_text() == BROKEN_ORDRE


def test_temporary_files_are_hidden_and_never_discovered(tmp_path, monkeypatch):
    path = tmp_path / "_outil" / "doc.md"
    path.parent.mkdir()
    path.write_text(BROKEN_ORDRE)
    left_behind = []

    def killed_before_replace(source, destination):
        left_behind.append(Path(source))  # as if SIGKILL struck here: the file stays
        raise Killed

    monkeypatch.setattr(os, "replace", killed_before_replace)
    monkeypatch.setattr(os, "unlink", lambda path: None)
    with pytest.raises(Killed):
        fix.write_atomic(path, FIXED_ORDRE.encode(), BROKEN_ORDRE.encode(), None)
    monkeypatch.undo()
    (temporary,) = left_behind
    assert temporary.exists() and temporary.name.startswith(".") and not temporary.name.endswith(".md")
    assert [t.fs_path for t in discover([tmp_path])] == [path]
    assert path.read_text() == BROKEN_ORDRE


def test_fix_reads_each_document_a_bounded_number_of_times(tmp_path, monkeypatch):
    for index in range(20):
        (tmp_path / "_outil").mkdir(exist_ok=True)
        (tmp_path / "_outil" / f"doc-{index}.md").write_text(BROKEN_ORDRE.replace("2", str(index)))
    reads = []
    real_read = collection.read_document
    monkeypatch.setattr(collection, "read_document", lambda *a, **k: reads.append(a[0]) or real_read(*a, **k))
    run = fix_paths(discover([tmp_path / "_outil"]), Config())
    assert all(outcome.changed for outcome in run.files)
    assert len(reads) <= 20  # the index reads each sibling once per run, not once per round and file


def test_fix_does_not_hang_on_a_fifo_named_like_a_document(tmp_path: Path) -> None:
    import os as _os

    from methlint.config import Config as _Config
    from methlint.discovery import Target as _Target
    from methlint.fix import fix_paths as _fix_paths

    (tmp_path / "_outil").mkdir()
    fifo = tmp_path / "_outil" / "tube.md"
    _os.mkfifo(fifo)
    run = _fix_paths([_Target(fifo, "_outil/tube.md")], _Config(root=tmp_path), jobs=1)
    (outcome,) = run.files
    assert not outcome.changed
    assert [(d.code, d.message) for d in outcome.remaining] == [
        ("FM010", "cannot read the file: it is not a regular file")
    ]
