"""Every fast path gives exactly the findings of the slow, reference path."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from methlint import front_matter
from methlint.config import Config
from methlint.linter import lint_text

ROOT = Path(__file__).parent.parent
SEED = (ROOT / "tests" / "fixtures" / "seeds" / "conference-de-citoyens.md").read_text(encoding="utf-8")

MUTANTS = [
    ("ordre: 5", "ordre: cinq"),
    ("ordre: 5", "ordre: 0"),
    ("categorie: methode", "categorie: outil"),
    ("tagline:", "tagilne:"),
    ("date: '2017-04-04T15:57:58.478+00:00'", "date: 2019-02-30"),
    ("date: '2017-04-04T15:57:58.478+00:00'", "date: 2019-05-22 09:29:08 +0000"),
    ("url_video_demo:", "url_video_demo: hhttps://x.fr"),
    ("contact:", "contact: pas-un-mail"),
    ("priorites:\n", "priorites: []\n"),
    ("layout: methode", "layout: outil"),
    ("logo:", "logo: !!binary aGVsbG8="),
    ("- Investir un sujet en profondeur", "- Qualité: 4 à 5"),
    ("owner:", "owner: &a x\nx: *a"),
]


def documents() -> list[tuple[str, str]]:
    docs = [
        (p.replace("content/", "", 1), Path(p).read_text(encoding="utf-8"))
        for p in sorted(glob.glob("content/_*/*.md"))
    ]
    docs += [("_outil/m.md", SEED.replace(old, new)) for old, new in MUTANTS]
    for example in sorted((ROOT / "tests" / "fixtures" / "examples").glob("*.md")):
        folder = "_usage" if example.name.startswith("usage") else "_outil"
        docs.append((f"{folder}/{example.name}", example.read_text(encoding="utf-8")))
    return docs


def signature(diags) -> list[tuple]:
    return [(d.path, d.span, d.code, d.message, d.severity) for d in diags]


@pytest.mark.parametrize(("path", "text"), documents())
def test_compiled_schema_gate_gives_the_reference_findings(path: str, text: str) -> None:
    fast = lint_text(text, path, Config(fast_validation=True))
    slow = lint_text(text, path, Config(fast_validation=False))
    assert signature(fast) == signature(slow)


@pytest.mark.parametrize(("path", "text"), documents())
def test_skipping_the_event_scan_gives_the_same_findings(path: str, text: str, monkeypatch) -> None:
    skipped = lint_text(text, path)
    monkeypatch.setattr(front_matter, "_needs_event_scan", lambda text, limits: True)
    scanned = lint_text(text, path)
    assert signature(skipped) == signature(scanned)


def test_the_event_scan_runs_for_anchors_depth_and_size() -> None:
    limits = front_matter.Limits()
    assert not front_matter._needs_event_scan("title: x\nlist:\n- a\n", limits)
    assert front_matter._needs_event_scan("a: &x 1\n", limits)
    assert front_matter._needs_event_scan("a: " + "[" * 60 + "]" * 60, limits)
    assert front_matter._needs_event_scan("a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(60)), limits)
    assert front_matter._needs_event_scan("a:\n" + "- " * 30 + "x\n", limits)  # compact nested lists
