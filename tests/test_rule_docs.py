"""Every registered rule is documented and tested; `methlint rules`, `explain` and `schema` show it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from methlint.cli import cli
from methlint.rules import ALL_RULES
from tests.cli_runner import cli_runner

TESTS = Path(__file__).parent
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Fix safety")


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL_RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{1,4}[0-9]{3}", code) for code in codes), codes
    names = [rule.name for rule in ALL_RULES]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) for name in names), names


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_rule_has_its_documentation(rule) -> None:
    positions = [rule.doc.find(section) for section in SECTIONS]
    assert -1 not in positions, f"{rule.code}: missing {[s for s, p in zip(SECTIONS, positions, strict=True) if p < 0]}"
    assert positions == sorted(positions), f"{rule.code}: sections out of order"
    assert rule.summary and not rule.summary.endswith(".")


def test_every_rule_is_mentioned_in_a_test() -> None:
    tests_text = "\n".join(path.read_text(encoding="utf-8") for path in TESTS.rglob("test_*.py"))
    untested = [rule.code for rule in ALL_RULES if rule.code not in tests_text]
    assert untested == []


def test_rules_lists_every_rule() -> None:
    result = cli_runner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "FIX", "DEFAULT", "SUMMARY"]
    assert [line.split()[0] for line in lines[1:]] == [rule.code for rule in ALL_RULES]
    mtl = next(line for line in lines if line.startswith("MTL001"))
    assert mtl.split()[1:4] == ["unused-suppression", "never", "off"]


def test_rules_as_json() -> None:
    rows = json.loads(cli_runner().invoke(cli, ["rules", "--output-format", "json"]).output)
    fm003 = next(row for row in rows if row["code"] == "FM003")
    assert fm003 == {
        "code": "FM003",
        "name": "byte-order-mark",
        "fix": "always",
        "default": "on",
        "summary": "BOM hides the front matter from Jekyll",
    }


@pytest.mark.parametrize("key", ["FM003", "fm003", "byte-order-mark"])
def test_explain_by_code_or_name(key: str) -> None:
    result = cli_runner().invoke(cli, ["explain", key])
    assert result.exit_code == 0
    assert result.output.startswith("# FM003 (byte-order-mark)\n")
    assert all(section in result.output for section in SECTIONS)


def test_explain_unknown_code_exits_2() -> None:
    result = cli_runner().invoke(cli, ["explain", "XX999"])
    assert result.exit_code == 2
    assert "unknown rule 'XX999'" in result.stderr


@pytest.mark.parametrize("kind", ["method", "tool", "usage", "config", "output"])
def test_schema_prints_json_schema(kind: str) -> None:
    result = cli_runner().invoke(cli, ["schema", kind])
    assert result.exit_code == 0
    assert json.loads(result.output)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_without_kind_lists_them_and_unknown_is_an_error() -> None:
    listed = cli_runner().invoke(cli, ["schema"]).output.split()
    assert listed[0::2] == ["method", "tool", "usage", "config", "output"]
    result = cli_runner().invoke(cli, ["schema", "recette"])
    assert result.exit_code == 2 and "unknown schema 'recette'" in result.stderr


def test_docs_rules_md_is_generated_from_the_docstrings(capsys: pytest.CaptureFixture[str]) -> None:
    """On failure run `python -m methlint.rule_catalogue`."""
    from methlint.rule_catalogue import RULES_MD, main, render

    assert main(["--check"]) == 0, capsys.readouterr().err
    page = RULES_MD.read_text(encoding="utf-8")
    for rule in ALL_RULES:  # every rule, with its summary in the table and its whole docstring below
        assert f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | `{rule.name}` |" in page
        assert f"## {rule.code} ({rule.name})\n\n{rule.summary}.\n\n### What it does\n" in page
    assert render() == page


def test_the_catalogue_check_fails_when_a_docstring_changed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from methlint import rule_catalogue

    stale = tmp_path / "rules.md"
    stale.write_text(rule_catalogue.render().replace("BOM hides", "A BOM hides"), encoding="utf-8")
    monkeypatch.setattr(rule_catalogue, "RULES_MD", stale)
    assert rule_catalogue.main(["--check"]) == 1
    assert rule_catalogue.main([]) == 0
    assert stale.read_text(encoding="utf-8") == rule_catalogue.render()
