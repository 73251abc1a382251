"""Run one input through methlint's whole check pipeline, as read from disk, in memory."""

from __future__ import annotations

from methlint.config import Config
from methlint.document import Document, LoadProblem, decode
from methlint.linter import enabled_rules, lint_documents

CONFIG = Config()
RULES = enabled_rules(CONFIG)
# The folder picks the schema: exercise the method, usage and no-schema paths.
DISPLAY_PATHS = ("_outil/fuzz.md", "_usage/fuzz.md", "autre/fuzz.md")


def document_from_bytes(raw: bytes, display: str) -> Document:
    """What ``read_document`` builds from these bytes (without the file system)."""
    text, problem = decode(raw)
    if text is None:
        return Document(display, "", None, LoadProblem("encoding", decode=problem))
    return Document(display, text)


def check_bytes(raw: bytes) -> None:
    """Raise if any rule fails on ``raw``; exceptions of the pipeline itself propagate."""
    for display in DISPLAY_PATHS:
        result = lint_documents([document_from_bytes(raw, display)], CONFIG, RULES)
        if result.internal_errors:
            raise AssertionError("; ".join(result.internal_errors))
        for diagnostic in result.diagnostics:
            span = diagnostic.span
            backwards = (span.end_line, span.end_column) < (span.line, span.column)
            if span.line < 1 or span.column < 1 or backwards:
                raise AssertionError(f"impossible span {span} for {diagnostic.code}")
