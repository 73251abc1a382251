"""Messages say what is really wrong: an invalid escape is not an unclosed quote, libyaml's
nesting limit is not an unclosed bracket, a deleted file is not a read-only one."""

from __future__ import annotations

import io

import pytest

from methlint.config import Config
from methlint.discovery import discover
from methlint.fixer import fix_paths, write_outcomes
from methlint.front_matter import DEFAULT_LIMITS, Limits
from methlint.linter import lint_text
from methlint.reporting import report_fix_run

HEADER = "---\ntitle: Atelier\nordre: 1\n"
BACKSLASH = "for a backslash write '\\\\', or put the value in single quotes"


def yaml_findings(line: str, limits: Limits = DEFAULT_LIMITS) -> list[tuple[tuple[int, int, int, int], str, str]]:
    text = HEADER + line + "\n---\nCorps.\n"
    found = lint_text(text, config=Config(select=("YML",), limits=limits))
    return [(tuple(d.span), d.code, d.message) for d in found]


@pytest.mark.parametrize(
    ("line", "span", "message"),
    [
        # the cases
        (
            'owner: "C:\\Users\\marie"',
            (4, 11, 4, 17),
            f"'\\Users' is not an escape: in double quotes '\\U' needs 8 hexadecimal digits; {BACKSLASH}",
        ),
        (
            'owner: "DI\\ud800TP"',
            (4, 11, 4, 17),
            "'\\ud800' is not a character (a lone surrogate, or past U+10FFFF): write the character itself",
        ),
        # of our own
        (
            'owner: "dossier\\partage"',
            (4, 16, 4, 18),
            "'\\p' is not an escape of double quotes: for a backslash write '\\\\', or use single quotes",
        ),
        (
            'owner: "code \\x4G"',
            (4, 14, 4, 18),
            f"'\\x4G' is not an escape: in double quotes '\\x' needs 2 hexadecimal digits; {BACKSLASH}",
        ),
        (
            'owner: "\\U0011FFFF"',
            (4, 9, 4, 19),
            "'\\U0011FFFF' is not a character (a lone surrogate, or past U+10FFFF): write the character itself",
        ),
    ],
)
def test_an_invalid_escape_is_named_with_how_to_write_it(line, span, message):
    assert yaml_findings(line) == [(span, "YML001", message)]


def test_valid_escapes_are_not_reported():
    assert yaml_findings('owner: "C:\\\\Users\\tmarie \\u00e9 \\x41 \\U0001F600"') == []


DEEP = "nested deeper than 1,000 levels: libyaml, Jekyll's YAML reader, refuses it; flatten the value"
RAISED = Limits(max_depth=5000)  # methlint's own limit (50) would speak first


@pytest.mark.parametrize(
    ("line", "position"),
    [
        ("owner: " + "[" * 1000 + "x", (4, 1007)),  # the case
        ("owner: " + "{a: " * 1000, (4, 4004)),
        ("owner: " + "[{" * 500, (4, 1007)),
        ("owner:\n" + "\n".join("  " * i + "- " for i in range(1, 1001)), (1003, 1999)),
    ],
)
def test_libyaml_nesting_limit_is_not_an_unclosed_bracket(line, position):
    ((span, code, message),) = yaml_findings(line, RAISED)
    assert (span[:2], code, message) == (position, "YML001", DEEP)


def test_a_flow_error_at_something_else_than_a_bracket_does_not_name_it():
    """Only a real `[` or `{` is called 'opened here'."""
    ((_span, _code, message),) = yaml_findings("[" * 1000, RAISED)
    assert "opened here" not in message


def _fixable_site(tmp_path):
    site = tmp_path / "site"
    (site / "_outil").mkdir(parents=True)
    document = site / "_outil" / "atelier.md"
    document.write_text("---\ntitle: Atelier\nordre:2\n---\nCorps.\n")
    return site, document


@pytest.mark.parametrize("removed", ["file", "folder"])
def test_a_file_deleted_during_the_run_is_not_called_read_only(tmp_path, removed):
    site, document = _fixable_site(tmp_path)
    run = fix_paths(discover([site]), Config(root=site, select=("YML003",)), jobs=1)
    assert [outcome.changed for outcome in run.files] == [True]
    document.unlink()
    if removed == "folder":
        document.parent.rmdir()
    write_outcomes(run)
    assert run.files[0].write_error == "the file was deleted during the run"
    out = io.StringIO()
    report_fix_run(run, out, would=False)
    assert "atelier.md: not written: the file was deleted during the run" in out.getvalue()
    assert "read-only" not in out.getvalue()
