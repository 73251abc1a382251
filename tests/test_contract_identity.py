"""The cross-file rules read the contracts' declarations (x-references, x-asset, x-unique)
instead of hard-coded key names, with the very findings they gave before (issue 21).

tests/fixtures/cross_file_findings.json holds the REF, AST and ORD findings of main before the
change (commit 45c775df), on the vendored real site and on content/, each as laid out and
with the cross-file mistakes :func:`seed` adds. It was recorded by running that commit's
source tree on the same sites:

    python tests/test_contract_identity.py --record SOURCE_TREE_OF_MAIN

and the test runs today's methlint on the same sites: the findings must be the same, code,
path, line, column, end and message.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realsite import lay_out  # noqa: E402

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "fixtures" / "cross_file_findings.json"
CODES = ("REF", "AST", "ORD")
SITES = ("realsite", "realsite-seeded", "content", "content-seeded")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def seed(site: Path, real: bool) -> None:
    """Cross-file mistakes of every kind the rules find: a title a usage names misspelt, a
    method renamed from under its usages, two documents with one ordre in a categorie, the same
    ordre in the other categorie (fine), asset files missing, an asset outside the site."""
    if real:
        _edit(site / "_outil/atelier du futur.md", "ordre: 1", "ordre: 2")
        _edit(site / "_outil/decidim.md", "logo: decidim-logo.svg", "logo: decidim-logo.png")
        _edit(site / "_outil/budget participatif.md", "img-bg: mur-vert.png", "img-bg: ../../etc/passwd")
        _edit(site / "_outil/cap-collectif.md", "Lettre-engagement-Cap-Collectif.jpeg", "nope.pdf")
        _edit(site / "_usage/afb.md", "methodes:\n", "methodes:\n- Le jury citoyn\n")
        _edit(site / "_usage/addiction.md", "screenshot: assembl-bg.jpg", "screenshot: /img/assembl-bg.jpg")
        return
    _edit(site / "_outil/jury-citoyen.md", "ordre: 6", "ordre: 7")
    _edit(site / "_outil/atelier-citoyen.md", "title: L’atelier citoyen", "title: L'atelier citoyen")
    _edit(site / "_outil/panel-citoyen.md", "img-bg: panel-citoyen.jpg", "img-bg: panel.jpg")
    _edit(site / "_outil/parlons-ensemble.md", "lettre-engagement-parlons-ensemble.png", "nope.pdf")
    _edit(site / "_outil/jury-citoyen.md", "img-bg: jury-citoyen.png", "img-bg: ../../etc/passwd")
    _edit(site / "_usage/budget-participatif-quartiers.md", "- Parlons Ensemble", "- Parlons ensemble\n- Decidim")
    _edit(site / "_usage/atelier-mobilites.md", "in_progress: true", "in_progress: true\nordre: 1")


def make_site(kind: str, dest: Path) -> Path:
    if kind.startswith("realsite"):
        site = lay_out(dest / "consultation.gouv.fr")
    else:
        site = dest / "content"
        shutil.copytree(HERE.parent / "content", site)
    if kind.endswith("-seeded"):
        seed(site, kind.startswith("realsite"))
    return site


def cross_file_findings(site: Path, source: Path | None = None) -> list[list[object]]:
    """The REF, AST and ORD findings on ``site`` of methlint (of the tree ``source``, if given)."""
    env = {**os.environ, "LANGUAGE": "en", "LC_ALL": "C.UTF-8"}
    if source is not None:
        env["PYTHONPATH"] = str(source)
    result = subprocess.run(
        [sys.executable, "-m", "methlint", "check", "--no-cache", "-j", "1", "--lang", "en"]
        + ["--output-format", "json", "--select", ",".join(CODES), "."],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return [
        [f["code"], f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["message"]]
        for f in json.loads(result.stdout)
    ]


@pytest.mark.parametrize("kind", SITES)
def test_cross_file_findings_are_those_of_the_hard_coded_rules(kind: str, tmp_path: Path) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))[kind]
    assert cross_file_findings(make_site(kind, tmp_path)) == expected


def test_the_seeded_sites_exercise_every_rule() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for kind in ("realsite-seeded", "content-seeded"):
        codes = {finding[0] for finding in golden[kind]}
        assert {"REF001", "AST001", "AST002", "ORD001"} <= codes, (kind, codes)


def _record(source: Path) -> None:
    import tempfile

    recorded = {}
    for kind in SITES:
        with tempfile.TemporaryDirectory() as folder:
            recorded[kind] = cross_file_findings(make_site(kind, Path(folder)), source)
    GOLDEN.write_text(json.dumps(recorded, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "--record":
        sys.exit("usage: python tests/test_contract_identity.py --record SOURCE_TREE")
    _record(Path(sys.argv[2]).resolve())
