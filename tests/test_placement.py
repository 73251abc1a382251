"""Where a document is, and so which schema it follows: decided from its absolute location only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from methlint.collection import Collection
from methlint.config import CollectionRule, Config
from methlint.document import read_document
from methlint.placement import place, site_collection_folders
from methlint.schemas import kind_for

TOOL = "---\ntitle: Decidim\ncategorie: outil\n---\n"
SITE_CONFIG = "collections:\n  outil:\n    output: true\n  usage:\n    output: true\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def kind(path: Path, config: Config) -> str | None:
    return kind_for(read_document(path, path.name), config)


@pytest.mark.parametrize("cwd", ["site", "_outil", "elsewhere"])
def test_the_schema_comes_from_the_file_not_from_the_current_folder(tmp_path: Path, cwd: str, monkeypatch) -> None:
    site = write(tmp_path / "site", {"_config.yml": SITE_CONFIG, "_outil/decidim.md": TOOL})
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir({"site": site, "_outil": site / "_outil", "elsewhere": tmp_path / "elsewhere"}[cwd])
    document = site / "_outil" / "decidim.md"
    for given in (document, Path(os.path.relpath(document)), Path(os.path.relpath(document)).absolute()):
        assert kind(given, Config()) == "tool"


def test_a_folder_named_like_a_collection_above_the_site_does_not_count(tmp_path: Path) -> None:
    site = write(tmp_path / "_usage" / "site", {"_config.yml": SITE_CONFIG, "pages/apropos.md": TOOL})
    assert kind(site / "pages" / "apropos.md", Config()) is None
    assert place(site / "pages" / "apropos.md", Config()).collection is None


def test_without_a_site_or_a_configuration_the_absolute_path_is_matched(tmp_path: Path) -> None:
    bare = write(tmp_path / "bare", {"_outil/decidim.md": TOOL})
    where = place(bare / "_outil" / "decidim.md", Config())
    assert (where.site_root, where.collection_folder, where.root) == (None, bare / "_outil", bare)
    assert kind(bare / "_outil" / "decidim.md", Config()) == "tool"


def test_a_glob_is_matched_below_the_configuration_above_the_site(tmp_path: Path) -> None:
    """methlint.toml at the repository root, the site in content/: ``content/_outil`` names its folder."""
    repository = write(tmp_path, {"methlint.toml": "", "content/_config.yml": "", "content/_outil/decidim.md": TOOL})
    rules = (CollectionRule("content/_outil", "usage"),)
    config = Config(root=repository, source=repository / "methlint.toml", collections=rules)
    where = place(repository / "content" / "_outil" / "decidim.md", config)
    assert (where.site_root, where.collection_folder) == (repository / "content", repository / "content" / "_outil")
    assert kind(repository / "content" / "_outil" / "decidim.md", config) == "usage"
    # the cross-file index agrees: the same folder, the same kind
    index = Collection(config)
    assert index.collection_folder(repository / "content" / "_outil" / "decidim.md") == where.collection_folder
    assert [index.kind(entry) for entry in index.site_entries(repository / "content")] == ["usage"]


def test_jekyll_collections_dir_holds_the_collection_folders(tmp_path: Path) -> None:
    site = write(
        tmp_path,
        {"_config.yml": "collections_dir: my_collections\n" + SITE_CONFIG, "my_collections/_outil/decidim.md": TOOL},
    )
    assert site_collection_folders(site, Config()) == [site / "my_collections" / "_outil"]
    assert kind(site / "my_collections" / "_outil" / "decidim.md", Config()) == "tool"


def test_the_first_configured_collection_wins_and_its_shallowest_folder(tmp_path: Path) -> None:
    site = write(tmp_path, {"_config.yml": "", "_outil/_usage/x.md": TOOL})
    where = place(site / "_outil" / "_usage" / "x.md", Config())
    assert (where.collection, where.collection_folder) == (Config().collections[0], site / "_outil")


def test_a_collections_dir_leaving_the_site_is_reported_not_followed(tmp_path: Path, monkeypatch) -> None:
    from methlint.discovery import discover
    from methlint.linter import lint_paths

    write(tmp_path / "outside", {"_outil/secret.md": TOOL})
    site = write(tmp_path / "site", {"_config.yml": "collections_dir: ../outside\n", "_outil/decidim.md": TOOL})
    assert site_collection_folders(site, Config()) == [site / "_outil"]
    monkeypatch.chdir(site)
    result = lint_paths(list(discover([site], site)), Config(select=("JEK",)), jobs=1)
    assert [(d.path, d.span.line, d.span.column, d.code, d.message) for d in result.diagnostics] == [
        ("_config.yml", 1, 18, "JEK001", "collections_dir '../outside' leaves the site: not followed")
    ]
