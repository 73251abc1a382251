"""The typography fast paths give exactly what the reference paths give."""

from __future__ import annotations

import re
from itertools import accumulate
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from methlint import prose
from methlint.config import Config
from methlint.document import Document
from methlint.rules import (
    typo_characters,
    typo_ellipsis,
    typo_missing_space_after,
    typo_multiple_spaces,
    typo_repeated_word,
    typo_space_inside,
    typo_stray_period,
    typo_trailing_whitespace,
    typo_unpaired,
)
from methlint.rules._base import Context
from tests.typography_helpers import positions

FIXTURES = Path(__file__).parent / "fixtures"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "seeds").glob("*.md"))]
TABLE = "| Étape | Durée  |\n|:---|---:|\n| Formation ( 2 ) | 2 week-ends , au moins |\n"


def _units(text: str):
    extracted = prose.extract(Document("_outil/a.md", text))
    return extracted.units, extracted.verbatim_lines, extracted.text


def _with_whole_body_markdown(monkeypatch, text: str):
    monkeypatch.setattr(prose, "_standalone_tables", lambda *args: None)
    return _units(text)


@pytest.mark.parametrize("seed", range(len(SEED_TEXTS)))
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_standalone_tables_read_like_markdown_it_reads_the_whole_body(monkeypatch, seed: int, where: str) -> None:
    head, separator, body = SEED_TEXTS[seed].partition("\n---\n")
    paragraphs = body.split("\n\n")
    at = {"start": 0, "middle": len(paragraphs) // 2, "end": len(paragraphs)}[where]
    text = head + separator + "\n\n".join([*paragraphs[:at], TABLE, *paragraphs[at:]])
    fast = _units(text)
    assert any(unit.text == "Formation ( 2 )" for unit in fast[0])  # the table was read
    assert fast == _with_whole_body_markdown(monkeypatch, text)


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
def test_tables_that_do_not_stand_alone_go_through_markdown_it(monkeypatch, body: str) -> None:
    text = "---\ntitle: T\n---\n" + body
    assert prose._standalone_tables(Document("a.md", text), body, prose._body_lines(body, 17)) is None
    assert _units(text) == _with_whole_body_markdown(monkeypatch, text)


PREFIXED_PATTERNS = [
    (typo_multiple_spaces._SPACES, "  "),
    (typo_stray_period._DOUBLE, ".."),
    (typo_ellipsis._ETC, "etc"),
    (typo_ellipsis._THREE_PERIODS, "..."),
    (typo_ellipsis._PERIODS_AFTER_ELLIPSIS, "…"),
    *typo_space_inside._INSIDE_OPEN,
    *typo_space_inside._INSIDE_CLOSE,
    *typo_missing_space_after._RARE_GLUED,
]
prose_like = st.text(alphabet=st.sampled_from(list("etc .…\u00a0\nab1';!?()[]")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(prose_like)
def test_find_prefixed_finds_what_the_regex_engine_finds(text: str) -> None:
    extracted = prose.Prose.build(len(text), [prose.ProseUnit(0, text)], frozenset(), ())
    for pattern, prefix in PREFIXED_PATTERNS:
        expected = [match.span() for _unit, match in extracted.find(pattern)]
        assert all(text.startswith(prefix, start) for start, _end in expected)
        assert [match.span() for _unit, match in extracted.find_prefixed(pattern, prefix)] == expected


period_prose = st.text(alphabet=st.sampled_from(list("etc .…\u00a0\nLa1")), max_size=60)


@settings(max_examples=600, deadline=None)
@given(period_prose)
def test_the_period_pair_gate_never_hides_a_period_finding(text: str) -> None:
    extracted = prose.Prose.build(len(text), [prose.ProseUnit(0, text)], frozenset(), ())
    gated = {
        typo_stray_period._SPACED: extracted.has_period_pair,
        typo_stray_period._DOUBLE: extracted.has_period_pair,
        typo_ellipsis._THREE_PERIODS: extracted.has_period_pair,
        typo_ellipsis._ETC: typo_ellipsis._may_hold_etc_periods(extracted),
    }
    for pattern, gate_open in gated.items():
        assert gate_open or pattern.search(extracted.text) is None  # the rules read the masked view


@pytest.mark.parametrize("char", list(typo_characters._INVISIBLE_CHARACTERS))
def test_the_invisible_character_gate_lets_every_invisible_character_through(char: str) -> None:
    text = "---\ntitle: T\n---\nUn mot" + char + "caché.\n"
    assert positions(text, {"TYP016"}) == [(4, 7, "TYP016")]


plain_ascii = "".join(map(chr, typo_characters._PLAIN_ASCII))


def test_every_invisible_character_is_unprintable_and_not_plain_ascii_so_the_gate_lets_it_through() -> None:
    assert [char for char in typo_characters._INVISIBLE_CHARACTERS if char.isprintable()] == []
    assert set(typo_characters._INVISIBLE_CHARACTERS).isdisjoint(plain_ascii)


def test_the_nfc_gate_knows_a_utf8_byte_of_every_combining_mark() -> None:
    marks = [chr(c) for c in range(0x300, 0x2100) if typo_characters._decomposed().fullmatch("e" + chr(c))]
    assert len(marks) == 112 + 64 + 48
    gate = typo_characters._COMBINING_MARK_UTF8_BYTES
    assert [mark for mark in marks if not any(byte in mark.encode() for byte in gate)] == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*"ab \t\r\x00\x1f\x7f\x80éÉ’\u00a0\u0301\u200b\ud800\U0001f600"]), max_size=30)
)
def test_the_rare_characters_are_the_characters_of_the_prose_but_plain_ascii(value: str) -> None:
    doc = Document("_outil/a.md", "---\ntitle: T\n---\n" + value + "\n")
    ctx = Context(Config())
    expected = "".join(c for c in prose.prose(doc, ctx).text if c not in plain_ascii)
    found = typo_characters.rare_characters(doc, ctx)
    assert found == expected
    assert found is ctx.cache[("rare characters", id(doc))]
    assert typo_characters.rare_characters(doc, object()) == found  # a context without a cache


def test_decomposed_letters_are_found_by_the_utf8_gate() -> None:
    text = "---\ntitle: Te\u0301le\u0301phone\n---\nDe\u0300s que.\n"
    assert positions(text, {"TYP015"}) == [(2, 9, "TYP015"), (2, 12, "TYP015"), (4, 2, "TYP015")]


def test_invisible_characters_are_found_in_front_matter_values_beside_printable_units() -> None:
    text = "---\ntitle: Titre\ntagline: Un\u00admot\n---\nTexte.\n"
    assert positions(text, {"TYP016"}) == [(3, 12, "TYP016")]


def test_unpaired_signs_skip_emoticons_and_enumerators_after_masked_prefixes() -> None:
    text = "---\ntitle: T\n---\n> * 1) un\n> * b ) deux ;-)\n\nTrois :) et ( quatre\n"
    assert positions(text, {"TYP021"}) == [(7, 13, "TYP021")]


def test_rules_share_the_extraction_through_the_context_memo() -> None:
    doc = Document("_outil/a.md", "---\ntitle: T\n---\nTexte.\n")
    ctx = Context(Config())
    extracted = prose.prose(doc, ctx)
    assert prose.prose(doc, ctx) is extracted
    assert ctx.memo("prose", doc, lambda: None) is extracted  # the key Context.memo uses


# Lines that exercise every branch of the body's line reading: blank lines (spaces, no-break
# spaces), thematic breaks, setext underlines, link definitions, quotes, items, headings.
body_line = st.sampled_from(
    [
        "",
        " ",
        "\u00a0 ",
        "Texte  suivi ",
        "  a",
        "---",
        "***",
        "- - -",
        "===",
        "[ref]: https://x",
        "[a]b]: c",
        "> cite",
        ">> deux",
        "> ",
        "- ",
        "* item",
        "+ x",
        "1. un",
        "12) deux",
        "1234567890. dix",
        "# Titre",
        "###### six",
        "####### sept",
        "#",
        "## ",
        "#x",
        "   - trois",
        "    code",
        "a\tb",
        "\t",
        "fin .",
    ]
)
body_text = st.lists(body_line, max_size=12).map("\n".join) | st.text(
    alphabet=list(" -*#>1.)=[]:a\u00a0\t\n"), max_size=40
)


@settings(max_examples=1000, deadline=None)
@given(body_text, st.booleans(), st.sampled_from([0, 0, 2, 3]))
def test_the_one_pass_line_reading_reads_what_the_line_loop_reads(body: str, final_newline: bool, skip_every) -> None:
    body += "\n" if final_newline else ""
    doc = Document("_outil/a.md", "---\ntitle: T\n---\n" + body)
    lines = prose._body_lines(body, 17)
    skipped = set(range(0, len(lines), skip_every)) if skip_every else set()
    expected = [unit for unit in prose._line_units(doc, lines, skipped) if unit]
    skipped_offsets = {lines[index][0] - 17 for index in skipped}
    assert prose._text_line_units(doc, body, 17, skipped_offsets) == expected


def test_the_one_pass_line_reading_skips_table_lines_like_the_line_loop() -> None:
    body = "Avant  ceci\n| a | b |\n|---|---|\nAprès\n"
    doc = Document("_outil/a.md", "---\ntitle: T\n---\n" + body)
    lines = prose._body_lines(body, 17)
    expected = [unit for unit in prose._line_units(doc, lines, {1, 2}) if unit]
    assert [unit.text for unit in expected] == ["Avant  ceci", "Après"]
    assert prose._text_line_units(doc, body, 17, {lines[1][0] - 17, lines[2][0] - 17}) == expected


@pytest.mark.parametrize("separator", ["\r\n", "\r", "\u2028", "\x0c"])
def test_bodies_with_other_line_separators_are_read_line_by_line(separator: str) -> None:
    body = separator.join(["Un  deux", "* trois", "", "quatre"]) + separator
    doc = Document("_outil/a.md", "---\ntitle: T\n---\n" + body)
    body_units = [unit for unit in prose.extract(doc).units if not unit.in_front_matter]
    assert body_units == prose._line_units(doc, prose._body_lines(body, 17), set())
    assert [unit.text.rstrip(separator) for unit in body_units] == ["Un  deux", "trois", "quatre"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list(". aAfFrpngPNG/\u017f\u212a\u0130\u0131sSvgkK"), max_size=30))
def test_the_lookahead_before_file_extensions_changes_no_match(text: str) -> None:
    (dot_mask,) = [mask for mask in prose._TOKEN_MASKS if mask.literal == "."]
    without = re.compile(dot_mask.pattern.pattern.replace(r"(?=(?i:[a-z]))", "", 1))
    assert without.pattern != dot_mask.pattern.pattern
    assert [m.span() for m in dot_mask.pattern.finditer(text)] == [m.span() for m in without.finditer(text)]


def test_the_letters_that_defeat_the_byte_comparison_of_words_are_all_listed() -> None:
    every = map(chr, range(0x110000))
    computed = {c for c in every if len(c.lower()) != 1 or c.lower().isascii() != c.isascii()}
    assert computed == set(typo_repeated_word._LOWERED_TO_ASCII)


def _rare(text: str) -> str:
    return "".join(c for c in text if c not in plain_ascii)


words_with_case_traps = st.lists(
    st.sampled_from(
        [
            "le",
            "Le",
            "LE",
            "été",
            "Été",
            "ÉTÉ",
            "œuvre",
            "Œuvre",
            "σσ",
            "ΣΣ",
            "ς",
            "ß",
            "ẞ",
            "İl",
            "il",
            "K",
            "k",
            "\u212a",
            "Ω",
            "ω",
            "Å",
            "å",
            "Ⱥ",
            "ⱥ",
            "l’avis",
            "L’AVIS",
            "a\ue000b",
            "x",
            "y",
        ]
    ),
    max_size=8,
)
separators = st.sampled_from([" ", "  ", "\n", "\t", "\x1c", "\u00a0", "\u2028", " \u00a0 "])


def _lowered_repeats(text: str) -> list[bytes]:
    lowered = text.lower().split()
    return [a.encode("utf-8", "surrogatepass") for a, b in zip(lowered, lowered[1:], strict=False) if a == b]


@settings(max_examples=600, deadline=None)
@given(words_with_case_traps, st.lists(separators, min_size=8, max_size=8))
def test_the_byte_gate_of_repeated_words_never_hides_a_repetition(words: list[str], gaps: list[str]) -> None:
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    found = typo_repeated_word._repeats_in_bytes(text.encode("utf-8", "surrogatepass"), _rare(text))
    assert found is None or found == _lowered_repeats(text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["le", "Le", "LE", "été", "l’été", "L’été", "a\ue000b", "x"]), max_size=8))
def test_without_case_beyond_ascii_the_byte_gate_gives_the_repeated_words(words: list[str]) -> None:
    text = " ".join(words)
    assert typo_repeated_word._repeats_in_bytes(text.encode(), _rare(text)) == _lowered_repeats(text)


def _first_written_repeated_word_rule(doc: Document) -> list:
    """TYP014 as first written: the whole prose lowered and split, a pattern compiled per word."""
    extracted = prose.extract(doc)
    words = extracted.text.lower().split()
    allowed = typo_repeated_word.ALLOWED
    repeated = {a for a, b in zip(words, words[1:], strict=False) if a == b and a[:1].isalpha() and a not in allowed}
    spans = []
    for word in repeated:
        pattern = re.compile(rf"(?<![\w’'-])({re.escape(word)})([ \u00a0]+)\1(?![\w’'-])", re.IGNORECASE)
        spans += [(doc.span(*m.span()), m.group(1)) for _unit, m in extracted.find(pattern)]
    return sorted(spans)


@settings(max_examples=500, deadline=None)
@given(words_with_case_traps, st.lists(separators, min_size=8, max_size=8))
def test_the_repeated_word_rule_finds_what_it_found_as_first_written(words: list[str], gaps: list[str]) -> None:
    doc = Document("_outil/a.md", "---\ntitle: T\n---\n" + "".join(w + g for w, g in zip(words, gaps, strict=False)))
    found = typo_repeated_word.check(doc, Context(Config()))
    assert sorted((f.span, f.message.split("'")[1]) for f in found) == _first_written_repeated_word_rule(doc)


def test_the_byte_gate_of_repeated_words_stops_a_text_without_repetition() -> None:
    text = "L’été, le comité a rendu son avis.\nÉté : une saison."
    assert typo_repeated_word._repeats_in_bytes(text.encode(), _rare(text)) == []
    text = "L’été, Été  ÉTÉ est là"
    assert typo_repeated_word._repeats_in_bytes(text.encode(), _rare(text)) is None  # É lowers beyond ASCII


@pytest.mark.parametrize("space", ["\u00a0", "\u202f"])
def test_the_byte_gate_of_repeated_words_parts_words_at_french_spaces(space: str) -> None:
    # the opt-in French spacing puts them before "; : ! ?" in every paragraph: no slow path for them
    text = f"Le comité{space}: l’avis{space}!{space}avis et et rendu{space}rendu."
    assert typo_repeated_word._repeats_in_bytes(text.encode(), _rare(text)) == _lowered_repeats(text) == [b"et"]
    text = f"Le comité{space}: l’avis{space}!"
    assert typo_repeated_word._repeats_in_bytes(text.encode(), _rare(text)) == []


def _case_traps_of_the_regex_engine() -> set[str]:
    """The characters c for which the engine's case-insensitive literal x (re._compiler: when
    x is cased, it matches the characters whose simple lowercase is x's or in x's extra case
    class; else only x) does not match exactly where c.lower() == x."""
    _sre = pytest.importorskip("_sre", reason="CPython's regex engine internals")
    casefix = pytest.importorskip("re._casefix", reason="CPython's regex engine internals (3.11+)")
    classes = {key: {key, *others} for key, others in casefix._EXTRA_CASES.items()}
    traps = set()
    for code in range(0x110000):
        char = chr(code)
        key = char.lower()
        if len(key) != 1 or ord(key) != _sre.unicode_tolower(code):  # İ: str.lower is not the engine's
            traps.add(char)
        elif key != char and not _sre.unicode_iscased(ord(key)):  # key, uncased, matches only itself
            traps.add(char)
        elif len(classes.get(ord(key), ())) > 1 and not key.isascii():  # ſ ~ s: key matches more than key
            traps.add(char)
    return traps


def test_the_case_traps_of_the_regex_engine_are_all_listed() -> None:
    _sre = pytest.importorskip("_sre", reason="CPython's regex engine internals")
    assert _case_traps_of_the_regex_engine() == typo_repeated_word._CASE_TRAPS
    # the words looked for are lowered already: the engine lowering them again changes nothing
    every = map(chr, range(0x110000))
    assert all(
        _sre.unicode_tolower(ord(c.lower())) == ord(c.lower()) for c in every if c not in typo_repeated_word._CASE_TRAPS
    )


# Letters of every script the engine folds, and the traps among them.
FOLDING_SAMPLE = sorted(
    {
        chr(c)
        for r in ((0x41, 0x7B), (0xB5, 0x250), (0x370, 0x530), (0x1C80, 0x1C90), (0x1E00, 0x1F00), (0x2120, 0x2130))
        for c in range(*r)
    }
    | {"\ua64a", "\ua64b", "\ufb05", "\ufb06", "\u1fbe", "\u1fd3", "\u1fe3"}
)


def test_outside_the_case_traps_a_word_pattern_matches_what_str_lower_matches() -> None:
    plain = [c for c in FOLDING_SAMPLE if c not in typo_repeated_word._CASE_TRAPS]
    for word_char in {c.lower() for c in plain}:
        pattern = re.compile(re.escape(word_char), re.IGNORECASE)
        for char in plain:
            assert (pattern.fullmatch(char) is not None) == (char.lower() == word_char), (char, word_char)


def _reference_repetitions(extracted: prose.Prose, word: str) -> list:
    pattern = re.compile(rf"(?<![\w’'-])({re.escape(word)})([ \u00a0]+)\1(?![\w’'-])", re.I)
    return [(unit, match.span(), match.span(1), match.span(2)) for unit, match in extracted.find(pattern)]


# Spellings of a word, and what may stand between or after two words.
word_spellings = st.sampled_from(
    [
        ["le", "Le", "LE"],
        ["là", "LÀ", "Là"],
        ["été", "ÉTÉ", "Été"],
        ["l’a", "L’A"],
        ["a-b", "A-B"],
        ["x.x", "X.X", "x"],
        ["s", "S", "ſ"],
        ["i", "I", "İ", "ı"],
        ["µ", "μ", "Μ"],
        ["σ", "ς", "Σ"],
        ["k", "K", "\u212a"],
    ]
)
repetition_gaps = st.sampled_from([" ", "  ", "\u00a0", " \u00a0", "\n", "(", ")", "’", "-", ".", "x", "é"])
repetition_pieces = st.tuples(word_spellings, st.integers(0, 3), st.integers(0, 3), repetition_gaps, repetition_gaps)


@settings(max_examples=1000, deadline=None)
@given(st.lists(repetition_pieces, max_size=6))
def test_the_repetitions_of_a_word_are_those_its_own_pattern_finds(pieces: list) -> None:
    text = "".join(
        spellings[i % len(spellings)] + gap + spellings[j % len(spellings)] + after
        for spellings, i, j, gap, after in pieces
    )
    extracted = prose.Prose.build(len(text), [prose.ProseUnit(0, text)], frozenset(), ())
    lowered = text.lower()
    rare = _rare(text)
    for word in set(lowered.split()):  # the words a check looks for are words of the lowered text
        found = typo_repeated_word._repetitions(extracted, lowered, rare, word)
        assert [(unit, m.span(), m.span(1), m.span(2)) for unit, m in found] == _reference_repetitions(extracted, word)


def _reference_not_a_sign(text: str, at: int) -> bool:
    if at and text[at - 1] in ":;-":
        before = text[max(0, at - 2) : at]
        if before[-1:] in (":", ";") or before in (":-", ";-"):
            return True
    if text[at] != ")":
        return False
    line_start = text.rfind("\n", 0, at) + 1
    return re.fullmatch(r"[ \ue000]*(?:\d{1,3}|[a-zA-Z])[ \ue000]*", text[line_start:at]) is not None


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=list(" \ue000\n1٣aZé…:;-([)"), max_size=12))
def test_the_enumerator_test_skips_only_what_the_pattern_rejects(text: str) -> None:
    for at, char in enumerate(text):
        if char in "()[":
            assert typo_unpaired._not_a_sign(text, at) == _reference_not_a_sign(text, at)


plain_cell = st.text(alphabet=list(" aé-:"), max_size=5)
odd_cell = st.text(alphabet=list(" a|é-:\\`\t\u00a0"), max_size=5)
delimiter_cell = st.sampled_from(["---", ":--", "--:", ":-:", " - ", "-", "", "- -", "a", "  "])


@st.composite
def tables(draw) -> list[str]:
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
    text = "---\ntitle: T\n---\n" + "\n".join(lines) + "\n"
    body = text[17:]
    doc = Document("_outil/a.md", text)
    read = prose._standalone_tables(doc, body, prose._body_lines(body, 17))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(prose, "_plain_table_cells", lambda block: None)
        assert read == prose._standalone_tables(doc, body, prose._body_lines(body, 17))


def test_a_plain_table_needs_no_markdown_it(monkeypatch) -> None:
    monkeypatch.setattr(prose, "_markdown_parser", None)  # any call would fail
    assert [unit.text for unit in _units("---\ntitle: T\n---\n" + TABLE)[0][1:]] == [
        "Étape",
        "Durée",
        "Formation ( 2 )",
        "2 week-ends , au moins",
    ]


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=list("ab \t\u00a0\u202f\r\n"), max_size=40) | st.text(alphabet=list("ab \n"), max_size=40))
def test_the_lines_found_ending_with_a_blank_are_those_of_the_line_split(text: str) -> None:
    lines = text.split("\n")
    starts = accumulate((len(line) + 1 for line in lines), initial=0)
    ends_with_blank = typo_trailing_whitespace._ENDS_WITH_BLANK
    expected = [
        (start, start + len(line)) for start, line in zip(starts, lines, strict=False) if line.endswith(ends_with_blank)
    ]
    assert list(typo_trailing_whitespace._blank_ended_lines(text)) == expected


body_block_line = st.sampled_from(
    ["| a | b |", "|---|---|", "|:-|-:|", "| c |", "a | b", "Texte", "* item | x", "", "  ", " | ", "|", "> | a |"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(body_block_line, max_size=10), st.booleans())
def test_tables_found_around_each_pipe_are_the_tables_found_line_by_line(lines: list[str], final_newline) -> None:
    body = "\n".join(lines) + ("\n" if final_newline else "")
    if "|" not in body:
        return
    doc = Document("_outil/a.md", "---\ntitle: T\n---\n" + body)
    by_line = prose._standalone_tables(doc, body, prose._body_lines(body, 17))
    around_pipes = prose._standalone_tables_of_lines(doc, body, 17)
    if by_line is None:
        assert around_pipes is None
    else:
        body_lines = prose._body_lines(body, 17)
        assert around_pipes == (by_line[0], {body_lines[index][0] - 17 for index in by_line[1]})
