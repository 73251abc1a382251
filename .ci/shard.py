"""Print the test files of one shard of the suite, for .ci/run: ``python3 .ci/shard.py K N``.

The newest job runs every test in N pytest processes side by side, so that a machine's cores
are used while many tests wait on the methlint, git and pre-commit processes they start. The
files go round-robin in name order, each exactly once across the shards; every shard runs
the same conftest and markers, and .ci/run checks that each one collects tests.
"""

from __future__ import annotations

import sys
from pathlib import Path


def shard(index: int, count: int, tests: Path) -> list[str]:
    files = sorted(str(path) for path in tests.glob("test_*.py"))
    return files[index - 1 :: count]


if __name__ == "__main__":
    index, count = int(sys.argv[1]), int(sys.argv[2])
    if not 1 <= index <= count:
        sys.exit(f"shard {index} of {count}: choose 1 to {count}")
    print("\n".join(shard(index, count, Path(__file__).resolve().parent.parent / "tests")))
