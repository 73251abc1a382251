"""Issue 19: ``fix`` never changes data that was not wrong, nor into something else.

Each class has the issue's example and cases of our own: repairs never touch text inside a
scalar, never restructure, never change a value's type; verification compares the value the
edit wrote with the value read in place.
"""

from __future__ import annotations

import pytest

from methlint.diagnostics import Edit
from methlint.document import Document
from methlint.fix import fix_text, verify
from methlint.jekyll_scalars import FLOAT, INT, plain_tag
from methlint.yaml_text import read_yaml_1_1, read_yaml_1_2


def _fixed(front_matter: str, unsafe: bool = False) -> str:
    fixed, _outcome = fix_text("---\ntitle: Atelier\n" + front_matter + "---\nCorps\n", unsafe=unsafe)
    return fixed.removeprefix("---\ntitle: Atelier\n").removesuffix("---\nCorps\n")


# --- 1. Repairs never touch text inside a scalar -------------------------------------------------


@pytest.mark.parametrize(
    ("inside", "outside"),
    [
        # the examples: a `- |` block item, a block holding a key-like line, a quoted item
        ("notes:\n- |\n  rendez-vous:10h au local\n  suite\n", "ordre:2\n"),
        ("notes: |\n  Objectif\n  - un point\n", "ordre:2\n"),
        ('notes:\n- "texte\n  rendez-vous:10h"\n', "ordre:2\n"),
        # ours: a folded `- >-` item, a single-quoted item over lines, a plain value over lines,
        # a nested block scalar, a key-like line alone in a block item
        ("notes:\n- >-\n  heure:10h\n  Objectif\n  - point\n", "ordre:2\n"),
        ("notes:\n- 'Lieu:mairie\n  Objectif'\n", "ordre:2\n"),
        ("tagline: un texte\n  qui continue:ici\n", "ordre:2\n"),
        ("contact:\n  adresse: |\n    Mairie\n    bureau:2\n", "ordre:2\n"),
        ("notes:\n- |\n  Objectif\n  - un\n", "ordre:2\n"),
    ],
)
def test_repairs_leave_text_inside_scalars_alone(inside, outside):
    assert _fixed(inside + outside) == inside + "ordre: 2\n"


@pytest.mark.parametrize(
    "inside",
    [
        "notes: |\n  a\n  \tb\n",  # the issue's: a tab in a block scalar's text (once refused whole)
        "notes:\n- |\n  a\n  \tb\n",  # ours: in a `- |` item
        "notes:\n- >\n  a\n\n  \tb\n",  # in a folded item, after a blank line
        "tagline: un\n  \tdeux\n",  # in a plain value's second line
        "contact:\n  adresse: |\n    a\n    \tb\n",  # in a nested block scalar
    ],
)
def test_the_unsafe_tab_repair_leaves_tabs_inside_scalars_alone(inside):
    assert _fixed(inside + "ordre:2\n", unsafe=True) == inside + "ordre: 2\n"


# --- 2. No repair restructures data --------------------------------------------------------------


@pytest.mark.parametrize(
    "front_matter",
    [
        "liste:\n- un\ndeux\n- trois\n",  # the issue's: a wrapped list item
        "liste:\n  - un\n  deux\n  - trois\n",  # ours: an indented list
        "groupes:\n- nom: a\n  items:\n  - un\n  deux\n  - trois\n",  # ours: a list inside an item's mapping
    ],
)
def test_a_wrapped_list_item_is_never_made_a_key(front_matter):
    fixed, outcome = fix_text("---\ntitle: Atelier\n" + front_matter + "---\nCorps\n")
    assert "deux:" not in fixed
    assert not outcome.applied


def test_a_missing_colon_after_a_nested_mapping_is_still_repaired():
    front_matter = "contact:\n  nom: x\npriorites\n- un\n"
    assert _fixed(front_matter) == "contact:\n  nom: x\npriorites:\n- un\n"


@pytest.mark.parametrize(
    ("before", "word"),
    [
        ("---\nliste:\n- un\ndeux\n- trois\n---\n", "deux"),
        ("---\nsections:\n- a\n- b\nc\n- d\n---\n", "c"),  # ours: the colon made by hand, not by YML002
    ],
)
def test_verify_refuses_a_repair_that_ends_a_list(before, word):
    doc = Document("_outil/a.md", before)
    at = before.index("\n" + word + "\n") + 1 + len(word)
    problem = verify(doc, before[:at] + ":" + before[at:], [Edit(at, at, ":")], [])
    assert problem is not None and "restructure" in problem


# --- 3. No type change ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("heure:10:30\n", "heure: '10:30'\n"),  # the issue's: 630 for Jekyll
        ("owner:0755\n", "owner: '0755'\n"),  # 493
        ("access_link:yes\n", "access_link: 'yes'\n"),  # true
        ("statut:null\n", "statut: 'null'\n"),  # ours: nil
        ("code:0x1F\n", "code: '0x1F'\n"),  # ours: 31
        ("duree:1:30:00 # environ\n", "duree: '1:30:00' # environ\n"),  # ours: base 60, before a comment
        ("version:1.10\n", "version: '1.10'\n"),  # ours: the float 1.1
        ("ordre:2\n", "ordre: 2\n"),  # an integer as written stays one
        ("publie:true\n", "publie: true\n"),
        ("lieu:mairie\n", "lieu: mairie\n"),
    ],
)
def test_a_repaired_value_reads_as_the_text_written(broken, fixed):
    result = _fixed(broken)
    assert result == fixed
    value = result.split(":", 1)[1].split(" #")[0].strip()
    for read in (read_yaml_1_1, read_yaml_1_2):
        printed = read("_: " + value + "\n")["_"]
        assert (str(printed).lower() if isinstance(printed, bool) else str(printed)) == broken.split(":", 1)[
            1
        ].split(" #")[0].strip()


def test_the_quoted_examples_are_numbers_for_jekyll():
    """The examples above are the traps they claim to be (else the test proves nothing)."""
    assert plain_tag("10:30") == FLOAT and plain_tag("0755") == INT and plain_tag("0x1F") == INT


# --- 4. verify compares the value written with the value read at the edited path -----------------


@pytest.mark.parametrize(
    ("front_matter", "old", "new", "path"),
    [
        ("k: [a]\n", "a", "a,", ("k", 0)),  # the issue's: reads ['a']
        ("k: {x: a}\n", "a", "a]", ("k", "x")),  # ours: a flow bracket
        ("k: a\n", "a", "a # b", ("k",)),  # ours: a comment swallows the text
        ("k:\n- a\n", "a", "a: b", ("k", 0)),  # ours: the item becomes a mapping
    ],
)
def test_verify_refuses_a_value_that_does_not_read_as_written(front_matter, old, new, path):
    text = "---\ntitle: Atelier\n" + front_matter + "---\nCorps\n"
    at = text.index(old, text.index(front_matter))
    after = text[:at] + new + text[at + len(old) :]
    assert verify(Document("_outil/a.md", text), after, [Edit(at, at + len(old), new)], [path]) is not None


def test_verify_accepts_a_value_written_as_it_reads():
    text = "---\ntitle: Atelier\nk: [a, b]\n---\nCorps\n"
    at = text.index("a,")
    after = text[:at] + "'a, c'" + text[at + 1 :]
    assert verify(Document("_outil/a.md", text), after, [Edit(at, at + 1, "'a, c'")], [("k", 0)]) is None
