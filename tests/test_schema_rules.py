"""The schema contract: every JSON Schema error kind becomes a positioned, readable finding."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from methlint.config import Config
from methlint.linter import lint_text
from methlint.schemas import KINDS, is_email, is_jekyll_date, is_url, load_schema, schema_dir

ROOT = Path(__file__).parent.parent
SEED = (ROOT / "tests" / "fixtures" / "seeds" / "conference-de-citoyens.md").read_text(encoding="utf-8")
EXAMPLES = Path(__file__).parent / "fixtures" / "examples"  # upstream files, kept as given


def schema_findings(text: str, path: str = "_outil/doc.md") -> list[tuple[int, int, str, str]]:
    return [(d.span.line, d.span.column, d.code, d.message) for d in lint_text(text, path) if d.code.startswith("SCH")]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "schemas").glob("*.json")))
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_property_has_a_french_title_and_description(kind: str) -> None:
    def walk(properties: dict) -> None:
        for name, spec in properties.items():
            assert spec.get("title") and spec.get("description"), f"{kind}: {name}"
            walk(spec.get("items", {}).get("properties", {}))

    walk(load_schema(kind)["properties"])


def test_schema_dir_is_the_top_level_folder_in_a_checkout() -> None:
    assert schema_dir().resolve() == (ROOT / "schemas").resolve()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("ordre: 5", "ordre: cinq", (34, 8, "SCH002", "'ordre' must be a whole number, found the text 'cinq'")),
        ("ordre: 5", "ordre: 0", (34, 8, "SCH006", "'ordre' must be at least 1, found the number 0")),
        (
            "categorie: methode",
            "categorie: methodes",
            (
                4,
                12,
                "SCH008",
                "'categorie' is 'methodes', a kind of document the configuration does not know: 'methode' (Fiche"
                " méthode), 'outil' (Fiche outil): did you mean 'methode'?"
                " (no contract checks this document until then)",
            ),
        ),
        (
            "- Investir un sujet en profondeur",
            "- 42",
            (17, 3, "SCH002", "'priorites item 3' must be text, found the number 42"),
        ),
    ],
)
def test_each_error_kind_is_positioned_on_the_offending_node(old: str, new: str, expected: tuple) -> None:
    assert schema_findings(SEED.replace(old, new)) == [expected]


@pytest.mark.parametrize(
    ("value", "shown", "meant"),
    [
        ("OUTIL", "'OUTIL'", ": did you mean 'outil'?"),
        ("true", "true", ""),
        ("3", "3", ""),
        ("[outil]", "['outil']", ""),
    ],
)
def test_an_unknown_kind_is_shown_as_written_and_a_case_slip_gets_its_suggestion(
    value: str, shown: str, meant: str
) -> None:
    message = (
        f"'categorie' is {shown}, a kind of document the configuration does not know: 'methode' (Fiche méthode),"
        f" 'outil' (Fiche outil){meant} (no contract checks this document until then)"
    )
    assert schema_findings(SEED.replace("categorie: methode", f"categorie: {value}")) == [(4, 12, "SCH008", message)]


def test_misspelt_key_is_unknown_with_a_suggestion_and_the_real_one_missing() -> None:
    assert schema_findings(SEED.replace("tagline:", "tagilne:")) == [
        (2, 1, "SCH001", "missing required key 'tagline' (Accroche)"),
        (3, 1, "SCH005", "unknown key 'tagilne': did you mean 'tagline'?"),
    ]


def test_missing_keys_are_listed_once_at_the_mapping() -> None:
    text = SEED.replace("tagline: Dispositif", "x-tagline: Dispositif").replace("ordre: 5\n", "")
    findings = schema_findings(text)
    assert (2, 1, "SCH001", "missing required keys 'tagline', 'ordre'") in findings


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("url_video_demo:", "url_video_demo: hhttps://exemple.fr", (11, 17, "URL001")),
        ("contact:", "contact: participation.gouv.fr", (6, 10, "MAIL001")),
        ("date: '2017-04-04T15:57:58.478+00:00'", "date:", (13, 1, "DAT001")),
        ("date: '2017-04-04T15:57:58.478+00:00'", "date: 2019-02-30", (13, 7, "DAT001")),
    ],
)
def test_formats_are_reported_once_by_the_rule_that_owns_them(old: str, new: str, expected: tuple) -> None:
    found = [
        (d.span.line, d.span.column, d.code)
        for d in lint_text(SEED.replace(old, new))
        if not d.code.startswith(("AST", "TYP"))  # the seed's own typography is tested elsewhere
    ]
    assert found == [expected]


def test_empty_value_points_at_the_key() -> None:
    text = SEED.replace("title: La conférence de citoyens", "title:")
    assert schema_findings(text) == [(2, 1, "SCH002", "'title' must be text, found an empty value")]


def test_nested_errors_carry_positions() -> None:
    tool = (EXAMPLES / "outil-decidim.md").read_text(encoding="utf-8")
    text = tool.replace("- name: Langues\n", "- nmae: Langues\n")
    assert schema_findings(text) == [
        (31, 3, "SCH001", "missing required key 'name' in 'details_techniques item 4'"),
        (31, 3, "SCH005", "unknown key 'nmae': did you mean 'name'?"),
    ]


def test_upstream_examples_follow_their_schemas() -> None:
    assert schema_findings((EXAMPLES / "outil-decidim.md").read_text(encoding="utf-8")) == []
    assert schema_findings((EXAMPLES / "usage-addiction.md").read_text(encoding="utf-8"), "_usage/x.md") == []


def test_schema_is_chosen_by_folder_and_categorie() -> None:
    tool = (EXAMPLES / "outil-decidim.md").read_text(encoding="utf-8")
    # the same document read as a method: the tool keys are unknown to the method schema
    assert any(
        code == "SCH003" for _l, _c, code, _m in schema_findings(tool.replace("categorie: outil", "categorie: methode"))
    )


def test_document_outside_collections_gets_one_informational_finding() -> None:
    diags = [d for d in lint_text(SEED, "notes/brouillon.md") if not d.code.startswith("TYP")]
    assert [(d.code, d.severity.value) for d in diags] == [("SCH007", "info")]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2017-04-04T15:57:58.478+00:00", True),
        ("2019-05-22 09:29:08 +0000", True),
        ("2019-05-22", True),
        ("2020-02-29", True),
        ("2019-02-30", False),
        ("2019-13-01", False),
        ("22/05/2019", False),
        ("2019-05-22 25:00:00 +0000", False),
        ("", False),
    ],
)
def test_jekyll_date_format(value: str, valid: bool) -> None:
    assert is_jekyll_date(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("https://www.dailymotion.com/embed/video/x711dei", True),
        ("http://exemple.fr", True),
        ("hhttps://exemple.fr", False),
        ("https:/exemple.fr", False),
        ("https://exemple .fr", False),
        ("exemple.fr", False),
    ],
)
def test_uri_format(value: str, valid: bool) -> None:
    assert is_url(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [("participationcitoyenne@modernisation.gouv.fr", True), ("contact@exemple", False), ("a b@exemple.fr", False)],
)
def test_email_format(value: str, valid: bool) -> None:
    assert is_email(value) is valid


def test_formats_are_asserted_by_the_validator_not_silently_skipped() -> None:
    from methlint.schemas import validator

    errors = list(validator("method").iter_errors({"date": "2019-02-30", "access_link": "hhttps://x.fr"}))
    assert {e.validator for e in errors if e.absolute_path and e.absolute_path[0] == "date"} == {"format"}
    assert any(e.validator == "anyOf" and list(e.absolute_path) == ["access_link"] for e in errors)


def test_a_key_or_value_too_long_to_be_a_typo_gets_no_suggestion() -> None:
    """difflib's ratio is quadratic: past 200 characters, no "did you mean" (and no cost)."""
    long_key = "tagline" * 40
    text = f"---\ntitle: x\n{long_key}: y\ncategorie: methode\nlayout: {'methodes' * 30}\n---\n"
    found = lint_text(text, "_outil/x.md", Config(select=("SCH003", "SCH005")))
    assert [d.code for d in found] == ["SCH005", "SCH003"]
    assert not any("did you mean" in d.message for d in found)
    near = lint_text(text.replace(long_key, "tagilne").replace("methodes" * 30, "methodes"), "_outil/x.md")
    kind = lint_text(text.replace("categorie: methode", f"categorie: {'methodes' * 30}"), "_outil/x.md")
    assert [d.code for d in kind] == ["SCH008"] and "did you mean" not in kind[0].message
    assert sum("did you mean" in d.message for d in near) == 2  # short ones still get theirs
