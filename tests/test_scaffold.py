"""`methlint new`: documents that parse, follow their schema, and only wait for their placeholders."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from methlint.linter import lint_text
from methlint.scaffold import PLACEHOLDER, new_document
from methlint.schemas import load_schema

CONTENT = Path(__file__).parent.parent / "content"
TODAY = datetime.date(2026, 11, 21)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


@pytest.mark.parametrize(
    ("categorie", "folder", "kind"),
    [("methode", "_outil", "method"), ("outil", "_outil", "tool"), ("usage", "_usage", "usage")],
)
def test_new_document_reports_only_its_placeholders(site: Path, categorie: str, folder: str, kind: str) -> None:
    text = new_document(site / folder / "nouveau.md", categorie, "Le jury citoyen", TODAY)
    diagnostics = lint_text(text, f"{folder}/nouveau.md")
    assert diagnostics and {d.code for d in diagnostics} == {"PH001"}
    lines = text.splitlines()
    assert all(PLACEHOLDER in lines[d.span.line - 1] for d in diagnostics)
    # required keys in the schema's canonical order
    keys = [line.split(":")[0] for line in lines[1 : lines.index("---", 1)] if line[:1].isalpha()]
    schema = load_schema(kind)
    assert keys == [k for k in schema["properties"] if k in schema["required"]]


def test_new_method_takes_the_next_free_ordre_and_today(site: Path) -> None:
    text = new_document(site / "_outil" / "nouveau.md", "methode", "Le jury citoyen", TODAY)
    assert "\nordre: 8\n" in text  # the seeds hold 5 and 7
    assert "\ndate: '2026-11-21T00:00:00.000+00:00'\n" in text
    assert "**Objectif du dispositif :**\n* À compléter\n" in text


def test_tool_ordre_is_counted_in_its_own_categorie(site: Path) -> None:
    assert "\nordre: 2\n" in new_document(site / "_outil" / "x.md", "outil", "Un outil", TODAY)


def test_titles_that_need_quotes_are_quoted(site: Path) -> None:
    text = new_document(site / "_outil" / "x.md", "methode", "Article 71 : le débat", TODAY)
    assert "\ntitle: 'Article 71 : le débat'\n" in text
    assert {d.code for d in lint_text(text, "_outil/x.md")} == {"PH001"}
