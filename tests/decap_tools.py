"""Decap CMS, Node and Chromium for the tests that run the real thing (tests/test_cms_decap.py).

The npm packages of tests/decap/package.json (versions pinned) are installed once into a cache
folder outside the repository: ``$METHLINT_NODE_CACHE``, else ``~/.cache/methlint-node``, in a
subfolder named by the package list's hash. Without Node, npm or Chromium the tests are skipped
with the reason; with ``METHLINT_REQUIRE_NODE=1`` (CI) they fail instead.

``python3 tests/decap_tools.py`` installs them ahead of the tests (.ci/run does).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

PACKAGES = Path(__file__).parent / "decap" / "package.json"
SCRIPTS = Path(__file__).parent / "decap"


def unavailable(reason: str) -> NoReturn:
    if __name__ == "__main__":
        raise SystemExit(reason)
    import pytest  # imported here: installing ahead (python3 tests/decap_tools.py) runs without it

    if os.environ.get("METHLINT_REQUIRE_NODE"):
        pytest.fail(f"{reason} (METHLINT_REQUIRE_NODE is set)")
    pytest.skip(reason)


def node() -> str:
    found = shutil.which("node")
    if found is None:
        unavailable("Node.js is not installed: the Decap CMS tests need node and npm")
    return str(found)


def cache_folder() -> Path:
    base = os.environ.get("METHLINT_NODE_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "methlint-node")
    digest = hashlib.sha256(PACKAGES.read_bytes()).hexdigest()[:12]
    return Path(base) / digest


def node_modules() -> Path:
    """The installed packages (installing them the first time, under a lock)."""
    node()
    npm = shutil.which("npm")
    if npm is None:
        unavailable("npm is not installed: the Decap CMS tests need it to install Decap CMS")
    folder = cache_folder()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "node_modules" / ".package-lock.json").is_file():
            shutil.copyfile(PACKAGES, folder / "package.json")
            done = subprocess.run(
                [npm, "install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"],
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            if done.returncode != 0:
                unavailable(f"npm install of tests/decap/package.json failed: {done.stderr.strip()[-500:]}")
    return folder / "node_modules"


def chromium() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        unavailable("Chromium is not installed (Debian: apt-get install chromium): the admin page test needs it")
    return str(found)


if __name__ == "__main__":
    print(f"Decap CMS packages: {node_modules()}")
    print(f"Chromium: {chromium()}")
