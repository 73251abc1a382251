"""Classes of false positives and wrong fixes seen on a second real Jekyll site (beta.gouv.fr,
4,427 documents, no contracts): each test writes new text of the same shape (the site's text is
CC BY-NC-SA, never copied here) and pins what is reported, where, and what the fix writes."""

from __future__ import annotations

from pathlib import Path

from methlint.diagnostics import Applicability
from tests.test_site import check, make_site
from tests.typography_helpers import fixed, fm, positions, typ_findings

UNSAFE = (Applicability.SAFE, Applicability.UNSAFE)


# --- TYP004: a capitalised word glued to another by a period is a name ---------------------


def test_a_name_written_with_a_period_is_not_a_missing_space() -> None:
    text = fm(
        "title: Essai\nrole: Chef de projet Carte.Jeune",
        "Le service Carte.Jeune aide les communes ; voir Mon.Espace.\n\n"
        "Il vit à Lille.Le lendemain il part. La réunion est finie.Ensuite on vote.\n",
    )
    assert positions(text, {"TYP004"}) == [(7, 15, "TYP004"), (7, 58, "TYP004")]
    # the safe fix once wrote "Carte. Jeune" in the role and the body
    assert fixed(text, {"TYP004"}) == text.replace("Lille.Le", "Lille. Le").replace("finie.Ensuite", "finie. Ensuite")


def test_an_entity_escaped_twice_is_one_token() -> None:
    text = fm("title: Essai\nrole: Designer UX&amp;#x2F;UI", "Le rôle UX&amp;#x2F;UI est ouvert.\n")
    assert positions(text, {"TYP004"}) == []  # the fix once wrote "&amp;#x2F; UI"


# --- TYP005: a space before the sign, where removing it writes something wrong -------------


def test_the_space_between_two_commas_is_not_removed() -> None:
    text = fm("title: Essai", "Des partenaires (écoles, mairies, ,…) et un mot …\n")
    assert positions(text, {"TYP005"}) == [(4, 48, "TYP005")]
    assert ",," not in fixed(text, {"TYP005"})  # the safe fix once wrote "mairies,,…)"


def test_an_ellipsis_after_an_emoji_or_a_sentence_sign_stands_alone() -> None:
    text = fm("title: Essai", "✅ …\n\nBravo ! … La suite arrive …\n")
    assert positions(text, {"TYP005"}) == [(6, 26, "TYP005")]


# --- TYP006: blanks inside a link's parentheses are the link's, not the prose's ------------


def test_a_blank_padding_a_link_target_is_not_prose() -> None:
    text = fm("title: Essai", "Lire [le bilan](/docs/bilan.pdf ) et [la note]( /docs/note.pdf 'Note' ), ou ( ceci).\n")
    assert positions(text, {"TYP006"}) == [(4, 78, "TYP006")]


# --- TYP013: a name written in lower case may open a sentence ------------------------------


def test_a_lowercase_brand_opens_a_sentence() -> None:
    text = fm("title: Essai", "Le produit est prêt. monAppli arrive. compte:IA aussi. elle est ouverte.\n")
    assert positions(text, {"TYP013"}) == [(4, 56, "TYP013")]


# --- TYP014: a repetition three times or with its commas is meant --------------------------


def test_a_deliberate_repetition_is_not_a_doubled_word() -> None:
    text = fm("title: Essai", "Bla Bla Bla Bla ! Avancer, Avancer, Avancer. Non non non. Il faut le le faire.\n")
    assert positions(text, {"TYP014"}) == [(4, 67, "TYP014")]


# --- TYP016: a skin-tone modifier before the joiner of an emoji sequence -------------------


def test_a_joiner_after_a_skin_tone_is_part_of_the_emoji() -> None:
    fairy, coder = "\U0001f9da\U0001f3fd\u200d\u2640\ufe0f", "\U0001f469\U0001f3ff\u200d\U0001f4bb"
    text = fm("title: Essai", f"Une fée {fairy}, un codeur {coder}, a\u200db.\n")
    assert positions(text, {"TYP016"}) == [(4, 33, "TYP016")]


# --- TYP021: numbered steps in bold, Roman numerals ----------------------------------------


def test_an_enumerator_inside_emphasis_or_in_roman_numerals_closes_nothing() -> None:
    text = fm(
        "title: Essai",
        "**1) Première étape**\n\n_**IV) Quatrième question**_\n\n**_II)_ Deuxième**\n\nUn texte (sans fin.\n",
    )
    assert positions(text, {"TYP021"}) == [(10, 10, "TYP021")]


# --- TYP031: handles, identifiers and product names --------------------------------------


def test_a_handle_or_an_identifier_alone_in_a_value_is_not_two_words() -> None:
    text = fm("title: Essai\ngithub: durand75\nprojets:\n  - appli33\n  - carteVerte\ntagline: La phase1 commence")
    assert positions(text, {"TYP031"}) == [(7, 13, "TYP031")]
    # the unsafe fix once wrote "durand 75": a handle that no longer names its account
    assert fixed(text, {"TYP031"}, UNSAFE) == text.replace("phase1", "phase 1")


def test_a_camel_case_word_the_document_repeats_is_a_name() -> None:
    text = fm(
        "title: Essai",
        "Le logiciel carteVerte aide. Avec carteVerte, tout est simple. Les citoyensParticipent.\n",
    )
    assert positions(text, {"TYP031"}) == [(4, 68, "TYP031")]
    assert [d.span.column for d in typ_findings(text, {"TYP031"})] == [68]


# --- LAY001: layouts in subfolders, as Jekyll reads _layouts/**/* --------------------------


def test_a_layout_in_a_subfolder_is_found_and_a_folder_is_no_layout(tmp_path: Path) -> None:
    page = "---\ntitle: Accueil\nlayout: {}\n---\nBonjour.\n"
    site = make_site(
        tmp_path,
        {
            "_layouts/en/home.html": "{{ content }}",
            "_layouts/formation/alpha.html": "{{ content }}",
            "_layouts/.brouillon.html": "{{ content }}",
            "en.md": page.format("en/home"),
            "alpha.md": page.format("formation/alpha"),
            "dossier.md": page.format("formation"),
            "cache.md": page.format(".brouillon"),
        },
        config="title: Site\n",
    )
    assert check(site, "--select", "LAY001") == (1, [("cache.md", 3, 9, "LAY001"), ("dossier.md", 3, 9, "LAY001")])


# --- SCH007: a site where no collection has a schema ---------------------------------------


def test_a_site_without_contracts_gets_no_info_per_document(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "contenu/_auteurs/a.md": "---\ntitle: A\n---\n",
            "contenu/_auteurs/b.md": "---\ntitle: B\n---\n",
            "apropos.md": "---\ntitle: À propos\n---\n",
        },
        config="collections_dir: contenu\ncollections:\n  auteurs:\n    output: true\n",
    )
    assert check(site) == (0, [])


def test_a_page_outside_the_contracts_of_a_site_that_has_some_is_still_said(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"_outil/.keep": "", "apropos.md": "---\ntitle: À propos\n---\n"})
    assert check(site) == (0, [("apropos.md", 1, 1, "SCH007")])


# --- TYP024: quotes inside an English sentence ----------------------------------------------


def test_quotes_in_an_english_sentence_stay_english() -> None:
    text = fm("title: Essai", "We help each team find an “intrapreneur” inside. Le mot “intrapreneur” est français.\n")
    assert positions(text, {"TYP024"}) == [(4, 57, "TYP024")]
