"""Whether a finding changes the built page (methlint.page_effect), on small Jekyll sites written
here: the site's _config.yml says what its converter does to the body, its layouts how each
front-matter key is printed. Each test names the position of each finding and whether it shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from methlint.collection import Collection
from methlint.config import Config
from methlint.diagnostics import Difference, Severity
from methlint.discovery import Target
from methlint.document import read_document
from methlint.linter import lint_paths
from methlint.page_effect import Conversions, conversions_of, visible
from methlint.rules import Context

KRAMDOWN = "markdown: kramdown\n"
LAYOUT = "<h1>{{ page.title }}</h1>\n<p>{{ page.tagline }}</p>\n{{ content }}\n"


def site(
    root: Path, document: str, config: str = KRAMDOWN, layout: str | None = LAYOUT, pages: dict[str, str] | None = None
) -> Path:
    """A Jekyll site with one collection, ``notes``, whose documents use the layout ``note``."""
    root.mkdir(exist_ok=True)
    (root / "_config.yml").write_text(
        config + "collections:\n  notes:\n    output: true\n"
        "defaults:\n  - scope: {path: '', type: notes}\n    values: {layout: note}\n",
        encoding="utf-8",
    )
    if layout is not None:
        (root / "_layouts").mkdir(exist_ok=True)
        (root / "_layouts" / "note.html").write_text(layout, encoding="utf-8")
    for name, text in (pages or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "_notes").mkdir(exist_ok=True)
    path = root / "_notes" / "a.md"
    path.write_text(document, encoding="utf-8")
    return path


def found(path: Path, *codes: str, config: Config | None = None) -> list[tuple[int, int, str, bool, str]]:
    """(line, column, code, visible, severity) of each finding of ``codes`` in the document."""
    config = config or Config(root=path.parent.parent)
    config = config.with_overrides(select=codes or ("TYP",))
    result = lint_paths([Target(path, "a.md")], config, jobs=1)
    return [(d.span.line, d.span.column, d.code, d.visible, d.severity.value) for d in result.diagnostics]


# --- the body: kramdown's conversions ---------------------------------------------------------


def test_kramdown_writes_the_curly_apostrophe_in_the_body(tmp_path: Path) -> None:
    path = site(tmp_path, "---\ntitle: T\n---\nL'avis des citoyens.\n")
    assert found(path, "TYP010") == [(4, 2, "TYP010", False, "info")]  # a warning, one lower


@pytest.mark.parametrize(
    "config",
    [
        "",  # no markdown key: Jekyll's default, kramdown, GFM input, smart quotes on
        KRAMDOWN + "kramdown:\n  input: GFM\n  smart_quotes: lsquo,rsquo,ldquo,rdquo\n",
        KRAMDOWN + "kramdown:\n  smart_quotes: [lsquo, rsquo, ldquo, rdquo]\n",
        KRAMDOWN + "kramdown:\n  input: kramdown\n",
    ],
)
def test_smart_quotes_on(tmp_path: Path, config: str) -> None:
    path = site(tmp_path, "---\ntitle: T\n---\nL'avis.\n", config)
    assert found(path, "TYP010") == [(4, 2, "TYP010", False, "info")]


@pytest.mark.parametrize(
    "config",
    [
        KRAMDOWN + "kramdown:\n  smart_quotes: apos,apos,quot,quot\n",  # smart quotes off
        KRAMDOWN + "kramdown:\n  smart_quotes: [apos, apos, quot, quot]\n",
        "markdown: CommonMark\n",  # jekyll-commonmark: no smart quotes
        KRAMDOWN + "kramdown:\n  input: Markdown\n",  # a parser whose conversions are not known here
    ],
)
def test_smart_quotes_off_or_another_converter(tmp_path: Path, config: str) -> None:
    path = site(tmp_path, "---\ntitle: T\n---\nL'avis.\n", config)
    assert found(path, "TYP010") == [(4, 2, "TYP010", True, "warning")]


def test_conversions_read_from_the_configuration() -> None:
    assert conversions_of({}) == Conversions("kramdown", True, True, True)
    assert conversions_of({"kramdown": {"typographic_symbols": {"hellip": "..."}}}).ellipsis is False
    assert conversions_of({"kramdown": {"typographic_symbols": {"hellip": "…"}}}).ellipsis is True
    assert conversions_of({"kramdown": {"smart_quotes": "lsquo,#8217,ldquo,rdquo"}}).curly_apostrophe is True
    assert conversions_of({"markdown": "CommonMarkGhPages"}) == Conversions("commonmarkghpages", False, False, True)
    assert conversions_of({"kramdown": "nonsense", "markdown": None}) == Conversions("kramdown", True, True, True)
    assert conversions_of(["not", "a", "mapping"]) == Conversions("kramdown", True, True, True)


def test_three_periods_become_an_ellipsis_spaced_ones_do_not(tmp_path: Path) -> None:
    path = site(tmp_path, "---\ntitle: T\n---\nEt ensuite... puis. . . et….\n")
    assert found(path, "TYP011") == [
        (4, 11, "TYP011", False, "info"),
        (4, 19, "TYP011", True, "warning"),
        (4, 28, "TYP011", True, "warning"),
    ]
    site(
        tmp_path,
        "---\ntitle: T\n---\nEt ensuite... puis\n",
        KRAMDOWN + "kramdown:\n  typographic_symbols: {hellip: '...'}\n",
    )
    assert found(path, "TYP011") == [(4, 11, "TYP011", True, "warning")]


def test_runs_of_spaces_collapse_in_the_body(tmp_path: Path) -> None:
    path = site(tmp_path, "---\ntitle: T\n---\nLa qualité  et\tla diversité.\n")
    assert found(path, "TYP001", "TYP017") == [(4, 11, "TYP001", False, "info"), (4, 15, "TYP017", False, "info")]


def test_decomposed_accents_render_as_composed_ones(tmp_path: Path) -> None:
    path = site(tmp_path, "---\ntitle: Une re\u0301union\n---\nUne re\u0301union.\n")
    assert found(path, "TYP015") == [(2, 13, "TYP015", False, "info"), (4, 6, "TYP015", False, "info")]


def test_blanks_ending_a_body_line(tmp_path: Path) -> None:
    body = (
        "Trois   \nsuite du paragraphe.\n"  # 5: a hard break (<br />): visible
        "Une\t\nsuite.\n"  # 7: a tab makes no break
        "Un \nsuite.\n"  # 9: one space makes no break
        "Fin  \n\n"  # 11: the paragraph ends: nothing shows
        "  \n"  # 13: a blank line
        "Insécable\u00a0\nsuite.\n"  # 14: a no-break space before the next line's word: a wider space
        "Item   \n- liste\n"  # 16: a list item ends the paragraph (GFM): no break
    )
    path = site(tmp_path, "---\ntitle: T\n---\n\n" + body)
    assert found(path, "TYP002") == [
        (5, 6, "TYP002", True, "info"),
        (7, 4, "TYP002", False, "info"),
        (9, 3, "TYP002", False, "info"),
        (11, 4, "TYP002", False, "info"),
        (13, 1, "TYP002", False, "info"),
        (14, 10, "TYP002", True, "info"),
        (16, 5, "TYP002", False, "info"),
    ]


# --- front matter: how the templates print each key -----------------------------------------


def test_a_value_printed_raw_shows_its_apostrophe(tmp_path: Path) -> None:
    path = site(tmp_path, "---\ntitle: L'atelier\ntagline: L'idée\n---\nCorps.\n")
    assert found(path, "TYP010") == [(2, 9, "TYP010", True, "warning"), (3, 11, "TYP010", True, "warning")]


def test_a_value_through_markdownify_gets_kramdowns_conversions(tmp_path: Path) -> None:
    layout = "<h1>{{ page.title }}</h1>\n{{ page.tagline | markdownify }}\n{{ content }}\n"
    path = site(tmp_path, "---\ntitle: L'atelier\ntagline: L'idée...\n---\nCorps.\n", layout=layout)
    assert found(path, "TYP010", "TYP011") == [
        (2, 9, "TYP010", True, "warning"),
        (3, 11, "TYP010", False, "info"),
        (3, 16, "TYP011", False, "info"),
    ]


def test_a_value_no_template_prints_shows_nothing(tmp_path: Path) -> None:
    layout = "<h1>{{ page.title }}</h1>\n{% if page.tagline %}<hr>{% endif %}\n<!-- {{ page.tagline }} -->\n"
    path = site(tmp_path, "---\ntitle: T\ntagline: L'idée  claire\n---\nCorps.\n", layout=layout)
    assert found(path, "TYP010", "TYP001") == [(3, 11, "TYP010", False, "info"), (3, 16, "TYP001", False, "info")]


def test_without_the_sites_templates_nothing_is_lowered(tmp_path: Path) -> None:
    path = site(tmp_path, "---\ntitle: T\ntagline: L'idée  claire\n---\nCorps.\n", layout=None)
    assert found(path, "TYP010", "TYP001") == [(3, 11, "TYP010", True, "warning"), (3, 16, "TYP001", True, "warning")]


def test_spaces_printed_as_html_text_collapse_not_in_a_url_or_pre(tmp_path: Path) -> None:
    document = "---\ntitle: T\ntagline: a  b\n---\nCorps.\n"
    for layout, shows in [
        ("<p>{{ page.tagline }}</p>", False),
        ('<img alt="{{ page.tagline | escape }}">', False),
        ('<a href="/x/{{ page.tagline }}">x</a>', True),  # in a URL
        ("<pre>\n{{ page.tagline }}\n</pre>", True),  # spaces kept
        ("<p>{{ page.tagline | slugify }}</p>", True),  # a filter not known here
    ]:
        path = site(tmp_path, document, layout=layout)
        assert found(path, "TYP001") == [(3, 11, "TYP001", shows, "warning" if shows else "info")], layout


def test_a_markdown_page_printing_the_collection_converts_it(tmp_path: Path) -> None:
    page = "---\nlayout: x\n---\n{% for n in site.notes %}{{ n.tagline }}{% endfor %}\n"
    layout = "<h1>{{ page.title }}</h1>{{ content }}"
    path = site(tmp_path, "---\ntitle: T\ntagline: L'idée\n---\nCorps.\n", layout=layout, pages={"index.md": page})
    assert found(path, "TYP010") == [(3, 11, "TYP010", False, "info")]
    (tmp_path / "index.md").rename(tmp_path / "index.html")  # an HTML page prints it raw
    assert found(path, "TYP010") == [(3, 11, "TYP010", True, "warning")]


def test_the_seo_tag_prints_the_title(tmp_path: Path) -> None:
    layout = "<head>{% seo %}</head>{{ content }}"
    path = site(tmp_path, "---\ntitle: L'atelier\ntagline: L'idée\n---\nCorps.\n", layout=layout)
    assert found(path, "TYP010") == [(2, 9, "TYP010", True, "warning"), (3, 11, "TYP010", False, "info")]


def test_blanks_ending_a_front_matter_line(tmp_path: Path) -> None:
    document = "---\ntitle: T  \ntagline: |  \n  ligne   \n  suite\n---\nCorps.\n"
    path = site(tmp_path, document)
    # YAML drops the first; the block's header is no data; the block's line is printed raw: collapsed
    assert found(path, "TYP002") == [
        (2, 9, "TYP002", False, "info"),
        (3, 11, "TYP002", False, "info"),
        (4, 8, "TYP002", False, "info"),
    ]
    site(tmp_path, document, layout="{{ page.tagline | markdownify }}")  # through kramdown: a hard break
    assert found(path, "TYP002")[2] == (4, 8, "TYP002", True, "info")


def test_code_in_the_body_is_shown_as_typed(tmp_path: Path) -> None:
    path = site(tmp_path, "---\ntitle: T\n---\nLe code `l'a` et l'avis.\n\n```\nl'a  b\n```\n")
    doc = read_document(path, "a.md")
    ctx = Context(Config(root=tmp_path), collection=Collection(Config(root=tmp_path)))
    in_span, in_prose, in_block = (doc.text.index(s) + 1 for s in ("l'a`", "l'avis", "l'a  b"))
    assert visible(doc, ctx, in_span, Difference.APOSTROPHE) is True
    assert visible(doc, ctx, in_prose, Difference.APOSTROPHE) is False
    assert visible(doc, ctx, in_block, Difference.APOSTROPHE) is True
    assert visible(doc, ctx, in_block + 2, Difference.SPACE_RUN) is True
    assert visible(doc, ctx, in_prose, Difference.SHOWN) is True


def test_a_document_outside_any_site_keeps_every_finding(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: L'atelier\n---\nL'avis  et...\n", encoding="utf-8")
    assert {(code, shown) for _l, _c, code, shown, _s in found(path)} == {
        ("TYP010", True),
        ("TYP001", True),
        ("TYP011", True),
    }


# --- severities ---------------------------------------------------------------------------


def test_severities_named_in_the_configuration_win(tmp_path: Path) -> None:
    path = site(tmp_path, "---\ntitle: T\n---\nL'avis  et.\n")
    assert found(path, "TYP001", "TYP010") == [(4, 2, "TYP010", False, "info"), (4, 7, "TYP001", False, "info")]
    named = Config(root=tmp_path, severities=(("TYP01", "error"),))
    assert found(path, "TYP001", "TYP010", config=named) == [
        (4, 2, "TYP010", False, "error"),
        (4, 7, "TYP001", False, "info"),
    ]
    kept = Config(root=tmp_path, lower_invisible=False)
    assert found(path, "TYP001", "TYP010", config=kept) == [
        (4, 2, "TYP010", False, "warning"),
        (4, 7, "TYP001", False, "warning"),
    ]


def test_an_info_stays_info() -> None:
    from methlint.linter import invisible_severity
    from methlint.rules import get

    assert invisible_severity(get("TYP002"), Config()) is Severity.INFO
    assert invisible_severity(get("TYP001"), Config()) is Severity.INFO
    assert invisible_severity(get("YML001"), Config()) is Severity.WARNING
