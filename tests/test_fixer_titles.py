"""Title renames across files: the usage documents come from the configured collections, are read
once per run whatever the number of title fixes, and follow the renames already made."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from methlint import front_matter
from methlint.config import DEFAULT_COLLECTIONS, CollectionRule, Config
from methlint.diagnostics import Edit, Finding, Fix, FixAvailability
from methlint.discovery import discover
from methlint.fix import fix_paths, write_outcomes
from methlint.rules import Rule


def _straighten_title(doc, ctx):
    """The title's straight apostrophe made typographic (a stand-in for TYP010, on the title only)."""
    start = doc.text.find("title: L'")
    if start != -1:
        at = start + len("title: L")
        yield Finding(
            doc.span(at, at + 1),
            "straight apostrophe",
            Fix("Use ’", (Edit(at, at + 1, "’"),), changes_data_at=(("title",),)),
        )


TITLE_FIX = Rule("TST010", "test-title", _straighten_title, "", "test", fix=FixAvailability.ALWAYS)

# Every file opened while counting, as os.open and open announce it (audit hooks cannot be removed:
# this one records only between _count_opens() and the end of the test).
_opened: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], (str, os.PathLike)):
        _opened.append(os.path.abspath(args[0]))


sys.addaudithook(_audit)


@pytest.fixture
def opened():
    global _opened
    _opened = []
    yield _opened
    _opened = None


def make_site(root: Path, titles: int, usage_folder: str = "_usage") -> Path:
    (root / "_outil").mkdir(parents=True)
    (root / usage_folder).mkdir()
    names = [f"L'atelier {index}" for index in range(titles)]
    for index, name in enumerate(names):
        (root / "_outil" / f"m{index}.md").write_text(f"---\ntitle: {name}\n---\nCorps\n")
    for index in range(5):
        listed = "".join(f"- {name}\n" for name in names)
        (root / usage_folder / f"u{index}.md").write_text(f"---\ntitle: Usage {index}\nmethodes:\n{listed}---\n")
    return root


@pytest.mark.parametrize("unsafe", [False, True])
def test_usage_documents_are_read_and_parsed_once_whatever_the_number_of_title_fixes(
    tmp_path, monkeypatch, opened, unsafe
):
    parsed = []
    real_parse = front_matter.parse
    monkeypatch.setattr(front_matter, "parse", lambda text, *a: parsed.append(text) or real_parse(text, *a))
    counts = {}
    for titles in (1, 6):
        site = make_site(tmp_path / str(titles), titles)
        (site / "_usage" / "other.md").write_text("---\ntitle: Autre usage\nmethodes:\n- Autre méthode\n---\n")
        monkeypatch.chdir(site)
        opened.clear()
        parsed.clear()
        run = fix_paths(discover([Path("_outil")]), Config(root=site), unsafe=unsafe, rules=[TITLE_FIX])
        assert sum(f.changed for f in run.files) == (titles + 5 if unsafe else 0)
        assert all(len(f.held_back[0].references) == 5 for f in run.files if f.held_back)
        usage = sorted(str(p.resolve()) for p in Path("_usage").iterdir())
        counts[titles] = [opened.count(path) for path in usage], sum("Autre méthode" in text for text in parsed)
    assert counts == {1: ([1] * 6, 1), 6: ([1] * 6, 1)}


def test_references_are_looked_for_in_the_usage_collections_the_configuration_names(tmp_path, monkeypatch):
    site = make_site(tmp_path, 1, usage_folder="usages")
    monkeypatch.chdir(site)
    collections = (DEFAULT_COLLECTIONS[0], CollectionRule("usages", "usage"))
    run = fix_paths(discover([Path("_outil")]), Config(root=site, collections=collections), rules=[TITLE_FIX])
    (outcome,) = run.files
    assert [(r.path, r.line, r.column) for r in outcome.held_back[0].references] == [
        (f"usages/u{index}.md", 4, 3) for index in range(5)
    ]
    default = fix_paths(discover([Path("_outil")]), Config(root=site), rules=[TITLE_FIX])
    assert default.files[0].held_back[0].references == ()  # `usages/` is no usage collection by default


def test_a_usage_document_naming_two_renamed_titles_gets_both_renames(tmp_path, monkeypatch):
    site = make_site(tmp_path, 2)
    monkeypatch.chdir(site)
    run = fix_paths(discover([Path("_outil")]), Config(root=site), unsafe=True, rules=[TITLE_FIX])
    write_outcomes(run)
    assert Path("_usage/u0.md").read_text() == "---\ntitle: Usage 0\nmethodes:\n- L’atelier 0\n- L’atelier 1\n---\n"
    (usage,) = [f for f in run.files if f.path == "_usage/u0.md"]
    assert [(a.code, a.span.line, a.title) for a in usage.applied] == [
        ("TST010", 4, "Rename 1 reference to 'L'atelier 0' as 'L’atelier 0'"),
        ("TST010", 5, "Rename 1 reference to 'L'atelier 1' as 'L’atelier 1'"),
    ]
