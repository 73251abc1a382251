"""The prose extractor: what is prose, and that every prose character sits at its file offset."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from methlint.config import DEFAULT_PROSE_KEYS, Config
from methlint.document import Document
from methlint.linter import lint_text
from methlint.rules import Context
from methlint.rules.typography import masks, view
from methlint.rules.typography.body import body_units
from methlint.rules.typography.masks import apply_masks, markup_spans, mask_inline, token_spans
from methlint.rules.typography.units import MASK, ProseUnit, with_text
from methlint.rules.typography.values import NAME, front_matter_units, is_a_name
from methlint.rules.typography.view import extract
from tests.typography_helpers import TYP_RULES, positions

SEEDS = Path(__file__).parent / "fixtures"


def _assert_exact(doc: Document) -> None:
    for unit in extract(doc).units:
        assert isinstance(unit, ProseUnit)
        source = doc.text[unit.start : unit.start + len(unit.text)]
        assert len(source) == len(unit.text)
        for kept, original in zip(unit.text, source, strict=True):
            assert kept in (MASK, original)


def _units(text: str):
    doc = Document("_outil/a.md", text)
    _assert_exact(doc)
    return [(doc.position(u.start), u.text, u.path, u.style) for u in extract(doc).units]


def test_every_unit_of_the_fixtures_maps_to_its_source():
    for path in SEEDS.rglob("*.md"):
        try:
            text = path.read_bytes().decode("utf-8")
        except (UnicodeDecodeError, IsADirectoryError):
            continue  # bad/ holds Latin-1 and UTF-16 documents on purpose
        _assert_exact(Document(path.name, text))


def test_only_prose_keys_are_read_and_quotes_are_outside_the_unit():
    units = _units("---\ntitle: \"Un titre\"\nlayout: methode\ntagline: 'L''avis'\nordre: 5\n---\n")
    assert units == [
        ((2, 9), "Un titre", ("title",), '"'),
        ((4, 11), f"L{MASK * 2}avis", ("tagline",), "'"),
    ]


def test_nested_prose_keys_and_values_that_name_things_are_skipped():
    text = (
        "---\ndetails_techniques:\n- name: Demo\n  link: https://x.fr/\n  content: https://x.fr/\n"
        "- name: Langues\n  content: Français, anglais\nclients:\n- Mairies\n"
        "description: rapport.pdf\n---\n"
    )
    assert [(u[1], u[2]) for u in _units(text)] == [
        ("Demo", ("details_techniques", 0, "name")),
        ("Langues", ("details_techniques", 1, "name")),
        ("Français, anglais", ("details_techniques", 1, "content")),
        ("Mairies", ("clients", 0)),
    ]


def test_multi_line_scalars_mask_their_indentation_and_escapes():
    text = '---\ntagline: un texte\n  plié\ndescription: |\n  bloc\n    garde\ntitle: "a\\tb\\\n  c"\n---\n'
    units = _units(text)
    assert units[0][1] == f"un texte\n{MASK * 2}plié"
    assert units[1][1] == f"{MASK * 2}bloc\n{MASK * 4}garde\n"
    assert units[2][1] == f"a{MASK * 2}b{MASK}\n{MASK * 2}c"


def test_body_line_prefixes_and_hard_breaks_are_not_prose():
    units = _units("---\ntitle: T\n---\n# Titre\n\n> * item  \n>   suite\n\n1. un\n")
    assert [u[1] for u in units[1:]] == ["Titre", f"item{MASK * 2}\n{MASK * 4}suite", "un"]


def test_markdown_path_skips_code_html_and_reads_table_cells():
    units = _units("Texte `code` fin.\n\n```\nx\n```\n\n<div>\nhtml\n</div>\n\n| a | b |\n|---|---|\n| c | d |\n")
    assert [u[1] for u in units] == [f"Texte {MASK * 6} fin.", "a", "b", "c", "d"]


def test_inline_masks():
    masked = mask_inline("voir https://a.fr/x. et a@b.fr, {{ x }} [lien](u) à 10:30 sur site.gouv.fr")
    assert masked == (f"voir {MASK * 14}. et {MASK * 6}, {MASK * 7} [lien]{MASK * 3} à {MASK * 5} sur {MASK * 12}")


def test_a_paragraph_of_empty_lines_is_no_unit():
    assert _units("---\ntitle: T\n---\n> \n>\n") == [((2, 8), "T", ("title",), "")]


def test_no_front_matter_and_unclosed_front_matter():
    assert [u[1] for u in _units("Juste du texte.\n")] == ["Juste du texte."]
    assert _units("---\ntitle: x\n") == []


prose_text = st.text(alphabet=st.sampled_from(list("ab&! :#'\"\\-*>|`{}[]()<\n\t .,é\u0301\u00a0")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(prose_text, prose_text)
def test_any_input_maps_exactly_and_never_crashes(value, body):
    text = "---\ntitle: " + value + "\npriorites:\n- " + value + "\n---\n" + body
    _assert_exact(Document("_outil/a.md", text))
    lint_text(text, rules=TYP_RULES)  # raises on any internal error


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("ab: @./\\w\t.pngPNG"), max_size=20))
def test_a_value_holding_a_space_is_never_a_name_so_it_skips_the_name_regex(value: str) -> None:
    assert is_a_name(value) == (NAME.fullmatch(value) is not None)


def _extract_unit_by_unit(doc: Document) -> tuple[list[ProseUnit], str]:
    """The reference: every unit masked for markup, the view joined, then every unit read again."""
    units = front_matter_units(doc, doc.front_matter, DEFAULT_PROSE_KEYS)
    units += body_units(doc, doc.parts.body, doc.parts.body_offset)[0]
    units = sorted(with_text(unit, apply_masks(unit.text, markup_spans(unit.text))) for unit in units)
    characters = ["\n"] * len(doc.text)
    for unit in units:
        characters[unit.start : unit.start + len(unit.text)] = unit.text
    view = "".join(characters)
    view = apply_masks(view, token_spans(view))
    return [with_text(unit, view[unit.start : unit.start + len(unit.text)]) for unit in units], view


markup_text = st.text(alphabet=list("ab :/.@`<>{}&#;[]()\n-*é"), max_size=50)


@settings(max_examples=400, deadline=None)
@given(
    markup_text,
    markup_text,
    st.lists(st.sampled_from(["`x`", "<b>", "{{ y }}", "[a](b)", "[a][b]", "&amp;", "a.fr", "10:30"])),
)
def test_markup_and_tokens_are_masked_in_the_units_that_hold_them(value: str, body: str, pieces: list[str]) -> None:
    text = "---\ntitle: " + " ".join([value.replace("\n", " "), *pieces]) + "\n---\n" + " ".join([*pieces, body])
    doc = Document("_outil/a.md", text)
    if doc.front_matter is None or not doc.front_matter.ok or not extract(doc).units:
        return
    extracted = extract(doc)
    assert (list(extracted.units), extracted.text) == _extract_unit_by_unit(doc)


def test_an_alias_repeats_its_anchor_and_gives_no_second_unit() -> None:
    text = "---\ntitle: &t Un titre\ntagline: *t\npriorites:\n- *t\n- Autre\n---\n"
    assert [u[2] for u in _units(text)] == [("title",), ("priorites", 1)]


def test_anchors_and_tags_are_not_part_of_the_value() -> None:
    text = (
        "---\ntitle: &t Un titre\ntagline: !!str Une accroche\natouts:\n"
        "- &a \"Un atout\"\n- !!str 'L''atout'\n- &b\n  # un commentaire\n  Trois atouts\n"
        "- &c !!str |\n  Un bloc\n---\n"
    )
    assert _units(text) == [
        ((2, 11), "Un titre", ("title",), ""),
        ((3, 16), "Une accroche", ("tagline",), ""),
        ((5, 7), "Un atout", ("atouts", 0), '"'),
        ((6, 10), f"L{MASK * 2}atout", ("atouts", 1), "'"),
        ((9, 3), "Trois atouts", ("atouts", 2), ""),
        ((11, 1), f"{MASK * 2}Un bloc\n", ("atouts", 3), "|"),
    ]


def test_findings_in_values_with_anchors_and_tags() -> None:
    text = (
        '---\ntagline: !!str Une  accroche\natouts:\n- &a "Un  atout (voir"\n'
        '- &b "  Deux atouts"\n- "  Trois atouts"\n---\n'
    )
    # the tag, the anchor and the quotes are YAML syntax: the unpaired sign is the parenthesis,
    # and the spaces that open an anchored value follow no word, as in a value without anchor
    assert positions(text) == [(2, 19, "TYP001"), (4, 9, "TYP001"), (4, 17, "TYP021")]


LINK_TARGETS_LOOKING_BEHIND_FIRST = [
    r"(?<=\])\([ \t]*(?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?[ \t]*\)",
    r"(?<=\])\[[^\]\n]*\]",
]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("[]() \"'a\n\t"), max_size=40))
def test_link_target_patterns_starting_with_their_bracket_find_what_the_look_behind_first_ones_find(text) -> None:
    patterns = [masks.LINK_TARGET, masks.LINK_REFERENCE]
    for pattern, reference in zip(patterns, LINK_TARGETS_LOOKING_BEHIND_FIRST, strict=True):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(reference, text)]


def test_prose_is_extracted_once_per_document_and_context(monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(view, "extract", lambda doc, keys: calls.append(doc) or object())
    first, second = Document("a.md", "Un.\n"), Document("b.md", "Un.\n")
    ctx, other_ctx = Context(Config()), Context(Config())
    answers = [context.prose(doc) for doc, context in [(first, ctx), (first, ctx), (second, ctx), (first, ctx)]]
    assert answers[0] is answers[1] is answers[3] and answers[2] is not answers[0]
    assert ctx.memo("prose", first, lambda: None) is answers[0]  # shared through Context.memo
    assert other_ctx.prose(first) is not answers[0]  # another context may hold other options
    assert calls == [first, second, first]


def test_a_file_with_a_bom_and_no_front_matter_has_its_prose_at_its_offsets():
    # the body once kept the BOM while starting after it: every unit was one character off,
    # the view one character longer than the file (TYP021 then failed on "\ufeff-[")
    doc = Document("_outil/x.md", "\ufeffUn  texte (sans fin\n")
    extracted = extract(doc)
    assert len(extracted.text) == len(doc.text)
    for unit in extracted.units:
        assert doc.text[unit.start : unit.start + len(unit.text)] == unit.text
    codes = {d.code: d for d in lint_text("\ufeff-[", path="_outil/x.md")}
    assert codes["TYP021"].span.column == 3
