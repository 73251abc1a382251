"""Suppression comments: each form, prefixes and lists, scope, and unused ones (MTL001)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from methlint.config import Config
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.linter import lint_text
from methlint.rules import Context, Rule, get


def _every_marker(code: str, marker: str):
    def check(doc: Document, ctx: Context) -> Iterator[Finding]:
        for match in re.finditer(marker, doc.text):
            yield Finding(doc.span(match.start(), match.end()), f"{marker} here")

    return check


# Two stand-in rules so that suppressions are tested apart from what real rules report.
BAD = Rule("TST001", "bad", _every_marker("TST001", "BAD"), "", "BAD marker")
UGLY = Rule("TST002", "ugly", _every_marker("TST002", "UGLY"), "", "UGLY marker")
RULES = [BAD, UGLY]
WITH_UNUSED = [BAD, UGLY, get("MTL001")]


def found(text: str, rules: list[Rule] = RULES) -> list[tuple[int, int, str]]:
    return [(d.span.line, d.span.column, d.code) for d in lint_text(text, "x/doc.md", Config(), rules)]


def test_without_suppressions_every_marker_is_reported() -> None:
    assert found("---\na: BAD\n---\nUGLY BAD\n") == [(2, 4, "TST001"), (4, 1, "TST002"), (4, 6, "TST001")]


# --- front matter -------------------------------------------------------------------------------


def test_yaml_comment_on_the_line() -> None:
    text = "---\na: BAD  # methlint: ignore[TST001]\nb: BAD\n---\n"
    assert found(text) == [(3, 4, "TST001")]


def test_yaml_comment_on_the_line_above() -> None:
    text = "---\n# methlint: ignore[TST001]\na: BAD\nb: BAD\n---\n"
    assert found(text) == [(4, 4, "TST001")]


def test_yaml_comment_only_hides_the_codes_it_names() -> None:
    text = "---\na: BAD UGLY  # methlint: ignore[TST002]\n---\n"
    assert found(text) == [(2, 4, "TST001")]


def test_several_codes_and_prefixes() -> None:
    assert found("---\na: BAD UGLY  # methlint:ignore[TST001, TST002]\n---\n") == []
    assert found("---\na: BAD UGLY  # methlint: ignore[tst]\n---\n") == []


def test_hash_inside_a_word_is_not_a_comment() -> None:
    assert found("---\na: BAD#methlint: ignore[TST001]\n---\n") == [(2, 4, "TST001")]


def test_ignore_file_anywhere_in_the_front_matter() -> None:
    text = "---\na: BAD UGLY\nb: 1\n# methlint: ignore-file[TST001]\n---\nBAD UGLY\n"
    assert found(text) == [(2, 8, "TST002"), (6, 5, "TST002")]


def test_yaml_directive_in_the_body_is_not_honoured() -> None:
    assert found("---\na: 1\n---\nBAD  # methlint: ignore[TST001]\n") == [(4, 1, "TST001")]


# --- body ------------------------------------------------------------------------------------------


def test_disable_enable_range() -> None:
    text = (
        "---\na: 1\n---\nBAD\n"  # 4: reported
        "<!-- methlint-disable TST001 -->\nBAD UGLY\nBAD\n"  # 5-7: BAD hidden, UGLY reported
        "<!-- methlint-enable TST001 -->\nBAD\n"  # 8-9: reported again
    )
    assert found(text) == [(4, 1, "TST001"), (6, 5, "TST002"), (9, 1, "TST001")]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = "---\na: 1\n---\n<!-- methlint-disable TST -->\nBAD\n\nUGLY\n"
    assert found(text) == []


def test_enable_closes_only_the_codes_it_names() -> None:
    text = "<!-- methlint-disable TST001, TST002 -->\nBAD UGLY\n<!-- methlint-enable TST002 -->\nBAD UGLY\n"
    assert found(text) == [(4, 5, "TST002")]


def test_disable_next_line() -> None:
    text = "---\na: 1\n---\n<!-- methlint-disable-next-line TST001 -->\nBAD\nBAD\n"
    assert found(text) == [(6, 1, "TST001")]


def test_html_directive_in_front_matter_is_not_honoured() -> None:
    text = "---\n# <!-- methlint-disable TST001 -->\na: BAD\n---\n"
    assert found(text) == [(3, 4, "TST001")]


def test_unclosed_front_matter_honours_nothing() -> None:
    text = "---\na: BAD  # methlint: ignore[TST001]\n<!-- methlint-disable TST001 -->\nBAD\n"
    assert found(text) == [(2, 4, "TST001"), (4, 1, "TST001")]


# --- unused suppressions (MTL001) -----------------------------------------------------------------


def test_unused_codes_are_reported_at_the_code() -> None:
    text = "---\na: BAD  # methlint: ignore[TST001, TST002]\n---\n<!-- methlint-disable-next-line TST002 -->\nok\n"
    assert found(text, WITH_UNUSED) == [(2, 36, "MTL001"), (4, 33, "MTL001")]


def test_used_suppressions_are_not_reported() -> None:
    text = "---\na: BAD  # methlint: ignore[TST]\n---\n<!-- methlint-disable NOPE -->\n"
    assert found(text, WITH_UNUSED) == [(4, 23, "MTL001")]  # NOPE names no rule: never used


def test_mtl001_is_off_by_default() -> None:
    rule = get("MTL001")
    assert rule.default_enabled is False
    assert [d.code for d in lint_text("---\na: 1  # methlint: ignore[SCH]\n---\n", "x/doc.md")] == ["SCH007"]


def test_unused_report_message() -> None:
    diagnostics = lint_text("<!-- methlint-disable TST001 -->\n", "x/doc.md", Config(), WITH_UNUSED)
    assert [d.message for d in diagnostics] == ["unused suppression: no TST001 finding here; remove it"]


# --- codes that name no rule (MTL002) ------------------------------------------------------------------


def unknown(text: str) -> list[tuple[int, int, str]]:
    return [(d.span.line, d.span.column, d.message) for d in lint_text(text, "x/doc.md", Config(), [get("MTL002")])]


def test_a_code_naming_no_rule_is_reported_at_the_code_with_the_closest_one() -> None:
    text = "---\ntitle: x  # methlint: ignore[SCH002, TYPO10]\n---\n<!-- methlint-disable-next-line FOO -->\nx\n"
    assert unknown(text) == [
        (2, 38, "no rule code starts with 'TYPO10': this suppression hides nothing; did you mean 'TYP010'?"),
        (4, 33, "no rule code starts with 'FOO': this suppression hides nothing"),
    ]


def test_codes_and_prefixes_of_registered_rules_are_not_reported() -> None:
    text = "---\n# methlint: ignore-file[YML, sch, TYP010]\n---\n<!-- methlint-disable MTL -->\n"
    assert unknown(text) == []
    assert get("MTL002").default_enabled  # on by default: a misspelt code is never silent


def test_real_rule_suppressed_in_front_matter() -> None:
    text = "---\ntitle: 1  # methlint: ignore[SCH002]\ncategorie: methode\n---\n"
    assert [d.code for d in lint_text(text)] == ["SCH001"]


# --- never a crash ------------------------------------------------------------------------------


FRAGMENTS = st.sampled_from(
    [
        "---\n",
        "a: BAD",
        "UGLY",
        "\n",
        "\r\n",
        " ",
        "#",
        "# methlint: ignore[",
        "# methlint: ignore-file[",
        "TST001",
        ",",
        "]",
        "<!-- methlint-disable ",
        "<!-- methlint-enable ",
        "<!-- methlint-disable-next-line ",
        " -->",
        "\ufeff",
        "...\n",
        "é",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_any_mix_of_directives_is_handled(text: str) -> None:
    plain = lint_text(text, "x/doc.md", Config(), RULES)
    with_unused = lint_text(text, "x/doc.md", Config(), WITH_UNUSED)
    assert [d for d in with_unused if d.code != "MTL001"] == plain
    assert all(1 <= d.span.line <= text.count("\n") + 1 for d in with_unused)
