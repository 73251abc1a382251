"""methlint as a user runs it: a real process, on a real copy of the example site.

Shared by the tests of issue 19 (hostile files, links, FIFOs, output), which must see what a
terminal or a CI job sees: the exit code, the bytes written, nothing mocked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).parent.parent


def environment(**changes: str) -> dict[str, str]:
    """The test's environment (its private cache folder included), English messages, methlint importable."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", **changes}


def methlint(
    cwd: Path | str, *args: str | Path, prefix: Sequence[str] = (), text: bool = True, **env: str
) -> subprocess.CompletedProcess:
    """Run ``methlint ARGS`` in ``cwd`` (``prefix``: a command to run it through, such as setpriv)."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "methlint", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=text,
        env=environment(**env),
        check=False,
        timeout=120,  # a hang fails the test instead of blocking the suite
    )


def copy_of_the_example_site(folder: Path) -> Path:
    """``content/`` (ten documents, `_config.yml`, images) copied to ``folder/site``."""
    root = folder / "site"
    shutil.copytree(ROOT / "content", root)
    return root


def set_value(document: Path, key: str, value: str) -> None:
    """Replace the value of a top-level front-matter key, written on one line."""
    lines = document.read_text(encoding="utf-8").split("\n")
    (index,) = [i for i, line in enumerate(lines) if line.startswith(key + ":")]
    lines[index] = f"{key}: {value}"
    document.write_text("\n".join(lines), encoding="utf-8")
