"""The typography fast paths give exactly what the reference paths give."""

from __future__ import annotations

from pathlib import Path

import pytest

from methlint import prose
from methlint.document import Document

FIXTURES = Path(__file__).parent / "fixtures"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "seeds").glob("*.md"))]
TABLE = "| Étape | Durée  |\n|:---|---:|\n| Formation ( 2 ) | 2 week-ends , au moins |\n"


def _units(text: str):
    extracted = prose.extract(Document("_outil/a.md", text))
    return extracted.units, extracted.verbatim_lines, extracted.text


def _with_whole_body_markdown(monkeypatch, text: str):
    monkeypatch.setattr(prose, "_standalone_tables", lambda *args: None)
    return _units(text)


@pytest.mark.parametrize("seed", range(len(SEED_TEXTS)))
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_standalone_tables_read_like_markdown_it_reads_the_whole_body(monkeypatch, seed: int, where: str) -> None:
    head, separator, body = SEED_TEXTS[seed].partition("\n---\n")
    paragraphs = body.split("\n\n")
    at = {"start": 0, "middle": len(paragraphs) // 2, "end": len(paragraphs)}[where]
    text = head + separator + "\n\n".join([*paragraphs[:at], TABLE, *paragraphs[at:]])
    fast = _units(text)
    assert any(unit.text == "Formation ( 2 )" for unit in fast[0])  # the table was read
    assert fast == _with_whole_body_markdown(monkeypatch, text)


@pytest.mark.parametrize(
    "body",
    [
        "Texte a | b suivi\nd'une ligne\n",  # a pipe in a paragraph: not a table
        "Texte\n| a | b |\n|---|---|\n| c | d |\n",  # a table that interrupts a paragraph
        "> | a | b |\n> |---|---|\n",  # a table in a block quote
        "| a | b |\n|---|---|\n| c | d |\nsuite\n",  # a line without a pipe continues the table
    ],
)
def test_tables_that_do_not_stand_alone_go_through_markdown_it(monkeypatch, body: str) -> None:
    text = "---\ntitle: T\n---\n" + body
    assert prose._standalone_tables(Document("a.md", text), body, prose._body_lines(body, 17), 3) is None
    assert _units(text) == _with_whole_body_markdown(monkeypatch, text)
