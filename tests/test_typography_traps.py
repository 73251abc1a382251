"""Nothing in the trap fixture is prose with a defect: no TYP rule may fire on it."""

from __future__ import annotations

from pathlib import Path

from tests.typography_helpers import TYP_RULES, positions

TRAPS = Path(__file__).parent / "fixtures" / "typography" / "traps.md"


def test_trap_fixture_produces_no_finding_even_with_opt_in_rules():
    text = TRAPS.read_text(encoding="utf-8")
    # by design, French spacing flags ' :' and number spacing '3,5 %' and '1 000' (ordinary spaces)
    codes = {r.code for r in TYP_RULES} - {"TYP008", "TYP025"}
    assert positions(text, codes) == []


def test_trap_fixture_french_spacing_only_flags_prose_colons():
    text = TRAPS.read_text(encoding="utf-8")
    # title ' : ', priorites 'panel : ', 'Liquid :', 'point : suite', 'nombres :'; ';)' is a smiley
    assert positions(text, {"TYP008"}) == [
        (2, 29, "TYP008"),
        (17, 20, "TYP008"),
        (34, 7, "TYP008"),
        (48, 16, "TYP008"),
        (53, 12, "TYP008"),
    ]
