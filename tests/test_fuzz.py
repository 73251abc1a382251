"""Short fuzz run: mutated seeds and fixtures never make the check pipeline fail.

The long run is fuzz/run_fuzz.py (see fuzz/README.md); the regression tests at the end
are the crashes fuzzing found, minimised.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.harness import check_bytes
from fuzz.mutations import (
    KINDS,
    SIGNIFICANT,
    WORDS,
    Mutation,
    apply,
    corpus,
    punctuation_document,
)
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
    assert _codes("---\nordre: " + "9" * 5000 + "\n---\n") == [(2, 8, "YML001")]


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
