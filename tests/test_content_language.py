"""French typography only where the text is French: the language a Jekyll site declares for a
document (its `lang`, `locale`, `_config.yml`'s defaults, polyglot's paths, the site's `lang`,
then `[typography] language`) decides whether the French-only TYP rules run on it.

tests/fixtures/languages is a small bilingual site (its sentences written for these tests): the
same defects in every page, French pages and English ones."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from methlint.config import Config, TypographyOptions
from methlint.content_language import is_french, language_tag
from methlint.discovery import Target
from methlint.linter import enabled_rules, lint_paths
from methlint.rules import ALL_RULES
from tests.methlint_process import environment
from tests.realsite import lay_out
from tests.realsite_repo import edit, found, methlint

FIXTURE = Path(__file__).parent / "fixtures" / "languages"
FRENCH_ONLY = {"TYP008", "TYP014", "TYP024", "TYP025", "TYP026", "TYP027", "TYP028", "TYP029", "TYP030"}

# What the site's French pages get: accueil.md (the site's lang: fr) and a-propos.md (its own
# lang: fr-FR wins over the defaults that make _pages/en English)
ACCUEIL = [
    ("_pages/accueil.md", 2, 15, "TYP027"),
    ("_pages/accueil.md", 4, 27, "TYP024"),
    ("_pages/accueil.md", 5, 12, "TYP026"),
    ("_pages/accueil.md", 5, 29, "TYP028"),
    ("_pages/accueil.md", 5, 45, "TYP029"),
    ("_pages/accueil.md", 5, 73, "TYP030"),
    ("_pages/accueil.md", 5, 92, "TYP002"),
    ("_pages/accueil.md", 6, 9, "TYP008"),  # TYP008, opt-in, is in the selection TYP
    ("_pages/accueil.md", 6, 25, "TYP008"),
]
A_PROPOS = [
    ("_pages/en/a-propos.md", 2, 23, "TYP027"),
    ("_pages/en/a-propos.md", 5, 31, "TYP024"),
    ("_pages/en/a-propos.md", 5, 66, "TYP027"),
    ("_pages/en/a-propos.md", 6, 9, "TYP026"),
    ("_pages/en/a-propos.md", 6, 18, "TYP010"),
    ("_pages/en/a-propos.md", 6, 34, "TYP028"),
    ("_pages/en/a-propos.md", 6, 54, "TYP029"),
    ("_pages/en/a-propos.md", 6, 85, "TYP030"),
    ("_pages/en/a-propos.md", 6, 98, "TYP002"),
    ("_pages/en/a-propos.md", 7, 9, "TYP008"),
    ("_pages/en/a-propos.md", 7, 25, "TYP008"),
]
# The English pages keep the rules of every language: the apostrophe policy, trailing spaces
ABOUT_IN_ENGLISH = [("_pages/en/about.md", 5, 14, "TYP010"), ("_pages/en/about.md", 5, 77, "TYP002")]
NOTES_IN_ENGLISH = [("_pages/notes.md", 6, 69, "TYP002")]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "languages"))


def typography(site: Path, *args: str) -> list[tuple[str, int, int, str]]:
    """The typography and site findings of ``methlint check ARGS`` (every TYP rule, the opt-in ones too)."""
    return checked(site, "--select", "TYP,JEK", *args)


def checked(site: Path, *args: str) -> list[tuple[str, int, int, str]]:
    done = methlint(site, "check", "--no-cache", "--output-format", "json", *args)
    assert done.returncode in (0, 1), done.stderr
    return found(done)


def test_french_only_rules_are_the_declared_ones() -> None:
    assert {rule.code for rule in ALL_RULES if rule.french_only} == FRENCH_ONLY
    for rule in ALL_RULES:
        assert ("French typography only" in rule.doc) == rule.french_only, rule.code


def test_a_bilingual_site_gets_french_typography_on_its_french_pages_only(site: Path) -> None:
    assert typography(site) == ACCUEIL + A_PROPOS + ABOUT_IN_ENGLISH + NOTES_IN_ENGLISH


def test_the_french_profile_keeps_its_rules_off_english_pages(site: Path) -> None:
    (site / "methlint.toml").write_text('[typography]\nprofile = "french"\n', encoding="utf-8")
    codes_by_page: dict[str, set[str]] = {}
    for path, _line, _column, code in checked(site):
        if code.startswith("TYP"):
            codes_by_page.setdefault(path, set()).add(code)
    assert codes_by_page["_pages/en/about.md"] == {"TYP010", "TYP002"}
    assert codes_by_page["_pages/notes.md"] == {"TYP002"}
    assert {"TYP008", "TYP027"} <= codes_by_page["_pages/accueil.md"]  # TYP008: on in the french profile


def test_a_site_in_english_with_a_french_page(site: Path) -> None:
    edit(site / "_config.yml", "lang: fr\n", "lang: en\n")
    accueil_in_english = [finding for finding in ACCUEIL if finding[3] not in FRENCH_ONLY]
    assert typography(site) == accueil_in_english + A_PROPOS + ABOUT_IN_ENGLISH + NOTES_IN_ENGLISH


def test_without_the_defaults_the_english_folder_is_french(site: Path) -> None:
    config = site / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").split("defaults:")[0], encoding="utf-8")
    about = {finding for finding in typography(site) if finding[0] == "_pages/en/about.md"}
    assert {code for _path, _line, _column, code in about} >= {"TYP024", "TYP026", "TYP027", "TYP028", "TYP029"}


def test_a_cached_run_sees_the_site_change_its_language(site: Path) -> None:
    def cached() -> list[tuple[str, int, int, str]]:
        done = methlint(site, "check", "--output-format", "json", "--select", "TYP,JEK")
        assert done.returncode in (0, 1), done.stderr
        return found(done)

    assert cached() == ACCUEIL + A_PROPOS + ABOUT_IN_ENGLISH + NOTES_IN_ENGLISH
    edit(site / "_config.yml", "lang: fr\n", "lang: en\n")
    accueil_in_english = [finding for finding in ACCUEIL if finding[3] not in FRENCH_ONLY]
    assert cached() == accueil_in_english + A_PROPOS + ABOUT_IN_ENGLISH + NOTES_IN_ENGLISH


def test_an_editor_checking_standard_input_gets_the_language_of_the_path(site: Path) -> None:
    """The defaults for the path named by --stdin-filename declare the text English."""
    text = (site / "_pages/accueil.md").read_text(encoding="utf-8")
    done = methlint_with_input(site, text, "--stdin-filename", "_pages/en/about.md", "-")
    assert found(done) == [("_pages/en/about.md", 5, 92, "TYP002")]


def methlint_with_input(site: Path, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "methlint", "check", "--output-format", "json", "--select", "TYP", *args]
    done = subprocess.run(
        command, cwd=site, env=environment(), input=text, capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode in (0, 1), done.stderr
    return done


def test_locale_declares_a_language_too(site: Path) -> None:
    edit(site / "_pages/notes.md", "lang: en\n", "locale: en_US\n")
    assert typography(site) == ACCUEIL + A_PROPOS + ABOUT_IN_ENGLISH + NOTES_IN_ENGLISH


def test_polyglot_reads_the_language_from_the_path(site: Path) -> None:
    config = site / "_config.yml"
    site_config = config.read_text(encoding="utf-8").split("defaults:")[0]
    config.write_text(site_config + "languages: [fr, en]\nlang_from_path: true\n", encoding="utf-8")
    assert typography(site) == ACCUEIL + A_PROPOS + ABOUT_IN_ENGLISH + NOTES_IN_ENGLISH


def test_a_site_lang_that_is_no_language_tag_is_reported_and_declares_nothing(site: Path) -> None:
    edit(site / "_config.yml", "lang: fr\n", "lang: français\n")
    (site / "methlint.toml").write_text('[typography]\nlanguage = "en"\n', encoding="utf-8")
    findings = typography(site)
    assert findings[0] == ("_config.yml", 3, 7, "JEK001")
    # the configuration's language decides: accueil.md, declaring nothing, is English
    assert [f for f in findings if f[0] == "_pages/accueil.md"] == [("_pages/accueil.md", 5, 92, "TYP002")]


def test_a_configured_language_that_is_no_tag_stops_the_run_at_its_position(site: Path) -> None:
    (site / "methlint.toml").write_text('[typography]\nlanguage = "français"\n', encoding="utf-8")
    done = methlint(site, "check", "--no-cache")
    assert done.returncode == 2
    assert "methlint.toml:2:1: 'français' in typography.language is not a language tag (like fr, en or fr-FR)" in (
        done.stderr
    )


def test_the_fixer_leaves_an_english_page_in_english(site: Path) -> None:
    done = methlint(site, "fix", "--unsafe-fixes", "_pages/en/about.md")
    assert done.returncode in (0, 1), done.stderr
    fixed = (site / "_pages/en/about.md").read_text(encoding="utf-8")
    original = (FIXTURE / "_pages/en/about.md").read_text(encoding="utf-8")
    assert fixed == original.replace("and more. \n", "and more.\n").replace("l'art", "l’art")


@pytest.mark.parametrize(
    ("value", "tag", "french"),
    [
        ("fr", "fr", True),
        ("fr-FR", "fr-FR", True),
        ("fr_FR", "fr_FR", True),
        ("FR", "FR", True),
        (" fr-CA ", "fr-CA", True),
        ("en", "en", False),
        ("en-GB", "en-GB", False),
        ("fry", "fry", False),  # Western Frisian, not French
        ("français", None, False),
        ("", None, False),
        (42, None, False),
        (None, None, False),
    ],
)
def test_language_tags(value: object, tag: str | None, french: bool) -> None:
    assert language_tag(value) == tag
    assert (tag is not None and is_french(tag)) == french


@pytest.mark.parametrize("profile", ["default", "french"])
def test_the_real_site_keeps_every_finding(tmp_path: Path, profile: str) -> None:
    """consultation.gouv.fr declares no language: French by default, its findings are those of a
    run where no rule is French-only (methlint before content languages)."""
    site = lay_out(tmp_path / "consultation.gouv.fr")
    config = Config(root=site, typography=TypographyOptions(profile=profile))
    targets = [Target(path, str(path.relative_to(site))) for path in sorted(site.glob("_*/*.md"))]
    rules = enabled_rules(config)
    ungated = [dataclasses.replace(rule, french_only=False) for rule in rules]
    gated_result = lint_paths(targets, config, rules, jobs=1)
    ungated_result = lint_paths(targets, config, ungated, jobs=1)
    assert len(targets) > 50 and any(d.code in FRENCH_ONLY for d in gated_result.diagnostics)
    assert list(gated_result.diagnostics) == list(ungated_result.diagnostics)
