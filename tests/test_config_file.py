"""Configuration: discovery, validation with positioned errors, effect on a run, `methlint config`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from methlint.cli import cli
from methlint.config import DEFAULT_COLLECTIONS, Config
from methlint.config_file import ConfigError, find_config_file, load_config, locate
from methlint.contracts import AssetPlace, Unique, configured, contract
from methlint.rules import ALL_RULES
from tests.cli_runner import cli_runner

ROOT = Path(__file__).parent.parent
CODES = [rule.code for rule in ALL_RULES]
NOT_TEXT = "---\ntitle: 1\ncategorie: methode\n---\n"  # SCH001 (missing keys) and SCH002 (title is a number) in _outil


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def config_error(tmp_path: Path, toml: str, name: str = "methlint.toml") -> ConfigError:
    write(tmp_path, {name: toml})
    with pytest.raises(ConfigError) as caught:
        load_config(None, [tmp_path], CODES)
    return caught.value


# --- discovery ------------------------------------------------------------------------------


def test_methlint_toml_is_found_upward_from_the_paths(tmp_path: Path) -> None:
    write(tmp_path, {"methlint.toml": 'select = ["SCH"]\n', "content/_outil/a.md": NOT_TEXT})
    config = load_config(None, [tmp_path / "content" / "_outil" / "a.md"], CODES)
    assert config.select == ("SCH",)
    assert config.source == tmp_path / "methlint.toml"
    assert config.content is None  # not configured: with no path, the site around is checked


def test_pyproject_without_a_methlint_table_is_skipped(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.methlint]\nignore = ["SCH002"]\n',
            "site/pyproject.toml": '[project]\nname = "site"\n',
            "site/x.md": "",
        },
    )
    assert find_config_file(tmp_path / "site" / "x.md") == tmp_path / "pyproject.toml"


def test_methlint_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": '[tool.methlint]\nignore = ["SCH"]\n', "methlint.toml": ""})
    assert find_config_file(tmp_path) == tmp_path / "methlint.toml"


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    config = load_config(None, [tmp_path], CODES)
    assert config.source is None and config.collections == DEFAULT_COLLECTIONS and config.select == ()


def test_every_key_is_read(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "methlint.toml": """
content = "site"
select = ["FM", "SCH"]
extend-select = ["MTL001"]
ignore = ["SCH007"]
max-file-bytes = 5000
ordre-scope = "layout"
date-future-years = 3
[per-file-ignores]
"drafts/*.md" = ["SCH"]
[severities]
SCH005 = "warning"
[collections]
"_methodes" = "method"
"_cas" = { schema = "usage", by-categorie = { outil = "tool" } }
"_projets" = { discriminator = "type", by-value = { atelier = "contracts/atelier.schema.json" } }
[assets]
logo = "images"
[typography]
apostrophe = "'"
[yaml-limits]
max-depth = 7
""",
            "contracts/atelier.schema.json": json.dumps(
                {"type": "object", "properties": {"ordre": {"type": "integer", "x-unique": {"within": ["lieu"]}}}}
            ),
        },
    )
    config = load_config(None, [tmp_path], CODES)
    assert config.content == tmp_path / "site"
    assert (config.select, config.extend_select, config.ignore) == (("FM", "SCH"), ("MTL001",), ("SCH007",))
    assert config.per_file_ignores == (("drafts/*.md", ("SCH",)),)
    assert config.severities == (("SCH005", "warning"),)
    atelier = contract(config.collections[2].by_value[0][1])
    assert [(c.folder, c.schema, c.by_value, c.discriminator) for c in config.collections] == [
        ("_methodes", "method", (), "categorie"),
        ("_cas", "usage", (("outil", "tool"),), "categorie"),
        ("_projets", None, (("atelier", atelier.id),), "type"),
    ]
    assert (atelier.label, atelier.path, atelier.shipped) == (
        "contracts/atelier.schema.json",
        tmp_path / "contracts" / "atelier.schema.json",
        False,
    )
    assert atelier.unique == {"ordre": Unique(("lieu",))}
    # the shorthands, over every contract's declarations on their keys, the configuration winning
    assert (config.assets, config.ordre_scope) == ((("logo", "images"),), "layout")
    assert configured(atelier.id, config).unique == {"ordre": Unique(("layout",))}
    method = configured("method", config)
    assert (method.assets["logo"], method.assets["img-bg"]) == (
        AssetPlace("images", "/images/"),
        AssetPlace("img", "/img/"),
    )
    assert method.unique == {"ordre": Unique(("layout",))} and contract("method").unique == {
        "ordre": Unique(("categorie",))
    }
    assert config.date_future_years == 3
    assert config.typography.apostrophe == "'"
    assert (config.limits.max_depth, config.limits.max_aliases, config.max_file_bytes) == (7, 100, 5000)


# --- errors, positioned ----------------------------------------------------------------------


def test_unknown_key_points_at_the_key(tmp_path: Path) -> None:
    err = config_error(tmp_path, 'select = ["FM"]\nslect = ["SCH"]\n')
    assert (err.line, err.column) == (2, 1)
    assert "unknown key 'slect'" in err.message


def test_bad_code_in_a_multiline_array_points_at_the_item(tmp_path: Path) -> None:
    err = config_error(tmp_path, '[tool.methlint]\nselect = [\n  "FM",\n  "fm2",\n]\n', "pyproject.toml")
    assert (err.line, err.column) == (4, 3)
    assert "'fm2'" in err.message and "not a rule code" in err.message


def test_code_prefix_matching_no_rule_is_an_error(tmp_path: Path) -> None:
    err = config_error(tmp_path, 'ignore = ["FM", "ZZZ9"]\n')
    assert (err.line, err.column) == (1, 17)
    assert err.message == "no rule code starts with 'ZZZ9' (`methlint rules` lists them)"
    err = config_error(tmp_path, 'ignore = ["FM", "TYPO10"]\n')
    assert (err.line, err.column, err.message) == (1, 17, "no rule code starts with 'TYPO10': did you mean 'TYP010'?")


def test_bad_kind_in_an_inline_table_points_at_its_key(tmp_path: Path) -> None:
    err = config_error(tmp_path, '[collections]\n_outil = { schema = "metod" }\n')
    assert (err.line, err.column) == (2, 12)
    assert err.message == (
        f"no contract file 'metod' in {tmp_path} (the contracts methlint ships: method, tool, usage):"
        " did you mean 'method'?"
    )


def test_bad_severity_under_a_pyproject_table_header(tmp_path: Path) -> None:
    toml = '[project]\nname = "x"\n\n[tool.methlint.severities]\nSCH = "fatal"\n'
    err = config_error(tmp_path, toml, "pyproject.toml")
    assert (err.line, err.column) == (5, 1)
    assert "'fatal' in severities.SCH must be one of: error, warning, info" == err.message


def test_max_depth_is_at_most_the_ceiling_methlint_can_read(tmp_path: Path) -> None:
    """Past 200 levels the recursive readers would exhaust Python's stack (methlint/yaml_limits.py)."""
    from methlint.schemas import load_schema
    from methlint.yaml_limits import MAX_DEPTH_CEILING

    limits = load_schema("config.schema.json")["properties"]["yaml-limits"]["properties"]
    assert limits["max-depth"]["maximum"] == MAX_DEPTH_CEILING == 200  # the schema tells the user the code's ceiling
    assert str(config_error(tmp_path, "[yaml-limits]\nmax-depth = 201\n")).endswith(
        "methlint.toml:2:1: yaml-limits.max-depth must be at most 200, found the number 201"
    )
    write(tmp_path, {"methlint.toml": "[yaml-limits]\nmax-depth = 200\n"})
    assert load_config(None, [tmp_path], CODES).limits.max_depth == 200


def test_wrong_type_is_reported(tmp_path: Path) -> None:
    err = config_error(tmp_path, 'max-file-bytes = "1MB"\n')
    assert (err.line, err.column) == (1, 1)
    assert err.message.startswith("max-file-bytes must be a whole number, found the text '1MB'")


def test_invalid_toml_keeps_the_parser_position(tmp_path: Path) -> None:
    err = config_error(tmp_path, 'select = ["FM"\nignore = []\n')
    assert (err.line, err.column) == (2, 1)
    assert err.message.startswith("invalid TOML: ")


def test_undecodable_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "methlint.toml").write_bytes(b"select = ['\xff']\n")
    with pytest.raises(ConfigError) as caught:
        load_config(None, [tmp_path], CODES)
    assert caught.value.message.startswith("cannot read the configuration")


def test_locate_ignores_tables_outside_methlint() -> None:
    text = '[tool.other]\nselect = 1\n[tool.methlint]\nselect = ["X"]\n'
    assert locate(text, ["select"], ("tool", "methlint")) == (4, 1)


def test_check_exits_2_with_path_line_col(tmp_path: Path) -> None:
    write(tmp_path, {"methlint.toml": "\n\nseverities = { SCH = 3 }\n", "_outil/a.md": NOT_TEXT})
    result = cli_runner().invoke(cli, ["check", str(tmp_path / "_outil")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'methlint.toml'}:3:16: 3 in severities.SCH must be one of")


# --- effect on a run ---------------------------------------------------------------------------


def run_json(tmp_path: Path, *args: str) -> list[tuple[str, str]]:
    result = cli_runner().invoke(cli, ["check", "--output-format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    start = result.stdout.index("[")
    return [(d["path"].rsplit("/", 1)[-1], d["code"]) for d in json.loads(result.stdout[start:])]


def test_select_ignore_and_cli_override(tmp_path: Path) -> None:
    write(tmp_path, {"methlint.toml": 'ignore = ["SCH001"]\n', "_outil/a.md": NOT_TEXT})
    folder = str(tmp_path / "_outil")
    assert run_json(tmp_path, folder) == [("a.md", "SCH002")]
    assert run_json(tmp_path, folder, "--ignore", "SCH002") == []
    assert run_json(tmp_path, folder, "--select", "SCH001") == []  # config ignore still applies


def test_per_file_ignores_match_paths_relative_to_the_config(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "methlint.toml": '[per-file-ignores]\n"_outil/old-*.md" = ["SCH"]\n"b.md" = ["SCH002"]\n',
            "_outil/old-a.md": NOT_TEXT,
            "_outil/new.md": NOT_TEXT,
            "_outil/b.md": NOT_TEXT,
        },
    )
    found = run_json(tmp_path, str(tmp_path / "_outil"))
    assert found == [("b.md", "SCH001"), ("new.md", "SCH001"), ("new.md", "SCH002")]


def test_severities_and_collections_apply(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "methlint.toml": '[severities]\nSCH = "info"\n[collections]\n"fiches" = "method"\n',
            "fiches/a.md": NOT_TEXT,
        },
    )
    result = cli_runner().invoke(cli, ["check", "--output-format", "json", str(tmp_path / "fiches")])
    found = json.loads(result.stdout[result.stdout.index("[") :])
    assert {(d["code"], d["severity"]) for d in found} == {("SCH001", "info"), ("SCH002", "info")}
    assert result.exit_code == 0  # info never fails a run


def test_content_folder_is_checked_when_no_path_is_given(tmp_path: Path) -> None:
    write(tmp_path, {"methlint.toml": 'content = "site"\n', "site/_outil/a.md": NOT_TEXT})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "methlint", "check"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stdout.startswith("site/_outil/a.md:2:1: SCH001 ")


def test_config_command_prints_the_effective_configuration(tmp_path: Path) -> None:
    write(tmp_path, {"methlint.toml": 'select = ["FM"]\n[typography]\nhard-break-spaces = 0\n'})
    result = cli_runner().invoke(cli, ["config", str(tmp_path), "--output-format", "json"])
    printed = json.loads(result.output)
    assert printed["select"] == ["FM"] and printed["typography"]["hard-break-spaces"] == 0
    assert printed["source"] == str(tmp_path / "methlint.toml")
    assert printed["yaml-limits"] == {"max-depth": 50, "max-aliases": 100, "max-events": 10000}


def test_config_toml_output_reads_back_to_the_same_configuration(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "methlint.toml": 'ignore = ["SCH007"]\nordre-scope = "layout"\n[collections]\n'
            '"_cas" = { by-categorie = { a = "tool" } }\n[assets]\nlogo = "img"\n'
        },
    )
    printed = cli_runner().invoke(cli, ["config", str(tmp_path)]).output
    assert printed.startswith(f"# from {tmp_path / 'methlint.toml'}\n[tool.methlint]\n")
    write(tmp_path / "again", {"pyproject.toml": printed})
    again = load_config(None, [tmp_path / "again"], CODES)
    original = load_config(None, [tmp_path], CODES)
    assert again.ignore == original.ignore and again.collections == original.collections
    shorthands = (original.assets, original.ordre_scope)
    assert (again.assets, again.ordre_scope) == shorthands == ((("logo", "img"),), "layout")
    assert again.limits == original.limits


def test_config_can_be_given_explicitly(tmp_path: Path) -> None:
    write(tmp_path, {"elsewhere/methlint.toml": 'select = ["FM001"]\n', "_outil/a.md": NOT_TEXT})
    explicit = str(tmp_path / "elsewhere" / "methlint.toml")
    assert run_json(tmp_path, str(tmp_path / "_outil"), "--config", explicit) == []


def test_default_config_is_hashable_and_comparable() -> None:
    assert Config(root=ROOT) == Config(root=ROOT)
    hash(Config(root=ROOT))


TOML_FRAGMENTS = st.sampled_from(
    [
        "select",
        "ignore",
        "severities",
        "collections",
        "per-file-ignores",
        "yaml-limits",
        "max-depth",
        " = ",
        "[",
        "]",
        "{",
        "}",
        '"FM"',
        '"SCH002"',
        '"x"',
        "1",
        "-1",
        "true",
        ",",
        "\n",
        ".",
        "[tool.methlint]\n",
        '"_outil"',
        '"method"',
        '"error"',
        "'",
        '"""',
        "#",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(TOML_FRAGMENTS, max_size=30).map("".join))
def test_any_configuration_text_gives_a_config_or_a_positioned_error(tmp_path: Path, text: str) -> None:
    (tmp_path / "methlint.toml").write_text(text, encoding="utf-8")
    try:
        load_config(None, [tmp_path], CODES)
    except ConfigError as err:
        assert 1 <= err.line <= max(1, text.count("\n") + 1) and err.column >= 1 and err.message


def test_the_readme_example_is_a_valid_configuration(tmp_path: Path) -> None:
    import re

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "methlint.toml").write_text(example, encoding="utf-8")
    config = load_config(None, [tmp_path], CODES)
    assert config.extend_select == ("TYP008",) and config.ignore == ("TYP013",)
    assert config.typography.apostrophe == "’"


def test_configured_yaml_limits_reach_the_parser(tmp_path: Path) -> None:
    from methlint.discovery import discover
    from methlint.linter import lint_paths, lint_text

    write(tmp_path, {"methlint.toml": "[yaml-limits]\nmax-depth = 3\n"})
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_outil" / "a.md").write_text("---\na: [[[[1]]]]\n---\n", encoding="utf-8")
    config = load_config(None, [tmp_path], CODES)
    found = lint_paths(list(discover([tmp_path / "_outil"])), config, jobs=1).diagnostics
    assert [(d.span.line, d.code) for d in found if d.code == "YML011"] == [(2, "YML011")]
    assert not [d for d in lint_text("---\na: [[[[1]]]]\n---\n") if d.code == "YML011"]  # default: 50
