"""The results cache: a re-run reuses findings, and every change that matters is seen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def run(cwd: Path, *args: str, lang: str = "C") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": lang, "LANGUAGE": "", "LC_ALL": ""}
    return subprocess.run(
        [sys.executable, "-m", "methlint", "check", "--output-format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(ROOT / "content", root)
    shutil.copy(ROOT / "tests" / "fixtures" / "seeds" / "atelier-citoyen.md", root / "_outil" / "seed.md")
    return root


def same_as_uncached(cwd: Path) -> list[dict]:
    cached, fresh = run(cwd, "."), run(cwd, "--no-cache", ".")
    assert cached.returncode == fresh.returncode and cached.stdout == fresh.stdout
    return json.loads(cached.stdout)


def cache_file(site: Path) -> Path:
    (found,) = (site / ".methlint_cache").glob("results-*.json")
    return found


def test_a_rerun_reuses_the_findings_and_gives_the_same_output(site: Path) -> None:
    first = run(site, ".")
    assert (site / ".methlint_cache" / "CACHEDIR.TAG").is_file()
    assert (site / ".methlint_cache" / ".gitignore").read_text().endswith("*\n")
    stamp = cache_file(site).stat().st_mtime_ns
    second = run(site, ".")
    assert second.stdout == first.stdout and json.loads(second.stdout)
    assert cache_file(site).stat().st_mtime_ns == stamp  # nothing changed: nothing written


def test_an_edited_body_is_checked_again(site: Path) -> None:
    run(site, ".")
    doc = site / "_outil" / "panel-citoyen.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "Une ligne  avec deux espaces.\n", encoding="utf-8")
    found = same_as_uncached(site)
    assert any(d["path"] == "_outil/panel-citoyen.md" and d["code"] == "TYP001" for d in found)


def test_an_ordre_changed_elsewhere_reaches_the_unchanged_documents(site: Path) -> None:
    run(site, ".")
    doc = site / "_outil" / "jury-citoyen.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("ordre: 6", "ordre: 2"), encoding="utf-8")
    found = same_as_uncached(site)
    clashing = {d["path"] for d in found if d["code"] == "ORD001"}
    assert {"_outil/jury-citoyen.md", "_outil/panel-citoyen.md"} <= clashing


def test_a_new_image_is_seen(site: Path) -> None:
    (site / "img" / "jury-citoyen.png").unlink()
    assert any(d["code"] == "AST001" for d in json.loads(run(site, ".").stdout))
    (site / "img" / "jury-citoyen.png").write_bytes(b"x")
    assert not any(d["code"] == "AST001" for d in same_as_uncached(site))


def test_a_changed_site_config_is_seen(site: Path) -> None:
    run(site, ".")
    (site / "_config.yml").write_text("title: [pas fermé\n", encoding="utf-8")
    assert any(d["code"] == "JEK001" for d in same_as_uncached(site))


def test_the_language_is_part_of_the_key(site: Path) -> None:
    english = run(site, ".")
    french = run(site, ".", lang="fr_FR.UTF-8")
    assert english.stdout != french.stdout
    assert "espaces en fin de ligne" in french.stdout


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: text.replace("TYP002", "TYP001", 1),  # altered: the checksum no longer matches
        lambda text: "not json at all",
        lambda text: json.dumps({"format": 1, "checksum": "x", "payload": []}),
    ],
)
def test_a_damaged_cache_is_ignored_never_trusted(site: Path, damage) -> None:
    first = run(site, ".")
    path = cache_file(site)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    again = run(site, ".")
    assert again.returncode == first.returncode and again.stdout == first.stdout
    assert "Traceback" not in again.stderr


def test_no_cache_neither_reads_nor_writes(site: Path) -> None:
    run(site, "--no-cache", ".")
    assert not (site / ".methlint_cache").exists()


def test_the_cache_folder_is_never_checked_as_documents(site: Path) -> None:
    run(site, ".")
    (site / ".methlint_cache" / "piège.md").write_text("pas de front matter", encoding="utf-8")
    assert not any(".methlint_cache" in d["path"] for d in json.loads(run(site, ".").stdout))


def test_a_fifo_in_a_collection_does_not_hang_the_cached_run(site: Path) -> None:
    os.mkfifo(site / "_outil" / "tube.md")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C"}
    done = subprocess.run(
        [sys.executable, "-m", "methlint", "check", "--output-format", "json", "."],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert ("_outil/tube.md", "FM010") in {(d["path"], d["code"]) for d in json.loads(done.stdout)}
