"""Every rule's docstring example is run: the example shows the rule's finding, "Use instead" shows none.

How an example becomes a document (CONTRIBUTING.md says the same to rule authors):

- the first fenced block of ``## Example`` is the bad example, the first after "Use instead" the good one;
- a block that starts with ``---``, or whose info string says ``file`` (```` ```markdown file ````),
  is the whole file; otherwise a ``yaml`` block is the front matter and a ``markdown`` block the body
  (after a one-line front matter);
- characters that cannot be seen are written visibly: ``<TAB>`` is a tab, ``·`` a space, ``⍽`` a no-break space,
  ``⁔`` a narrow no-break space.

Only the example's rule runs (``rules=[rule]``), so other rules' findings do not count either way.
"""

from __future__ import annotations

import re

import pytest

from methlint.linter import lint_text
from methlint.rules import ALL_RULES, Rule, Scope

_FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```", re.DOTALL | re.MULTILINE)
_VISIBLE = {"<TAB>": "\t", "·": " ", "⍽": "\u00a0", "⁔": "\u202f"}

# Rules checked on one document whose example is told in words: what it shows cannot be written in a
# fenced block of text. Each is covered by the test file named.
TOLD_IN_WORDS = {
    "FM003": "a byte-order mark before '---' (tests/test_fixer.py, tests/test_bad_fixtures.py)",
    "FM010": "a file without read permission (tests/test_file_read_rules.py)",
    "FM011": "bytes that are not UTF-8 (tests/test_file_read_rules.py)",
    "FM012": "a 5 MB file (tests/test_file_read_rules.py)",
    "YML011": "10,000 nested brackets (tests/test_yaml_rules.py, tests/test_bombs.py)",
    "SCH004": "a project's own format checker (tests/test_schema_rules.py)",
    "SCH007": "a file's place in the site (tests/test_schema_rules.py)",
}
# Rules whose finding depends on other files (the site, its collection, a CMS configuration): their
# example names those files in comments, and their own tests build the site around it.
NEEDS_OTHER_FILES = (Scope.COLLECTION, Scope.CMS_CONFIG)


def examples(rule: Rule) -> tuple[str | None, str | None]:
    """(bad, good) documents from the rule's docstring, None where it shows none."""
    section = rule.doc[rule.doc.index("## Example") : rule.doc.index("## Fix safety")]
    bad_part, _, good_part = section.partition("Use instead")
    return _document(bad_part), _document(good_part)


def _document(part: str) -> str | None:
    block = _FENCE.search(part)
    if block is None:
        return None
    info, text = block[1].split(), block[2]
    for shown, meant in _VISIBLE.items():
        text = text.replace(shown, meant)
    if text.startswith("---") or "file" in info[1:]:
        return text
    if info[:1] == ["yaml"]:
        return f"---\n{text}---\n"
    return f"---\ntitle: Exemple\n---\n{text}"


def _codes(rule: Rule, document: str) -> list[str]:
    return [diagnostic.code for diagnostic in lint_text(document, rules=[rule])]


RUNNABLE = [rule for rule in ALL_RULES if rule.scope not in NEEDS_OTHER_FILES and rule.code not in TOLD_IN_WORDS]


def test_every_single_document_rule_has_a_runnable_example_or_says_why_not() -> None:
    assert [rule.code for rule in RUNNABLE if examples(rule)[0] is None] == []
    told = [rule for rule in ALL_RULES if rule.code in TOLD_IN_WORDS]
    assert [rule.code for rule in told] == list(TOLD_IN_WORDS)  # known codes, in registry order
    assert [rule.code for rule in told if rule.scope in NEEDS_OTHER_FILES or examples(rule)[0] is not None] == []


@pytest.mark.parametrize("rule", RUNNABLE, ids=lambda rule: rule.code)
def test_the_example_shows_the_finding(rule: Rule) -> None:
    bad, _ = examples(rule)
    assert bad is not None
    assert rule.code in _codes(rule, bad), f"{rule.code}'s example does not trigger it:\n{bad}"


@pytest.mark.parametrize("rule", [rule for rule in RUNNABLE if examples(rule)[1] is not None], ids=lambda r: r.code)
def test_use_instead_shows_no_finding(rule: Rule) -> None:
    _, good = examples(rule)
    assert good is not None
    assert rule.code not in _codes(rule, good), f"{rule.code}'s 'Use instead' triggers it:\n{good}"


def test_examples_are_read_as_documented() -> None:
    """The reading rules above, on made-up docstrings."""
    doc = "## Example\n```yaml\nordre:2\n```\nUse instead:\n```markdown\nA<TAB>b·c⍽d\n```\n## Fix safety\n"
    rule = Rule("XX001", "made-up", lambda doc, ctx: iter(()), doc, "Made up")
    assert examples(rule) == ("---\nordre:2\n---\n", "---\ntitle: Exemple\n---\nA\tb c\u00a0d\n")
    whole = "## Example\n```markdown file\ntitle: x\n```\n## Fix safety\n"
    assert examples(Rule("XX002", "made-up", rule.check, whole, "Made up")) == ("title: x\n", None)
