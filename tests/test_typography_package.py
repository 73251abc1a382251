"""The typography package's shape: one module per rule, named after it, each listed once in code
order; its tests reach only public names."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from methlint.rules import ALL_RULES, typography
from methlint.rules.typography import RULE_MODULES, RULES

PACKAGE = Path(typography.__file__).parent
TESTS = Path(__file__).parent


def test_each_rule_module_is_named_after_its_rule() -> None:
    for name in RULE_MODULES:
        rule = importlib.import_module(f"{typography.__name__}.{name}").RULE
        assert rule.name.replace("-", "_") == name and rule.code.startswith("TYP")


def test_every_module_that_holds_a_rule_is_listed_once() -> None:
    modules = sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__")
    holding = [name for name in modules if hasattr(importlib.import_module(f"{typography.__name__}.{name}"), "RULE")]
    assert sorted(RULE_MODULES) == holding
    assert len(set(RULE_MODULES)) == len(RULE_MODULES)


def test_the_typography_rules_keep_their_place_in_the_registry() -> None:
    codes = [rule.code for rule in RULES]
    assert codes == sorted(codes)
    start = ALL_RULES.index(RULES[0])
    assert ALL_RULES[start : start + len(RULES)] == RULES
    assert [rule for rule in ALL_RULES if rule.code.startswith("TYP")] == list(RULES)


def _private_names_reached(source: str) -> list[str]:
    """``from methlint… import _name`` and ``module._name`` where the module came from methlint."""
    tree = ast.parse(source)
    reached, modules = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("methlint"):
            reached += [alias.name for alias in node.names if alias.name.startswith("_")]
            modules.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            modules.update(
                (alias.asname or alias.name).split(".")[0] for alias in node.names if alias.name.startswith("methlint")
            )
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            reached.append(f"{node.value.id}.{node.attr}")
    return reached


def test_the_typography_tests_reach_no_private_name() -> None:
    files = [TESTS / "test_prose.py", TESTS / "typography_helpers.py", *sorted(TESTS.glob("test_typography_*.py"))]
    reached = {path.name: _private_names_reached(path.read_text(encoding="utf-8")) for path in files}
    assert {name: found for name, found in reached.items() if found} == {}


def test_the_private_name_check_sees_both_ways_in() -> None:
    source = "from methlint.rules.typography import body\nfrom methlint.x import _y\nbody._BODY_LINE\n"
    assert _private_names_reached(source) == ["_y", "body._BODY_LINE"]
