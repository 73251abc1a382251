"""The document model: lossless split, positions, decoding."""

from __future__ import annotations

import glob

import frontmatter
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from methlint.diagnostics import Span
from methlint.document import Document, SplitStatus, decode, read_document, read_raw, split

BASE = "---\ntitle: Le panel citoyen\nordre: 2\n---\n\nCorps du texte.\n"


@pytest.mark.parametrize(
    "text",
    [
        BASE,
        "\ufeff" + BASE,  # BOM kept
        BASE.replace("\n", "\r\n"),  # CRLF kept
        BASE.replace("ordre: 2\n---\n", "ordre: 2\n...\n"),  # YAML end marker closes too
        BASE.rstrip("\n"),  # no final newline
        "---\ntitle: x\n---",  # closing delimiter without newline, empty body
        "---\n---\n",  # empty front matter
        "---   \ntitle: x\n---\t\nbody",  # trailing blanks on delimiters
    ],
)
def test_split_rejoins_to_the_exact_original(text: str) -> None:
    status, parts = split(text)
    assert status == SplitStatus.OK
    assert parts.bom + parts.opening + parts.yaml + parts.closing + parts.body == text
    assert parts.join() == text


def test_split_parts_for_bom_and_crlf() -> None:
    _status, parts = split("\ufeff---\r\na: 1\r\n---\r\nbody\r\n")
    assert (parts.bom, parts.opening, parts.yaml, parts.closing, parts.body) == (
        "\ufeff",
        "---\r\n",
        "a: 1\r\n",
        "---\r\n",
        "body\r\n",
    )
    assert parts.yaml_offset == 6 and parts.body_offset == 17


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("title: x\n", SplitStatus.MISSING),
        ("", SplitStatus.MISSING),
        ("----\ntitle: x\n----\n", SplitStatus.MISSING),
        ("---\ntitle: x\n", SplitStatus.UNCLOSED),
        ("---\ntitle: x\n--- \n"[:-3], SplitStatus.UNCLOSED),
        ("---", SplitStatus.MISSING),  # no line ending after the opening line
    ],
)
def test_split_statuses(text: str, status: str) -> None:
    assert split(text)[0] == status


def test_a_closing_line_inside_the_body_stays_in_the_body() -> None:
    _status, parts = split("---\na: 1\n---\ntexte\n---\nsuite\n")
    assert parts.yaml == "a: 1\n"
    assert parts.body == "texte\n---\nsuite\n"


def test_positions_are_file_lines_and_character_columns() -> None:
    doc = Document("x.md", "---\ntitle: « Élan »\nordre: 2\n---\n")
    offset = doc.text.index("ordre")
    assert doc.position(offset) == (3, 1)
    assert doc.position(doc.text.index("»")) == (2, 15)  # characters, not bytes
    assert doc.line_text(2) == "title: « Élan »"


def test_node_positions_are_in_file_coordinates_with_bom_and_crlf() -> None:
    doc = Document("x.md", "\ufeff---\r\ntitle: é\r\nordre: 2\r\n---\r\n")
    fm = doc.front_matter
    _key, node = fm.node_at(("ordre",))
    assert doc.position(fm.file_offset(node.start_mark)) == (3, 8)
    assert fm.data == {"title": "é", "ordre": 2}


def test_dates_stay_text_even_when_impossible() -> None:
    doc = Document("x.md", "---\nd1: 2019-02-30\nd2: 2019-01-15 09:29:08 +0000\non: yes\n---\n")
    assert doc.data == {"d1": "2019-02-30", "d2": "2019-01-15 09:29:08 +0000", True: True}
    assert type(doc.data["d1"]).__name__ == "DateText"


def test_tab_before_comment_is_accepted_as_jekyll_does() -> None:
    doc = Document("x.md", '---\npath: ""\t# means all\nx: 1\t\n---\n')
    assert doc.front_matter.syntax_error is None
    assert doc.data == {"path": "", "x": 1}


@pytest.mark.parametrize(
    ("raw", "kind", "offset", "line", "column"),
    [
        ("---\ntitle: conf\xe9rence\n---\n".encode("latin-1"), "legacy", 15, 2, 12),
        ("---\ntitle: x\n".encode("utf-16"), "utf-16", 0, 1, 1),
        (b"---\n\x00\x00\xff\n", "binary", 6, 2, 3),
    ],
)
def test_decode_problems_name_the_byte(raw: bytes, kind: str, offset: int, line: int, column: int) -> None:
    text, problem = decode(raw)
    assert text is None
    assert (problem.kind, problem.byte_offset, problem.line, problem.column) == (kind, offset, line, column)


def test_read_document_never_raises(tmp_path) -> None:
    missing = read_document(tmp_path / "nope.md", "nope.md")
    assert missing.load_problem.kind == "unreadable"
    folder = tmp_path / "dir.md"
    folder.mkdir()
    assert read_document(folder, "dir.md").load_problem.kind == "unreadable"
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 2000)
    assert read_document(big, "big.md", max_bytes=1000).load_problem.kind == "too-large"


@pytest.mark.parametrize("path", sorted(glob.glob("content/_*/*.md")))
def test_python_frontmatter_agrees_on_plain_documents(path: str) -> None:
    """python-frontmatter is exact for the *data* of LF files without BOM or `...` (docs/design.md)."""
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    ours = Document(path, text)
    theirs = frontmatter.loads(text).metadata
    assert {
        k: v if isinstance(v, (str, int, bool, list, type(None))) else str(v) for k, v in theirs.items()
    } == ours.data
    # ...but never for the body, which it strips:
    assert frontmatter.loads(text).content == ours.parts.body.strip()


@pytest.mark.parametrize("size", [0, 1, 65_535, 65_536, 200_001])
def test_read_raw_returns_every_byte_whatever_the_size(tmp_path, size: int) -> None:
    path = tmp_path / "doc.md"
    content = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path.write_bytes(content)
    assert read_raw(path, max_bytes=size).raw == content  # exactly the limit is allowed
    if size:
        assert read_raw(path, max_bytes=size - 1).problem.kind == "too-large"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n\r", max_size=20), st.integers(0, 21), st.integers(-1, 21))
def test_span_on_one_line_equals_the_two_positions(text: str, start: int, end: int) -> None:
    doc = Document("a.md", text)
    start, end = min(start, len(text)), min(end, len(text))
    line, column = doc.position(start)
    expected = Span(line, column, *doc.position(end)) if end > start else Span(line, column, line, column + 1)
    assert doc.span(start, end) == expected
    assert type(doc.span(start, end)) is Span


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab\n\r", max_size=30),
    st.lists(st.tuples(st.integers(0, 31), st.none() | st.integers(-1, 31)), max_size=16),
)
def test_spans_are_the_lines_and_columns_counted_in_the_text(text: str, pairs: list) -> None:
    doc = Document("a.md", text)

    def counted(offset: int) -> tuple[int, int]:  # 1-based, lines split at line feeds only
        return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)

    for start, end in pairs:  # in any order
        start, end = min(start, len(text)), end if end is None else min(end, len(text))
        line, column = counted(start)
        if end is None or end <= start:
            assert doc.span(start, end) == Span(line, column, line, column + 1)
        else:
            assert doc.span(start, end) == Span(line, column, *counted(end))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n\r\u2028é", max_size=30))
def test_line_starts_are_the_offsets_after_each_line_feed(text: str) -> None:
    lengths = [len(line) + 1 for line in text.split("\n")[:-1]]
    assert list(Document("a.md", text).line_starts) == [sum(lengths[:index]) for index in range(len(lengths) + 1)]
