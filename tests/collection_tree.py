"""Small content trees on disk for the collection and reference rule tests."""

from __future__ import annotations

from pathlib import Path

from methlint.config import Config
from methlint.discovery import discover
from methlint.linter import lint_paths


def method(
    title: str = "La conférence de citoyens",
    ordre: int | str = 1,
    categorie: str = "methode",
    **extra: str,
) -> str:
    """A valid method document; ``extra`` replaces or adds top-level lines (raw YAML values)."""
    fields = {
        "title": title,
        "tagline": "Une accroche",
        "categorie": categorie,
        "img-bg": "conference.png",
        "contact": "",
        "contract": "",
        "logo": "",
        "owner": "",
        "access_link": "",
        "url_video_demo": "",
        "vignette_video_demo": "",
        "date": "'2017-04-04T15:57:58.478+00:00'",
        "priorites": "\n- Une priorité",
        "qualites": "\n- Une qualité",
        "atouts": "\n- Un atout",
        "inconvenients": "\n- Un inconvénient",
        "layout": categorie,
        "default_logo": "''",
        "ordre": str(ordre),
    }
    fields.update({key.replace("_dash_", "-"): value for key, value in extra.items()})
    lines = [f"{key}:{'' if value.startswith(chr(10)) or value == '' else ' '}{value}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\nCorps.\n"


def usage(methodes: str = "", outil: str = "", **extra: str) -> str:
    fields = {
        "title": "Atelier sur la prévention",
        "link": "''",
        "description": "Une mission",
        "organisateur": "Une mission",
        "outil": outil,
        "methodes": methodes,
        "screenshot": "assembl-bg.jpg",
        "date": "2019-01-15 09:29:08 +0000",
        "in_progress": "true",
    }
    fields.update({key.replace("_dash_", "-"): value for key, value in extra.items()})
    lines = [f"{key}:{'' if value.startswith(chr(10)) or value == '' else ' '}{value}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\nCorps.\n"


def make_site(root: Path, files: dict[str, str | bytes], config: bool = True) -> Path:
    """Write ``files`` (relative path -> content) under ``root``, with a ``_config.yml``."""
    if config:
        (root / "_config.yml").write_text("title: Site\n", encoding="utf-8")
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def check(root: Path, *paths: str, select: tuple[str, ...]) -> list[tuple[str, int, int, str]]:
    """(path, line, column, code) of each finding; run from ``root`` (use monkeypatch.chdir)."""
    targets = discover([root / p for p in paths], cwd=root)
    result = lint_paths(targets, Config(select=select))
    assert result.internal_errors == []
    return [(d.path, d.span.line, d.span.column, d.code) for d in result.diagnostics]


def messages(root: Path, *paths: str, select: tuple[str, ...]) -> list[str]:
    result = lint_paths(discover([root / p for p in paths], cwd=root), Config(select=select))
    return [d.message for d in result.diagnostics]
