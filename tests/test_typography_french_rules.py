"""The typography rules of issue 22, each on its problems, its traps and its fix."""

from __future__ import annotations

import pytest

from methlint.config import Config, TypographyOptions
from methlint.diagnostics import Applicability
from methlint.linter import enabled_rules, lint_text
from methlint.rules import ALL_RULES
from tests.typography_helpers import fixed, fm, positions

UNSAFE = (Applicability.SAFE, Applicability.UNSAFE)
# What no rule of issue 22 may report: URLs, e-mails, code, Liquid, HTML, times, decimals,
# abbreviations, brand names, enumerations, an English passage, YAML quoting
TRAPS = fm(
    'title: "Le \\"débat\\" public"\nlink: https://a.fr/coeur-2ème',
    "\nVoir https://exemple.fr/voeux?x=1&etc=2 ou ecrire@etat.fr, `phase1 - 20%` et {{ page.Etat }}.\n\n"
    '<a href="/oeuvre" title="A la une">lien</a> à 10:30, 3,5 et 2.3.1, M. et Mme, G20, MP3, iPhone.\n\n'
    "a) les habitants\u202f; b) les élus\u202f; 1) d’abord. Le plan A et l’annexe A4 *A priori*.\n\n"
    "*Why not? Let’s try!* et *Education for all*, DemocracyOS, OpenStreetMap, #ParlonsClimat, @Etalab.\n\n"
    "Île-de-France, c’est-à-dire, 2017-2019, le 1er et la 2e, XXIe, coefficient, moelleux, Noël.\n\n"
    "En 1500, au 75007 Paris, au 01 23 45 67 89, article 1247, loi n° 2016-1321, «\u00a0Cities for Life\u00a0».\n",
)
CODES = {"TYP024", "TYP025", "TYP026", "TYP027", "TYP028", "TYP029", "TYP030", "TYP031"}


def test_no_new_rule_reports_a_trap():
    assert positions(TRAPS, CODES | {"TYP008", "TYP021"}) == []


# --- TYP024 english-quotes


def test_english_quotes_are_reported_once_a_pair_and_fixed_to_french_ones():
    text = fm('tagline: Le "budget" de l\'an', "\nLe mot “concertation” et « le “second” rang ».\n")
    assert positions(text, {"TYP024"}) == [(2, 13, "TYP024"), (5, 8, "TYP024")]
    assert fixed(text, {"TYP024"}) == text  # unsafe: not applied by default
    assert fixed(text, {"TYP024"}, UNSAFE) == fm(
        "tagline: Le «\u00a0budget\u00a0» de l'an", "\nLe mot «\u00a0concertation\u00a0» et « le “second” rang ».\n"
    )


def test_english_quotes_in_a_single_quoted_value_keep_the_yaml_valid():
    text = fm("tagline: 'L''\"avis\" public'")
    assert fixed(text, {"TYP024"}, UNSAFE) == fm("tagline: 'L''«\u00a0avis\u00a0» public'")


# --- TYP025 number-spacing


def test_numbers_take_no_break_spaces():
    body = "\n20% et 25 % de 3 000 personnes, 70000 votes, à 18h ou 9h30, 1500€.\n"
    assert positions(fm("title: T", body), {"TYP025"}) == [
        (5, 1, "TYP025"),
        (5, 8, "TYP025"),
        (5, 16, "TYP025"),
        (5, 33, "TYP025"),
        (5, 48, "TYP025"),
        (5, 55, "TYP025"),
        (5, 61, "TYP025"),
    ]
    assert fixed(fm("title: T", body), {"TYP025"}) == fm(
        "title: T",
        "\n20\u00a0% et 25\u00a0% de 3\u202f000 personnes, 70\u202f000 votes, "
        "à 18\u00a0h ou 9\u00a0h\u00a030, 1500\u00a0€.\n",
    )


def test_french_spacing_and_number_spacing_are_off_by_default_and_on_in_the_french_profile():
    codes = {rule.code for rule in enabled_rules(Config())}
    assert not {"TYP008", "TYP025"} & codes and CODES - {"TYP025"} <= codes
    french = {rule.code for rule in enabled_rules(Config(typography=TypographyOptions(profile="french")))}
    assert french >= {rule.code for rule in ALL_RULES if rule.code.startswith("TYP")}


# --- TYP026 accented-capitals


def test_capitals_without_their_accent():
    text = fm("title: Etat des lieux\ntagline: A l’issue de l’atelier", "\nLes Etats. A partir de là, l’Ecole.\n")
    assert positions(text, {"TYP026"}) == [(2, 8, "TYP026"), (3, 10, "TYP026"), (6, 5, "TYP026"), (6, 12, "TYP026"),
                                           (6, 30, "TYP026")]  # fmt: skip
    assert fixed(text, {"TYP026"}, UNSAFE) == fm(
        "title: État des lieux\ntagline: À l’issue de l’atelier", "\nLes États. À partir de là, l’École.\n"
    )


def test_a_capital_a_ending_a_word_is_no_preposition():
    # seen on beta.gouv.fr: "mission: IA générative …" was given "IÀ"
    text = fm("title: T\nmission: IA générative pour tous", "\nUne IA générative, l’ONG-A pour tous.\n- A la fin\n")
    assert positions(text, {"TYP026"}) == [(7, 3, "TYP026")]


def test_etre_takes_a_circumflex_not_an_acute():
    text = fm("title: T", "\n- Etre vigilant.\n")
    assert positions(text, {"TYP026"}) == [(5, 3, "TYP026")]
    assert fixed(text, {"TYP026"}, UNSAFE) == fm("title: T", "\n- Être vigilant.\n")


# --- TYP027 hyphen-as-dash


def test_a_hyphen_used_as_a_dash():
    body = "\nLe projet - pourtant simple - a pris du retard, en 2017 - 2019, la société -citoyens et élus- aussi.\n"
    assert positions(fm("title: T", body), {"TYP027"}) == [
        (5, 10, "TYP027"),
        (5, 28, "TYP027"),
        (5, 56, "TYP027"),
        (5, 76, "TYP027"),
        (5, 93, "TYP027"),
    ]
    assert fixed(fm("title: T", body), {"TYP027"}) == fm(
        "title: T", body.replace("t - p", "t – p").replace("e - a", "e – a")
    )


# --- TYP028 ordinals, TYP029 oe-ligature, TYP030 etc-comma, TYP031 words-run-together


def test_ordinals():
    text = fm("title: Le 2ème atelier", "\nLa 1ère, la 2nde et le XXIème siècle, le 1ème.\n")
    assert positions(text, {"TYP028"}) == [(2, 12, "TYP028"), (5, 5, "TYP028"), (5, 14, "TYP028"),
                                           (5, 27, "TYP028"), (5, 43, "TYP028")]  # fmt: skip
    assert fixed(text, {"TYP028"}) == fm("title: Le 2e atelier", "\nLa 1re, la 2de et le XXIe siècle, le 1ème.\n")


def test_oe_ligature():
    text = fm("title: Mettre en oeuvre", "\nOeuvrer au coeur, sous l’oeil de ma soeur, un voeu.\n")
    assert positions(text, {"TYP029"}) == [(2, 18, "TYP029"), (5, 1, "TYP029"), (5, 13, "TYP029"),
                                           (5, 26, "TYP029"), (5, 38, "TYP029"), (5, 48, "TYP029")]  # fmt: skip
    assert fixed(text, {"TYP029"}) == fm("title: Mettre en œuvre", "\nŒuvrer au cœur, sous l’œil de ma sœur, un vœu.\n")


def test_etc_takes_a_comma():
    text = fm("tagline: Les transports etc.\nqualites:\n- Les repas\n  etc.", "\nLes frais (repas etc.) et *etc.*\n")
    assert positions(text, {"TYP030"}) == [(2, 25, "TYP030"), (5, 3, "TYP030"), (8, 18, "TYP030")]
    assert fixed(text, {"TYP030"}) == fm(
        "tagline: Les transports, etc.\nqualites:\n- Les repas,\n  etc.", "\nLes frais (repas, etc.) et *etc.*\n"
    )


def test_words_run_together():
    body = "\nLa phase1 avec une 30aine de citoyensParticipent, Jean-PaulDelevoye.\n"
    assert positions(fm("title: T", body), {"TYP031"}) == [
        (5, 4, "TYP031"),
        (5, 20, "TYP031"),
        (5, 30, "TYP031"),
        (5, 51, "TYP031"),
    ]
    assert fixed(fm("title: T", body), {"TYP031"}, UNSAFE) == fm("title: T", body.replace("phase1", "phase 1"))


# --- TYP008 in the french profile


@pytest.mark.parametrize(
    ("profile", "before_question", "before_colon"), [("default", "\u00a0", "\u00a0"), ("french", "\u202f", "\u00a0")]
)
def test_the_french_profile_puts_a_narrow_no_break_space_before_question_marks(profile, before_question, before_colon):
    text = fm("title: T", "\nPourquoi ? Voici :\n")
    config = Config(select=("TYP008",), typography=TypographyOptions(profile=profile))
    edits = [edit for d in lint_text(text, config=config) for edit in d.fix.edits]
    assert [edit.replacement for edit in edits] == [before_question, before_colon]
