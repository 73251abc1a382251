"""Site awareness: _config.yml collections, defaults and excludes, layouts, a broken config."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from methlint.cli import cli
from methlint.site import find_site_root, load_site
from tests.cli_runner import cli_runner

ROOT = Path(__file__).parent.parent
METHOD = (ROOT / "content" / "_outil" / "panel-citoyen.md").read_text(encoding="utf-8")
TOOL = (ROOT / "content" / "_outil" / "parlons-ensemble.md").read_text(encoding="utf-8")
CONFIG = """\
title: Site
exclude: [brouillons, vendor]
collections:
  outil:
    output: true
  usage:
    output: true
defaults:
  - scope:
      path: ""
      type: outil
    values:
      layout: outil
  - scope:
      path: ""\t# tous les fichiers
    values:
      layout: default
"""


def make_site(root: Path, files: dict[str, str], config: str = CONFIG, layouts: tuple[str, ...] = ()) -> Path:
    (root / "_config.yml").parent.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(config, encoding="utf-8")
    for name in ("panel-citoyen.jpg", "cover-parlons-ensemble.png", "parlons-ensemble-logo.svg"):
        (root / "img").mkdir(exist_ok=True)
        (root / "img" / name).write_bytes(b"x")
    (root / "uploads").mkdir(exist_ok=True)
    (root / "uploads" / "lettre-engagement-parlons-ensemble.png").write_bytes(b"x")
    for layout in layouts:
        (root / "_layouts").mkdir(exist_ok=True)
        (root / "_layouts" / f"{layout}.html").write_text("{{ content }}", encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def check(root: Path, *args: str) -> tuple[int, list[tuple[str, int, int, str]]]:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = cli_runner().invoke(cli, ["check", "--output-format", "json", *args, "."])
    finally:
        os.chdir(cwd)
    found = [(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(result.stdout)]
    return result.exit_code, found


def test_site_root_is_found_upward(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", {"_outil/a.md": METHOD})
    assert find_site_root(site / "_outil" / "a.md") == site
    assert load_site(site).collections == ("outil", "usage")


def test_a_default_layout_satisfies_a_required_layout(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"_outil/a.md": TOOL.replace("layout: outil\n", "")})
    assert check(site) == (0, [])


def test_a_wrong_default_is_reported_at_the_config_line(tmp_path: Path) -> None:
    # a method document relying on the collection's default layout gets 'outil', not 'methode'
    site = make_site(tmp_path, {"_outil/a.md": METHOD.replace("layout: methode\n", "")})
    code, found = check(site)
    assert (code, found) == (1, [("_config.yml", 13, 15, "SCH003")])


def test_excluded_folders_and_site_output_are_skipped(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "_outil/a.md": METHOD,
            "brouillons/b.md": "---\ntitle: brouillon\n---\n",
            "_site/c.md": "no front matter",
            "README.md": "# Lisez-moi, sans front matter\n",
        },
    )
    assert check(site) == (0, [])


def test_markdown_without_front_matter_inside_a_collection_is_reported(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"_outil/a.md": METHOD, "_outil/notes.md": "Des notes sans en-tête.\n"})
    assert check(site) == (1, [("_outil/notes.md", 1, 1, "FM001")])


def test_a_page_outside_collections_is_checked(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"_outil/a.md": METHOD, "apropos.md": "---\ntitle: À propos\n---\n"})
    assert check(site) == (0, [("apropos.md", 1, 1, "SCH007")])


def test_a_named_file_is_checked_even_outside_collections(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"_outil/a.md": METHOD, "README.md": "# Lisez-moi\n"})
    cwd = os.getcwd()
    os.chdir(site)
    try:
        result = cli_runner().invoke(cli, ["check", "README.md"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1 and "README.md:1:1: FM001" in result.output


def test_missing_layout_file_is_reported(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {"_outil/a.md": METHOD, "_outil/b.md": TOOL.replace("layout: outil\n", "")},
        layouts=("outil", "default"),
    )
    code, found = check(site)
    assert (code, found) == (1, [("_outil/a.md", 27, 9, "LAY001")])


def test_missing_default_layout_file_points_at_the_config(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"_outil/b.md": TOOL.replace("layout: outil\n", "")}, layouts=("methode",))
    assert check(site) == (1, [("_config.yml", 13, 15, "LAY001")])


@pytest.mark.parametrize(
    ("config", "position"),
    [
        ("title: [Site\n", (2, 1)),
        ('defaults:\n  - scope:\n      path: ""\n', (2, 5)),
        ("- une liste\n", (1, 1)),
    ],
)
def test_a_broken_config_is_reported_once_with_a_position(tmp_path: Path, config: str, position: tuple) -> None:
    site = make_site(
        tmp_path, {"_outil/a.md": METHOD, "_outil/b.md": METHOD.replace("ordre: 2", "ordre: 3")}, config=config
    )
    code, found = check(site)
    assert code == 1
    assert [f for f in found if f[3] == "JEK001"] == [("_config.yml", *position, "JEK001")]


def test_upstream_config_with_tabs_before_comments_reads_like_jekyll(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text(
        (ROOT / "tests" / "fixtures" / "examples" / "_config.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    site = load_site(tmp_path)
    assert site.problems == []
    assert site.collections == ("outil", "usage", "usage_citoyens")
    defaults = site.defaults_for(tmp_path / "_outil" / "x.md")
    assert {k: v.value for k, v in defaults.items()} == {"layout": "outil", "default_logo": None}
    assert {k: v.value for k, v in site.defaults_for(tmp_path / "index.md").items()} == {"layout": "default"}
