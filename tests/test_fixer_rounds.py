"""One round applies every fix that does not overlap another, in one pass, verified once; what a
rule's fixes may do besides changing declared data is the rule's declaration, not a list of codes."""

from __future__ import annotations

import pytest

from methlint.diagnostics import Edit, Finding, Fix, FixAvailability
from methlint.fix import fix_text, loop
from methlint.rules import ALL_RULES, Rule

TYPOGRAPHY = [r for r in ALL_RULES if r.code in ("TYP001", "TYP002", "TYP010")]
HEAD = "---\ntitle: Essai\n---\n"


def test_thousands_of_fixes_in_one_file_are_applied_in_one_round_and_verified_once(monkeypatch):
    lints, verifications = [], []
    real_lint, real_verify = loop.lint_documents, loop.verify
    monkeypatch.setattr(loop, "lint_documents", lambda *a, **k: lints.append(1) or real_lint(*a, **k))
    monkeypatch.setattr(loop, "verify", lambda *a, **k: verifications.append(1) or real_verify(*a, **k))
    new_text, outcome = fix_text(HEAD + "l'a  d'a \n" * 1500, rules=TYPOGRAPHY)
    assert new_text == HEAD + "l’a d’a\n" * 1500
    assert len(outcome.applied) == 6000
    assert [a.code for a in outcome.applied[:4]] == ["TYP010", "TYP001", "TYP010", "TYP002"]
    assert (outcome.applied[-1].code, outcome.applied[-1].span.line) == ("TYP002", 1503)
    assert (len(lints), len(verifications)) == (2, 1)  # the round, then the check of its result
    assert outcome.remaining == []


def _rule(code: str, make_fix, **declared) -> Rule:
    def check(doc, ctx):
        fix = make_fix(doc)
        if fix is not None and doc.text[fix.edits[0].start : fix.edits[0].end] != fix.edits[0].replacement:
            yield Finding(doc.span(0, 1), "test finding", fix)

    return Rule(code, "test-" + code.lower(), check, "", "test", fix=FixAvailability.ALWAYS, **declared)


def _close_the_list(doc):
    start = doc.text.find("[x\n")
    return None if start == -1 else Fix("Close the list", (Edit(start, start + 2, "[x]"),))


def _drop_the_bom(doc):
    return Fix("Remove the BOM", (Edit(0, 1, ""),)) if doc.text.startswith("\ufeff") else None


@pytest.mark.parametrize("declared", [True, False])
def test_only_fixes_of_rules_declaring_repairs_are_tried_on_yaml_that_does_not_parse(declared):
    rule = _rule("TST030", _close_the_list, repairs_syntax=declared)
    source = "---\na: [x\n---\n"
    new_text, outcome = fix_text(source, rules=[rule])
    if declared:
        assert (new_text, [a.code for a in outcome.applied], outcome.refused) == (
            "---\na: [x]\n---\n",
            ["TST030"],
            None,
        )
    else:
        assert (new_text, outcome.applied, outcome.refused) == (source, [], "the YAML does not parse")


@pytest.mark.parametrize("declared", [True, False])
def test_only_fixes_of_rules_declaring_it_may_remove_the_bom(declared):
    rule = _rule("TST031", _drop_the_bom, removes_bom=declared)
    source = "\ufeff---\na: 1\n---\n"
    new_text, outcome = fix_text(source, rules=[rule])
    if declared:
        assert (new_text, [a.code for a in outcome.applied], outcome.rejected) == ("---\na: 1\n---\n", ["TST031"], [])
    else:
        assert (new_text, outcome.applied) == (source, [])
        assert [(r.diagnostic.code, r.problem) for r in outcome.rejected] == [
            ("TST031", "the front matter delimiters or the BOM changed")
        ]


def test_the_registry_declares_the_yaml_repairs_and_the_bom_removal():
    assert sorted(r.code for r in ALL_RULES if r.repairs_syntax) == ["YML002", "YML003", "YML005", "YML006"]
    assert [r.code for r in ALL_RULES if r.removes_bom] == ["FM003"]
