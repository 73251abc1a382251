"""Acceptance: the default TYP rules on the two real seeds find exactly the known defects."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from methlint.diagnostics import Applicability
from methlint.linter import lint_text
from tests.typography_helpers import apply_fixes

SEEDS = Path(__file__).parent / "fixtures" / "seeds"

CONFERENCE = {
    # double spaces: "qualité··et", "pilotage··en", "citoyens··permet", "du··dispositif"
    (20, 13, "TYP001"),
    (24, 68, "TYP001"),
    (38, 97, "TYP001"),
    (43, 20, "TYP001"),
    (16, 114, "TYP002"),
    (20, 60, "TYP002"),
    (24, 169, "TYP002"),
    (28, 157, "TYP002"),
    (38, 487, "TYP002"),
    (44, 294, "TYP002"),
    (46, 420, "TYP002"),
    (41, 101, "TYP003"),  # "française. .Le"
    (21, 140, "TYP006"),  # "etc. )"
    (30, 150, "TYP006"),  # "hébergement… )"
    (47, 60, "TYP013"),  # "collective. l’avis"
    (28, 29, "TYP021"),  # "(documents écrits, … auditions, constituent" never closed
}
ATELIER = {
    (21, 13, "TYP001"),
    (27, 68, "TYP001"),
    (41, 89, "TYP001"),
    (46, 20, "TYP001"),
    (16, 114, "TYP002"),
    (17, 34, "TYP002"),
    (18, 114, "TYP002"),
    (21, 60, "TYP002"),
    (23, 103, "TYP002"),
    (24, 101, "TYP002"),
    (25, 32, "TYP002"),
    (27, 169, "TYP002"),
    (30, 101, "TYP002"),
    (31, 158, "TYP002"),
    (41, 335, "TYP002"),
    (44, 488, "TYP002"),
    (45, 1, "TYP002"),  # a line holding a single space
    (33, 150, "TYP006"),  # "hébergement… )"
    (2, 9, "TYP010"),  # "L'atelier" beside 32 "’"
}


def _typography(name: str):
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text, [d for d in lint_text(text, f"_outil/{name}") if d.code.startswith("TYP")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("conference-de-citoyens.md", CONFERENCE),
        ("atelier-citoyen.md", ATELIER),
    ],
)
def test_seed_findings_are_exactly_the_known_defects(name, expected):
    _text, found = _typography(name)
    assert {(d.span.line, d.span.column, d.code) for d in found} == expected
    assert len(found) == len(expected)


def test_the_seeds_hold_the_35_defects_of_the_study():
    assert len(CONFERENCE) + len(ATELIER) == 35


@pytest.mark.parametrize("name", ["conference-de-citoyens.md", "atelier-citoyen.md"])
def test_safe_fixes_on_the_seeds_keep_the_yaml_and_leave_only_suggestions(name):
    text, found = _typography(name)
    fixed = apply_fixes(text, found, {Applicability.SAFE, Applicability.UNSAFE})
    before = yaml.safe_load(text.split("---\n")[1])
    after = yaml.safe_load(fixed.split("---\n")[1])
    assert list(after) == list(before)
    changed = {k for k in before if before[k] != after[k]}
    declared = {p[0] for d in found if d.fix for p in d.fix.changes_data_at}
    assert changed <= declared
    assert fixed.endswith("\n") == text.endswith("\n")
    _again, left = _typography_of(fixed, name)
    assert {d.code for d in left} <= {"TYP013", "TYP021"}


def _typography_of(text, name):
    return text, [d for d in lint_text(text, f"_outil/{name}") if d.code.startswith("TYP")]


def test_conference_fixed_text_reads_right():
    text, found = _typography("conference-de-citoyens.md")
    fixed = apply_fixes(text, found, {Applicability.SAFE})
    assert "française. Le recrutement" in fixed
    assert "transports, etc.)" in fixed
    assert "hébergement…)" in fixed
    assert "La qualité et la diversité des interventions des experts\n" in fixed


def test_atelier_title_apostrophe_fix_is_unsafe_and_declares_the_title():
    _text, found = _typography("atelier-citoyen.md")
    (apostrophe,) = [d for d in found if d.code == "TYP010"]
    assert apostrophe.fix.applicability is Applicability.UNSAFE
    assert apostrophe.fix.changes_data_at == (("title",),)
    assert [(e.replacement) for e in apostrophe.fix.edits] == ["\u2019"]
