"""The vendored real site (tests/fixtures/realsite), laid out as a working copy for end-to-end tests."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

VENDORED = Path(__file__).resolve().parent / "fixtures" / "realsite" / "consultation.gouv.fr"
ASSETS_LIST = "ASSETS.tsv"


def lay_out(dest: Path) -> Path:
    """Copy the site to ``dest`` with a placeholder for every binary file ASSETS.tsv lists.

    The list itself is not part of the working copy, as it is not part of the real one.
    """
    shutil.copytree(VENDORED, dest, ignore=shutil.ignore_patterns(ASSETS_LIST))
    for path in dest.rglob("*"):
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    for line in (VENDORED / ASSETS_LIST).read_text(encoding="utf-8").splitlines()[1:]:
        _size, relative = line.split("\t", 1)
        asset = dest / relative
        asset.parent.mkdir(parents=True, exist_ok=True)
        asset.write_text("placeholder\n", encoding="utf-8")
    return dest
