"""`methlint new --title`: the document's title reads back as exactly the text given.

Jekyll reads front matter as safe_yaml does (YAML 1.1 with its own resolution), most other
tools as YAML 1.2: `yes`, `1984`, `null`, `[Brouillon] Jury`, `*jury` or a line separator
must not become a boolean, a number, nothing, a list, an alias or a parse error. Titles are
written with the quoting the fixer uses (``yaml_text.render_scalar``).
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from methlint.document import Document
from methlint.scaffold import render
from methlint.yaml_text import read_yaml_1_1, read_yaml_1_2
from tests.methlint_process import environment, methlint

TODAY = datetime.date(2026, 11, 21)


def titles_read(text: str) -> tuple[object, object]:
    """The title as Jekyll (YAML 1.1, safe_yaml's scalars) and as a YAML 1.2 tool read it."""
    front_matter = Document("_outil/x.md", text).parts.yaml
    return read_yaml_1_1(front_matter)["title"], read_yaml_1_2(front_matter)["title"]


ISSUE = ["yes", "1984", "null", "[Brouillon] Jury", "*jury", "&a Jury", "Jury\u2028citoyen"]
OURS = [
    "~",
    "1,000",
    "_5",
    "nULL",
    "oN",
    "0X1F",
    "1:30",
    "2019-05-22",
    "=",
    "<<",
    "- Jury",
    "? Jury",
    "@jury",
    "%jury",
    "#1 du jury",
    "!!str x",
    "Jury: citoyen",
    "L'atelier",
    '"Jury"',
    "\\ jury",
    " Jury ",
    "Jury\tcitoyen",
    "Jury\x85citoyen",
    "Jury\u2029",
    "bip\x07",
    "del\x7f",
    "\ufeffJury",
    "Jury # citoyen",
    "{a: b}",
    "|",
    ">",
]


@pytest.mark.parametrize("title", ISSUE + OURS)
@pytest.mark.parametrize("kind", ["method", "tool", "usage"])
def test_a_title_reads_back_as_itself(title, kind):
    assert titles_read(render(kind, title, 1, TODAY)) == (title, title)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_title_reads_back_as_itself(title):
    assert titles_read(render("method", title, 1, TODAY)) == (title, title)


@pytest.mark.parametrize("title", ["[Brouillon] Jury", "yes", "&a Jury"])
def test_the_written_document_checks_with_only_its_placeholders(tmp_path, title):
    (tmp_path / "_outil").mkdir()
    done = methlint(tmp_path, "new", "--kind", "methode", "--title", title, "_outil/jury.md")
    assert done.returncode == 0, done.stderr
    checked = methlint(tmp_path, "check", "--no-cache", "--output-format", "json", "_outil/jury.md")
    assert {finding["code"] for finding in json.loads(checked.stdout)} == {"PH001"}


def test_a_title_that_is_not_text_is_a_usage_error(tmp_path):
    """Bytes that are not UTF-8 on the command line arrive as lone surrogates: no YAML carries them."""
    (tmp_path / "_outil").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "methlint", "new", "--kind", "outil", "--title", b"Jury \xff", "_outil/j.md"],
        cwd=tmp_path,
        capture_output=True,
        env=environment(),
        check=False,
    )
    assert done.returncode == 2
    assert b"the title 'Jury \\udcff' cannot be written as YAML text" in done.stderr
    assert not (tmp_path / "_outil" / "j.md").exists()


def test_new_never_writes_through_a_dangling_link(tmp_path):
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_outil" / "j.md").symlink_to(tmp_path / "ailleurs.md")
    done = methlint(tmp_path, "new", "--kind", "outil", "--title", "Jury", "_outil/j.md")
    assert done.returncode == 2
    assert "already exists: methlint new never overwrites a file" in done.stderr
    assert not (tmp_path / "ailleurs.md").exists()
