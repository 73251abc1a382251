"""Helpers for the typography tests: run rules, apply their fixes."""

from __future__ import annotations

from methlint.diagnostics import Applicability
from methlint.linter import lint_text
from methlint.rules import ALL_RULES

TYP_RULES = [r for r in ALL_RULES if r.code.startswith("TYP")]
ALL_TYP = {r.code for r in TYP_RULES}


def typ_findings(text, codes=None, path="_outil/doc.md"):
    rules = [r for r in TYP_RULES if codes is None or r.code in codes]
    return lint_text(text, path, rules=rules)


def positions(text, codes=None):
    return sorted((d.span.line, d.span.column, d.code) for d in typ_findings(text, codes))


def apply_fixes(text, diagnostics, allowed=(Applicability.SAFE,)):
    edits = sorted(
        (e for d in diagnostics if d.fix and d.fix.applicability in allowed for e in d.fix.edits),
        key=lambda e: e.start,
        reverse=True,
    )
    for edit in edits:
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def fixed(text, codes, allowed=(Applicability.SAFE,)):
    return apply_fixes(text, typ_findings(text, codes), allowed)


def fm(yaml_lines: str, body: str = "") -> str:
    return "---\n" + yaml_lines + "\n---\n" + body
