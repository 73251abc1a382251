from pathlib import Path

import pytest

from tests.collection_tree import check, make_site, messages, method, usage

ORDRE_LINE = 24  # the line of `ordre:` in collection_tree.method()


@pytest.fixture
def coll_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_clash_within_a_categorie_reports_both_documents(coll_site: Path) -> None:
    make_site(
        coll_site,
        {
            "_outil/a.md": method("A", 5),
            "_outil/b.md": method("B", 5),
            "_outil/c.md": method("C", 6),
        },
    )
    assert check(coll_site, "_outil", select=("ORD001",)) == [
        ("_outil/a.md", ORDRE_LINE, 8, "ORD001"),
        ("_outil/b.md", ORDRE_LINE, 8, "ORD001"),
    ]
    assert messages(coll_site, "_outil/a.md", select=("ORD001",)) == [
        "ordre 5 is also used in categorie 'methode' by _outil/b.md:24: give each document its own number"
    ]


def test_same_number_across_categories_is_fine(coll_site: Path) -> None:
    make_site(
        coll_site,
        {
            "_outil/a.md": method("A", 5),
            "_outil/b.md": method("Decidim", 5, categorie="outil"),
        },
    )
    assert check(coll_site, "_outil", select=("ORD001",)) == []


def test_single_file_still_sees_its_unnamed_sibling_and_reports_only_itself(
    coll_site: Path,
) -> None:
    make_site(
        coll_site,
        {
            "_outil/a.md": method("A", 3),
            "_outil/sub/b.md": method("B", 3),
        },
    )
    assert check(coll_site, "_outil/sub/b.md", select=("ORD001",)) == [
        ("_outil/sub/b.md", ORDRE_LINE, 8, "ORD001"),
    ]
    assert "_outil/a.md:24" in messages(coll_site, "_outil/sub/b.md", select=("ORD001",))[0]


def test_three_way_clash_names_every_other(coll_site: Path) -> None:
    make_site(coll_site, {f"_outil/{n}.md": method(n, 2) for n in "abc"})
    assert messages(coll_site, "_outil/b.md", select=("ORD001",)) == [
        "ordre 2 is also used in categorie 'methode' by _outil/a.md:24, _outil/c.md:24:"
        " give each document its own number"
    ]


def test_sibling_values_are_read_as_yaml_does(coll_site: Path) -> None:
    """Quoted categorie, comment after ordre, multi-line title: the index agrees with the parser."""
    sibling = (
        method("Long\n  title", 4, categorie="methode")
        .replace("categorie: methode", "categorie: 'methode'")
        .replace("ordre: 4", "ordre: 4  # fourth")
    )
    make_site(coll_site, {"_outil/a.md": method("A", 4), "_outil/b.md": sibling})
    assert check(coll_site, "_outil/a.md", select=("ORD001",)) == [("_outil/a.md", ORDRE_LINE, 8, "ORD001")]
    assert "_outil/b.md:25" in messages(coll_site, "_outil/a.md", select=("ORD001",))[0]


def test_other_collection_folders_and_gaps_do_not_count(coll_site: Path) -> None:
    make_site(
        coll_site,
        {
            "_outil/a.md": method("A", 1),
            "_outil/b.md": method("B", 9),
            "_usage/u.md": usage(ordre="1"),
        },
    )
    assert check(coll_site, "_outil", "_usage", select=("ORD001",)) == []


def test_broken_siblings_and_missing_ordre_do_not_crash(coll_site: Path) -> None:
    make_site(
        coll_site,
        {
            "_outil/a.md": method("A", 1),
            "_outil/unclosed.md": "---\ntitle: X\nordre: 1\n",
            "_outil/latin1.md": "---\ntitle: \xe9\nordre: 1\n---\n".encode("latin-1"),
            "_outil/bad.md": "---\ntitle: [\nordre: 1\n---\n",
            "_outil/noordre.md": method("N", 1).replace("ordre: 1\n", ""),
            "_outil/text.md": method("T", "un"),
        },
    )
    assert check(coll_site, "_outil", select=("ORD001",)) == []


def test_document_outside_any_collection_is_ignored(coll_site: Path) -> None:
    make_site(coll_site, {"pages/a.md": method("A", 1), "pages/b.md": method("B", 1)})
    assert check(coll_site, "pages", select=("ORD001",)) == []
