import builtins
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.collection_tree import check, make_site, messages, method, usage

IMG_LINE, LOGO_LINE, VIGNETTE_LINE = 5, 8, 12  # lines in collection_tree.method()


@pytest.fixture
def asset_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.chdir(site)
    return make_site(
        site,
        {
            "img/conference.png": b"png",
            "img/democracy-bg.jpg": b"jpg",
            "img/cover-decidim.png": b"png",
            "img/mon image.png": b"png",
            "img/" + unicodedata.normalize("NFD", "réunion.png"): b"png",
            "uploads/2017/08/02/videoAssembl.png": b"png",
            "uploads/Lettre-engagement.png": b"png",
        },
    )


def run(site: Path, text: str, path: str = "_outil/doc.md") -> list[tuple[int, int, str]]:
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text(text, encoding="utf-8")
    return [(line, col, code) for _p, line, col, code in check(site, path, select=("AST001", "AST002"))]


def message(site: Path, path: str = "_outil/doc.md") -> str:
    (found,) = messages(site, path, select=("AST001", "AST002"))
    return found


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"logo": "''"},
        {"logo": ""},
        {"img_dash_bg": "./conference.png"},
        {"img_dash_bg": "mon image.png"},
        {"img_dash_bg": "mon%20image.png"},
        {"vignette_video_demo": '"/uploads/2017/08/02/videoAssembl.png"'},
        {"vignette_video_demo": "uploads/2017//08/./02/videoAssembl.png"},
        {"logo": "/img/conference.png"},
        {"img_dash_bg": "sub/../conference.png?v=2#x"},
        {"logo": "https://exemple.fr/logo.png"},
    ],
)
def test_existing_and_empty_assets_pass(asset_site: Path, extra: dict[str, str]) -> None:
    assert run(asset_site, method(**extra)) == []


def test_missing_file_without_any_close_name(asset_site: Path) -> None:
    assert run(asset_site, method(img_dash_bg="panorama.png")) == [(IMG_LINE, 9, "AST001")]
    assert message(asset_site) == "'img-bg': no file /img/panorama.png in the site"


def test_missing_extension_suggests_the_file_with_it(asset_site: Path) -> None:
    assert run(asset_site, method(img_dash_bg="democracy-bg")) == [(IMG_LINE, 9, "AST001")]
    assert message(asset_site) == (
        "'img-bg': no file /img/democracy-bg in the site: did you mean 'democracy-bg.jpg'? (the extension is missing)"
    )


def test_case_only_mismatch_is_missing_with_suggestion(asset_site: Path) -> None:
    assert run(asset_site, method(img_dash_bg="Conference.png")) == [(IMG_LINE, 9, "AST001")]
    assert message(asset_site) == (
        "'img-bg': no file /img/Conference.png in the site: did you mean 'conference.png'?"
        " (only the case differs; the server is case-sensitive)"
    )


def test_small_typo_lists_every_equally_close_name(asset_site: Path) -> None:
    (asset_site / "img/cover-decidim.jpg").write_bytes(b"jpg")
    assert run(asset_site, method(img_dash_bg="cover_decidim")) == [(IMG_LINE, 9, "AST001")]
    assert message(asset_site) == (
        "'img-bg': no file /img/cover_decidim in the site: did you mean 'cover-decidim.jpg' or 'cover-decidim.png'?"
    )


def test_composed_accents_do_not_find_a_decomposed_file_name(asset_site: Path) -> None:
    assert run(asset_site, method(img_dash_bg=unicodedata.normalize("NFC", "réunion.png"))) == [(IMG_LINE, 9, "AST001")]
    assert "accents encoded differently (NFC/NFD)" in message(asset_site)
    assert run(asset_site, method(img_dash_bg=unicodedata.normalize("NFD", "réunion.png"))) == []


def test_site_root_path_with_a_missing_folder(asset_site: Path) -> None:
    assert run(asset_site, method(vignette_video_demo='"/uploads/2017/09/02/videoAssembl.png"')) == [
        (VIGNETTE_LINE, 22, "AST001")
    ]
    assert message(asset_site) == (
        "'vignette_video_demo': no file /uploads/2017/09/02/videoAssembl.png in the site"
        " (no '09' in folder /uploads/2017): did you mean '08'?"
    )


def test_usage_screenshot_and_tool_letter(asset_site: Path) -> None:
    assert run(asset_site, usage(screenshot="assembl-bg.jpg"), "_usage/u.md") == [(8, 13, "AST001")]
    text = method(categorie="outil", lettre_engagement='"/uploads/Lettre-engagement.png"')
    assert run(asset_site, text) == []


def test_without_config_the_site_root_is_the_parent_of_the_collection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_site(tmp_path, {"img/conference.png": b"png"}, config=False)
    assert run(tmp_path, method()) == []
    assert run(tmp_path, method(img_dash_bg="absent.png")) == [(IMG_LINE, 9, "AST001")]


def forbid_forbidden_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything opens, lists, stats or reads a link under `forbidden_zone`."""

    def guard(real):
        def guarded(path, *args, **kwargs):
            if isinstance(path, (str, bytes, os.PathLike)) and "forbidden_zone" in str(os.fspath(path)):
                raise AssertionError(f"touched {path}")
            return real(path, *args, **kwargs)

        return guarded

    for name in ("stat", "lstat", "scandir", "listdir", "open", "readlink"):
        monkeypatch.setattr(os, name, guard(getattr(os, name)))
    monkeypatch.setattr(builtins, "open", guard(builtins.open))


@pytest.mark.parametrize(
    "value",
    [
        "../../forbidden_zone/secret.png",
        "../../../../../../forbidden_zone/x",
        "'C:\\forbidden_zone\\x.png'",
        "~/forbidden_zone/x.png",
        "/../forbidden_zone/secret.png",
    ],
)
def test_traversal_is_refused_without_touching_the_path(
    asset_site: Path, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (asset_site / "_outil").mkdir()
    (asset_site / "_outil/doc.md").write_text(method(img_dash_bg=value), encoding="utf-8")
    forbid_forbidden_zone(monkeypatch)
    assert check(asset_site, "_outil/doc.md", select=("AST001", "AST002")) == [("_outil/doc.md", IMG_LINE, 9, "AST002")]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("secret.png", [("_outil/doc.md", IMG_LINE, 9, "AST002")]),
        ("/uploads/ext/secret.png", [("_outil/doc.md", IMG_LINE, 9, "AST002")]),
        ("inside.png", []),
        ("inside-dir/conference.png", []),
    ],
)
def test_symlinks_are_followed_only_inside_the_site(
    asset_site: Path, value: str, expected: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = asset_site.parent / "forbidden_zone"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"x")
    (asset_site / "img/secret.png").symlink_to(outside / "secret.png")
    (asset_site / "uploads/ext").symlink_to(outside, target_is_directory=True)
    (asset_site / "img/inside.png").symlink_to("conference.png")
    (asset_site / "img/inside-dir").symlink_to("../img", target_is_directory=True)
    (asset_site / "_outil").mkdir()
    (asset_site / "_outil/doc.md").write_text(method(img_dash_bg=value), encoding="utf-8")
    forbid_forbidden_zone(monkeypatch)
    assert check(asset_site, "_outil/doc.md", select=("AST001", "AST002")) == expected
    if expected:
        assert (
            "a symbolic link on the way leads out of the site folder"
            in messages(asset_site, "_outil/doc.md", select=("AST001", "AST002"))[0]
        )


def test_unreferenced_assets_are_reported_once_when_asked(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path as _Path

    from methlint.config import Config as _Config
    from methlint.discovery import discover as _discover
    from methlint.linter import lint_paths as _lint_paths

    site = tmp_path / "site"
    shutil.copytree(_Path(__file__).parent.parent / "content", site)
    (site / "img" / "ancienne-image.png").write_bytes(b"x")
    (site / "img" / "cite-dans-le-corps.png").write_bytes(b"x")
    body = site / "_outil" / "jury-citoyen.md"
    body.write_text(body.read_text(encoding="utf-8") + "\n![](/img/cite-dans-le-corps.png)\n", encoding="utf-8")
    monkeypatch.chdir(site)
    targets = list(_discover([_Path(".")]))
    found = _lint_paths(targets, _Config(extend_select=("AST003",)), jobs=1).diagnostics
    assert [(d.path, d.span.line, d.code) for d in found if d.code == "AST003"] == [
        ("img/ancienne-image.png", 1, "AST003")
    ]
    default = _lint_paths(targets, _Config(), jobs=1).diagnostics
    assert not [d for d in default if d.code == "AST003"]


def _levenshtein(a: str, b: str) -> int:
    """The textbook dynamic programme: the reference for the bit-parallel distance."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def _suggestions_by_brute_force(wanted: str, names: frozenset[str]) -> tuple[tuple[str, ...], str]:
    """The specification of ``suggestions``: every name's edit distance, no pre-filter."""
    from methlint.name_suggestions import MAX_EDITS, stem_of, to_nfc

    folded = to_nfc(wanted).casefold()
    for why, same in (
        ("nfc", lambda n: to_nfc(n) == to_nfc(wanted)),
        ("case", lambda n: to_nfc(n).casefold() == folded),
        ("extension", lambda n: to_nfc(stem_of(n)).casefold() == folded),
    ):
        if found := sorted(n for n in names if same(n)):
            return tuple(found), why
    limit = min(MAX_EDITS, max(1, len(wanted) // 4))
    scored = {
        n: min(_levenshtein(folded, to_nfc(n).casefold()), _levenshtein(folded, to_nfc(stem_of(n)).casefold()))
        for n in names
    }
    best = min(scored.values(), default=limit + 1)
    return (tuple(sorted(n for n, d in scored.items() if d == best)), "") if best <= limit else ((), "")


_NAME = st.text(alphabet="abcé-._0123X", min_size=1, max_size=14)


@settings(max_examples=400, deadline=None)
@given(wanted=_NAME, names=st.frozensets(_NAME, max_size=12))
def test_the_bigram_pre_filter_never_changes_the_suggestions(wanted: str, names: frozenset[str]) -> None:
    from methlint.name_suggestions import suggestions

    assert suggestions(wanted, names) == _suggestions_by_brute_force(wanted, names)


@settings(max_examples=400, deadline=None)
@given(a=_NAME, b=_NAME)
def test_the_bigram_bound_holds_and_the_fast_distance_is_the_textbook_one(a: str, b: str) -> None:
    """The pre-filter's premise: ``d`` edits leave at most ``4 d`` bigrams unshared."""
    from methlint.name_suggestions import bigrams_of, edit_distance

    distance = _levenshtein(a, b)
    assert edit_distance(a, b) == distance
    assert len(bigrams_of(a) ^ bigrams_of(b)) <= 4 * distance


def _long_name(index: int) -> str:
    return f"photographie-atelier-citoyen-quartier-nord-{index:05d}-version-finale-haute-resolution-retouchee.jpg"


@pytest.mark.parametrize("size", [2_000, 20_000])
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (_long_name(1234).replace("atelier", "ateleir").replace("finale", "finalle"), _long_name(1234)),
        (_long_name(777).replace("-retouchee.jpg", "-retoucee"), _long_name(777)),  # no extension, one typo
    ],
)
def test_the_suggestion_stays_right_in_a_folder_of_many_long_names(size: int, typed: str, meant: str) -> None:
    """Issue 19: 2,000 long names took 40 s for one value. Far more names than the exact
    distances computed (MAX_EXACT) all pass the cheap bounds here; the closest still wins."""
    from methlint.name_suggestions import MAX_EXACT, suggestions

    names = frozenset(_long_name(i) for i in range(size))
    assert size > MAX_EXACT
    assert suggestions(typed, names) == ((meant,), "")


def test_ties_among_many_long_names_are_all_given_as_without_the_cap() -> None:
    """`-1500-` for `-01500-`: among 20,000 names, several are one edit away (01500, 10500,
    15000…); the cap on exact distances keeps them all, as the exhaustive search does (with the
    distance proven against the textbook one above)."""
    from methlint.name_suggestions import edit_distance, suggestions

    names = frozenset(_long_name(i) for i in range(20_000))
    typed = _long_name(1500).replace("-01500-", "-1500-")
    distances = {n: edit_distance(typed, n) for n in names}
    best = min(distances.values())
    assert suggestions(typed, names) == (tuple(sorted(n for n, d in distances.items() if d == best)), "")
    assert best == 1 and len(suggestions(typed, names)[0]) > 1


def test_a_check_in_a_folder_of_2000_long_names_suggests_the_right_one(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "img").mkdir(parents=True)
    (site / "_outil").mkdir()
    (site / "_config.yml").write_text("collections:\n  outil:\n    output: true\n")
    for index in range(2_000):
        (site / "img" / _long_name(index)).touch()
    typed = _long_name(1999).replace("quartier", "qaurtier")
    (site / "_outil" / "doc.md").write_text(
        f"---\ntitle: Doc\ncategorie: methode\nordre: 1\nimg-bg: {typed}\n---\nCorps.\n"
    )
    from methlint.config import Config
    from methlint.discovery import discover
    from methlint.linter import lint_paths

    found = lint_paths(list(discover([site])), Config(root=site, select=("AST001",)), jobs=1).diagnostics
    expected = f"'img-bg': no file /img/{typed} in the site: did you mean '{_long_name(1999)}'?"
    assert [d.message for d in found] == [expected]


def test_a_value_far_longer_than_every_name_costs_no_distance() -> None:
    """A 100,000-character value: every name is too short to be within reach, none is compared."""
    from methlint.name_suggestions import suggestions

    assert suggestions("x" * 100_000, frozenset(_long_name(i) for i in range(2_000))) == ((), "")
