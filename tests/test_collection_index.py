from pathlib import Path

import pytest

from methlint import collection as collection_module
from methlint.collection import Collection
from methlint.config import Config
from tests.collection_tree import check, make_site, method


def test_each_file_is_read_once_when_siblings_are_also_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_site(tmp_path, {f"_outil/{n}.md": method(n, 1) for n in "abc"})
    reads: list[str] = []
    real = collection_module.read_document
    monkeypatch.setattr(collection_module, "read_document", lambda p, *a, **k: reads.append(p.name) or real(p, *a, **k))
    assert len(check(tmp_path, "_outil", select=("ORD001",))) == 3
    assert sorted(reads) == ["a.md", "b.md", "c.md"]


def test_site_root_is_the_nearest_config_else_the_collection_parent(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "bare").mkdir()
    make_site(tmp_path / "site", {"_outil/a.md": method()})
    make_site(tmp_path / "bare", {"_usage/deep/u.md": "x"}, config=False)
    index = Collection(Config())
    assert index.site_root(tmp_path / "site/_outil/a.md") == tmp_path / "site"
    assert index.site_root(tmp_path / "bare/_usage/deep/u.md") == tmp_path / "bare"
    assert index.collection_folder(tmp_path / "bare/_usage/deep/u.md") == tmp_path / "bare/_usage"
    assert index.site_root(tmp_path / "elsewhere.md") is None
