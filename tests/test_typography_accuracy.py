"""Accuracy of the typography rules on the labelled corpus (tests/fixtures/typography_corpus).

Each kind of problem must reach a precision of 97 % and a recall of 90 % with the typography
rules selected. A kind below them today is a strict expected failure that names what it
lacks: when a rule lands and the kind passes, its test fails until the mark goes. Then the
corpus itself and the scorer's own behaviour.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from methlint.config import Config, TypographyOptions
from methlint.linter import lint_text
from methlint.rules import ALL_RULES
from tests.typography_scorer import (
    KINDS,
    REALSITE,
    RULE_KINDS,
    CorpusError,
    Finding,
    Label,
    load_corpus,
    main,
    measure,
    score,
    table,
    wrong_corrections,
)

PRECISION, RECALL = 0.97, 0.90
# The rules measured: those the `french` profile turns on (every typography rule).
CONFIG = Config(typography=TypographyOptions(profile="french"))

# Kinds below a threshold today, and why (measured with CONFIG).
BELOW: dict[str, str] = {}  # none today: every kind passes


@pytest.fixture(scope="module")
def measured():
    return measure(CONFIG)


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(kind, marks=pytest.mark.xfail(strict=True, reason=BELOW[kind])) if kind in BELOW else kind
        for kind in KINDS
    ],
)
def test_each_kind_is_found_with_few_false_alarms(measured, kind):
    result = measured.kinds[kind]
    misses = [f"{m.path}:{m.line}:{m.column} {m.text!r}" for m in result.missed]
    alarms = [f"{f.path}:{f.line}:{f.column} {f.code}" for f in result.false_positives]
    assert result.labelled and result.findings, f"{kind}: nothing labelled or nothing found"
    assert result.precision >= PRECISION, f"{kind}: false positives {alarms}"
    assert result.recall >= RECALL, f"{kind}: missed {misses}"


def test_every_fix_writes_what_the_proofreader_wrote():
    # A finding in the right place whose fix writes a wrong word (Etre -> Étre) is worse than
    # none: `fix` would put the mistake in the page. Each fix inside a labelled problem must
    # write the label's expected correction.
    assert wrong_corrections(CONFIG) == []


def test_a_link_whose_text_is_a_url_has_no_unpaired_bracket():
    text = "---\ntitle: Essai\n---\n\n* Voir : [http://inventons2017.fr/](https://exemple.fr/debat)\n"
    assert [d.code for d in lint_text(text, rules=[r for r in ALL_RULES if r.code == "TYP021"])] == []


def test_the_corpus_covers_the_real_site_and_every_kind_with_problems_and_traps():
    documents = load_corpus()
    labelled = {doc.path for doc in documents}
    site = {
        path.relative_to(REALSITE).as_posix()
        for folder in ("_outil", "_usage", "_usage_citoyens")
        for path in (REALSITE / folder).glob("*.md")
    }
    assert site <= labelled and len(site) == 54
    problems = {kind: 0 for kind in KINDS}
    traps = {kind: 0 for kind in KINDS}
    for doc in documents:
        for label in doc.problems:
            problems[label.kind] += 1
        for label in doc.traps:
            traps[label.kind] += 1
    assert min(problems.values()) >= 3, problems
    assert min(traps.values()) >= 1, traps
    assert set(RULE_KINDS.values()) <= set(KINDS)
    assert {rule.code for rule in ALL_RULES if rule.code.startswith("TYP")} <= set(RULE_KINDS)


# --- the scorer itself, on corpora of its own


def _corpus(tmp_path: Path, body: str, problems: str, traps: str = "") -> Path:
    folder = tmp_path / "corpus" / "sentences" / "_outil"
    folder.mkdir(parents=True)
    (folder / "doc.md").write_text("---\ntitle: Essai\n---\n\n" + body, encoding="utf-8")
    toml = f'document = "_outil/doc.md"\nproblems = [{problems}]\ntraps = [{traps}]\n'
    (folder / "doc.toml").write_text(toml, encoding="utf-8")
    return tmp_path / "corpus"


def test_a_finding_on_a_label_is_true_and_one_elsewhere_false(tmp_path):
    root = _corpus(
        tmp_path,
        "Un  mot et un  autre.\n",
        '{ line = 5, column = 3, kind = "multiple-spaces", text = "  ", expected = " " }',
    )
    result = measure(Config(select=("TYP001",)), root).kinds["multiple-spaces"]
    assert (result.labelled, result.found, result.findings, result.true_findings) == (1, 1, 2, 1)
    assert [(f.line, f.column) for f in result.false_positives] == [(5, 14)]
    assert (result.precision, result.recall) == (0.5, 1.0)


def test_a_finding_on_a_trap_is_a_false_positive_counted_as_a_trap_hit(tmp_path):
    root = _corpus(
        tmp_path,
        "La devise *Pourquoi pas?* reste.\n",
        "",
        '{ line = 5, column = 11, kind = "french-spacing", text = "*Pourquoi pas?*", why = "a trap that is none" }',
    )
    result = measure(Config(select=("TYP008",)), root).kinds["french-spacing"]
    assert (result.findings, result.trap_hits, result.traps, len(result.false_positives)) == (1, 1, 1, 1)
    assert result.precision == 0.0 and result.recall is None


def test_a_label_nothing_finds_is_missed(tmp_path):
    root = _corpus(
        tmp_path,
        "Il faut Etre prêt.\n",
        '{ line = 5, column = 9, kind = "accented-capitals", text = "Etre", expected = "Être" }',
    )
    result = measure(Config(select=("TYP001",)), root)
    assert [(m.line, m.column, m.text) for m in result.kinds["accented-capitals"].missed] == [(5, 9, "Etre")]
    assert result.total().found == 0


def test_findings_of_rules_outside_the_table_are_ignored_and_listed(tmp_path):
    root = _corpus(tmp_path, "Un  mot. \n", "")
    documents = load_corpus(root)
    findings = [
        Finding("sentences/_outil/doc.md", 5, 3, 5, 5, "TYP001"),
        Finding("sentences/_outil/doc.md", 5, 9, 5, 10, "TYP002"),
    ]
    result = score(documents, findings, {"TYP001": "multiple-spaces"})
    assert dict(result.ignored) == {"TYP002": 1}
    assert result.kinds["multiple-spaces"].findings == 1
    assert "ignored (rules outside the table): TYP002 ×1" in table(result)


@pytest.mark.parametrize(
    ("column", "end_column", "end_line", "matches"),
    [
        (3, 5, 1, True),  # the label's span
        (4, 5, 1, True),  # inside it
        (1, 4, 1, True),  # overlapping its start
        (5, 6, 1, False),  # just after it
        (1, 3, 1, False),  # just before it
        (4, 4, 1, True),  # zero width inside
        (5, 5, 1, False),  # zero width just after
        (6, 2, 2, False),  # running onto the next line from after it
        (2, 1, 2, True),  # running onto the next line from before it
    ],
)
def test_a_finding_matches_a_label_when_their_columns_overlap_on_its_line(column, end_column, end_line, matches):
    label = Label("doc.md", 1, 3, "multiple-spaces", "  ")
    assert Finding("doc.md", 1, column, end_line, end_column, "TYP001").overlaps(label) is matches
    assert not Finding("doc.md", 2, 3, 2, 5, "TYP001").overlaps(label)
    assert not Finding("other.md", 1, 3, 1, 5, "TYP001").overlaps(label)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('{ line = 5, column = 4, kind = "multiple-spaces", text = "  ", expected = " " }', "does not have this text"),
        ('{ line = 9, column = 1, kind = "multiple-spaces", text = "  ", expected = " " }', "does not have this text"),
        ('{ line = 5, column = 3, kind = "double-spaces", text = "  ", expected = " " }', "unknown kind"),
        ('{ line = 5, column = 3, kind = "multiple-spaces", text = "  " }', "KeyError"),
    ],
)
def test_a_label_that_does_not_fit_its_document_is_refused(tmp_path, entry, message):
    root = _corpus(tmp_path, "Un  mot.\n", entry)
    with pytest.raises(CorpusError, match=message):
        load_corpus(root)


def test_find_prints_where_a_text_stands(tmp_path, capsys):
    document = tmp_path / "doc.md"
    document.write_text("Un mot\u00a0:\nDeux\u00a0: trois\u00a0:\n", encoding="utf-8")
    assert main(["find", str(document), "\\u00a0:"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{document}:1:7", f"{document}:2:5", f"{document}:2:13"]
