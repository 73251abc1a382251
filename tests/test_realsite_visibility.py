"""What changes the built page on the vendored real site (tests/fixtures/realsite): its
_config.yml says kramdown (smart quotes and typographic symbols in Jekyll's defaults), its
layouts print most front-matter keys raw and the citizens' sections through markdownify."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from methlint.diagnostics import Difference
from methlint.rules import ALL_RULES
from tests.realsite import lay_out
from tests.realsite_repo import methlint


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    site = lay_out(tmp_path_factory.mktemp("realsite") / "consultation.gouv.fr")
    done = methlint(site, "check", "--output-format", "json", "--no-cache")
    assert done.returncode == 1, done.stderr
    found: list[dict[str, object]] = json.loads(done.stdout)
    return found


# the rules whose findings may change nothing on the page (the others always show)
MAY_BE_INVISIBLE = {rule.code for rule in ALL_RULES if rule.difference is not Difference.SHOWN} | {"TYP011"}


def test_the_split_by_rule(findings: list[dict[str, object]]) -> None:
    split = Counter((f["code"], f["visible"]) for f in findings if f["code"] in MAY_BE_INVISIBLE)
    assert split == {
        ("TYP001", False): 67,  # runs of spaces: collapsed in the body and in values printed as HTML text
        ("TYP002", False): 251,  # blanks ending lines: none is a hard break or a no-break space mid-paragraph
        ("TYP010", False): 128,  # 116 in the body (smart quotes), 12 in _usage_citoyens' markdownify'd sections
        ("TYP010", True): 78,  # titles, taglines, atouts… the layouts print raw
        ("TYP011", False): 10,  # ... in the body and through markdownify
        ("TYP011", True): 1,  # ... in an item of atouts, printed raw
        ("TYP015", False): 30,  # decomposed accents
    }
    assert all(f["visible"] for f in findings if f["code"] not in MAY_BE_INVISIBLE)
    # an invisible finding is one severity lower: TYP001, TYP010 and TYP011 are warnings, TYP002 and TYP015 info
    assert {(f["severity"], f["visible"]) for f in findings if f["code"] in MAY_BE_INVISIBLE} == {
        ("info", False),
        ("warning", True),
    }


@pytest.mark.parametrize(
    ("path", "line", "column", "code", "visible"),
    [
        # _layouts/outil.html:10 prints {{ page.title }} raw: the straight apostrophe reaches the page
        ("_outil/atelier du futur.md", 2, 9, "TYP010", True),
        # _layouts/outil.html:133 prints {{ atout }}, an item of page.atouts, raw: three periods stay
        ("_outil/decidim.md", 39, 90, "TYP011", True),
        # _layouts/usage_citoyens.html:43 prints {{ page.presentation | markdownify }}: kramdown writes ’
        ("_usage_citoyens/afb.md", 14, 6, "TYP010", False),
        # organisateur of a citizens' usage: exemple-card.html prints it for site.usage only
        ("_usage_citoyens/afb.md", 3, 39, "TYP010", False),
        # the body: kramdown writes … for ..., HTML collapses a run of spaces, a line of blanks is blank
        ("_outil/atelier de prospective.md", 42, 214, "TYP011", False),
        ("_outil/atelier de prospective.md", 39, 20, "TYP001", False),
        ("_outil/atelier de prospective.md", 38, 1, "TYP002", False),
    ],
)
def test_findings_checked_against_the_templates(
    findings: list[dict[str, object]], path: str, line: int, column: int, code: str, visible: bool
) -> None:
    (found,) = [f for f in findings if (f["path"], f["line"], f["column"], f["code"]) == (path, line, column, code)]
    assert found["visible"] is visible


def test_the_text_output_says_it(tmp_path: Path) -> None:
    site = lay_out(tmp_path / "consultation.gouv.fr")
    done = methlint(site, "check", "--no-cache", "--select", "TYP010", "_outil/decidim.md")
    lines = done.stdout.splitlines()
    message = "apostrophe ' where the policy is ’: replace it [*]"
    # the tagline (3:25), printed raw by _layouts/outil.html:13; the body (55:209), converted by kramdown
    assert lines[0] == f"_outil/decidim.md:3:25: TYP010 [warning] {message}"
    assert lines[7] == f"_outil/decidim.md:55:209: TYP010 [info, invisible] {message}"
    assert lines[-3:] == [
        "  7  warning  TYP010  Apostrophe against the policy",
        "  3  info     TYP010  Apostrophe against the policy",
        "Found 0 errors, 7 warnings and 3 info in 1 file. 10 fixable with `methlint fix` (marked [*])."
        " 3 of 10 change nothing on the page (marked invisible).",
    ]
    assert done.returncode == 1  # the warnings fail the run, as before
