"""Issue 19: ``fix`` never changes data that was not wrong, nor into something else.

Each class has the issue's example and cases of our own: repairs never touch text inside a
scalar, never restructure, never change a value's type; verification compares the value the
edit wrote with the value read in place.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from methlint.cli import cli
from methlint.config import Config
from methlint.diagnostics import Edit, Finding, Fix, FixAvailability
from methlint.discovery import discover
from methlint.document import Document
from methlint.fix import fix_paths, fix_text, verify, write_atomic, write_outcomes
from methlint.jekyll_scalars import FLOAT, INT, plain_tag
from methlint.linter import lint_text
from methlint.rules import Rule
from methlint.yaml_text import double_quoted, read_yaml_1_1, read_yaml_1_2
from tests.cli_runner import cli_runner


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


def test_a_line_that_parsed_before_the_mistake_is_not_repaired():
    """Found by the fuzz harness: `t:itle: x` is the key 't:itle', not a mistake; the
    repair of the mistake after it ('ordre:2') still applies, and only it."""
    assert _fixed("t:itle: L’atelier\nordre:2\n") == "t:itle: L’atelier\nordre: 2\n"
    # and verify refuses the repair of such a line, whoever offers it
    text = "---\nt:itle: x\nordre:2\n---\n"
    problem = verify(Document("_outil/a.md", text), text.replace("t:", "t: ", 1), [Edit(6, 6, " ")], [])
    assert problem is not None and "restructure" in problem


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
        assert (str(printed).lower() if isinstance(printed, bool) else str(printed)) == broken.split(":", 1)[1].split(
            " #"
        )[0].strip()


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


# --- 5. A title rename across files is all or nothing, and edits inside the values ---------------

TITLE_FIX = Rule(
    "TST010",
    "test-title",
    lambda doc, ctx: (
        [
            Finding(
                doc.span(at, at + 1),
                "straight apostrophe",
                Fix("Curl it", (Edit(at, at + 1, "’"),), changes_data_at=(("title",),)),
            )
        ]
        if (at := doc.text.find("title: L'")) != -1
        and (at := at + len("title: L")) > 0
        or (at := doc.text.find("title: \"L'")) != -1
        and (at := at + len('title: "L')) > 0
        else []
    ),
    "",
    "",
    fix=FixAvailability.ALWAYS,
)


def _site(root: Path, usages: dict[str, str], title: str = "L'atelier  citoyén") -> Path:
    (root / "_outil").mkdir()
    (root / "_usage").mkdir()
    (root / "_outil" / "atelier.md").write_text("---\ntitle: " + title + "\n---\nCorps\n")
    for name, front_matter in usages.items():
        (root / "_usage" / name).write_text("---\ntitle: Usage " + name + "\n" + front_matter + "---\n")
    return root


def _rename(root: Path, monkeypatch) -> list:
    monkeypatch.chdir(root)
    run = fix_paths(discover([Path("_outil")]), Config(), unsafe=True, rules=[TITLE_FIX])
    write_outcomes(run)
    return run.files


def _read_only(path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files")
    path.chmod(0o444)


@pytest.mark.parametrize(
    "blocked",
    [
        _read_only,  # the issue's: a read-only usage document
        lambda path: path.write_text(path.read_text() + "\n"),  # ours: saved by an editor meanwhile
        lambda path: path.unlink(),  # ours: deleted meanwhile
    ],
)
def test_a_rename_that_cannot_write_one_usage_document_writes_nothing(tmp_path, monkeypatch, blocked):
    usages = {"u1.md": "methodes:\n- L'atelier  citoyén\n", "u2.md": "outil: L'atelier  citoyén\n"}
    root = _site(tmp_path, usages)
    untouched = [root / "_outil" / "atelier.md", root / "_usage" / "u1.md"]
    before = [path.read_bytes() for path in untouched]
    monkeypatch.chdir(root)
    run = fix_paths(discover([Path("_outil")]), Config(), unsafe=True, rules=[TITLE_FIX])
    assert len([outcome for outcome in run.files if outcome.changed]) == 3
    blocked(root / "_usage" / "u2.md")
    write_outcomes(run)
    assert [path.read_bytes() for path in untouched] == before
    assert all(outcome.write_error for outcome in run.files if outcome.changed)
    assert list(root.rglob(".*.methlint")) == []


@pytest.mark.parametrize(
    ("written", "renamed"),
    [
        # the issue's: an escape and a double space survive in a double-quoted item
        ('- "L\'atelier  citoy\\u00e9n"\n', '- "L’atelier  citoy\\u00e9n"\n'),
        # the issue's: a plain value over two lines keeps its line break (it reads one space)
        ("- L'atelier\n  citoyén\n", "- L’atelier\n  citoyén\n"),
        ("- L'atelier\n  \n  citoyén\n", "- L’atelier\n  \n  citoyén\n"),  # ours: a line feed inside
        # ours: a single-quoted value keeps its quotes, the doubled quote becomes the curly one
        ("- 'L''atelier  citoyén'\n", "- 'L’atelier  citoyén'\n"),
        # ours: a double-quoted value over two lines, with an escaped line break
        ('- "L\'atelier  \\\n   citoyén"\n', '- "L’atelier  \\\n   citoyén"\n'),
    ],
)
def test_a_rename_edits_inside_the_value(tmp_path, monkeypatch, written, renamed):
    title = Document("u.md", "---\nmethodes:\n" + written + "---\n").data["methodes"][0]
    root = _site(tmp_path, {"u.md": "methodes:\n" + written}, title=double_quoted(title))
    _rename(root, monkeypatch)
    assert Document("a.md", (root / "_outil" / "atelier.md").read_text()).data["title"] == title.replace("'", "’", 1)
    assert (root / "_usage" / "u.md").read_text() == "---\ntitle: Usage u.md\nmethodes:\n" + renamed + "---\n"


# --- 6. A symbolic link stays a link; owner and mode are kept ------------------------------------

BROKEN = "---\ntitle: Panel\nordre:2\n---\nCorps\n"


def _fix_cli(root: Path, monkeypatch, *paths: str):
    monkeypatch.chdir(root)
    return cli_runner().invoke(cli, ["fix", *paths])


def test_a_linked_document_inside_the_site_is_fixed_through_its_link(tmp_path, monkeypatch):
    (tmp_path / "_config.yml").write_text("title: site\n")
    (tmp_path / "_outil").mkdir()
    (tmp_path / "partage").mkdir()
    target = tmp_path / "partage" / "panel.md"
    target.write_text(BROKEN)
    target.chmod(0o640)
    (tmp_path / "_outil" / "panel.md").symlink_to("../partage/panel.md")
    _fix_cli(tmp_path, monkeypatch, "_outil")
    link = tmp_path / "_outil" / "panel.md"
    assert link.is_symlink() and os.readlink(link) == "../partage/panel.md"
    assert target.read_text() == BROKEN.replace("ordre:2", "ordre: 2")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_link_to_outside_the_site_is_refused_with_a_message(tmp_path, monkeypatch):
    site, outside = tmp_path / "site", tmp_path / "ailleurs.md"
    (site / "_outil").mkdir(parents=True)
    (site / "_config.yml").write_text("title: site\n")
    outside.write_text(BROKEN)
    (site / "_outil" / "panel.md").symlink_to(outside)
    result = _fix_cli(site, monkeypatch, "_outil")
    assert outside.read_text() == BROKEN
    assert (site / "_outil" / "panel.md").is_symlink()
    assert "symbolic link to outside the site" in result.output
    assert result.exit_code == 1


def test_write_through_a_link_is_confined_to_the_root_at_write_time(tmp_path):
    """The link may be changed between the read and the write: the write checks again."""
    (tmp_path / "site").mkdir()
    outside = tmp_path / "ailleurs.md"
    outside.write_text("old")
    link = tmp_path / "site" / "doc.md"
    link.symlink_to(outside)
    with pytest.raises(PermissionError):
        write_atomic(link, b"new", b"old", None, root=tmp_path / "site")
    assert outside.read_text() == "old" and link.is_symlink()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_file_owned_by_another_user_keeps_its_owner(tmp_path, monkeypatch):
    (tmp_path / "_outil").mkdir()
    doc = tmp_path / "_outil" / "panel.md"
    doc.write_text(BROKEN)
    os.chown(doc, 1234, 5678)
    doc.chmod(0o604)
    _fix_cli(tmp_path, monkeypatch, "_outil")
    status = doc.stat()
    assert doc.read_text() == BROKEN.replace("ordre:2", "ordre: 2")
    assert (status.st_uid, status.st_gid, status.st_mode & 0o777) == (1234, 5678, 0o604)


# --- 7. fix --diff applies with git apply whatever characters the body holds --------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize(
    "separator",
    [
        "\u2028",  # the issue's: a line separator
        "\x85",  # a NEL
        "\x0c",  # a form feed
        "\r",  # a lone CR
        "\u2029\x1c\x1d\x1e\x0b",  # ours: a paragraph separator and the other characters splitlines breaks at
        "\r\x85\r\n",  # ours: several at once, with a CRLF
    ],
)
def test_the_diff_applies_with_git_apply(tmp_path, monkeypatch, separator):
    text = f"---\ntitle: Panel\nordre:2\n---\nUn{separator}deux{separator}\ntrois{separator}fin"
    for copy in ("patched", "fixed"):
        (tmp_path / copy / "_outil").mkdir(parents=True)
        (tmp_path / copy / "_outil" / "panel.md").write_bytes(text.encode())
    monkeypatch.chdir(tmp_path / "fixed")
    cli_runner().invoke(cli, ["fix", "--ignore", "SCH", "_outil"])
    fixed = (tmp_path / "fixed" / "_outil" / "panel.md").read_bytes()
    assert b"ordre: 2" in fixed
    monkeypatch.chdir(tmp_path / "patched")
    diff = cli_runner().invoke(cli, ["fix", "--diff", "--ignore", "SCH", "_outil"])
    assert diff.exit_code == 1
    subprocess.run(["git", "init", "-q"], check=True)
    subprocess.run(["git", "apply", "-"], input=diff.stdout_bytes, check=True, capture_output=True)
    assert (tmp_path / "patched" / "_outil" / "panel.md").read_bytes() == fixed


# --- 8. A doubled straight apostrophe in a single-quoted value -----------------------------------


@pytest.mark.parametrize(
    ("value", "fixed", "columns", "reads"),
    [
        ("'L''avis'", "'L’avis'", [12], "L’avis"),  # the issue's
        ("'aujourd''hui, l''équipe'", "'aujourd’hui, l’équipe'", [18, 26], "aujourd’hui, l’équipe"),  # ours: two
        ("'Dire ''non'' : l''avis'", "'Dire ''non'' : l’avis'", [27], "Dire 'non' : l’avis"),  # ours: quotes stay
    ],
)
def test_a_doubled_apostrophe_in_single_quotes_is_reported_and_fixed(value, fixed, columns, reads):
    text = "---\ntitle: Atelier\ntagline: " + value + "\n---\nCorps\n"
    found = [d for d in lint_text(text, "_outil/a.md") if d.code == "TYP010"]
    assert [(d.span.line, d.span.column, d.span.end_column) for d in found] == [(3, c, c + 2) for c in columns]
    result, _outcome = fix_text(text)
    assert result == "---\ntitle: Atelier\ntagline: " + fixed + "\n---\nCorps\n"
    assert Document("a.md", result).data["tagline"] == reads
