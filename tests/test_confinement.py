"""Symbolic links never make methlint read outside the site, wherever it is run from.

The confining folder is the site root (the folder of ``_config.yml``, else the parent of the
collection folder), else the configured content folder, else the document's own folder:
never the current folder, which from ``/`` would contain every file of the machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.methlint_process import methlint

SECRET = "TOPSECRET-4217"
# a document whose values are quoted in messages: reading it would show the secret
LEAKING = f"---\ntitle: {SECRET}\nimg-bg: {SECRET}.png\nordre: x{SECRET}\n---\n{SECRET} {SECRET}\n"


def _site(tmp_path: Path, config: bool = True) -> Path:
    site = tmp_path / "site"
    (site / "_outil").mkdir(parents=True)
    (site / "img").mkdir()
    if config:
        (site / "_config.yml").write_text("collections:\n  outil:\n    output: true\n")
    (tmp_path / "secret.md").write_text(LEAKING)
    return site


@pytest.mark.parametrize("cwd", ["/", "tmp"])
@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_link_out_of_the_site_is_refused_from_any_working_folder(tmp_path, cwd, command):
    """The issue's case: no methlint configuration, run from `/` (and from above the site)."""
    site = _site(tmp_path)
    (site / "_outil" / "leak.md").symlink_to("../../secret.md")
    found = methlint(tmp_path if cwd == "tmp" else "/", command, "--no-cache" if command == "check" else "-j1", site)
    assert SECRET not in found.stdout + found.stderr
    if command == "check":
        assert (
            "leak.md:1:1: FM010 [error] cannot read the file: it is a symbolic link to outside the site" in found.stdout
        )


def test_a_link_out_of_a_site_without_config_file_is_refused_from_the_root(tmp_path):
    """No `_config.yml` either: the site is the parent of the collection folder."""
    site = _site(tmp_path, config=False)
    (site / "_outil" / "leak.md").symlink_to(tmp_path / "secret.md")
    found = methlint("/", "check", "--no-cache", site / "_outil" / "leak.md")
    assert SECRET not in found.stdout + found.stderr
    assert "FM010 [error] cannot read the file: it is a symbolic link to outside the site" in found.stdout


def test_a_sibling_linked_out_of_the_site_is_not_indexed(tmp_path):
    """Cross-file rules read every sibling: a linked sibling's values never reach a message."""
    site = _site(tmp_path)
    (tmp_path / "secret.md").write_text(f"---\ntitle: {SECRET}\nordre: 1\ncategorie: methode\n---\n")
    (site / "_outil" / "leak.md").symlink_to(tmp_path / "secret.md")
    (site / "_outil" / "doc.md").write_text("---\ntitle: Doc\nordre: 1\ncategorie: methode\n---\n")
    found = methlint("/", "check", "--no-cache", site / "_outil" / "doc.md")
    assert SECRET not in found.stdout + found.stderr
    assert "ORD001" not in found.stdout  # the linked sibling's `ordre: 1` was never read


def test_the_cache_does_not_read_through_a_link_out_of_the_site(tmp_path):
    site = _site(tmp_path)
    (site / "_outil" / "leak.md").symlink_to("../../secret.md")
    cached = methlint("/", "check", site)
    assert SECRET not in cached.stdout + cached.stderr
    assert "symbolic link to outside the site" in cached.stdout


def test_a_link_inside_the_site_is_still_followed_from_the_root(tmp_path):
    site = _site(tmp_path)
    (site / "vrai.txt").write_text("---\ntitle: Vrai\nordre:2\n---\n")
    (site / "_outil" / "lien.md").symlink_to("../vrai.txt")
    found = methlint("/", "check", "--no-cache", "--select", "YML003", site)
    assert "lien.md:3:1: YML003" in found.stdout


def test_a_config_yml_linked_out_of_the_site_is_not_read(tmp_path):
    """`_config.yml` is read for collections and defaults, whose values reach messages."""
    site = _site(tmp_path)
    (tmp_path / "secret.yml").write_text(f"defaults:\n  - scope: {{path: ''}}\n    values: {{layout: {SECRET}}}\n")
    (site / "_config.yml").unlink()
    (site / "_config.yml").symlink_to("../secret.yml")
    (site / "_outil" / "doc.md").write_text("---\ntitle: Doc\nordre: 1\n---\nCorps.\n")
    for flags in (["--no-cache"], []):
        found = methlint("/", "check", *flags, site)
        assert SECRET not in found.stdout + found.stderr
        assert (
            "_config.yml:1:1: JEK001 [error] cannot read _config.yml: it is a symbolic link to outside the site"
            in found.stdout
        )


def test_the_unreferenced_asset_scan_reads_no_text_file_linked_out_of_the_site(tmp_path):
    """AST003 reads every text file of the site for the names used: never through a link out."""
    site = _site(tmp_path)
    (site / "img" / "ancienne.png").write_bytes(b"png")
    (tmp_path / "ailleurs.html").write_text('<img src="/img/ancienne.png">')
    (site / "_includes").mkdir()
    (site / "_includes" / "lien.html").symlink_to("../../ailleurs.html")
    (site / "_outil" / "doc.md").write_text("---\ntitle: Doc\nordre: 1\n---\nCorps.\n")
    found = methlint(tmp_path, "check", "--no-cache", "--select", "AST003", "site")
    assert "AST003 [error] 'img/ancienne.png' is referenced by no file of the site" in found.stdout
    (site / "_includes" / "vrai.html").write_text('<img src="/img/ancienne.png">')  # inside: read
    assert "AST003" not in methlint(tmp_path, "check", "--no-cache", "--select", "AST003", "site").stdout
