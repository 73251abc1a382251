"""`methlint cms generate --target decap`: the editors' form written from the contracts."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from methlint.cli import cli
from methlint.cms.contracts import KeyContract
from methlint.cms.generate import Evidence, dayjs_format, widget_for
from tests.cli_runner import cli_runner
from tests.realsite import lay_out

ROOT = Path(__file__).parent.parent


def _run(site: Path, monkeypatch, *args: str):
    monkeypatch.chdir(site)
    return cli_runner().invoke(cli, ["cms", "generate", *args])


def _load(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def realsite_generated(tmp_path_factory) -> Path:
    site = lay_out(tmp_path_factory.mktemp("gen") / "consultation.gouv.fr")
    result = cli_runner().invoke(cli, ["cms", "generate", str(site / "admin/config.yml")])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{site}/admin/config.yml: collection 'pages' dropped: it has neither 'folder' nor 'files'",
        f"{site}/admin/config.yml written from the contracts (decap)",
    ]
    return site


def test_real_site_one_collection_per_folder_and_kind(realsite_generated) -> None:
    config = _load(realsite_generated / "admin/config.yml")
    assert [(c["name"], c["label"], c["folder"], c.get("filter")) for c in config["collections"]] == [
        ("methode", "Fiche méthode", "_outil", {"field": "categorie", "value": "methode"}),
        ("outil", "Fiche outil", "_outil", {"field": "categorie", "value": "outil"}),
        ("usage", "Fiche d’usage", "_usage", None),
    ]
    # kept from the site's own file: the backend, the media folder, the collections' slug and create
    assert config["backend"]["repo"] == "consultation-gouv/consultation.gouv.fr"
    assert config["media_folder"] == "img"
    assert all(c["slug"] == "{{slug}}" and c["create"] is True for c in config["collections"])


def test_real_site_fields_follow_the_contracts(realsite_generated) -> None:
    config = _load(realsite_generated / "admin/config.yml")
    method, tool, usage = ({f["name"]: f for f in c["fields"]} for c in config["collections"])
    assert list(method)[:4] == ["title", "tagline", "categorie", "img-bg"] and list(method)[-1] == "body"
    assert method["categorie"] == {"label": "Catégorie", "name": "categorie", "widget": "hidden", "default": "methode"}
    assert method["layout"]["default"] == "methode" and tool["layout"]["default"] == "outil"
    # asset keys: a name in img/ (the layout prefixes /img/), or a site path in the folder the documents use
    assert (method["img-bg"]["widget"], method["img-bg"]["media_folder"], method["img-bg"]["public_folder"]) == (
        "image",
        "/img",
        "",
    )
    assert (tool["lettre_engagement"]["media_folder"], tool["lettre_engagement"]["public_folder"]) == (
        "/uploads",
        "/uploads",
    )
    assert tool["lettre_engagement"]["pattern"][0] == "^/"
    # usage documents name method and tool titles
    assert {k: usage["methodes"][k] for k in ("widget", "collection", "value_field", "multiple")} == {
        "widget": "relation",
        "collection": "methode",
        "value_field": "title",
        "multiple": True,
    }
    assert usage["outil"]["collection"] == "outil"
    # dates in the format each collection's documents use
    assert method["date"]["format"] == "YYYY-MM-DDTHH:mm:ss.SSSZ"
    assert usage["date"]["format"] == "YYYY-MM-DD HH:mm:ss ZZ"
    assert usage["note-citoyenne"] == {
        "label": "Note citoyenne",
        "name": "note-citoyenne",
        "widget": "number",
        "value_type": "int",
        "min": 1,
        "max": 5,
        "hint": "Note de 1 à 5 donnée par les citoyens (facultative).",
        "required": False,
    }
    assert usage["in_progress"]["widget"] == "boolean" and usage["opendata"]["widget"] == "string"
    # a list of texts, one field per item; a list of objects, one field per key
    assert method["atouts"]["widget"] == "list" and method["atouts"]["min"] == 1
    assert method["atouts"]["field"] == {"label": "Atouts", "name": "item", "widget": "text"}
    assert [f["name"] for f in tool["details_techniques"]["fields"]] == ["name", "content", "link"]
    # required false where the contract lets the value be empty, with a default when the key must be there
    assert "required" not in method["title"]
    assert (method["contract"]["required"], method["contract"]["default"]) == (False, "")
    assert "default" not in tool["doc_tech"] and tool["doc_tech"]["required"] is False


def test_real_site_generated_form_passes_cms_check_but_for_the_documents_own_drift(realsite_generated, monkeypatch):
    """What is left is the documents' doing: keys no contract knows (`methode` for `methodes`)."""
    monkeypatch.chdir(realsite_generated)
    result = cli_runner().invoke(cli, ["cms", "check"])
    assert [line.split(" (")[0] for line in result.stdout.splitlines()[:2]] == [
        "admin/config.yml:336:5: CMS006 [error] 'methode' is in 2 documents of _usage",
        "admin/config.yml:336:5: CMS006 [error] 'parameters' is in 1 document of _usage",
    ]
    assert result.stdout.endswith("Found 2 errors, 0 warnings and 0 info in 1 file.\n")


def test_check_mode_and_idempotence(realsite_generated, monkeypatch) -> None:
    config = realsite_generated / "admin/config.yml"
    before = config.read_bytes()
    assert _run(realsite_generated, monkeypatch, "--check").exit_code == 0
    assert _run(realsite_generated, monkeypatch).exit_code == 0
    assert config.read_bytes() == before
    edited = before.replace(b"label: Fiche outil", b"label: Outils")
    config.write_bytes(edited)
    result = _run(realsite_generated, monkeypatch, "--check")
    assert result.exit_code == 1
    assert "-    label: Outils\n+    label: Fiche outil\n" in result.stdout
    assert result.stdout.startswith("--- a/admin/config.yml\n+++ b/admin/config.yml\n")
    assert "admin/config.yml is not what the contracts give: run `methlint cms generate`" in result.stderr
    assert config.read_bytes() == edited
    config.write_bytes(before)


def test_comments_other_settings_and_collections_are_kept(tmp_path, monkeypatch) -> None:
    shutil.copytree(ROOT / "content", tmp_path, dirs_exist_ok=True)
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin/config.yml").write_text(
        textwrap.dedent(
            """\
            # Our editors' admin
            backend:
              name: github  # the repository
              repo: example/site
            site_url: "https://example.org"
            media_folder: 'img'
            collections:
              - name: "old-tools"   # replaced
                folder: "_outil"
                preview_path: "outil/{{slug}}"
                create: false
                fields: [{name: atout1}]
              - name: settings
                label: Réglages
                files: [{name: general, label: Général, file: _config.yml, fields: [{name: title}]}]
            """
        ),
        encoding="utf-8",
    )
    assert _run(tmp_path, monkeypatch).exit_code == 0
    text = (tmp_path / "admin/config.yml").read_text(encoding="utf-8")
    assert text.startswith(
        "# Our editors' admin\nbackend:\n  name: github  # the repository\n  repo: example/site\n"
        "site_url: \"https://example.org\"\nmedia_folder: 'img'\ncollections:\n  - name: methode\n"
    )
    config = _load(tmp_path / "admin/config.yml")
    assert [c["name"] for c in config["collections"]] == ["methode", "outil", "usage", "settings"]
    assert [(c.get("preview_path"), c["create"]) for c in config["collections"][:3]] == [
        ("outil/{{slug}}", False),
        ("outil/{{slug}}", False),
        (None, True),
    ]
    assert config["collections"][3]["files"][0]["file"] == "_config.yml"


def test_new_file_for_a_site_without_one(tmp_path, monkeypatch) -> None:
    shutil.copytree(ROOT / "content", tmp_path, dirs_exist_ok=True)
    assert _run(tmp_path, monkeypatch, "--check").exit_code == 1
    assert not (tmp_path / "admin").exists()
    result = _run(tmp_path, monkeypatch)
    assert result.exit_code == 0
    text = (tmp_path / "admin/config.yml").read_text(encoding="utf-8")
    assert text.startswith("# Decap CMS configuration. `methlint cms generate` rewrites the collections")
    config = _load(tmp_path / "admin/config.yml")
    assert {k: config[k] for k in ("backend", "locale", "media_folder", "public_folder")} == {
        "backend": {"name": "git-gateway", "branch": "main"},
        "locale": "fr",
        "media_folder": "img",
        "public_folder": "/img",
    }
    result = cli_runner().invoke(cli, ["cms", "check"])
    assert (result.exit_code, result.stdout) == (0, "All good: 1 file checked.\n")


def test_unreadable_configuration_is_left_alone(tmp_path, monkeypatch) -> None:
    shutil.copytree(ROOT / "content", tmp_path, dirs_exist_ok=True)
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin/config.yml").write_text("collections: [a\n", encoding="utf-8")
    result = _run(tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert result.stderr.startswith("admin/config.yml: not changed: ")
    assert result.stderr.endswith("(`methlint cms check` says where)\n")
    assert (tmp_path / "admin/config.yml").read_text(encoding="utf-8") == "collections: [a\n"


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("2017-04-04T15:57:58.478+00:00", "YYYY-MM-DDTHH:mm:ss.SSSZ"),
        ("2019-01-15 09:29:08 +0000", "YYYY-MM-DD HH:mm:ss ZZ"),
        ("2019-01-15", "YYYY-MM-DD"),
        ("2019-01-15 09:29", "YYYY-MM-DD HH:mm"),
        ("2019-01-15T09:29:08Z", "YYYY-MM-DDTHH:mm:ss[Z]"),
        ("15/01/2019", None),
    ],
)
def test_date_formats_as_dayjs_writes_them(text: str, shape: str | None) -> None:
    assert dayjs_format(text) == shape


def _contract(schema: dict, types: frozenset[str] | None) -> KeyContract:
    return KeyContract("x", "k", schema, False, types, True)


def test_enums_become_selects() -> None:
    single = widget_for("k", _contract({"enum": ["a", "b", None]}, frozenset({"string", "null"})), None, Evidence(), {})
    assert single == {"widget": "select", "options": ["a", "b"]}
    listed = _contract({"type": "array", "items": {"enum": ["a", "b"]}, "maxItems": 2}, frozenset({"array"}))
    assert widget_for("k", listed, None, Evidence(), {}) == {
        "widget": "select",
        "multiple": True,
        "options": ["a", "b"],
        "max": 2,
    }
    number = _contract({"type": "number", "minimum": 0.5}, frozenset({"number"}))
    assert widget_for("k", number, None, Evidence(), {}) == {"widget": "number", "value_type": "float", "min": 0.5}
