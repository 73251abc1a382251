from pathlib import Path

import pytest

from tests.collection_tree import check, make_site, messages, method, usage


@pytest.fixture
def ref_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_site(
        tmp_path,
        {
            "_outil/atelier.md": method("L'atelier citoyen", 1),
            "_outil/conference.md": method("La conférence de citoyens", 2),
            "_outil/decidim.md": method("Decidim", 1, categorie="outil"),
        },
    )


def write_usage(root: Path, methodes: str = "", outil: str = "") -> None:
    (root / "_usage").mkdir(exist_ok=True)
    (root / "_usage/u.md").write_text(usage(methodes=methodes, outil=outil), encoding="utf-8")


def test_exact_titles_pass_even_when_only_the_usage_is_checked(ref_site: Path) -> None:
    write_usage(ref_site, methodes="\n- L'atelier citoyen\n- La conférence de citoyens", outil="\n- Decidim")
    assert check(ref_site, "_usage/u.md", select=("REF001",)) == []


def test_typographic_apostrophe_is_reported_at_its_own_line(ref_site: Path) -> None:
    write_usage(ref_site, methodes="\n- La conférence de citoyens\n- L’atelier citoyen")
    assert check(ref_site, "_usage/u.md", select=("REF001",)) == [("_usage/u.md", 9, 3, "REF001")]
    assert messages(ref_site, "_usage/u.md", select=("REF001",)) == [
        "'L’atelier citoyen' in 'methodes' is not the title of any method document:"
        " did you mean 'L'atelier citoyen'? (only the apostrophe or the case differs)"
    ]


def test_dangling_and_misspelt_names_with_and_without_suggestion(ref_site: Path) -> None:
    write_usage(ref_site, methodes="[La conference de citoyens, Autre]", outil="\n- decidim\n- Assembl")
    assert check(ref_site, "_usage/u.md", select=("REF001",)) == [
        ("_usage/u.md", 7, 3, "REF001"),
        ("_usage/u.md", 8, 3, "REF001"),
        ("_usage/u.md", 9, 12, "REF001"),
        ("_usage/u.md", 9, 39, "REF001"),
    ]
    assert messages(ref_site, "_usage/u.md", select=("REF001",)) == [
        "'decidim' in 'outil' is not the title of any tool document:"
        " did you mean 'Decidim'? (only the apostrophe or the case differs)",
        "'Assembl' in 'outil' is not the title of any tool document",
        "'La conference de citoyens' in 'methodes' is not the title of any method document:"
        " did you mean 'La conférence de citoyens'?",
        "'Autre' in 'methodes' is not the title of any method document",
    ]


def test_a_tool_title_does_not_satisfy_methodes(ref_site: Path) -> None:
    write_usage(ref_site, methodes="\n- Decidim")
    assert check(ref_site, "_usage/u.md", select=("REF001",)) == [("_usage/u.md", 8, 3, "REF001")]


def test_method_documents_are_not_checked_for_references(ref_site: Path) -> None:
    assert check(ref_site, "_outil", select=("REF001",)) == []


def test_a_large_site_compares_a_name_only_with_the_titles_sharing_most_words(monkeypatch) -> None:
    from methlint.rules import references

    monkeypatch.setattr(references, "COMPARE_ALL_UP_TO", 10)
    monkeypatch.setattr(references, "CANDIDATES", 5)
    titles = {f"Jury citoyen n°{i}" for i in range(30)} | {f"Budget participatif n°{i}" for i in range(30)}
    index = references.Titles(titles | {"La conférence de citoyens"})

    candidates = index.candidates("Jury citoyen n°7 bis")
    assert len(candidates) == 5 and all(t.startswith("Jury citoyen") for t in candidates)
    assert index.suggestion("La conference de citoyens") == ": did you mean 'La conférence de citoyens'?"
    assert index.suggestion("L’atelier") == ""  # no shared word: no comparison at all
    assert index.suggestion("budget participatif N°3") == (
        ": did you mean 'Budget participatif n°3'? (only the apostrophe or the case differs)"
    )


def test_a_name_too_long_to_be_a_typo_gets_no_difflib_suggestion() -> None:
    """difflib's ratio is quadratic: a 20,000-character name against long titles cost a second
    a comparison. Past 200 characters there is no suggestion; up to it, as before."""
    from methlint.rules import references

    long_title = "Atelier citoyen " * 1250
    index = references.Titles({long_title, "Atelier citoyen"})
    assert index.suggestion(long_title[:-3] + "xyz") == ""
    assert index.suggestion("Atelier citoyne") == ": did you mean 'Atelier citoyen'?"
    at_bound = "Atelier citoyen " * 12 + "Jury"  # 196 characters: still compared
    assert references.Titles({at_bound}).suggestion(at_bound[:-1] + "i") == f": did you mean '{at_bound}'?"
