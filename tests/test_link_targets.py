"""URL002 (a site page that must exist) and URL003 (plain http), both opt-in."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from methlint.config import Config
from methlint.discovery import discover
from methlint.linter import lint_paths

ROOT = Path(__file__).parent.parent


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(ROOT / "content", root)
    (root / "laconsultation.md").write_text("---\ntitle: La consultation\n---\n", encoding="utf-8")
    (root / "guide").mkdir()
    (root / "guide" / "index.html").write_text("<p>guide</p>", encoding="utf-8")
    return root


def found(site: Path, value: str, code: str) -> list[tuple[int, int, str]]:
    doc = site / "_outil" / "panel-citoyen.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("access_link:", f"access_link: {value}"), encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(site)
    try:
        result = lint_paths(list(discover([Path("_outil/panel-citoyen.md")])), Config(select=(code,)), jobs=1)
    finally:
        os.chdir(cwd)
    return [(d.span.line, d.span.column, d.code) for d in result.diagnostics]


@pytest.mark.parametrize(
    "link", ["/laconsultation.html#choisir", "/laconsultation.md", "/guide/", "/guide", "/laconsultation.html?x=1"]
)
def test_existing_site_pages_pass(site: Path, link: str) -> None:
    assert found(site, link, "URL002") == []


@pytest.mark.parametrize("link", ["/la-consultation.html", "/Laconsultation.html", "/../../etc/passwd", "/guide/autre"])
def test_missing_site_pages_are_reported(site: Path, link: str) -> None:
    assert found(site, link, "URL002") == [(10, 14, "URL002")]


def test_external_links_are_not_site_pages(site: Path) -> None:
    assert found(site, "https://exemple.fr/absent.html", "URL002") == []


def test_plain_http_is_a_warning_when_asked(site: Path) -> None:
    assert found(site, "http://www.dailymotion.com/embed/video/x7", "URL003") == [(10, 14, "URL003")]
    assert found(site, "https://www.dailymotion.com/embed/video/x7", "URL003") == []


def test_both_are_off_by_default(site: Path) -> None:
    assert found(site, "http://exemple.fr/x", "URL") == [(10, 14, "URL003")]  # selected explicitly
    doc = site / "_outil" / "jury-citoyen.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("access_link:", "access_link: /absent.html"))
    cwd = os.getcwd()
    os.chdir(site)
    try:
        result = lint_paths(list(discover([Path("_outil/jury-citoyen.md")])), Config(), jobs=1)
    finally:
        os.chdir(cwd)
    assert not [d for d in result.diagnostics if d.code in ("URL002", "URL003")]
