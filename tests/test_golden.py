"""Golden tests: the seeds as given, and the exact bytes `methlint fix` makes of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from methlint.fix import fix_text

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted(p.name for p in (FIXTURES / "seeds").glob("*.md"))


def read(folder: str, name: str) -> str:
    return (FIXTURES / folder / name).read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", SEEDS)
def test_fix_gives_the_golden_bytes(name: str) -> None:
    fixed, outcome = fix_text(read("seeds", name), f"_outil/{name}")
    assert outcome.internal_error is None and outcome.refused is None
    assert fixed == read("golden", name)


@pytest.mark.parametrize("name", SEEDS)
def test_fix_is_idempotent(name: str) -> None:
    golden = read("golden", name)
    again, outcome = fix_text(golden, f"_outil/{name}")
    assert again == golden and outcome.applied == []


@pytest.mark.parametrize(
    ("name", "remaining"),
    [
        # an unclosed parenthesis and a lowercase sentence start: only a person can fix them
        ("conference-de-citoyens.md", [("TYP021", 28, 29), ("TYP013", 47, 60)]),
        # the title's apostrophe: a rename, unsafe (usage documents name methods by title)
        ("atelier-citoyen.md", [("TYP010", 2, 9)]),
    ],
)
def test_what_the_safe_fixes_leave(name: str, remaining: list[tuple[str, int, int]]) -> None:
    _fixed, outcome = fix_text(read("seeds", name), f"_outil/{name}")
    assert [(d.code, d.span.line, d.span.column) for d in outcome.remaining] == remaining


def test_unsafe_fixes_also_change_the_title_and_nothing_else() -> None:
    safe, _ = fix_text(read("seeds", "atelier-citoyen.md"), "_outil/atelier-citoyen.md")
    unsafe, outcome = fix_text(read("seeds", "atelier-citoyen.md"), "_outil/atelier-citoyen.md", unsafe=True)
    assert outcome.remaining == []
    changed = [(a, b) for a, b in zip(safe.splitlines(), unsafe.splitlines(), strict=True) if a != b]
    assert changed == [("title: L'atelier citoyen", "title: L’atelier citoyen")]


def test_the_seeds_are_kept_byte_for_byte() -> None:
    # the regression inputs must never be "fixed" by accident: their defects are the point
    assert "etc. )" in read("seeds", "conference-de-citoyens.md")
    assert read("seeds", "atelier-citoyen.md").startswith("---\ntitle: L'atelier citoyen\n")
    assert not read("seeds", "atelier-citoyen.md").endswith("\n")
