"""The typography fast paths give exactly what their references give, and no gate hides a finding.

Each fast path is imported from the module that holds it beside its reference; what is compared
is public: units, findings, the words a gate lets through.
"""

from __future__ import annotations

import re
import subprocess
import sys
from itertools import accumulate
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from methlint.document import Document
from methlint.linter import lint_text
from methlint.rules.typography import repeated_word
from methlint.rules.typography.body import body_lines, body_units, paragraphs_by_line, paragraphs_in_one_pass
from methlint.rules.typography.invisible_characters import INVISIBLE_CHARACTERS
from methlint.rules.typography.markdown import body_units_by_markdown_it
from methlint.rules.typography.masks import TOKEN_MASKS
from methlint.rules.typography.repeated_word import LOWERED_TO_ASCII, may_repeat_a_word, repeated_words
from methlint.rules.typography.tables import markdown_table_units, plain_table_cells, standalone_tables, table_units
from methlint.rules.typography.trailing_whitespace import blank_ended_lines
from methlint.rules.typography.units import ProseUnit
from methlint.rules.typography.view import Prose, extract
from tests.typography_helpers import TYP_RULES, positions

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "seeds").glob("*.md"))]
TABLE = "| Étape | Durée  |\n|:---|---:|\n| Formation ( 2 ) | 2 week-ends , au moins |\n"
FRONT_MATTER = "---\ntitle: T\n---\n"  # the body starts at offset 17
PLAIN_ASCII = "\t\n\r" + "".join(map(chr, range(0x20, 0x7F)))


def _prose_of(text: str) -> Prose:
    return Prose.build(len(text), [ProseUnit(0, text)])


def _findings(text: str) -> list:
    return [(d.span, d.code, d.message, d.fix) for d in lint_text(text, "_outil/a.md", rules=TYP_RULES)]


# --- the body: tables and paragraphs -----------------------------------------------------------


def _read_by_markdown_it(text: str) -> tuple[list[ProseUnit], set[int]]:
    doc = Document("_outil/a.md", text)
    body, offset = doc.parts.body, doc.parts.body_offset
    return body_units_by_markdown_it(doc, body, offset, body_lines(body, offset))


def _read(text: str) -> tuple[list[ProseUnit], set[int]]:
    doc = Document("_outil/a.md", text)
    return body_units(doc, doc.parts.body, doc.parts.body_offset)


@pytest.mark.parametrize("seed", range(len(SEED_TEXTS)))
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_standalone_tables_read_like_markdown_it_reads_the_whole_body(seed: int, where: str) -> None:
    head, separator, body = SEED_TEXTS[seed].partition("\n---\n")
    paragraphs = body.split("\n\n")
    at = {"start": 0, "middle": len(paragraphs) // 2, "end": len(paragraphs)}[where]
    text = head + separator + "\n\n".join([*paragraphs[:at], TABLE, *paragraphs[at:]])
    units, verbatim = _read(text)
    assert any(unit.text == "Formation ( 2 )" for unit in units)  # the table was read
    assert (sorted(units), verbatim) == _read_by_markdown_it(text)


@pytest.mark.parametrize(
    "body",
    [
        "Texte a | b suivi\nd'une ligne\n",  # a pipe in a paragraph: not a table
        "Texte\n| a | b |\n|---|---|\n| c | d |\n",  # a table that interrupts a paragraph
        "> | a | b |\n> |---|---|\n",  # a table in a block quote
        "| a | b |\n|---|---|\n| c | d |\nsuite\n",  # a line without a pipe continues the table
        "|\n| \n",  # a delimiter row of no column: a paragraph for markdown-it
    ],
)
def test_tables_that_do_not_stand_alone_go_through_markdown_it(body: str) -> None:
    text = FRONT_MATTER + body
    assert standalone_tables(Document("a.md", text), body, body_lines(body, 17)) is None
    assert _read(text) == _read_by_markdown_it(text)


plain_cell = st.text(alphabet=list(" aé-:"), max_size=5)
odd_cell = st.text(alphabet=list(" a|é-:\\`\t\u00a0"), max_size=5)
delimiter_cell = st.sampled_from(["---", ":--", "--:", ":-:", " - ", "-", "", "- -", "a", "  "])


@st.composite
def tables(draw: st.DrawFn) -> list[str]:
    """Table-like blocks, most of them tables for markdown-it: a header and a delimiter row
    of about the same width, rows of any width, with or without outer pipes."""
    columns = draw(st.integers(1, 3))
    odd = draw(st.sampled_from([False] * 3 + [True]))  # cells with characters markdown-it may read its own way
    cell = odd_cell if odd else plain_cell
    header = draw(st.lists(cell, min_size=columns, max_size=columns + draw(st.sampled_from([0, 0, 0, 1]))))
    delimiter = draw(st.lists(st.one_of(*[st.just("---")] * 6, delimiter_cell), min_size=columns, max_size=columns))
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=columns + 1), max_size=3))
    lines = [
        "|" + "|".join(cells) + draw(st.sampled_from(["|", "|", "", " | ", "|  "]))
        for cells in [header, delimiter, *rows]
    ]
    if draw(st.sampled_from([False] * 5 + [True])):
        index = draw(st.integers(0, len(lines) - 1))
        lines[index] = draw(st.sampled_from([" ", "a", ""])) + lines[index].lstrip("|")  # no leading pipe
    return lines


@settings(max_examples=1500, deadline=None)
@given(tables())
def test_plain_tables_are_read_as_markdown_it_reads_them(lines: list[str]) -> None:
    text = FRONT_MATTER + "\n".join(lines) + "\n"
    doc = Document("_outil/a.md", text)
    block = body_lines(text[17:], 17)
    if all("|" in line for _offset, line in block):
        assert table_units(doc, block) == markdown_table_units(doc, block)


def test_a_plain_table_needs_no_markdown_it() -> None:
    block = body_lines(TABLE, 17)
    assert plain_table_cells(block) is not None
    program = (
        "import sys\nfrom methlint.document import Document\nfrom methlint.rules.typography.view import extract\n"
        f"units = extract(Document('a.md', {FRONT_MATTER + TABLE!r})).units\n"
        "print([unit.text for unit in units[1:]], 'markdown_it' in sys.modules)\n"
    )
    ran = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True)
    assert ran.stdout == "['Étape', 'Durée', 'Formation ( 2 )', '2 week-ends , au moins'] False\n"


# Lines that exercise every branch of the body's line reading: blank lines (spaces, no-break
# spaces), thematic breaks, setext underlines, link definitions, quotes, items, headings.
body_line = st.sampled_from(
    [
        *["", " ", "\u00a0 ", "Texte  suivi ", "  a", "---", "***", "- - -", "===", "[ref]: https://x", "[a]b]: c"],
        *["> cite", ">> deux", "> ", "- ", "* item", "+ x", "1. un", "12) deux", "1234567890. dix", "# Titre"],
        *["###### six", "####### sept", "#", "## ", "#x", "   - trois", "    code", "a\tb", "\t", "fin ."],
    ]
)
body_text = st.lists(body_line, max_size=12).map("\n".join) | st.text(
    alphabet=list(" -*#>1.)=[]:a\u00a0\t\n"), max_size=40
)


@settings(max_examples=1000, deadline=None)
@given(body_text, st.booleans(), st.sampled_from([0, 0, 2, 3]))
def test_the_one_pass_line_reading_reads_what_the_line_loop_reads(body: str, final_newline: bool, skip_every) -> None:
    body += "\n" if final_newline else ""
    doc = Document("_outil/a.md", FRONT_MATTER + body)
    lines = body_lines(body, 17)
    skipped = {offset for offset, _line in lines[::skip_every]} if skip_every else set()
    assert paragraphs_in_one_pass(doc, body, 17, skipped) == paragraphs_by_line(doc, lines, skipped)


def test_the_one_pass_line_reading_skips_table_lines_like_the_line_loop() -> None:
    body = "Avant  ceci\n| a | b |\n|---|---|\nAprès\n"
    doc = Document("_outil/a.md", FRONT_MATTER + body)
    lines = body_lines(body, 17)
    table_lines = {lines[1][0], lines[2][0]}
    expected = paragraphs_by_line(doc, lines, table_lines)
    assert [unit.text for unit in expected] == ["Avant  ceci", "Après"]
    assert paragraphs_in_one_pass(doc, body, 17, table_lines) == expected


@pytest.mark.parametrize("separator", ["\r\n", "\r", "\u2028", "\x0c"])
def test_bodies_with_other_line_separators_are_read_line_by_line(separator: str) -> None:
    body = separator.join(["Un  deux", "* trois", "", "quatre"]) + separator
    doc = Document("_outil/a.md", FRONT_MATTER + body)
    units = [unit for unit in extract(doc).units if not unit.in_front_matter]
    assert units == paragraphs_by_line(doc, body_lines(body, 17), set())
    assert [unit.text.rstrip(separator) for unit in units] == ["Un  deux", "trois", "quatre"]


# --- the search hints ----------------------------------------------------------------------------

# Signs and the snippets around them that every rule's hints are about
hinted_prose = st.lists(
    st.sampled_from(
        [*"etc .…\u00a0\nab1';!?()[],«»:\t", "  ", "..", "etc", "l'a", "l’a", "a.B", "é. l", "( ", " )", "ab.", "*"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(hinted_prose, hinted_prose)
def test_every_rule_finds_what_it_finds_without_its_search_hints(value: str, body: str) -> None:
    text = "---\ntitle: " + value.replace("\n", " ") + "\n---\n" + body
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(Prose, "find", lambda prose, pattern, **_hints: prose.matches(pattern))
        expected = _findings(text)
    assert _findings(text) == expected


# --- rare characters and the rules that read them ------------------------------------------------


@pytest.mark.parametrize("char", list(INVISIBLE_CHARACTERS))
def test_the_invisible_character_gate_lets_every_invisible_character_through(char: str) -> None:
    text = FRONT_MATTER + "Un mot" + char + "caché.\n"
    assert positions(text, {"TYP016"}) == [(4, 7, "TYP016")]


def test_every_invisible_character_is_a_rare_character_and_unprintable() -> None:
    assert _prose_of(INVISIBLE_CHARACTERS).rare_characters == INVISIBLE_CHARACTERS
    assert [char for char in INVISIBLE_CHARACTERS if char.isprintable()] == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*"ab \t\r\x00\x1f\x7f\x80éÉ’\u00a0\u0301\u200b\ud800\U0001f600"]), max_size=30)
)
def test_the_rare_characters_are_the_characters_of_the_prose_but_plain_ascii(value: str) -> None:
    prose = extract(Document("_outil/a.md", FRONT_MATTER + value + "\n"))
    assert prose.rare_characters == "".join(c for c in prose.text if c not in PLAIN_ASCII)


def test_decomposed_letters_are_found() -> None:
    text = "---\ntitle: Te\u0301le\u0301phone\n---\nDe\u0300s que.\n"
    assert positions(text, {"TYP015"}) == [(2, 9, "TYP015"), (2, 12, "TYP015"), (4, 2, "TYP015")]


def test_invisible_characters_are_found_in_front_matter_values_beside_printable_units() -> None:
    text = "---\ntitle: Titre\ntagline: Un\u00admot\n---\nTexte.\n"
    assert positions(text, {"TYP016"}) == [(3, 12, "TYP016")]


def test_unpaired_signs_skip_emoticons_and_enumerators_after_masked_prefixes() -> None:
    text = FRONT_MATTER + "> * 1) un\n> * b ) deux ;-)\n\nTrois :) et ( quatre\n"
    assert positions(text, {"TYP021"}) == [(7, 13, "TYP021")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list(". aAfFrpngPNG/\u017f\u212a\u0130\u0131sSvgkK"), max_size=30))
def test_the_lookahead_before_file_extensions_changes_no_match(text: str) -> None:
    (dot_mask,) = [mask for mask in TOKEN_MASKS if mask.literal == "."]
    without = re.compile(dot_mask.pattern.pattern.replace(r"(?=(?i:[a-z]))", "", 1))
    assert without.pattern != dot_mask.pattern.pattern
    assert [m.span() for m in dot_mask.pattern.finditer(text)] == [m.span() for m in without.finditer(text)]


# --- TYP014's gate -------------------------------------------------------------------------------


def test_the_letters_that_defeat_the_byte_comparison_of_words_are_all_listed() -> None:
    every = map(chr, range(0x110000))
    computed = {c for c in every if len(c.lower()) != 1 or c.lower().isascii() != c.isascii()}
    assert computed == set(LOWERED_TO_ASCII)


words_with_case_traps = st.lists(
    st.sampled_from(
        [*["le", "Le", "LE", "été", "Été", "ÉTÉ", "œuvre", "Œuvre", "σσ", "ΣΣ", "ς", "ß", "ẞ", "İl", "il", "K", "k"]]
        + [*["\u212a", "Ω", "ω", "Å", "å", "Ⱥ", "ⱥ", "l’avis", "L’AVIS", "a\ue000b", "x", "y", "ſ", "s", "µ", "μ"]]
    ),
    max_size=8,
)
separators = st.sampled_from([" ", "  ", "\n", "\t", "\x1c", "\u00a0", "\u202f", "\u2028", " \u00a0 "])


@settings(max_examples=600, deadline=None)
@given(words_with_case_traps, st.lists(separators, min_size=8, max_size=8))
def test_the_byte_gate_of_repeated_words_never_hides_a_repetition(words: list[str], gaps: list[str]) -> None:
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    assert may_repeat_a_word(_prose_of(text)) or not repeated_words(text)


@settings(max_examples=500, deadline=None)
@given(words_with_case_traps, st.lists(separators, min_size=8, max_size=8))
def test_the_repeated_word_rule_finds_what_it_finds_without_its_gate(words: list[str], gaps: list[str]) -> None:
    text = FRONT_MATTER + "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(repeated_word, "may_repeat_a_word", lambda prose: True)
        expected = _findings(text)
    assert _findings(text) == expected


def test_the_byte_gate_of_repeated_words_stops_a_text_without_repetition() -> None:
    assert not may_repeat_a_word(_prose_of("L’été, le comité a rendu son avis.\nÉté : une saison."))
    assert may_repeat_a_word(_prose_of("L’été, Été  ÉTÉ est là"))  # "été été", told apart from "été" by the case


@pytest.mark.parametrize("space", ["\u00a0", "\u202f"])
def test_the_byte_gate_of_repeated_words_parts_words_at_french_spaces(space: str) -> None:
    # the opt-in French spacing puts them before "; : ! ?" in every paragraph
    assert may_repeat_a_word(_prose_of(f"Le comité{space}: l’avis{space}!{space}rendu et{space}et signé."))
    assert not may_repeat_a_word(_prose_of(f"Le comité{space}: l’avis{space}!"))


# --- TYP002's line search ------------------------------------------------------------------------


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=list("ab \t\u00a0\u202f\r\n"), max_size=40) | st.text(alphabet=list("ab \n"), max_size=40))
def test_the_lines_found_ending_with_a_blank_are_those_of_the_line_split(text: str) -> None:
    lines = text.split("\n")
    starts = accumulate((len(line) + 1 for line in lines), initial=0)
    ends_with_blank = tuple(" \t\u00a0\u202f") + tuple(blank + "\r" for blank in " \t\u00a0\u202f")
    expected = [
        (start, start + len(line)) for start, line in zip(starts, lines, strict=False) if line.endswith(ends_with_blank)
    ]
    assert list(blank_ended_lines(text)) == expected
