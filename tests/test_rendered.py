"""Layout-aware checks on the real site (issue 21): the keys its layouts and includes use are
the site's (no SCH005), a value repeating the path the layout puts before it is LAY002, a
required key no template renders is LAY003; all from the site's own templates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.realsite import lay_out
from tests.realsite_repo import edit, methlint
from tests.test_site_contracts import CITIZEN, CITIZEN_TOML, write_contract


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return lay_out(tmp_path / "consultation.gouv.fr")


def findings(site: Path, *args: str) -> list[tuple[str, int, int, str, str]]:
    done = methlint(site, "check", "--output-format", "json", "--no-cache", "--lang", "en", *args)
    assert done.returncode in (0, 1), done.stderr
    return [(d["path"], d["line"], d["column"], d["code"], d["message"]) for d in json.loads(done.stdout)]


def test_a_key_the_layout_prints_is_not_unknown(site: Path) -> None:
    # _layouts/usage.html loops over page.parameters; the usage contract does not declare it
    assert findings(site, "--select", "SCH005", "_usage/cnnum-ambition-numerique.md") == []
    edit(site / "_usage" / "cnnum-ambition-numerique.md", "parameters:", "parametres:")
    assert findings(site, "--select", "SCH005", "_usage/cnnum-ambition-numerique.md") == [
        ("_usage/cnnum-ambition-numerique.md", 14, 1, "SCH005", "unknown key 'parametres'")
    ]


def test_a_key_no_template_uses_is_still_unknown_when_the_layout_changes(site: Path) -> None:
    layout = site / "_layouts" / "usage.html"
    layout.write_text(
        layout.read_text(encoding="utf-8").replace("page.parameters", "page.parametres"), encoding="utf-8"
    )
    assert findings(site, "--select", "SCH005", "_usage/cnnum-ambition-numerique.md") == [
        ("_usage/cnnum-ambition-numerique.md", 14, 1, "SCH005", "unknown key 'parameters'")
    ]


def test_a_key_an_include_prints_for_the_collection_is_not_unknown(site: Path) -> None:
    # citoyens/suivez.html loops over site.usage_citoyens and passes each to citoyen-card.html as
    # include.usage, which prints include.usage.outil: the key is the site's, though the contract lacks it
    write_contract(site, "usage-citoyen.schema.json", CITIZEN)
    (site / "methlint.toml").write_text(CITIZEN_TOML, encoding="utf-8")
    edit(site / "_usage_citoyens" / "afb.md", "link:\n", "link:\noutil:\n- Decidim\n")
    assert findings(site, "--select", "SCH005", "_usage_citoyens/afb.md") == []
    card = site / "_includes" / "citoyen-card.html"
    card.write_text(card.read_text(encoding="utf-8").replace("include.usage.outil", "include.usage.outils"), "utf-8")
    assert findings(site, "--select", "SCH005", "_usage_citoyens/afb.md") == [
        ("_usage_citoyens/afb.md", 5, 1, "SCH005", "unknown key 'outil'")
    ]


def test_a_value_with_the_layouts_prefix(site: Path) -> None:
    assert findings(site, "--select", "LAY002", "_outil/cap-collectif.md") == []
    edit(site / "_outil" / "cap-collectif.md", "img-bg: cap-bg.jpg", "img-bg: /img/cap-bg.jpg")
    assert findings(site, "--select", "LAY002,AST001", "_outil/cap-collectif.md") == [
        (
            "_outil/cap-collectif.md",
            6,
            9,
            "LAY002",
            "'img-bg' is printed after '/img/' by _layouts/outil.html:7: the page asks for /img//img/cap-bg.jpg:"
            " write 'cap-bg.jpg'",
        )
    ]  # the file exists: AST001 finds it, the page does not


def test_the_real_sites_video_thumbnails(site: Path) -> None:
    # the layouts print placeholder="/img/{{ page.vignette_video_demo }}", the documents hold /uploads/… paths
    found = findings(site, "--select", "LAY002", "_outil")
    assert [(path, line, column) for path, line, column, _code, _message in found] == [
        ("_outil/atelier participatifs.md", 12, 22),
        ("_outil/atelier-citoyen.md", 12, 22),
        ("_outil/budget participatif.md", 12, 22),
        ("_outil/civocracy.md", 21, 22),
        ("_outil/conference-citoyen.md", 12, 22),
        ("_outil/consultation-en-ligne.md", 12, 22),
        ("_outil/decidim.md", 22, 22),
    ]
    assert found[0][4] == (
        "'vignette_video_demo' is printed after '/img/' by _layouts/methode.html:42: the page asks for"
        " /img//uploads/2017/08/02/videoAssembl.png: name a file of /img/ without it, or change the layout"
    )


def test_a_required_key_no_template_renders(site: Path) -> None:
    write_contract(site, "usage-citoyen.schema.json", CITIZEN)
    (site / "methlint.toml").write_text(CITIZEN_TOML, encoding="utf-8")
    message = (
        "'organisateur' is required by the contract, but no template renders it (layout 'usage_citoyens'):"
        " it never shows"
    )
    assert findings(site, "--select", "LAY003", "_usage_citoyens") == [
        ("_usage_citoyens/afb.md", 3, 1, "LAY003", message),
        ("_usage_citoyens/reform_retraites.md", 3, 1, "LAY003", message),
    ]
    # once the layout prints it, nothing to say
    edit(site / "_layouts" / "usage_citoyens.html", "{{ page.title }}", "{{ page.title }} {{ page.organisateur }}")
    assert findings(site, "--select", "LAY003", "_usage_citoyens") == []


def test_the_results_cache_sees_a_layout_change(site: Path, tmp_path: Path) -> None:
    env = {"METHLINT_CACHE_DIR": str(tmp_path / "cache")}
    document = "_usage/cnnum-ambition-numerique.md"

    def cached() -> list[str]:
        done = methlint(
            site, "check", "--output-format", "json", "--lang", "en", "--select", "SCH005", document, env=env
        )
        assert done.returncode in (0, 1), done.stderr
        return [d["message"] for d in json.loads(done.stdout)]

    assert cached() == [] and cached() == []  # the second run from the cache
    layout = site / "_layouts" / "usage.html"
    layout.write_text(
        layout.read_text(encoding="utf-8").replace("page.parameters", "page.parametres"), encoding="utf-8"
    )
    assert cached() == ["unknown key 'parameters'"]


def test_without_the_layouts_the_contracts_prefix_speaks(tmp_path: Path) -> None:
    # content/ has no _layouts/: the shipped contract's x-asset says the layouts write /img/ before img-bg
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", content)
    assert findings(content, "--select", "LAY002", ".") == []
    edit(content / "_outil" / "jury-citoyen.md", "img-bg: jury-citoyen.png", "img-bg: /img/jury-citoyen.png")
    assert findings(content, "--select", "LAY002", ".") == [
        (
            "_outil/jury-citoyen.md",
            5,
            9,
            "LAY002",
            "'img-bg' is written after '/img/' (the contract's x-asset): the page asks for /img//img/jury-citoyen.png:"
            " write 'jury-citoyen.png'",
        )
    ]
