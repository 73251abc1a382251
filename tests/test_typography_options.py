"""Every documented [typography] key, read from a real methlint.toml, changes what the rules do;
unknown keys and invalid values are refused at their position."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from methlint.cli import cli
from methlint.config import TypographyOptions
from methlint.config_file import load_config
from methlint.rules import ALL_RULES
from methlint.schemas import load_schema
from tests.cli_runner import cli_runner

CODES = [rule.code for rule in ALL_RULES]


def site(tmp_path: Path, toml: str | None, text: str) -> Path:
    """A folder with a methlint.toml (unless None) and one method document, ``_outil/a.md``."""
    tmp_path.mkdir(exist_ok=True)
    if toml is not None:
        (tmp_path / "methlint.toml").write_text(toml, encoding="utf-8")
    document = tmp_path / "_outil" / "a.md"
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_text(text, encoding="utf-8")
    return document


def findings(document: Path, *options: str) -> list[tuple[int, int, str, str]]:
    result = cli_runner().invoke(cli, ["check", "--no-cache", "--output-format", "json", *options, str(document)])
    assert result.exit_code in (0, 1), result.output
    return [(d["line"], d["column"], d["code"], d["message"]) for d in json.loads(result.stdout)]


def fixed(document: Path, *options: str) -> str:
    result = cli_runner().invoke(cli, ["fix", *options, str(document)])
    assert result.exit_code in (0, 1), result.output
    return document.read_text(encoding="utf-8")


APOSTROPHES = "---\ntitle: Titre\ntagline: L’avis d'un citoyen\n---\n"


def test_apostrophe_is_the_policy_of_typ010(tmp_path: Path) -> None:
    default = site(tmp_path / "default", None, APOSTROPHES)
    assert findings(default, "--select", "TYP010") == [
        (3, 18, "TYP010", "apostrophe ' where the policy is ’: replace it")
    ]
    straight = site(tmp_path / "straight", '[typography]\napostrophe = "\'"\n', APOSTROPHES)
    assert findings(straight, "--select", "TYP010") == [
        (3, 11, "TYP010", "apostrophe ’ where the policy is ': replace it")
    ]
    assert fixed(straight, "--select", "TYP010") == APOSTROPHES.replace("’", "'")


FRENCH_SPACING = "---\ntitle: Titre\n---\nUne question ? Oui.\n"


@pytest.mark.parametrize(
    ("toml_value", "inserted"), [(None, "\u00a0"), ('"\\u202f"', "\u202f"), ('"\\u00a0"', "\u00a0")]
)
def test_nbsp_is_the_space_typ008_inserts(tmp_path: Path, toml_value: str | None, inserted: str) -> None:
    toml = 'extend-select = ["TYP008"]\n' + (f"[typography]\nnbsp = {toml_value}\n" if toml_value else "")
    document = site(tmp_path, toml, FRENCH_SPACING)
    assert [f[:3] for f in findings(document, "--select", "TYP008")] == [(4, 13, "TYP008")]
    assert fixed(document, "--select", "TYP008") == FRENCH_SPACING.replace(" ?", inserted + "?")


HARD_BREAK = "---\ntitle: Titre\n---\nPremière ligne  \nseconde ligne.\n"


@pytest.mark.parametrize(
    ("toml", "reported"),
    [
        (None, []),
        ("hard-break-spaces = 2", []),
        ("hard-break-spaces = 0", [(4, 15, "TYP002")]),
        ("hard-break-spaces = 3", [(4, 15, "TYP002")]),
    ],
)
def test_hard_break_spaces_are_the_trailing_spaces_typ002_keeps(
    tmp_path: Path, toml: str | None, reported: list
) -> None:
    document = site(tmp_path, None if toml is None else f"[typography]\n{toml}\n", HARD_BREAK)
    assert [f[:3] for f in findings(document, "--select", "TYP002")] == reported


PROSE_KEYS = "---\ntitle: Titre\ntagline: Une  accroche\nresume: Un  résumé\n---\n"


def test_prose_keys_are_the_front_matter_values_typography_reads(tmp_path: Path) -> None:
    # `resume` is a key the method schema does not know: prose by default, like `tagline`
    default = site(tmp_path / "default", None, PROSE_KEYS)
    assert [f[:3] for f in findings(default, "--select", "TYP001")] == [(3, 13, "TYP001"), (4, 11, "TYP001")]
    toml = '[typography]\nprose-keys = ["title", "resu*"]\nunknown-keys-are-prose = false\n'
    configured = site(tmp_path / "configured", toml, PROSE_KEYS)
    assert [f[:3] for f in findings(configured, "--select", "TYP001")] == [(4, 11, "TYP001")]


UNKNOWN_KEYS = (
    "---\ntitle: Titre\nresume: Un  résumé\nlayout: a  b\nsite_web: https://a.fr/x  \n"
    "parametres:\n- nom: Un  nom\n  fichier: rapport.pdf\n---\n"
)


def test_values_under_keys_the_schema_does_not_know_are_prose_unless_turned_off(tmp_path: Path) -> None:
    # Jekyll's own keys (layout) and values that are one name (a URL, a file) are not prose
    default = site(tmp_path / "default", None, UNKNOWN_KEYS)
    assert [f[:3] for f in findings(default, "--select", "TYP001")] == [(3, 11, "TYP001"), (7, 10, "TYP001")]
    off = site(tmp_path / "off", "[typography]\nunknown-keys-are-prose = false\n", UNKNOWN_KEYS)
    assert findings(off, "--select", "TYP001") == []


@pytest.mark.parametrize(
    ("table", "position", "message"),
    [
        ('apostrophe = "x"\n', "3:1", "'x' in typography.apostrophe must be one of: ’, '"),
        ('nbsp = " "\n', "3:1", "' ' in typography.nbsp must be one of: U+00A0, U+202F"),
        ("hard-break-spaces = -1\n", "3:1", "typography.hard-break-spaces must be at least 0, found the number -1"),
        ('hard-break-spaces = "2"\n', "3:1", "typography.hard-break-spaces must be a whole number, found the text '2'"),
        ('prose-keys = "title"\n', "3:1", "typography.prose-keys must be a list, found the text 'title'"),
        ('apostrophe = "’"\nguillemets = "«»"\n', "4:1", "unknown key 'guillemets' in typography"),
    ],
)
def test_unknown_keys_and_invalid_values_are_refused_at_their_position(
    tmp_path: Path, table: str, position: str, message: str
) -> None:
    document = site(tmp_path, 'select = ["TYP"]\n[typography]\n' + table, APOSTROPHES)
    result = cli_runner().invoke(cli, ["check", str(document)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"{tmp_path / 'methlint.toml'}:{position}: {message}"


def test_every_option_is_a_key_of_the_schema_and_back() -> None:
    keys = set(load_schema("config.schema.json")["properties"]["typography"]["properties"])
    assert keys == {field.name.replace("_", "-") for field in fields(TypographyOptions)}


def test_the_printed_configuration_reads_back_to_the_same_options(tmp_path: Path) -> None:
    toml = '[typography]\napostrophe = "\'"\nnbsp = "\\u202f"\nhard-break-spaces = 0\nprose-keys = ["title"]\n'
    toml += "unknown-keys-are-prose = false\n"
    site(tmp_path, toml, APOSTROPHES)
    original = load_config(None, [tmp_path], CODES).typography
    assert original == TypographyOptions("'", "\u202f", 0, ("title",), False)
    printed = cli_runner().invoke(cli, ["config", str(tmp_path)]).output
    assert 'nbsp = "\\u202f"' in printed.splitlines()  # visible, as written
    (tmp_path / "again").mkdir()
    (tmp_path / "again" / "pyproject.toml").write_text(printed, encoding="utf-8")
    assert load_config(None, [tmp_path / "again"], CODES).typography == original
