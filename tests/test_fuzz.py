"""Short fuzz run: mutated seeds and fixtures never make the check pipeline fail, and
``fix`` never raises nor produces anything it should not write.

The long run is fuzz/run_fuzz.py (see fuzz/README.md); the regression tests at the end
are the crashes fuzzing found, minimised.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from fuzz.harness import CaughtByVerification, check_bytes, fix_bytes, fix_file
from fuzz.mutations import (
    KINDS,
    SIGNIFICANT,
    WORDS,
    Mutation,
    apply,
    corpus,
    punctuation_document,
)
from methlint.fix import fix_text
from methlint.linter import lint_text

SEEDS = corpus()

mutations = st.tuples(st.sampled_from(KINDS), st.integers(0, 1 << 20), st.integers(0, len(SIGNIFICANT) * 8))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS), edits=st.lists(mutations, min_size=1, max_size=8))
def test_mutated_documents_never_crash_the_pipeline(seed: bytes, edits: list[Mutation]):
    data = seed
    for edit in edits:
        data = apply(data, edit)
    check_bytes(data)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(SIGNIFICANT + WORDS), max_size=30))
def test_front_matter_made_of_yaml_punctuation_never_crashes(tokens: list[str]):
    check_bytes(punctuation_document(tokens))


def _mutated(seed: bytes, edits: list[Mutation]) -> bytes:
    for edit in edits:
        seed = apply(seed, edit)
    return seed


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS), edits=st.lists(mutations, min_size=1, max_size=8))
def test_fix_of_mutated_documents_never_raises_nor_yields_what_it_must_not_write(seed, edits):
    try:
        fix_bytes(_mutated(seed, edits))
    except CaughtByVerification as refused:
        # the safety net held (nothing written); the long run reports these rule bugs
        event(f"caught by verification: {str(refused).split(':')[0]}")


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(seed=st.sampled_from(SEEDS), edits=st.lists(mutations, max_size=4))
def test_fix_on_disk_leaves_the_original_or_exactly_the_verified_text(tmp_path_factory, seed, edits):
    try:
        fix_file(_mutated(seed, edits), tmp_path_factory.mktemp("fix"))
    except CaughtByVerification as refused:
        event(f"caught by verification: {str(refused).split(':')[0]}")


def test_mutation_kinds_do_what_they_say():
    assert apply(b"ab\ncd\n", ("insert", 1, SIGNIFICANT.index(": "))) == b"a: b\ncd\n"
    assert apply(b"ab\ncd\n", ("duplicate-line", 4, 0)) == b"ab\ncd\ncd\n"
    assert apply(b"ab\ncd\n", ("delete-line", 0, 0)) == b"cd\n"
    assert apply(b"ab\ncd\n", ("truncate", 2, 0)) == b"ab"
    assert apply(b"a", ("flip", 0, 0)) == b"`"
    assert apply(b"", ("flip", 5, 0)) == b""


def _codes(text: str) -> list[tuple[int, int, str]]:
    return [(d.span.line, d.span.column, d.code) for d in lint_text(text, "autre/doc.md")]


# Regressions: each of these raised out of a rule before being fixed.


def test_regression_standard_tag_with_unconvertible_value():
    assert _codes("---\nordre: !!int deux\n---\n") == [(2, 8, "YML001")]


def test_regression_bool_tag_with_unknown_word():
    assert _codes("---\nvrai: !!bool peut-etre\n---\n") == [(2, 7, "YML001")]


def test_regression_integer_beyond_python_digit_limit():
    assert _codes("---\nordre: " + "9" * 5000 + "\n---\n") == [(2, 8, "YML011")]


def test_regression_merge_key_on_a_scalar():
    assert _codes("---\ncontact:\n  <<: 1\n---\n") == [(3, 7, "YML001")]


def test_regression_lone_surrogate_from_an_api_caller():
    assert _codes("---\ntitle: \ud800\n---\n") == [(2, 8, "YML001")]


def test_regression_not_utf8_file_reported_not_crashed():
    # FM011 read a field DecodeProblem did not have
    check_bytes(b"---\ntitle: conf\xe9rence\n---\n")


def test_regression_empty_value_with_int_tag():
    # found by test_front_matter_made_of_yaml_punctuation_never_crashes: IndexError in PyYAML
    assert _codes("---\nordre: !!int\n---\n") == [(2, 8, "YML001")]
    assert _codes("---\n!!int \n---\n") == [(2, 1, "FM005"), (2, 1, "YML001"), (2, 6, "TYP002")]


def test_regression_alias_inside_its_own_anchor():
    assert _codes("---\npriorites: &p\n- *p\n---\n") == [(3, 3, "YML011")]


# Regressions found by fuzzing fix: each was an internal error (exit 2) before.


def _fix_result(text: str) -> tuple[str, str | None, str | None]:
    new_text, outcome = fix_text(text, "autre/doc.md")
    return new_text, outcome.refused, outcome.internal_error


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---  \ntitre: Le panel\n--- \nCorps\n", "---\ntitre: Le panel\n---\nCorps\n"),
        ("---\ntitre: Le panel\n--- ", "---\ntitre: Le panel\n---"),
        ("---\r\ntitre: Le panel\r\n---\t\r\n", "---\r\ntitre: Le panel\r\n---\r\n"),
    ],
)
def test_regression_trailing_blanks_on_a_delimiter_line_are_removed(source, expected):
    assert _fix_result(source) == (expected, None, None)


@pytest.mark.parametrize(
    ("source", "refused"),
    [
        # the repair reveals what fix never rewrites
        ("---\ntagline: Article 71 : projet\ntagline: Article 71 : projet\n---\n", "duplicate keys"),
        ("---\nbase: &b x\ntagline: Article 71 : projet\n---\n", "anchors or aliases"),
        # a mistake before the repaired line, which the repair cannot reach
        ("---\ntitre: \rLe panel\nordre:2\n---\n", "the YAML does not parse"),
        ("---\n*a titre: Le panel\nordre:2\n---\n", "the YAML does not parse"),
        # a character YAML forbids anywhere: no repair of the syntax helps
        ("---\ntagline: Article 71 : projet\x00\n---\n", "the YAML does not parse"),
    ],
)
def test_regression_structural_repair_that_cannot_succeed_is_refused(source, refused):
    new_text, reason, internal_error = _fix_result(source)
    assert (new_text, internal_error) == (source, None)
    assert refused in reason


@pytest.mark.parametrize(
    "source",
    [
        "---\ncontact:\n  nom: Article 71 : projet\n---\n",  # nested: the declared path was wrong
        "---\n1: a: b\n---\n",  # an integer key
        "---\nyes: a: b\n---\n",  # a boolean key in YAML 1.1
        "---\n!!int b: a: b\n---\n",  # a tagged key PyYAML cannot construct (raised ValueError)
    ],
)
def test_regression_colon_in_value_under_a_key_that_is_not_top_level_text_has_no_fix(source):
    (diagnostic,) = [d for d in lint_text(source, "autre/doc.md") if d.code == "YML005"]
    assert (diagnostic.span.line, diagnostic.fix) == (2 + source.count("  nom"), None)
    assert _fix_result(source) == (source, None, None)


def test_regression_aliased_prose_is_one_unit_not_two():
    # the alias repeated the anchored list's units and shifted every later offset: findings
    # at the wrong place, or past the end of the file (IndexError in TYP021)
    source = "---\natouts: &liste\n- Rapide\ninconvenients: *liste\ntagline: (liste\n---\n"
    assert _codes(source) == [(1, 1, "SCH007"), (2, 9, "YML009"), (5, 10, "TYP021")]
    check_bytes(b"---\natouts: &l\n- Rapide\n- Vite\ninconvenients: *l\ninconvenients: (l\n---\n")
