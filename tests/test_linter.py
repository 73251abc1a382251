"""The linter's loop: documents checked in groups, rule by rule, with the output of a check
made document by document."""

from __future__ import annotations

import pytest

from methlint import linter
from methlint.config import Config
from methlint.diagnostics import Finding, Span
from methlint.document import Document
from methlint.rules import Context, Rule


def _rules(calls: list[tuple[str, str]]) -> list[Rule]:
    def every(doc: Document, ctx: Context):
        calls.append(("X001", doc.path))
        yield Finding(Span(1, 1, 1, 2), f"first of {doc.path}")

    def failing(doc: Document, ctx: Context):
        calls.append(("X002", doc.path))
        yield Finding(Span(2, 1, 2, 2), f"before failing in {doc.path}")
        if doc.path in ("d1.md", "d3.md"):
            raise ValueError(doc.path)
        yield Finding(Span(3, 1, 3, 2), f"after in {doc.path}")

    def elsewhere(doc: Document, ctx: Context):
        calls.append(("X003", doc.path))
        # a finding about another file, as the site's _config.yml gets from every document
        yield Finding(Span(1, 1, 1, 2), "about the site", path="_config.yml")
        yield Finding(Span(4, 1, 4, 2), f"last of {doc.path}")

    return [
        Rule(code, code, check, "", "") for code, check in (("X001", every), ("X002", failing), ("X003", elsewhere))
    ]


def _run(group_size: int, monkeypatch: pytest.MonkeyPatch) -> tuple[linter.Result, list[tuple[str, str]]]:
    monkeypatch.setattr(linter, "GROUP_SIZE", group_size)
    calls: list[tuple[str, str]] = []
    documents = [Document(f"d{index}.md", "Texte.\n") for index in range(5)]
    return linter.lint_documents(iter(documents), Config(), _rules(calls)), calls


def _view(result: linter.Result):
    def rows(found):
        return [(d.path, d.span, d.code, d.message) for d in found]

    by_document = {path: rows(found) for path, found in result.by_document.items()}
    return rows(result.diagnostics), result.internal_errors, result.files, list(by_document.items())


def test_groups_give_the_output_of_a_check_document_by_document(monkeypatch: pytest.MonkeyPatch) -> None:
    one_by_one, _calls = _run(1, monkeypatch)
    grouped, calls = _run(2, monkeypatch)
    assert _view(grouped) == _view(one_by_one)
    assert grouped.internal_errors == [
        "d1.md: internal error in X002 (X002): ValueError: d1.md",
        "d3.md: internal error in X002 (X002): ValueError: d3.md",
    ]
    # the finding yielded before the failure is kept, the one after is not (findings are
    # grouped by the file they are about: the site's, first met with d0.md, come first)
    assert [d.message for d in grouped.by_document["d1.md"]] == [
        "about the site",
        "first of d1.md",
        "before failing in d1.md",
        "last of d1.md",
    ]
    # each rule over the group before the next rule; the last group holds one document
    assert calls == [
        *[("X001", "d0.md"), ("X001", "d1.md"), ("X002", "d0.md"), ("X002", "d1.md")],
        *[("X003", "d0.md"), ("X003", "d1.md")],
        *[("X001", "d2.md"), ("X001", "d3.md"), ("X002", "d2.md"), ("X002", "d3.md")],
        *[("X003", "d2.md"), ("X003", "d3.md")],
        *[("X001", "d4.md"), ("X002", "d4.md"), ("X003", "d4.md")],
    ]


def test_memos_live_as_long_as_their_group(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linter, "GROUP_SIZE", 3)
    seen: list[int] = []

    def memoizing(doc: Document, ctx: Context):
        ctx.memo("seen", doc, lambda: doc.path)
        seen.append(len(ctx.cache))
        return ()

    rule = Rule("X004", "x", memoizing, "", "")
    linter.lint_documents([Document(f"d{index}.md", "") for index in range(5)], Config(), [rule])
    assert seen == [1, 2, 3, 1, 2]
