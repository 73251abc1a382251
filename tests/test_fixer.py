import os
import shutil
import subprocess
from pathlib import Path

import pytest

from methlint import fix
from methlint.cli import cli
from methlint.config import Config
from methlint.diagnostics import Edit, Finding, Fix, FixAvailability
from methlint.discovery import discover
from methlint.document import Document, read_document
from methlint.fix import fix_paths, fix_text, write_atomic
from methlint.linter import Result
from methlint.rules import ALL_RULES, Rule, references
from tests.cli_runner import cli_runner

YAML_RULES = [r for r in ALL_RULES if r.code.startswith(("FM", "YML"))]  # the structural fixes


def fixed(text, **kwargs):
    kwargs.setdefault("rules", YAML_RULES)
    return fix_text(text, "_outil/doc.md", **kwargs)


# --- the existing fixes, applied and verified -------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected", "codes"),
    [
        ("---\na: 1\nordre:2\n---\nCorps\n", "---\na: 1\nordre: 2\n---\nCorps\n", ["YML003"]),
        ("\ufeff---\na: 1\n---\n", "---\na: 1\n---\n", ["FM003"]),
        ("---\na: 1\npriorites\n- Un\n---\n", "---\na: 1\npriorites:\n- Un\n---\n", ["YML002"]),
        (
            "---\ntagline: Article 71 : projet # c\n---\n",
            "---\ntagline: 'Article 71 : projet' # c\n---\n",
            ["YML005"],
        ),
        (
            "---\nqualites:\n- Qualité du panel: 4 à 5\n---\n",
            "---\nqualites:\n- 'Qualité du panel: 4 à 5'\n---\n",
            ["YML004"],
        ),
        ('---\npath: ""\t# tous  \r\n---\r\nx', '---\npath: "" # tous  \r\n---\r\nx', ["YML007"]),
    ],
)
def test_safe_fixes_change_only_their_bytes(source, expected, codes):
    new_text, outcome = fixed(source)
    assert new_text == expected
    assert [a.code for a in outcome.applied] == codes
    assert outcome.refused is None and outcome.internal_error is None


def test_two_structural_mistakes_are_fixed_in_two_rounds_and_positions_are_reported():
    new_text, outcome = fixed("---\na: 1\nordre:2\npriorites\n- Un\n---\n")
    assert new_text == "---\na: 1\nordre: 2\npriorites:\n- Un\n---\n"
    assert [(a.code, a.span.line, a.span.column) for a in outcome.applied] == [
        ("YML003", 3, 1),
        ("YML002", 4, 1),
    ]


def test_unsafe_fix_needs_the_flag():
    source = "---\npriorites:\n\t- Un\n---\n"
    assert fixed(source)[0] == source
    assert fixed(source)[1].remaining[0].code == "YML006"
    assert fixed(source, unsafe=True)[0] == "---\npriorites:\n  - Un\n---\n"


def test_display_only_fix_is_never_applied():
    source = "---\ntitle: a\npriorites\nb: 1\n---\n"  # YML002 without a following block
    for unsafe in (False, True):
        assert fixed(source, unsafe=unsafe)[0] == source


def test_idempotent():
    source = "\ufeff---\r\nordre:2\r\nqualites:\r\n- Qualité du panel: bonne\r\n---\r\nCorps"
    once, _ = fixed(source)
    assert once == "---\r\nordre: 2\r\nqualites:\r\n- 'Qualité du panel: bonne'\r\n---\r\nCorps"
    assert fixed(once)[0] == once
    assert fixed(once)[1].applied == []


# --- refusals: reported, nothing changed -------------------------------------------------


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("---\na: 1\na: 2\nb: x\t# c\n---\n", "duplicate keys"),
        ("---\na: &x 1\nb: *x\nc: x\t# c\n---\n", "anchors"),
        ("---\na: !!str 1\nc: x\t# c\n---\n", "explicit YAML tags"),
        ("---\nb: [x,\n\t y]\nc: x\t# c\n---\n", "indented with tabs"),
        ("\ufeff---\n- a\n- b\n---\n", "not a mapping"),
        ('\ufeff---\ntitle: "unclosed\n---\n', "does not parse"),
        ("\ufeffno front matter\n", "no closed front matter"),
    ],
)
def test_refuses_documents_unsafe_to_rewrite(source, reason):
    new_text, outcome = fixed(source, unsafe=True)
    assert new_text == source
    assert reason in outcome.refused
    assert outcome.applied == []


TYPOGRAPHY_RULES = [r for r in ALL_RULES if r.code in ("TYP001", "TYP002", "YML007")]


@pytest.mark.parametrize(
    ("front_matter", "reason"),
    [
        ("a: 1\na: 2\nb: x\t# c\n", "duplicate keys"),
        ("a: &x 1\nb: *x\nc: x\t# c\n", "anchors"),
        ("a: !!str 1\nc: x\t# c\n", "explicit YAML tags"),
        ("b: [x,\n\t y]\nc: x\t# c\n", "indented with tabs"),
        ("- a\n- b  \n", "not a mapping"),
    ],
)
def test_body_is_fixed_when_only_the_front_matter_is_unsafe_to_rewrite(front_matter, reason):
    body = "Deux  espaces. \r\nFin  \n"
    new_text, outcome = fixed(f"---\n{front_matter}---\n{body}", rules=TYPOGRAPHY_RULES)
    assert new_text == f"---\n{front_matter}---\nDeux espaces.\r\nFin\n"
    assert [(a.code, a.span.line) for a in outcome.applied] == [
        (code, line + front_matter.count("\n") + 2) for code, line in [("TYP001", 1), ("TYP002", 1), ("TYP002", 2)]
    ]
    assert (outcome.refused, outcome.internal_error) == (None, None)
    assert reason in outcome.front_matter_refused
    # the front matter's own fixable findings stay, as they were (a tab before a comment, trailing spaces)
    closing_line = front_matter.count("\n") + 2
    in_front_matter = [(d.code, d.span) for d in outcome.original_diagnostics if d.span.line < closing_line]
    assert [(d.code, d.span) for d in outcome.remaining] == in_front_matter != []
    assert fixed(new_text, rules=TYPOGRAPHY_RULES)[0] == new_text


@pytest.mark.parametrize(
    "front_matter",
    [
        "",  # empty: Jekyll reads it, nothing to construct
        "? [a]\n: b\n",  # a key YAML cannot construct (unhashable)
    ],
)
def test_body_is_fixed_under_a_front_matter_that_holds_no_data(front_matter):
    assert fix.refusal(Document("_outil/doc.md", f"---\n{front_matter}---\n"), False) == "the YAML cannot be read"
    new_text, outcome = fixed(f"---\n{front_matter}---\nFin  \n", rules=TYPOGRAPHY_RULES)
    assert new_text == f"---\n{front_matter}---\nFin\n"
    assert [a.code for a in outcome.applied] == ["TYP002"]
    assert (outcome.refused, outcome.front_matter_refused) == (None, None)  # no front-matter fix was left


def test_front_matter_left_unfixed_is_reported_and_fails_the_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("_outil").mkdir()
    Path("_outil/a.md").write_bytes(b"---\na: &x 1\nb: *x\nc: x\t# c\n---\nFin  \n")
    result = cli_runner().invoke(cli, ["fix", "--select", "TYP002,YML007", "_outil"])
    assert result.exit_code == 1
    assert Path("_outil/a.md").read_bytes() == b"---\na: &x 1\nb: *x\nc: x\t# c\n---\nFin\n"
    assert result.output.splitlines() == [
        "_outil/a.md: 1 fix applied",
        "_outil/a.md: front matter not fixed, its findings left: the front matter uses YAML anchors or aliases",
        "1 fix applied in 1 file.",
        # the front matter the fixer will not rewrite: no [*] (methlint.fix.verdict)
        "_outil/a.md:4:5: YML007 [warning] tab used as whitespace: Jekyll accepts it, most YAML tools do not;"
        " use a space",
        "Findings by rule:",
        "  1  warning  YML007  Tab used as whitespace in front matter",
        "Found 0 errors, 1 warning and 0 info in 1 file.",
    ]


def test_refuses_structural_fix_that_leaves_unparsable_yaml():
    source = '---\nordre:2\ntitle: "unclosed\n---\n'
    new_text, outcome = fixed(source)
    assert new_text == source
    assert "still does not parse" in outcome.refused


def test_undecodable_file_is_refused(tmp_path):
    path = tmp_path / "_outil" / "x.md"
    path.parent.mkdir()
    path.write_bytes(b"\xef\xbb\xbf---\ntitle: conf\xe9rence\n---\n")
    run = fix_paths(discover([path]), Config(), rules=YAML_RULES)
    (outcome,) = run.files
    assert (outcome.changed, outcome.internal_error) == (False, None)
    assert [(d.code, d.span.line, d.span.column) for d in outcome.remaining] == [("FM011", 2, 12)]
    assert fix.refusal(outcome_document(path), structural_only=False) == "the file could not be read as UTF-8 text"
    assert path.read_bytes() == b"\xef\xbb\xbf---\ntitle: conf\xe9rence\n---\n"


def outcome_document(path):
    return read_document(path, path.name)


# --- verification catches rules that change more than they declare ------------------------


def _rule(code, make_fix):
    def check(doc, ctx):
        fix = make_fix(doc)
        if fix is not None:
            yield Finding(doc.span(0, 1), "test finding", fix)

    return Rule(code, "test-" + code.lower(), check, "", "test", fix=FixAvailability.ALWAYS)


def _replace(doc, old, new, **kwargs):
    start = doc.text.find(old)
    return None if start == -1 else Fix("Replace", (Edit(start, start + len(old), new),), **kwargs)


@pytest.mark.parametrize(
    ("source", "old", "new", "paths", "problem"),
    [
        ("---\na: x\nb: 1\n---\n", "b: 1", "b: 2", (), "YAML 1.1"),  # undeclared data change
        (
            "---\na: x\n---\n",
            "a: x",
            "a: 'yes'\n---",
            (("a",),),
            "body changed",
        ),  # moves the closing line
        ("---\na: x\n---\nbody\n", "x", "yes", (("a",),), "not the same text"),  # a bool for Jekyll
        ("---\na: x\n---\nbody\n", "x", "0755", (("a",),), "not the same text"),
        (
            "---\na: x\nb: yes\n---\n",
            "b: yes",
            "b: true",
            (),
            "YAML 1.2",
        ),  # True for 1.1 either way
        ("---\r\na: x\r\n---\r\n", "a: x", "a: x\nb: y", (), "line ending"),
    ],
)
def test_verification_refuses_undeclared_or_ambiguous_changes(source, old, new, paths, problem):
    rule = _rule("TST001", lambda doc: _replace(doc, old, new, changes_data_at=paths))
    new_text, outcome = fixed(source, rules=[rule])
    assert new_text == source
    assert outcome.internal_error is None
    assert [r.diagnostic.code for r in outcome.rejected] == ["TST001"]
    assert problem in outcome.rejected[0].problem


def test_a_fix_refused_by_verification_leaves_the_others_applied():
    bad = _rule("TST001", lambda doc: _replace(doc, "b: 1", "b: 2"))  # an undeclared data change
    good = _rule("TST002", lambda doc: _replace(doc, "a: x y", "a: 'x y'", changes_data_at=(("a",),)))
    new_text, outcome = fixed("---\na: x y\nb: 1\n---\n", rules=[bad, good])
    assert new_text == "---\na: 'x y'\nb: 1\n---\n"
    assert [a.code for a in outcome.applied] == ["TST002"]
    assert [(r.diagnostic.code, r.diagnostic.span.line) for r in outcome.rejected] == [("TST001", 1)]
    assert "YAML 1.1" in outcome.rejected[0].problem and outcome.internal_error is None


def test_overlapping_fixes_first_wins_and_next_round_takes_the_rest():
    first = _rule("TST001", lambda doc: _replace(doc, "a: x y", "a: 'x y'", changes_data_at=(("a",),)))
    second = _rule("TST002", lambda doc: _replace(doc, "y", "z", changes_data_at=(("a",),)))
    new_text, outcome = fixed("---\na: x y\n---\n", rules=[first, second])
    assert new_text == "---\na: 'x z'\n---\n"
    assert [a.code for a in outcome.applied] == ["TST001", "TST002"]


def test_non_convergence_is_an_internal_error_and_nothing_changes():
    flip = _rule(
        "TST001",
        lambda doc: (
            _replace(doc, "a: x", "a: y", changes_data_at=(("a",),))
            or _replace(doc, "a: y", "a: x", changes_data_at=(("a",),))
        ),
    )
    new_text, outcome = fixed("---\na: x\n---\n", rules=[flip])
    assert new_text == "---\na: x\n---\n"
    assert "did not converge" in outcome.internal_error


# --- titles are identifiers --------------------------------------------------------------

TITLE_FIX = _rule(
    "TST010",
    lambda doc: _replace(doc, "title: L'atelier", "title: L’atelier", changes_data_at=(("title",),)),
)


@pytest.fixture
def fixer_site(tmp_path):
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_usage").mkdir()
    (tmp_path / "_outil" / "atelier.md").write_text("---\ntitle: L'atelier\ncategorie: methode\n---\nCorps\n")
    (tmp_path / "_usage" / "u1.md").write_text(
        "---\ntitle: Usage\nmethodes:\n- Autre  # c\n- L'atelier\noutil: \"L'atelier\"\n---\n"
    )
    (tmp_path / "_usage" / "u2.md").write_text("---\ntitle: Sans rapport\nmethodes:\n- L'atelier citoyen\n---\n")
    return tmp_path


def test_title_fix_is_held_back_with_the_references_it_would_break(fixer_site, monkeypatch):
    monkeypatch.chdir(fixer_site)
    run = fix_paths(discover([Path("_outil")]), Config(), rules=[TITLE_FIX])
    (outcome,) = run.files
    assert not outcome.changed
    assert [(r.path, r.line, r.column) for r in outcome.held_back[0].references] == [
        ("_usage/u1.md", 5, 3),
        ("_usage/u1.md", 6, 8),
    ]
    assert run.problems_remain


def test_title_fix_with_unsafe_renames_every_reference(fixer_site, monkeypatch):
    monkeypatch.chdir(fixer_site)
    run = fix_paths(discover([Path("_outil")]), Config(), unsafe=True, rules=[TITLE_FIX])
    fix.write_outcomes(run)
    assert (
        fixer_site / "_outil" / "atelier.md"
    ).read_text() == "---\ntitle: L’atelier\ncategorie: methode\n---\nCorps\n"
    assert (fixer_site / "_usage" / "u1.md").read_text() == (
        '---\ntitle: Usage\nmethodes:\n- Autre  # c\n- L’atelier\noutil: "L’atelier"\n---\n'
    )
    assert (fixer_site / "_usage" / "u2.md").read_text() == (
        "---\ntitle: Sans rapport\nmethodes:\n- L'atelier citoyen\n---\n"
    )


def test_title_fix_is_dropped_when_a_reference_cannot_be_renamed(fixer_site, monkeypatch):
    monkeypatch.chdir(fixer_site)
    (fixer_site / "_usage" / "u3.md").write_text("---\noutil: L'atelier\noutil: L'atelier\n---\n")
    run = fix_paths(discover([Path("_outil")]), Config(), unsafe=True, rules=[TITLE_FIX])
    fix.write_outcomes(run)
    assert "_usage/u3.md" in run.files[0].refused
    assert (
        fixer_site / "_outil" / "atelier.md"
    ).read_text() == "---\ntitle: L'atelier\ncategorie: methode\n---\nCorps\n"
    assert "L’" not in (fixer_site / "_usage" / "u1.md").read_text()


# --- atomic writes -----------------------------------------------------------------------


def test_failure_between_temp_write_and_replace_keeps_the_original(tmp_path, monkeypatch):
    path = tmp_path / "doc.md"
    path.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(path, b"new", b"old", None)
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["doc.md"]  # no temporary file left behind


def test_write_keeps_the_mode_and_refuses_a_file_changed_on_disk(tmp_path):
    path = tmp_path / "doc.md"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new", b"old", None)
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    with pytest.raises(fix.ChangedOnDisk):
        write_atomic(path, b"newer", b"old", None)
    assert path.read_bytes() == b"new"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write read-only files")
def test_read_only_file_is_reported_not_crashed_on(tmp_path):
    path = tmp_path / "_outil" / "doc.md"
    path.parent.mkdir()
    path.write_text("---\na: 1\nordre:2\n---\n")
    path.chmod(0o444)
    run = fix_paths(discover([path]), Config(), rules=YAML_RULES)
    fix.write_outcomes(run)
    assert run.files[0].write_error == "the file is read-only"
    assert path.read_text() == "---\na: 1\nordre:2\n---\n"


def test_read_only_file_is_reported_even_as_root(tmp_path, monkeypatch):
    path = tmp_path / "_outil" / "doc.md"
    path.parent.mkdir()
    path.write_text("---\na: 1\nordre:2\n---\n")
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    run = fix_paths(discover([path]), Config(), rules=YAML_RULES)
    fix.write_outcomes(run)
    assert run.files[0].write_error == "the file is read-only"
    assert path.read_text() == "---\na: 1\nordre:2\n---\n"


# --- the command: --diff reproduces what fix writes ----------------------------------------

CASES = {
    "_outil/a.md": "\ufeff---\r\na: 1\r\nordre:2\r\ntagline: Article 71 : projet\r\n---\r\nFin",
    "_outil/b.md": "---\nqualites:\n- Qualité: bonne   \n- x\t# c\n---\nCorps\n",
    "_outil/clean.md": "---\na: 1\n---\n",
}


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_applies_with_git_apply_to_what_fix_writes(tmp_path, monkeypatch):
    for name, text in CASES.items():
        (tmp_path / "fixed" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "fixed" / name).write_bytes(text.encode())
    shutil.copytree(tmp_path / "fixed", tmp_path / "patched")
    runner = cli_runner()
    monkeypatch.chdir(tmp_path / "patched")
    diff = runner.invoke(cli, ["fix", "--diff", "--ignore", "SCH", "_outil"])
    assert diff.exit_code == 1
    assert [p.read_bytes() for p in sorted(Path("_outil").iterdir())] == [t.encode() for t in CASES.values()]
    subprocess.run(["git", "init", "-q"], check=True)
    subprocess.run(["git", "apply", "-"], input=diff.stdout_bytes, check=True)
    monkeypatch.chdir(tmp_path / "fixed")
    result = runner.invoke(cli, ["fix", "--ignore", "SCH", "_outil"])
    assert result.exit_code == 0, result.output
    for name in CASES:
        assert (tmp_path / "patched" / name).read_bytes() == (tmp_path / "fixed" / name).read_bytes()
    assert (tmp_path / "fixed" / "_outil/a.md").read_bytes() == (
        b"---\r\na: 1\r\nordre: 2\r\ntagline: 'Article 71 : projet'\r\n---\r\nFin"
    )
    again = runner.invoke(cli, ["fix", "--diff", "--ignore", "SCH", "_outil"])
    assert (again.exit_code, again.stdout_bytes) == (0, b"")


def test_fix_reports_what_it_fixed_and_what_remains(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("_outil").mkdir()
    Path("_outil/a.md").write_text("---\na: 1\nordre:2\n---\n")
    Path("_outil/b.md").write_text("---\na: 1\na: 2\n---\n")
    result = cli_runner().invoke(cli, ["fix", "--select", "YML", "_outil"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "_outil/a.md: 1 fix applied",
        "1 fix applied in 1 file.",
        "_outil/b.md:3:1: YML008 [error] duplicate key 'a' (first on line 2): Jekyll keeps only this last value",
        "Findings by rule:",
        "  1  error  YML008  Key defined twice in a mapping",
        "Found 1 error, 0 warnings and 0 info in 2 files.",
    ]


def test_unsafe_applicability_of_a_title_fix_is_not_bypassed_by_a_safe_label():
    source = "---\ntitle: L'atelier\n---\n"
    assert fixed(source, rules=[TITLE_FIX])[0] == source
    assert fixed(source, rules=[TITLE_FIX], unsafe=True)[0] == "---\ntitle: L’atelier\n---\n"


def test_after_writing_what_remains_is_what_check_now_says_of_the_siblings(fixer_site, monkeypatch):
    # u2 names the title as the fix will spell it: before the fix its REF001 is real, after it is gone
    monkeypatch.chdir(fixer_site)
    (fixer_site / "_usage" / "u2.md").write_text("---\ntitle: Sans rapport\nmethodes:\n- L’atelier\n---\n")
    config = Config(select=("TST010", "REF001"))
    rules = [TITLE_FIX, references.RULE]
    run = fix_paths(discover([Path(".")]), config, unsafe=True, rules=rules)
    before = sorted((d.path, d.span.line, d.code) for f in run.files for d in f.remaining)
    assert before == [("_usage/u1.md", 4, "REF001"), ("_usage/u2.md", 4, "REF001")]  # 'Autre', 'L’atelier'
    fix.write_outcomes(run)
    fix.recheck_written(run, config, rules)
    assert sorted((d.path, d.span.line, d.code) for f in run.files for d in f.remaining) == [
        ("_usage/u1.md", 4, "REF001")
    ]


def test_only_fixes_of_indexed_keys_or_structure_make_fix_check_the_siblings_again(fixer_site, monkeypatch):
    monkeypatch.chdir(fixer_site)
    body_only = _rule("TST020", lambda doc: _replace(doc, "Corps", "Texte"))
    rechecks = []
    monkeypatch.setattr(fix.run, "lint_paths", lambda *args, **kwargs: rechecks.append(args) or Result())
    for rules, expected in (([body_only], 0), ([TITLE_FIX], 1)):
        run = fix_paths(discover([Path("_outil")]), Config(), unsafe=True, rules=rules)
        fix.write_outcomes(run)
        assert any(outcome.changed for outcome in run.files)
        fix.recheck_written(run, Config(), rules)
        assert len(rechecks) == expected
