"""What the prose scans find on the shapes that once made them super-linear (issue 19).

Their speed is measured by benchmarks/bench_prose_shapes.py (the time at 1 MB over the time
at 100 KB); here, what each scan finds on those shapes, small, with exact spans and findings.
"""

from __future__ import annotations

import pytest

from methlint.rules.typography.masks import code_spans, delimited, markup_spans, token_spans
from tests.typography_helpers import fm, positions


def test_backtick_runs_of_growing_length_pair_only_with_a_run_of_their_own_length():
    text = "` a `` b ``` c `` d"
    assert code_spans(text) == [(4, 17)]  # "`` b ``` c ``"; the lone "`" and "```" close nothing
    assert code_spans("`a` ``b`` `c") == [(0, 3), (4, 9)]


def test_a_backtick_run_inside_a_code_span_neither_opens_nor_closes_one():
    assert code_spans("``a ` b`` `c`") == [(0, 9), (10, 13)]


@pytest.mark.parametrize(
    ("text", "opening", "closing", "spans"),
    [
        ("{{ a {{ b }} c", "{{", "}}", [(0, 12)]),
        ("{{ a }} {{ b {{ c", "{{", "}}", [(0, 7)]),
        ("<!-- a <!-- b", "<!--", "-->", []),
        ("{% a %}{% b", "{%", "%}", [(0, 7)]),
        ("{::comment} a {::comment} b {:/comment}", "{::comment}", "{:/comment}", [(0, 39)]),
    ],
)
def test_a_delimited_region_ends_at_the_first_closing_and_an_unclosed_one_masks_nothing(text, opening, closing, spans):
    assert delimited(text, opening, closing) == spans


@pytest.mark.parametrize(
    "piece", ["{{ a ", "{% a ", "<!-- a ", "{::comment} a ", "{: a ", "` a ", "](", '](x "a ', "a:", "http:"]
)
def test_repeated_unclosed_markup_hides_no_prose_after_it(piece):
    # the unclosed openings are left as text: the double space after them is still found
    body = "Texte " + piece * 50 + "fin  du texte.\n"
    assert positions(fm("title: Essai", "\n" + body), {"TYP001"}) == [(5, len(piece) * 50 + 10, "TYP001")]


def test_a_run_of_colons_after_a_letter_is_no_url():
    assert token_spans("a" + ":" * 300 + " suite") == []
    assert (5, 18) in token_spans("voir http://a.fr/x. Puis")  # the final period is the sentence's
    assert token_spans("http:::: et www.;") == []


def test_repeated_link_middles_mask_each_target():
    assert markup_spans("[a](b)[c](d)](") == [(3, 6), (9, 12)]


def test_opening_brackets_never_closed_are_each_reported():
    body = "Un [a [b [c texte.\n"
    assert positions(fm("title: Essai", "\n" + body), {"TYP021"}) == [
        (5, 4, "TYP021"),
        (5, 7, "TYP021"),
        (5, 10, "TYP021"),
    ]


def test_crossed_pairs_report_the_inner_openings_and_close_the_outer_one():
    body = "Un (a [b «c) fin ] et ».\n"
    assert positions(fm("title: Essai", "\n" + body), {"TYP021"}) == [
        (5, 7, "TYP021"),
        (5, 10, "TYP021"),
        (5, 18, "TYP021"),
        (5, 23, "TYP021"),
    ]


def test_an_enumerator_on_a_later_line_of_a_long_paragraph_is_still_an_enumerator():
    body = "Le choix : " + "mot " * 500 + "\nb) la suite (sans fin.\n"
    assert positions(fm("title: Essai", "\n" + body), {"TYP021"}) == [(6, 13, "TYP021")]
