"""fuzz/kill9_fix.py works: it passes an atomic fixer, catches an in-place one, refuses a
fixer that changes nothing. Its run against `methlint fix` is in test_fix_safety.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parent.parent / "fuzz" / "kill9_fix.py"


def _run(fix_cmd: str, runs: int = 5) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--tree", "seeds", "--fix-cmd", fix_cmd, "--runs", str(runs), "--files", "40"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_atomic_demo_fixer_killed_at_random_leaves_no_damage():
    run = _run(f"{sys.executable} {SCRIPT} --demo-fixer atomic")
    assert run.returncode == 0, run.stderr
    assert "0 damaged, 0 missing" in run.stdout


def test_in_place_demo_fixer_killed_while_writing_is_caught():
    run = _run(f"{sys.executable} {SCRIPT} --demo-fixer in-place", runs=10)
    assert run.returncode == 1
    assert "is neither original nor fixed" in run.stderr


def test_a_fixer_that_changes_nothing_is_refused():
    run = _run(f"{sys.executable} -c pass")
    assert run.returncode == 2
    assert "the fixer changed nothing" in run.stderr
