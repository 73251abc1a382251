"""Contracts belong to the site (issue 21, part 1): a collection of the real site gets a contract
file of its own, its x-references, x-asset and x-unique declarations drive REF001, AST001 and
ORD001, a document whose discriminating key is missing or unknown gets SCH008 and is checked as
no kind of document, and a broken contract is a configuration error at its line and column."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from methlint.schemas import load_schema
from tests.realsite import lay_out
from tests.realsite_repo import edit, found, methlint


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return lay_out(tmp_path / "consultation.gouv.fr")


def check(site: Path, *args: str, toml: str | None = None) -> list[tuple[str, int, int, str]]:
    if toml is not None:
        (site / "methlint.toml").write_text(toml, encoding="utf-8")
    done = methlint(site, "check", "--output-format", "json", "--no-cache", "--lang", "en", *args)
    assert done.returncode in (0, 1), done.stderr
    return found(done)


def messages(site: Path, *args: str, toml: str | None = None) -> list[tuple[str, int, int, str, str]]:
    if toml is not None:
        (site / "methlint.toml").write_text(toml, encoding="utf-8")
    done = methlint(site, "check", "--output-format", "json", "--no-cache", "--lang", "en", *args)
    assert done.returncode in (0, 1), done.stderr
    return [(d["path"], d["line"], d["column"], d["code"], d["message"]) for d in json.loads(done.stdout)]


def write_contract(site: Path, name: str, schema: dict[str, Any]) -> None:
    path = site / "contracts" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def text_key(**extra: Any) -> dict[str, Any]:
    return {"type": ["string", "null"], **extra}


CITIZEN_KEYS = (
    "presentation engagements dispositif resultats devoir_def devoir message_sponsor annexes date-banniere link"
).split()
CITIZEN = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Fiche d’usage citoyen",
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "organisateur", "img-bg"],
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "organisateur": {"type": "string"},
        "img-bg": {"type": "string", "x-asset": {"folder": "img"}},
        "screenshot": {"type": "string", "x-asset": {"folder": "img", "prefix": "/img/"}},
        "devoir_de_suite": {"type": "string", "x-references": {"collection": "usage_citoyens", "by": "permalink"}},
        "layout": {"const": "usage_citoyens"},
        **{key: text_key() for key in CITIZEN_KEYS},
    },
}
CITIZEN_TOML = (
    '[collections]\n"_outil" = { by-categorie = { methode = "method", outil = "tool" } }\n"_usage" = "usage"\n'
)
CITIZEN_TOML += '"_usage_citoyens" = "contracts/usage-citoyen.schema.json"\n'


def test_usage_citoyens_gets_a_contract_of_the_site(site: Path) -> None:
    assert check(site, "--select", "SCH", "_usage_citoyens") == [
        ("_usage_citoyens/afb.md", 1, 1, "SCH007"),
        ("_usage_citoyens/reform_retraites.md", 1, 1, "SCH007"),
    ]
    write_contract(site, "usage-citoyen.schema.json", CITIZEN)
    assert check(site, "--select", "SCH,REF,AST001", "_usage_citoyens", toml=CITIZEN_TOML) == []
    # its declarations are read: a file missing, an address naming no document of the collection
    edit(site / "_usage_citoyens" / "afb.md", "img-bg: mur-vert.png", "img-bg: mur-violet.png")
    edit(site / "_usage_citoyens" / "afb.md", "/usage_citoyens/afb.html", "/usage_citoyens/abf.html")
    assert messages(site, "--select", "REF,AST001", "_usage_citoyens") == [
        ("_usage_citoyens/afb.md", 5, 9, "AST001", "'img-bg': no file /img/mur-violet.png in the site"),
        (
            "_usage_citoyens/afb.md",
            8,
            18,
            "REF001",
            "'/usage_citoyens/abf.html' in 'devoir_de_suite' is not the address of any _usage_citoyens document:"
            " did you mean"
            " '/usage_citoyens/afb' or '/usage_citoyens/reform_retraites'?",
        ),
    ]


def test_x_unique_within_another_key(site: Path) -> None:
    # a tool given the methods' layout: ordre 5 in another categorie, but the same layout
    edit(site / "_outil" / "cap-collectif.md", "layout: outil\n", "layout: methode\n")
    assert check(site, "--select", "ORD", "_outil") == []
    for kind in ("method", "tool"):
        schema = load_schema(kind)
        schema["properties"]["ordre"]["x-unique"] = {"within": ["layout"]}
        write_contract(site, f"{kind}.schema.json", schema)
    toml = '[collections]\n"_outil" = { by-categorie = { methode = "contracts/method.schema.json",'
    toml += ' outil = "contracts/tool.schema.json" } }\n'
    assert messages(site, "--select", "ORD", "_outil", toml=toml) == [
        (
            "_outil/cap-collectif.md",
            46,
            8,
            "ORD001",
            "ordre 5 is also used in layout 'methode' by _outil/conference-citoyen.md:34:"
            " give each document its own number",
        ),
        (
            "_outil/conference-citoyen.md",
            34,
            8,
            "ORD001",
            "ordre 5 is also used in layout 'methode' by _outil/cap-collectif.md:46: give each document its own number",
        ),
    ]


def test_x_asset_folder(site: Path) -> None:
    document = "_outil/cap-collectif.md"
    assert check(site, "--select", "AST001", document) == []
    schema = load_schema("tool")
    schema["properties"]["img-bg"]["x-asset"] = {"folder": "uploads"}
    write_contract(site, "tool.schema.json", schema)
    toml = '[collections]\n"_outil" = { by-categorie = { methode = "method", outil = "contracts/tool.schema.json" } }\n'
    assert check(site, "--select", "AST001", document, toml=toml) == [(document, 6, 9, "AST001")]


def test_an_unknown_categorie_is_no_kind_of_document(site: Path) -> None:
    edit(site / "_outil" / "cap-collectif.md", "categorie: outil\n", "categorie: outill\n")
    found = messages(site, "--select", "SCH,AST001,ORD", "_outil/cap-collectif.md")
    assert found == [
        (
            "_outil/cap-collectif.md",
            4,
            12,
            "SCH008",
            "'categorie' is 'outill', a kind of document the configuration does not know: 'methode' (Fiche méthode),"
            " 'outil' (Fiche outil): did you mean 'outil'? (no contract checks this document until then)",
        )
    ]  # not checked as a method: no unknown tool keys (SCH005), no missing method keys (SCH001)


def test_a_missing_categorie(site: Path) -> None:
    edit(site / "_outil" / "decidim.md", "categorie: outil\n", "")
    assert check(site, "--select", "SCH", "_outil/decidim.md") == [("_outil/decidim.md", 2, 1, "SCH008")]


@pytest.mark.parametrize(
    ("change", "line", "column", "message"),
    [
        (
            lambda s: s.update(requried=["title"]),
            9,
            3,
            "unknown keyword 'requried': did you mean 'required'?",
        ),
        (
            lambda s: s["properties"]["title"].update({"x-references": {"collection": "_outil", "by": "titel"}}),
            9,
            15,
            "'titel' in properties/title/x-references/by must be one of: title, name, permalink: did you mean 'title'?",
        ),
        (
            lambda s: s["properties"]["title"].update({"$ref": "https://example.org/schema.json"}),
            7,
            15,
            "'$ref' 'https://example.org/schema.json' is not inside the contract: methlint never fetches a URL nor"
            " reads another file; copy what it needs under '$defs' and write '#/$defs/…'",
        ),
    ],
)
def test_a_broken_contract_is_a_configuration_error_at_its_position(
    site: Path, change: Any, line: int, column: int, message: str
) -> None:
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {"title": {"type": "string"}},
    }
    change(schema)
    write_contract(site, "broken.schema.json", schema)
    (site / "methlint.toml").write_text('[collections]\n"_usage" = "contracts/broken.schema.json"\n', encoding="utf-8")
    done = methlint(site, "check", "--no-cache", "--lang", "en", "_usage")
    assert done.returncode == 2
    expected = f"{site / 'contracts' / 'broken.schema.json'}:{line}:{column}: {message}"
    assert expected in done.stderr, done.stderr


def test_a_missing_contract_file(site: Path) -> None:
    (site / "methlint.toml").write_text('[collections]\n"_usage" = "contracts/usage.json"\n', encoding="utf-8")
    done = methlint(site, "check", "--no-cache", "--lang", "en", "_usage")
    assert done.returncode == 2
    assert f"{site / 'methlint.toml'}:2:1: no contract file 'contracts/usage.json' in {site}" in done.stderr


def test_the_assets_shorthand_wins_over_a_contracts_x_asset(site: Path) -> None:
    document = "_outil/cap-collectif.md"
    schema = load_schema("tool")
    schema["properties"]["img-bg"]["x-asset"] = {"folder": "uploads"}
    write_contract(site, "tool.schema.json", schema)
    toml = '[collections]\n"_outil" = { by-categorie = { methode = "method", outil = "contracts/tool.schema.json" } }\n'
    assert check(site, "--select", "AST001", document, toml=toml) == [(document, 6, 9, "AST001")]
    assert check(site, "--select", "AST001", document, toml=toml + '[assets]\nimg-bg = "img"\n') == []


def test_the_ordre_scope_shorthand_wins_over_a_contracts_x_unique(site: Path) -> None:
    edit(site / "_outil" / "cap-collectif.md", "layout: outil\n", "layout: methode\n")
    for kind in ("method", "tool"):
        schema = load_schema(kind)
        schema["properties"]["ordre"]["x-unique"] = {"within": ["layout"]}
        write_contract(site, f"{kind}.schema.json", schema)
    toml = '[collections]\n"_outil" = { by-categorie = { methode = "contracts/method.schema.json",'
    toml += ' outil = "contracts/tool.schema.json" } }\n'
    assert len(check(site, "--select", "ORD", "_outil", toml=toml)) == 2  # within layout, as declared
    assert check(site, "--select", "ORD", "_outil", toml='ordre-scope = "categorie"\n' + toml) == []


def test_schema_markdown_shows_the_shorthands_over_the_declarations(site: Path) -> None:
    (site / "methlint.toml").write_text('ordre-scope = "layout"\n[assets]\nlogo = "uploads"\n', encoding="utf-8")
    done = methlint(site, "schema", "--format", "markdown", "method")
    assert done.returncode == 0, done.stderr
    assert (
        "- `logo` : un fichier du dossier `uploads/` ; les gabarits écrivent `/uploads/` devant la valeur ;"
        " un fichier absent est signalé (AST001) (`x-asset`).\n"
    ) in done.stdout
    assert done.stdout.endswith(
        "- `ordre` : unique parmi les fiches du dossier qui ont la même valeur de `layout` ;"
        " un doublon est signalé (ORD001) (`x-unique`).\n"
    )


def test_schema_markdown_shows_the_sites_contracts_and_their_declarations(site: Path) -> None:
    write_contract(site, "usage-citoyen.schema.json", CITIZEN)
    (site / "methlint.toml").write_text(CITIZEN_TOML, encoding="utf-8")
    done = methlint(site, "schema", "--format", "markdown")
    assert done.returncode == 0, done.stderr
    shown = done.stdout.split("## Fiche d’usage citoyen\n", 1)[1]
    assert "| `devoir_de_suite` |  |  | texte | non |" in shown
    assert shown.endswith(
        "Entre fiches et fichiers :\n\n"
        "- `img-bg` : un fichier du dossier `img/` ; les gabarits écrivent `/img/` devant la valeur ;"
        " un fichier absent est signalé (AST001) (`x-asset`).\n"
        "- `screenshot` : un fichier du dossier `img/` ; les gabarits écrivent `/img/` devant la valeur ;"
        " un fichier absent est signalé (AST001) (`x-asset`).\n"
        "- `devoir_de_suite` : la valeur est l’adresse (`permalink`) d’une fiche de `_usage_citoyens` ;"
        " un nom introuvable est signalé (REF001) (`x-references`).\n"
    )
    one = methlint(site, "schema", "--format", "markdown", "contracts/usage-citoyen.schema.json")
    assert one.returncode == 0 and one.stdout.startswith("## Fiche d’usage citoyen\n")


def test_the_cms_form_reads_the_declarations_of_a_sites_contract(site: Path) -> None:
    from methlint.cms.contracts import Asset, Reference, key_link
    from methlint.config_file import load_config
    from methlint.rules import ALL_RULES

    citizen = json.loads(json.dumps(CITIZEN))
    citizen["properties"]["methodes"] = {
        "type": "array",
        "items": {"type": "string"},
        "x-references": {"collection": "outil", "where": {"categorie": "methode"}},
    }
    citizen["properties"]["fiche"] = {"type": "string", "x-references": {"collection": "_usage", "by": "name"}}
    write_contract(site, "usage-citoyen.schema.json", citizen)
    (site / "methlint.toml").write_text(CITIZEN_TOML, encoding="utf-8")
    config = load_config(None, [site], [rule.code for rule in ALL_RULES])
    kind = config.collections[2].schema
    assert kind is not None
    assert key_link(kind, "methodes", config) == Reference("method", "title")
    assert key_link(kind, "fiche", config) == Reference("usage", "{{slug}}")
    assert key_link(kind, "img-bg", config) == Asset("img")
    assert key_link(kind, "title", config) is None
    assert key_link("usage", "outil", config) == Reference("tool", "title")  # the shipped contract's declaration
    # the assets shorthand is the contracts' x-asset for the form too (an image widget's media folder)
    (site / "methlint.toml").write_text(CITIZEN_TOML + '[assets]\nimg-bg = "uploads"\n', encoding="utf-8")
    shorthand = load_config(None, [site], [rule.code for rule in ALL_RULES])
    assert (key_link(kind, "img-bg", shorthand), key_link("method", "img-bg", shorthand)) == (Asset("uploads"),) * 2


def test_x_references_by_file_name_where_categorie_is_one_of_several(site: Path) -> None:
    citizen = json.loads(json.dumps(CITIZEN))
    by_name = {"collection": "outil", "by": "name", "where": {"categorie": ["methode", "outil"]}}
    citizen["properties"]["fiches"] = {"type": "array", "items": {"type": "string"}, "x-references": by_name}
    write_contract(site, "usage-citoyen.schema.json", citizen)
    fiches = "link:\nfiches:\n- decidim\n- atelier du futur\n- cap-collectf\n"
    edit(site / "_usage_citoyens" / "afb.md", "link:\n", fiches)
    assert messages(site, "--select", "REF", "_usage_citoyens", toml=CITIZEN_TOML) == [
        (
            "_usage_citoyens/afb.md",
            8,
            3,
            "REF001",
            "'cap-collectf' in 'fiches' is not the file name of any _outil document: did you mean 'cap-collectif'?",
        )
    ]
    # where: only the methods; decidim (a tool) no longer qualifies
    by_name["where"] = {"categorie": "methode"}
    write_contract(site, "usage-citoyen.schema.json", citizen)
    assert check(site, "--select", "REF", "_usage_citoyens") == [
        ("_usage_citoyens/afb.md", 6, 3, "REF001"),
        ("_usage_citoyens/afb.md", 8, 3, "REF001"),
    ]


def test_a_discriminator_of_the_sites_choosing_and_a_contract_for_documents_without_it(site: Path) -> None:
    citizen = json.loads(json.dumps(CITIZEN))
    citizen["properties"]["etat"] = {"enum": ["clos"]}
    write_contract(site, "usage-citoyen.schema.json", citizen)
    closed = json.loads(json.dumps(citizen))
    closed["required"] = [*closed["required"], "bilan"]
    closed["properties"]["bilan"] = {"type": "string"}
    write_contract(site, "usage-citoyen-clos.schema.json", closed)
    toml = CITIZEN_TOML.replace(
        '"contracts/usage-citoyen.schema.json"',
        '{ discriminator = "etat", schema = "contracts/usage-citoyen.schema.json",'
        ' by-value = { clos = "contracts/usage-citoyen-clos.schema.json" } }',
    )
    # without etat: the collection's schema; no SCH008
    assert check(site, "--select", "SCH", "_usage_citoyens", toml=toml) == []
    edit(site / "_usage_citoyens" / "reform_retraites.md", "link:", "etat: clo\nlink:")
    edit(site / "_usage_citoyens" / "afb.md", "link:", "etat: clos\nlink:")
    assert messages(site, "--select", "SCH", "_usage_citoyens") == [
        ("_usage_citoyens/afb.md", 2, 1, "SCH001", "missing required key 'bilan'"),
        (
            "_usage_citoyens/reform_retraites.md",
            4,
            7,
            "SCH008",
            "'etat' is 'clo', a kind of document the configuration does not know: 'clos' (Fiche d’usage citoyen):"
            " did you mean 'clos'? (no contract checks this document until then)",
        ),
    ]


def test_x_references_to_a_collection_the_site_lacks_says_so(site: Path) -> None:
    citizen = json.loads(json.dumps(CITIZEN))
    citizen["properties"]["organisme"] = {"type": "string", "x-references": {"collection": "organisations"}}
    write_contract(site, "usage-citoyen.schema.json", citizen)
    edit(site / "_usage_citoyens" / "afb.md", "link:\n", "link:\norganisme: ADEME\n")
    assert messages(site, "--select", "REF", "_usage_citoyens", toml=CITIZEN_TOML) == [
        (
            "_usage_citoyens/afb.md",
            5,
            12,
            "REF001",
            "'ADEME' in 'organisme' is not the title of any _organisations document"
            " (the site has no folder _organisations)",
        )
    ]
    (site / "_organisations").mkdir()
    (site / "_organisations" / "ademe.md").write_text("---\ntitle: ADEME\n---\n", encoding="utf-8")
    assert check(site, "--select", "REF", "_usage_citoyens") == []
