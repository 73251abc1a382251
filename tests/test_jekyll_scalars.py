"""Plain scalars read as Jekyll reads them (safe_yaml), not as PyYAML does: no false errors.

The table in docs/design.md ("What Jekyll reads") is the specification: its PyYAML column
is checked by running PyYAML, its methlint column by running methlint, and methlint must say
what the Jekyll column says (read from safe_yaml's source; there is no Ruby here).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from methlint.config import Config
from methlint.front_matter import DateText, parse
from methlint.jekyll_scalars import BOOL, FLOAT, INT, NULL, STR, TIMESTAMP, plain_tag
from methlint.linter import lint_text

DESIGN = Path(__file__).parent.parent / "docs" / "design.md"
_TABLE = re.compile(r"<!-- scalar-table.*?-->\n(.*?)<!-- end of scalar-table -->", re.DOTALL)


def _rows() -> list[tuple[str, str, str, str, str]]:
    lines = _TABLE.search(DESIGN.read_text(encoding="utf-8")).group(1).strip().splitlines()[2:]
    rows = []
    for line in lines:
        value, pyyaml, _psych, jekyll, methlint = (cell.strip() for cell in line.strip("|").split("|"))
        rows.append((re.match(r"`([^`]*)`", value).group(1), pyyaml, _psych, jekyll, methlint))
    return rows


def _shown(value: object) -> str:
    """A value as the table writes it."""
    if isinstance(value, DateText):
        return "a date (its text)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return f'`"{value}"`'
    return repr(value)


def _pyyaml(value: str) -> str:
    try:
        read = yaml.load(f"a: {value}\n", Loader=yaml.CSafeLoader)["a"]  # noqa: S506 - a safe loader
    except yaml.constructor.ConstructorError as err:
        return f"error (tag `{err.problem.rsplit(':', 1)[-1].rstrip(chr(39))}`)"
    return _shown(read)


def _methlint(value: str) -> str:
    fm = parse(f"a: {value}\n")
    return "error" if fm.construct_error else _shown(fm.data["a"])


ROWS = _rows()


def test_the_table_lists_the_cases_of_the_issue():
    assert {"=", "<<", "1,000"} <= {row[0] for row in ROWS}
    assert len(ROWS) >= 15


@pytest.mark.parametrize(("value", "pyyaml", "psych", "jekyll", "methlint"), ROWS, ids=[r[0] for r in ROWS])
def test_the_table_says_what_each_reader_does(value, pyyaml, psych, jekyll, methlint):
    assert _pyyaml(value) == pyyaml
    assert _methlint(value) == methlint
    assert jekyll.startswith(methlint.split(" ")[0]) or (jekyll, methlint) == ("a time", "a date (its text)")


@pytest.mark.parametrize(
    ("front_matter", "codes"),
    [
        ("title: Atelier\nordre: 1,000\n", []),  # the issue's cases
        ("title: Atelier\nordre: 1\naccess_link: =\n", []),
        ("title: Atelier\nordre: 1\naccess_link: <<\n", []),
        ("title: Atelier\nordre: _1_0\n", []),  # our own: Jekyll reads 10
        ("title: Atelier\nordre: 0X1F\n", []),
        ("title: Atelier\nordre: -0755\n", ["SCH002"]),  # text for Jekyll
        ("title: Atelier\nordre: 1__0.5\n", ["YML001"]),  # Jekyll stops on Ruby's Float()
    ],
)
def test_what_jekyll_reads_is_what_methlint_checks(front_matter, codes):
    text = f"---\ncategorie: methode\n{front_matter}---\nCorps.\n"
    found = lint_text(text, "_outil/x.md", Config(select=("YML", "SCH002")))
    assert [d.code for d in found] == codes


def test_a_merge_key_still_merges():
    fm = parse("base: &b {lieu: Paris}\nici:\n  <<: *b\n  titre: <<\n")
    assert fm.data["ici"] == {"lieu": "Paris", "titre": "<<"}


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("1,2,3", INT),
        ("+0x1f", INT),
        ("0b", STR),
        ("_", STR),
        ("TRUE", BOOL),
        ("fAlSe", BOOL),
        ("n", STR),
        ("~", NULL),
        ("", NULL),
        ("1:60", STR),
        ("10:59:59.5", FLOAT),
        ("2019-02-30", TIMESTAMP),  # Jekyll keeps an impossible date as text; DAT001 reports it
        ("2019-5-2", STR),
        ("2019-5-2 9:05:00", TIMESTAMP),
        ("١٢", STR),  # Ruby's \\d is ASCII
    ],
)
def test_more_resolutions_from_safe_yaml(value, tag):
    assert plain_tag(value) == tag


@given(st.text(alphabet=st.sampled_from("0123456789+-._,:xXbeE~aonfyNuLlT "), max_size=12))
def test_every_plain_scalar_is_read_without_crashing(value):
    """Whatever the text, the front matter parses to a value or a positioned construct error."""
    fm = parse(f"a: {value}\n")
    assert fm.root is not None or fm.syntax_error is not None or fm.limit_error is not None


@pytest.mark.parametrize("front_matter", ["!!int \n- \n", "a: !!float {b: 1}\n", "a: !!bool [x]\n", "a: !!int\n- 1\n"])
def test_a_scalar_tag_on_a_collection_is_a_construct_error(front_matter):
    """Found by the fuzz harness: the scalar constructors read a list where a text was due."""
    fm = parse(front_matter)
    assert fm.construct_error is not None and "expected a scalar node" in fm.construct_error.problem
