"""Each TYP rule: exact positions on small documents, exact bytes after its fix."""

from __future__ import annotations

import pytest
import yaml

from methlint.diagnostics import Applicability
from tests.typography_helpers import fixed, fm, positions, typ_findings

BODY = "---\ntitle: T\n---\n"  # body starts on line 4


def body(text: str) -> str:
    return BODY + text


# --- TYP001 multiple spaces


def test_multiple_spaces_in_value_and_body():
    text = fm("title: Un  titre\npriorites:\n- a   b", "Du  texte.\n")
    assert positions(text, {"TYP001"}) == [(2, 10, "TYP001"), (4, 4, "TYP001"), (6, 3, "TYP001")]
    assert fixed(text, {"TYP001"}) == fm("title: Un titre\npriorites:\n- a b", "Du texte.\n")


def test_multiple_spaces_ignore_indentation_list_markers_code_and_tables():
    text = body("Texte\n\n    code  block\n\n*   item\n\n| a  | b |\n|----|---|\n| c  | d |\n\n`x  y`\n")
    assert positions(text, {"TYP001"}) == []


def test_multiple_spaces_fix_declares_the_value():
    (finding,) = typ_findings(fm("tagline: a  b"), {"TYP001"})
    assert finding.fix.changes_data_at == (("tagline",),)
    assert finding.fix.applicability is Applicability.SAFE


def test_non_prose_keys_are_never_read():
    text = fm("layout:  methode\nimg-bg: a  b.png\nowner: X  Y\ndate: 2017-04-04")
    assert positions(text) == []


def test_a_document_of_no_known_kind_keeps_its_collections_keys_out_of_prose():
    """categorie misspelt (SCH008): the keys of the method and tool contracts are still theirs, not
    unknown keys read as prose; a key neither contract knows still is."""
    text = fm("categorie: outill\nimg-bg: a  b.png\nlettre_engagement: /a  b.pdf\nremarque: X  Y")
    assert positions(text) == [(5, 12, "TYP001")]


# --- TYP002 trailing whitespace


def test_trailing_whitespace_everywhere_but_hard_breaks_and_code():
    text = fm("title: T \nordre: 5\t", "ligne   \nsaut  \nsuite\n \n```\ncode  \n```\nfin  \n")
    assert positions(text, {"TYP002"}) == [
        (2, 9, "TYP002"),
        (3, 9, "TYP002"),
        (5, 6, "TYP002"),
        (8, 1, "TYP002"),
        (12, 4, "TYP002"),
    ]
    assert fixed(text, {"TYP002"}) == fm("title: T\nordre: 5", "ligne\nsaut  \nsuite\n\n```\ncode  \n```\nfin\n")


def test_trailing_whitespace_in_a_block_scalar_is_data():
    text = fm("description: |\n  ligne  \n  fin")
    (finding,) = typ_findings(text, {"TYP002"})
    assert finding.fix.changes_data_at == (("description",),)
    (plain,) = typ_findings(fm("title: T  "), {"TYP002"})
    assert plain.fix.changes_data_at == ()


def test_trailing_whitespace_with_crlf_keeps_the_line_ending():
    text = "---\r\ntitle: T \r\n---\r\nx \r\n"
    assert positions(text, {"TYP002"}) == [(2, 9, "TYP002"), (4, 2, "TYP002")]
    assert fixed(text, {"TYP002"}) == "---\r\ntitle: T\r\n---\r\nx\r\n"


# --- TYP003 stray period


def test_stray_period_before_a_capital_is_fixed():
    text = body("la population française. .Le recrutement\n")
    assert positions(text, {"TYP003"}) == [(4, 24, "TYP003")]
    assert fixed(text, {"TYP003"}) == body("la population française. Le recrutement\n")


@pytest.mark.parametrize("spaces", ["  ", "\u00a0", " \u00a0"])
def test_stray_period_after_several_spaces_or_a_no_break_space_is_found(spaces: str):
    # the rule's first gate was the literal ". ." and let these through
    text = body(f"la population française.{spaces}.Le recrutement\n")
    assert positions(text, {"TYP003"}) == [(4, 24, "TYP003")]
    assert fixed(text, {"TYP003"}) == body(f"la population française.{spaces}Le recrutement\n")


def test_double_period_is_only_a_suggestion_and_ellipsis_paths_are_not_reported():
    text = body("Fin..\n\nTrois... points, ../img, etc.. et .NET. .net\n")
    found = typ_findings(text, {"TYP003"})
    assert [(d.span.line, d.span.column) for d in found] == [(4, 4)]
    assert found[0].fix.applicability is Applicability.DISPLAY_ONLY


# --- TYP004 missing space after


def test_missing_space_after_sentence_signs():
    text = body("Le coût est long.Le reste,non.Quoi?Rien;alors\n")
    assert positions(text, {"TYP004"}) == [
        (4, 17, "TYP004"),
        (4, 26, "TYP004"),
        (4, 30, "TYP004"),
        (4, 35, "TYP004"),
        (4, 40, "TYP004"),
    ]
    assert fixed(text, {"TYP004"}) == body("Le coût est long. Le reste, non. Quoi? Rien; alors\n")


@pytest.mark.parametrize(
    "prose",
    [
        "3.5 et 3,5",
        "etc.) fin",
        "U.S.A. et J.-C.",
        "service-public.fr",
        "modernisation.gouv.fr",
        "logoDITP_print_Baseline.svg",
        "a@b.fr",
        "https://x.fr/a?lang=fr",
        "10:30",
        "Fichier.PDF",
    ],
)
def test_missing_space_after_traps(prose):
    assert positions(body(prose + "\n"), {"TYP004"}) == []


# --- TYP005 / TYP006 spaces around punctuation


def test_space_before_comma_and_period():
    text = fm("tagline: Un mot , et un autre .", "Texte , fin . Et . . . et .5 et 3 .NET\n")
    assert positions(text, {"TYP005"}) == [
        (2, 16, "TYP005"),
        (2, 30, "TYP005"),
        (4, 6, "TYP005"),
        (4, 12, "TYP005"),
    ]
    assert fixed(text, {"TYP005"}).startswith("---\ntagline: Un mot, et un autre.\n")


def test_space_inside_brackets():
    text = fm("qualites:\n- frais (transports, etc. )\n- ( mot)", "(hébergement… ) et - [ ] case\n")
    assert positions(text, {"TYP006"}) == [(3, 26, "TYP006"), (4, 4, "TYP006"), (6, 14, "TYP006")]
    assert fixed(text, {"TYP006"}) == fm(
        "qualites:\n- frais (transports, etc.)\n- (mot)", "(hébergement…) et - [ ] case\n"
    )


def test_space_removal_that_would_move_a_plain_value_end_is_only_shown():
    # "( a" at the start: removing the space keeps the value valid, so it is safe
    (finding,) = typ_findings(fm("title: ( a"), {"TYP006"})
    assert finding.fix.applicability is Applicability.SAFE


# --- TYP008 French spacing (opt-in, on in the french profile)


def test_french_spacing_replaces_or_inserts_a_no_break_space():
    text = body("**Objectif :** oui! « Bonjour » et 10:30 :-) fin?\n")
    assert positions(text, {"TYP008"}) == [
        (4, 11, "TYP008"),
        (4, 19, "TYP008"),
        (4, 22, "TYP008"),
        (4, 30, "TYP008"),
        (4, 49, "TYP008"),
    ]
    assert fixed(text, {"TYP008"}) == body(
        "**Objectif\u00a0:** oui\u00a0! «\u00a0Bonjour\u00a0» et 10:30 :-) fin\u00a0?\n"
    )


def test_french_spacing_is_off_by_default():
    from methlint.rules import get

    assert get("TYP008").default_enabled is False


# --- TYP010 apostrophe


def test_apostrophe_policy_in_values_and_body():
    # an escaped '' in a single-quoted value is one straight apostrophe: both quotes become ’ (issue 19)
    text = fm("title: L'atelier\ntagline: 'L''avis'\ndescription: \"d'un citoyen\"", "C'est l’avis.\n")
    found = typ_findings(text, {"TYP010"})
    assert [(d.span.line, d.span.column) for d in found] == [(2, 9), (3, 12), (4, 16), (6, 2)]
    title, tagline, _description, prose_ = found
    assert title.fix.applicability is Applicability.UNSAFE
    assert title.fix.changes_data_at == (("title",),)
    assert tagline.fix.applicability is Applicability.SAFE
    assert fixed(text, {"TYP010"}) == fm(
        "title: L'atelier\ntagline: 'L’avis'\ndescription: \"d’un citoyen\"", "C’est l’avis.\n"
    )


def test_apostrophe_straight_policy_doubles_it_in_single_quotes():
    from methlint.config import Config, TypographyOptions
    from methlint.document import Document
    from methlint.linter import lint_documents
    from methlint.rules import get

    straight = Config(typography=TypographyOptions(apostrophe="'"))
    doc = Document("_outil/a.md", fm("tagline: 'l’avis'"))
    (finding,) = lint_documents([doc], straight, [get("TYP010")]).diagnostics
    assert [e.replacement for e in finding.fix.edits] == ["''"]


# --- TYP011 / TYP012 ellipsis and etc.


def test_ellipsis_and_etc():
    text = fm("tagline: d’autres... ici….", "frais, etc... et etc… et 1...3\n")
    assert positions(text, {"TYP011", "TYP012"}) == [
        (2, 18, "TYP011"),
        (2, 26, "TYP011"),
        (4, 8, "TYP012"),
        (4, 18, "TYP012"),
    ]
    assert fixed(text, {"TYP011", "TYP012"}) == fm("tagline: d’autres… ici…", "frais, etc. et etc. et 1...3\n")


# --- TYP013 lowercase after a full stop


def test_lowercase_after_period_is_a_suggestion():
    text = body("Une délibération collective. l’avis est rendu, etc. sont p. ex. le maire, cf. art. 3\n")
    found = typ_findings(text, {"TYP013"})
    assert [(d.span.line, d.span.column) for d in found] == [(4, 30)]
    assert found[0].fix.applicability is Applicability.DISPLAY_ONLY
    assert found[0].fix.edits[0].replacement == "L"


def test_abbreviations_of_comparisons_and_citations_open_no_sentence():
    # seen on beta.gouv.fr: "entretien vs. agences", "delta production vs. traitement"
    text = body("Le cas A vs. le cas B, Dupont et al. ont écrit, op. cit. p. 3 sq. pour la suite. la fin\n")
    assert [(d.span.line, d.span.column) for d in typ_findings(text, {"TYP013"})] == [(4, 82)]


# --- TYP014 repeated word


def test_repeated_word_except_grammatical_repetitions():
    text = body("Le le mot. Nous nous voyons, vous vous souvenez, faire faire.\n")
    found = typ_findings(text, {"TYP014"})
    assert [(d.span.line, d.span.column) for d in found] == [(4, 1)]
    assert found[0].fix.applicability is Applicability.DISPLAY_ONLY


# --- TYP015 / TYP016 / TYP017 characters


def test_nfc_invisible_and_tabs():
    text = fm('tagline: "re\u0301union"', "de\u200bux\u00admots, a\u200db et\tici\n")
    assert positions(text) == [
        (2, 12, "TYP015"),
        (4, 3, "TYP016"),
        (4, 6, "TYP016"),
        (4, 14, "TYP016"),
        (4, 19, "TYP017"),
    ]
    assert fixed(text, {"TYP015", "TYP016", "TYP017"}) == fm('tagline: "réunion"', "deuxmots, a\u200db et ici\n")
    joiner = [d for d in typ_findings(text, {"TYP016"}) if d.span.column == 14]
    assert joiner[0].fix is None


def test_nfc_never_touches_file_names():
    assert positions(fm("img-bg: re\u0301union.png\ntagline: voir re\u0301union.png")) == []


def test_tab_after_a_list_marker_is_markdown_syntax():
    assert positions(body("1.\tPremier point\n-\tSecond\n"), {"TYP017"}) == []


# --- TYP021 unpaired brackets


def test_unpaired_brackets_and_quotes():
    text = fm(
        "atouts:\n- Le matériau (documents, auditions, constituent\n- a) premier :-)",
        "Un « guillemet et ] seul.\n\nUne (parenthèse\nsur deux lignes).\n",
    )
    assert positions(text, {"TYP021"}) == [(3, 15, "TYP021"), (6, 4, "TYP021"), (6, 19, "TYP021")]
    assert all(d.fix is None for d in typ_findings(text, {"TYP021"}))


# --- TYP023 colon escape artifacts


def test_backslash_colon_mapping_is_rewritten_as_a_quoted_string():
    text = fm("qualites:\n- Qualité du panel \\: 4 à 5\n- Autre")
    (finding,) = typ_findings(text, {"TYP023"})
    assert (finding.span.line, finding.span.column) == (3, 20)
    assert finding.fix.changes_data_at == (("qualites", 0),)
    result = fixed(text, {"TYP023"})
    assert result == fm("qualites:\n- 'Qualité du panel : 4 à 5'\n- Autre")
    assert yaml.safe_load(result.split("---\n")[1])["qualites"][0] == "Qualité du panel : 4 à 5"


@pytest.mark.parametrize("item", ['Qualité du panel ":" 4 à 5', "'Qualité du panel \\: 4 à 5'"])
def test_colon_hacks_in_strings_become_a_plain_colon(item):
    text = fm("qualites:\n- " + item)
    (finding,) = typ_findings(text, {"TYP023"})
    assert finding.span.line == 3
    assert fixed(text, {"TYP023"}) == fm("qualites:\n- 'Qualité du panel : 4 à 5'")


def test_yaml04_leaves_backslash_items_to_typography():
    from methlint.linter import lint_text

    codes = {d.code for d in lint_text(fm("qualites:\n- Qualité du panel \\: 4 à 5"))}
    assert "TYP023" in codes and "YML004" not in codes
