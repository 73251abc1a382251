"""FM010-FM012: files that cannot be read as UTF-8 text are reported, never crash the run."""

from __future__ import annotations

from pathlib import Path

from methlint.config import Config
from methlint.discovery import discover
from methlint.linter import lint_paths


def found(paths: list[Path], config: Config | None = None) -> list[tuple[int, int, str, str]]:
    result = lint_paths(discover(paths, cwd=paths[0].parent), config or Config())
    assert result.internal_errors == []
    return [(d.span.line, d.span.column, d.code, d.message) for d in result.diagnostics]


def test_folder_named_like_a_document_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "_outil" / "dossier.md").mkdir(parents=True)
    [(line, column, code, message)] = found([tmp_path / "_outil"])
    assert (line, column, code) == (1, 1, "FM010")
    assert message.startswith("cannot read the file: ")


def test_latin1_file_is_reported_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"---\ntitle: atelier\ndate: " + "été".encode("latin-1") + b"\n---\n")
    [(line, column, code, message)] = found([path])
    assert (line, column, code) == (3, 7, "FM011")
    assert message == "invalid UTF-8 at byte 25 (Latin-1 or Windows-1252?): save the file as UTF-8"


def test_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes("---\ntitle: x\n---\n".encode("utf-16"))
    assert [f[2:] for f in found([path])] == [("FM011", "the file is UTF-16, not UTF-8: save it as UTF-8")]


def test_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: x\n---\n" + "x" * 200, encoding="utf-8")
    assert found([path], Config(max_file_bytes=100)) == [
        (1, 1, "FM012", "the file is larger than 100 bytes: not checked")
    ]


def test_an_unreadable_document_inside_a_site_is_only_reported_as_such(tmp_path: Path) -> None:
    """The site-wide rules (assets, links, layouts…) read nothing from a document without front matter."""
    (tmp_path / "_config.yml").write_text("title: Site\n", encoding="utf-8")
    (tmp_path / "img").mkdir()
    (tmp_path / "_outil").mkdir()
    path = tmp_path / "_outil" / "a.md"
    path.write_bytes(b"---\ntitle: atelier\nimg-bg: " + "été.png".encode("latin-1") + b"\n---\n")
    assert [f[2] for f in found([tmp_path / "_outil"])] == ["FM011"]
