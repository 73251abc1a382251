"""The newest CI job runs the suite in shards side by side (.ci/shard.py): every test file in
exactly one shard, none empty."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shard(index: int, count: int) -> list[str]:
    done = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "shard.py"), str(index), str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_every_test_file_is_in_exactly_one_shard() -> None:
    files = sorted(str(path) for path in (ROOT / "tests").glob("test_*.py"))
    shards = [shard(index, 2) for index in (1, 2)]
    assert all(shards) and sorted(shards[0] + shards[1]) == files
    assert Path(__file__).resolve().as_posix() in shards[0] + shards[1]


def test_a_shard_outside_the_count_is_refused() -> None:
    done = subprocess.run([sys.executable, str(ROOT / ".ci" / "shard.py"), "3", "2"], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (1, "shard 3 of 2: choose 1 to 2\n")
