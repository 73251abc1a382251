"""YAML pitfalls real editors hit: each reported at the line of the mistake, with code and column."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from methlint.linter import lint_text

SEED = Path(__file__).parent / "fixtures" / "seeds" / "conference-de-citoyens.md"


def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def found(text: str, prefix: str = "YML") -> list[tuple[int, int, str]]:
    return [(d.span.line, d.span.column, d.code) for d in lint_text(text) if d.code.startswith(prefix)]


def test_key_without_colon_is_reported_at_the_key_not_at_the_next_line() -> None:
    assert found(seed().replace("priorites:\n", "priorites\n")) == [(14, 1, "YML002")]


def test_key_without_colon_message_says_what_to_write() -> None:
    (diag,) = [d for d in lint_text(seed().replace("qualites:\n", "qualites\n")) if d.code == "YML002"]
    assert diag.message == "the key 'qualites' has no colon: write 'qualites:'"
    assert diag.fix is not None


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [("ordre: 5", "ordre:5", 34), ("date: '2017", "date:'2017", 13), ("layout: methode", "layout:methode", 32)],
)
def test_no_space_after_colon(old: str, new: str, line: int) -> None:
    assert found(seed().replace(old, new)) == [(line, 1, "YML003")]


def test_no_space_after_colon_in_a_jekyll_date() -> None:
    text = "---\ntitle: x\ndate:2019-05-22 09:29:08 +0000\nordre: 1\n---\n"
    diags = [d for d in lint_text(text, "notes/x.md") if d.code.startswith("YML")]
    assert [(d.span.line, d.span.column, d.code) for d in diags] == [(3, 1, "YML003")]
    assert diags[0].message == "no space after the colon of 'date': write 'date: 2019-05-22 09:29:08 +0000'"


def test_urls_are_not_mistaken_for_a_missing_space() -> None:
    text = "---\ntitle: x\naccess_link: https://exemple.fr\nordre:3\n---\n"
    assert found(text) == [(4, 1, "YML003")]


def test_list_item_read_as_a_mapping_says_quote_the_item() -> None:
    text = seed().replace("- Investir un sujet en profondeur", "- Qualité du panel: 4 à 5 (au moins)")
    diags = [d for d in lint_text(text) if d.code == "YML004"]
    assert [(d.span.line, d.span.column, d.span.end_line, d.span.end_column) for d in diags] == [(17, 3, 17, 37)]
    assert "quote the item" in diags[0].message
    (edit,) = diags[0].fix.edits
    assert edit.replacement == "'Qualité du panel: 4 à 5 (au moins)'"


def test_real_mappings_in_lists_are_not_flagged() -> None:
    text = "---\ndetails_techniques:\n- name: Demo\n  content: oui\n- name: Langues\n  content: fr\n---\n"
    assert found(text) == []


def test_single_key_item_without_spaces_among_mappings_is_not_flagged() -> None:
    text = "---\nliens:\n- web: https://exemple.fr\n- mail: a@b.fr\n---\n"
    assert found(text) == []


def test_colon_inside_a_plain_value() -> None:
    text = seed().replace("title: La conférence de citoyens", "title: Article 71 : projet de loi")
    assert found(text) == [(2, 1, "YML005")]
    (diag,) = [d for d in lint_text(text) if d.code == "YML005"]
    assert diag.fix.edits[0].replacement == "'Article 71 : projet de loi'"


def test_tab_used_for_indentation_is_an_error_at_the_tab() -> None:
    assert found(seed().replace("- Investir", "\t- Investir")) == [(17, 1, "YML006")]


def test_tab_before_comment_is_a_whitespace_warning_not_a_syntax_error() -> None:
    text = '---\npath: ""\t# all files\nx: 1\t\n---\n'
    diags = [d for d in lint_text(text, "notes/x.md") if d.code.startswith("YML")]
    assert [(d.span.line, d.span.column, d.code, d.severity.value) for d in diags] == [
        (2, 9, "YML007", "warning"),
        (3, 5, "YML007", "warning"),
    ]


def test_tab_inside_a_quoted_value_is_not_whitespace() -> None:
    assert found('---\nt: "a\t# b"\n---\n') == []


def test_duplicate_keys_name_both_lines() -> None:
    text = seed().replace("layout: methode\n", "layout: methode\ntitle: Autre titre\n")
    diags = [d for d in lint_text(text) if d.code == "YML008"]
    assert [(d.span.line, d.span.column) for d in diags] == [(33, 1)]
    assert "first on line 2" in diags[0].message


def test_unclosed_quote_is_reported_where_it_opens() -> None:
    text = seed().replace("title: La conf", 'title: "La conf')
    assert found(text) == [(2, 8, "YML001")]


@pytest.mark.parametrize(
    ("yaml_text", "position", "message"),
    [
        ("title: [a, b\nordre: 1\n", (2, 8), "the '[' opened here is never closed"),
        ("title: x\n  bad: y\n", (3, 6), "': ' is not allowed here: fix the indentation, or put the value in quotes"),
        ("a:\n  - b\n c: d\n", (4, 2), "this line does not line up with the keys above it: check its indentation"),
    ],
)
def test_generic_syntax_errors_in_an_editors_words(yaml_text: str, position: tuple[int, int], message: str) -> None:
    diags = [d for d in lint_text("---\n" + yaml_text + "---\n", "n/x.md") if d.code.startswith("YML")]
    assert [((d.span.line, d.span.column), d.code, d.message) for d in diags] == [(position, "YML001", message)]


def test_value_starting_with_a_reserved_character() -> None:
    diags = [d for d in lint_text("---\ntitle: @atelier\n---\n", "n/x.md") if d.code.startswith("YML")]
    assert [(d.span.line, d.span.column, d.code) for d in diags] == [(2, 8, "YML001")]
    assert diags[0].message == "a value cannot start with '@': put the value in quotes"


def test_foreign_tag_is_never_constructed(tmp_path) -> None:
    marker = tmp_path / "pwned"
    text = f"---\nx: !!python/object/apply:os.system ['touch {marker}']\n---\n"
    assert found(text) == [(2, 4, "YML010")]
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "---\n" + "\n".join(lines) + "\n---\n"
    assert found(text) == [(6, 8, "YML011")]


def test_deep_nesting_is_refused() -> None:
    text = "---\na: " + "[" * 10_000 + "]" * 10_000 + "\n---\n"
    assert found(text) == [(2, 53, "YML011")]


def _libyaml_accepts(yaml_text: str) -> bool:
    try:
        for _event in yaml.parse(yaml_text, Loader=yaml.CSafeLoader):
            pass
    except yaml.YAMLError:
        return False
    return True


# Flow nesting libyaml accepts whatever its version (60), and nesting that libyaml since
# PyYAML 6.0.4 rejects with its own error, far from methlint's limit (1,000 and more).
# Both must be YML011 at the 50th bracket (the 51st level under the root mapping):
# methlint's limit, not the parser's, decides.
@pytest.mark.parametrize("depth", [60, 999, 1_000, 1_001, 5_000])
@pytest.mark.parametrize("opener", ["[", "{"])
def test_flow_nesting_is_refused_at_methlint_limit_whatever_libyaml_does(depth: int, opener: str) -> None:
    closer = {"[": "]", "{": "}"}[opener]
    value = opener * depth + closer * depth if opener == "[" else "{a: " * depth + "1" + closer * depth
    opener_width = len("[") if opener == "[" else len("{a: ")
    column_of_50th = len("a: ") + 1 + 49 * opener_width
    text = "---\na: " + value + "\n---\n"
    assert found(text) == [(2, column_of_50th, "YML011")]


def test_both_libyaml_behaviours_are_exercised() -> None:
    """The texts above include one the installed libyaml accepts and, on 6.0.4, one it rejects."""
    assert _libyaml_accepts("a: " + "[" * 60 + "]" * 60)
    if not _libyaml_accepts("a: " + "[" * 1_000 + "]" * 1_000):
        # the parser's own limit is met: methlint's report must not be the parser's
        assert found("---\na: " + "[" * 1_000 + "]" * 1_000 + "\n---\n") == [(2, 53, "YML011")]


@pytest.mark.parametrize("depth", [60, 1_100])
def test_block_nesting_is_refused_at_methlint_limit_whatever_libyaml_does(depth: int) -> None:
    lines = "".join(" " * i + f"k{i}:\n" for i in range(depth))
    text = "---\n" + lines + " " * depth + "v\n---\n"
    # the 51st mapping starts at the key k50, on line 52, column 51
    assert found(text) == [(52, 51, "YML011")]


def test_configured_depth_limit_is_methlint_own(tmp_path: Path) -> None:
    """A stricter configured limit stops at its own depth, before anything libyaml decides."""
    from methlint.front_matter import Limits, parse

    fm = parse("a: " + "[" * 2_000 + "]" * 2_000, limits=Limits(max_depth=10))
    assert fm.limit_error is not None
    assert (fm.limit_error.what, fm.limit_error.offset) == ("depth", len("a: ") + 9)


def test_anchor_is_one_warning_per_document() -> None:
    text = "---\na: &x [1]\nb: *x\nc: *x\n---\n"
    diags = [d for d in lint_text(text, "n/x.md") if d.code == "YML009"]
    assert [(d.span.line, d.span.column) for d in diags] == [(2, 4)]
    assert "3 in this front matter" in diags[0].message


def test_non_text_keys() -> None:
    assert found("---\n1: a\nyes: b\ntitle: c\n---\n") == [(2, 1, "YML012"), (3, 1, "YML012")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("title: x\n", "FM001"),
        ("--- \ntitle: x\n", "FM002"),
        ("\ufeff---\ntitle: x\n---\n", "FM003"),
        ("---\n# rien\n---\n", "FM004"),
        ("---\n- a\n- b\n---\n", "FM005"),
        ("---\njuste du texte\n---\n", "FM005"),
    ],
)
def test_framing(text: str, code: str) -> None:
    assert [(d.span.line, d.span.column, d.code) for d in lint_text(text) if d.code.startswith("FM")] == [
        (1, 1, code) if code != "FM005" else (2, 1, code)
    ]


def test_bom_is_reported_once_and_the_front_matter_behind_it_is_still_checked() -> None:
    diags = [d for d in lint_text("\ufeff" + seed().replace("ordre: 5", "ordre: cinq")) if not d.code.startswith("TYP")]
    assert [(d.span.line, d.span.column, d.code) for d in diags] == [(1, 1, "FM003"), (34, 8, "SCH002")]
