"""Every fast path gives exactly the findings of the slow, reference path."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from methlint import front_matter, yaml_limits
from methlint.config import Config
from methlint.document import Document
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
    monkeypatch.setattr(front_matter, "needs_event_scan", lambda text, limits: True)
    scanned = lint_text(text, path)
    assert signature(skipped) == signature(scanned)


def test_the_event_scan_runs_for_anchors_depth_and_size() -> None:
    limits = front_matter.Limits()
    assert not yaml_limits.needs_event_scan("title: x\nlist:\n- a\n", limits)
    assert yaml_limits.needs_event_scan("a: &x 1\n", limits)
    assert yaml_limits.needs_event_scan("a: " + "[" * 60 + "]" * 60, limits)
    assert yaml_limits.needs_event_scan("a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(60)), limits)
    assert yaml_limits.needs_event_scan("a:\n" + "- " * 30 + "x\n", limits)  # compact nested lists


def _all_fixture_front_matters() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.md")) + sorted((ROOT / "content").rglob("*.md")):
        try:
            text = path.read_bytes().decode("utf-8")
        except (UnicodeDecodeError, IsADirectoryError):
            continue
        parts = Document(path.name, text).parts
        if parts is not None:
            found.append((str(path.relative_to(ROOT)), parts.yaml))
    return found


@pytest.mark.parametrize(("name", "yaml_text"), _all_fixture_front_matters())
def test_plain_builder_gives_what_pyyaml_constructs(name: str, yaml_text: str) -> None:
    fast = front_matter.parse(yaml_text)
    reference = front_matter.JekyllLoader(yaml_text)
    try:
        root = reference.get_single_node()
        expected = reference.construct_document(root) if root is not None else None
    except Exception:  # noqa: BLE001 - documents PyYAML refuses: the parse reports them, no data to compare
        return
    finally:
        reference.dispose()
    if fast.ok:
        assert repr(fast.data) == repr(expected) and type(fast.data) is type(expected)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["title", "ordre", "a", "1", "yes", "b"]),
            st.sampled_from(
                [
                    "x",
                    "1",
                    "0x1F",
                    "1_000",
                    "1:30",
                    "yes",
                    "~",
                    "2019-01-15",
                    "'q'",
                    "[a, 1]",
                    "{k: v}",
                    "",
                    "1.5e3",
                    ".inf",
                    "-",
                    "0755",
                ]
            ),
        ),
        max_size=6,
    )
)
def test_plain_builder_on_generated_mappings(pairs: list[tuple[str, str]]) -> None:
    yaml_text = "".join(f"{key}: {value}\n" for key, value in pairs)
    fast = front_matter.parse(yaml_text)
    expected = front_matter.yaml.load(yaml_text, Loader=front_matter.JekyllLoader) if fast.ok else None
    if fast.ok:
        assert repr(fast.data) == repr(expected)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aéZ0 9-_.,:#'\"!&*?~yesnoNOtrulfs’\t")), max_size=12))
def test_line_scan_values_agree_with_yaml(rest: str) -> None:
    from methlint.collection import NOT_PLAIN, plain_value

    value = plain_value(rest)
    if value is NOT_PLAIN:
        return
    assert front_matter.yaml.load("k: " + rest, Loader=front_matter.yaml.CSafeLoader) == {"k": value}


def test_line_scan_reads_a_value_before_its_comment() -> None:
    from methlint.collection import plain_value

    assert plain_value(" 5519  # à garder unique dans la catégorie") == 5519
    assert plain_value(" Jury citoyen\t# court") == "Jury citoyen"


def test_remembered_implicit_tags_give_the_same_data_as_the_resolvers() -> None:
    text = 'a: yes\nb: "yes"\nc: 12\nd: 2019-02-30\ne: ~\nf: 1.5\ng: no\nh: Oui\n' + "i: " + "x " * 30 + "\n"
    expected = {"a": True, "b": "yes", "c": 12, "d": "2019-02-30", "e": None, "f": 1.5, "g": False, "h": "Oui"}
    expected["i"] = "x " * 29 + "x"
    for _attempt in range(2):  # the second parse answers from the memo
        data = front_matter.parse(text).data
        assert data == expected
        assert data["a"] is True and data["g"] is False and type(data["c"]) is int
        assert isinstance(data["d"], front_matter.DateText)
