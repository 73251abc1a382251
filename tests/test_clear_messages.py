"""Messages say what is really wrong: an invalid escape is not an unclosed quote, libyaml's
nesting limit is not an unclosed bracket, a deleted file is not a read-only one."""

from __future__ import annotations

import io

import pytest

from methlint.config import Config
from methlint.discovery import discover
from methlint.fix import fix_paths, write_outcomes
from methlint.front_matter import DEFAULT_LIMITS, Limits
from methlint.linter import lint_text
from methlint.reporting import report_fix_run
from methlint.yaml_limits import MAX_DEPTH_CEILING

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


CEILING = Limits(max_depth=MAX_DEPTH_CEILING)  # the most a configuration may allow
TOO_DEEP = f"nesting deeper than {MAX_DEPTH_CEILING} levels: the front matter is not checked further"


@pytest.mark.parametrize(
    ("line", "position"),
    [
        # the 200th bracket is the 201st level, the front matter's mapping being the first
        ("owner: " + "[" * 1000 + "x", (4, 207)),
        ("owner: " + "{a: " * 1000, (4, 804)),
        ("owner: " + "[{" * 500, (4, 207)),
        ("owner:\n" + "\n".join("  " * i + "- " for i in range(1, 1001)), (204, 401)),
    ],
)
def test_nesting_past_the_ceiling_is_methlints_finding_whatever_libyaml_does(line, position):
    """libyaml refuses 1,000 levels since PyYAML 6.0.4 (not before), with an error of its own far
    from the cause; methlint's limit, at most 200, speaks first on every version, where it is
    first exceeded (issue 16)."""
    ((span, code, message),) = yaml_findings(line, CEILING)
    assert (span[:2], code, message) == (position, "YML011", TOO_DEEP)


@pytest.mark.parametrize(
    "line",
    [
        "owner: " + "[" * (MAX_DEPTH_CEILING - 1) + "x" + "]" * (MAX_DEPTH_CEILING - 1),
        "owner:\n"
        + "\n".join("  " * i + ("- x" if i == MAX_DEPTH_CEILING - 1 else "- ") for i in range(1, MAX_DEPTH_CEILING)),
    ],
    ids=["flow", "block"],
)
def test_nesting_up_to_the_ceiling_is_read_without_a_finding(line):
    """The ceiling is low enough for every recursive reader (composer, schema rules) to finish."""
    assert yaml_findings(line, CEILING) == []


def test_a_flow_error_at_something_else_than_a_bracket_does_not_name_it():
    """Only a real `[` or `{` is called 'opened here'."""
    ((_span, _code, message),) = yaml_findings("[" * 150, CEILING)
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
