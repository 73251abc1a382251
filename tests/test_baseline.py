"""Baselines survive unrelated edits, count identical findings, and report what was fixed."""

from __future__ import annotations

from pathlib import Path

from methlint.baseline import Baseline
from methlint.linter import lint_text

DOC = (Path(__file__).parent.parent / "content" / "_outil" / "panel-citoyen.md").read_text(encoding="utf-8")
PATH = "_outil/panel-citoyen.md"


def lint(text: str):
    return lint_text(text, PATH), (lambda _path: text)


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    diags, read = lint(DOC.replace("ordre: 2", "ordre: 0"))
    baseline = Baseline.from_diagnostics(diags, read)
    baseline.dump(tmp_path / "baseline.json")
    assert Baseline.load(tmp_path / "baseline.json").counts == baseline.counts
    assert baseline.total() == 1


def test_unrelated_edit_above_keeps_the_finding_baselined() -> None:
    before, read_before = lint(DOC.replace("ordre: 2", "ordre: 0"))
    baseline = Baseline.from_diagnostics(before, read_before)
    edited = DOC.replace("ordre: 2", "ordre: 0").replace("priorites:\n", "priorites:\n- Une priorité de plus\n")
    after, read_after = lint(edited)
    assert after[0].span.line == before[0].span.line + 1  # the finding moved
    new, fixed = baseline.filter(after, read_after)
    assert new == [] and fixed.total() == 0


def test_fixing_a_baselined_finding_is_reported_as_fixed_and_a_new_one_as_new() -> None:
    before, read_before = lint(DOC.replace("ordre: 2", "ordre: 0"))
    baseline = Baseline.from_diagnostics(before, read_before)
    after, read_after = lint(DOC.replace("layout: methode", "layout: méthode"))
    new, fixed = baseline.filter(after, read_after)
    assert [d.code for d in new] == ["SCH003"]
    assert fixed.total() == 1
    assert baseline.without(fixed).total() == 0


def test_identical_fingerprints_are_counted() -> None:
    text = DOC.replace("- Un coût maîtrisé grâce à une durée courte", "- 1\n- 1")
    diags, read = lint(text)
    assert [d.code for d in diags] == ["SCH002", "SCH002"]
    baseline = Baseline.from_diagnostics(diags[:1], read)
    new, _fixed = baseline.filter(diags, read)
    assert len(new) == 1
