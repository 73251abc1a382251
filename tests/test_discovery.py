"""Discovery: which files are documents, in which order, and how their paths are shown."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from methlint.discovery import discover, display_path


@pytest.fixture
def discovery_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for relative in [
        "_outil/b.md",
        "_outil/a-b.md",
        "_outil/a/z.md",
        "_outil/notes.txt",
        "_outil/_site/built.md",
        "_outil/.cache/hidden.md",
        "excluded/page.md",
        "page.md",
        "README.md",
    ]:
        path = site / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\ntitle: x\n---\n" if relative != "README.md" else "# Lisez-moi\n", encoding="utf-8")
    (site / "_config.yml").write_text("collections:\n  outil:\n    output: true\nexclude:\n  - excluded\n")
    (site / "_outil" / "folder.md").mkdir()  # named like a document: reported, not skipped
    return site


def test_a_folder_gives_its_documents_in_path_order(discovery_site: Path) -> None:
    shown = [t.display for t in discover([discovery_site], cwd=discovery_site)]
    # by path components: '_outil/a/z.md' before '_outil/a-b.md' although '/' > '-' as text
    assert shown == ["_outil/a/z.md", "_outil/a-b.md", "_outil/b.md", "_outil/folder.md", "page.md"]


@pytest.mark.parametrize("where", ["site", "parent", "inside", "elsewhere"])
def test_each_path_is_shown_as_display_path_shows_it(discovery_site: Path, where: str, monkeypatch) -> None:
    cwd = {
        "site": discovery_site,
        "parent": discovery_site.parent,
        "inside": discovery_site / "_outil",
        "elsewhere": discovery_site.parent / "elsewhere",
    }[where]
    cwd.mkdir(exist_ok=True)
    monkeypatch.chdir(cwd)
    for given in (discovery_site, Path(os.path.relpath(discovery_site, cwd))):
        targets = list(discover([given]))
        assert [t.display for t in targets] == [display_path(t.fs_path, cwd) for t in targets]
        assert all(t.fs_path.is_relative_to(given) and t.fs_path.exists() for t in targets)  # as given, below it


def test_a_file_named_twice_is_checked_once(discovery_site: Path) -> None:
    page = discovery_site / "page.md"
    targets = list(discover([page, discovery_site, page], cwd=discovery_site))
    assert [t.display for t in targets].count("page.md") == 1
