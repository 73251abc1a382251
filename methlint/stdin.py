"""A document given on standard input (``methlint check -`` / ``fix -`` with ``--stdin-filename``):
checked and fixed as if it were the file of that name, which need not exist. Its configuration,
collection, schema and sibling documents are those of that name; the file on disk, if any, is
neither read nor written."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from methlint.collection import Collection
from methlint.config import Config
from methlint.document import Document, LoadProblem, RawFile, document_from
from methlint.fix.loop import fix_document
from methlint.fix.outcome import FileOutcome
from methlint.linter import Result, enabled_rules, lint_documents


def read_stdin(stream: BinaryIO, name: Path, display: str, config: Config) -> tuple[Document, bytes]:
    """The document standard input holds (its size limited as a file's is), and its bytes."""
    raw = stream.read(config.max_file_bytes + 1)
    if len(raw) > config.max_file_bytes:
        read = RawFile(None, None, LoadProblem("too-large", str(config.max_file_bytes)))
    else:
        read = RawFile(raw, None, None)
    return document_from(read, name, display, config.limits), raw


def lint_stdin(doc: Document, config: Config) -> Result:
    """The findings of ``doc`` among its siblings on disk (the cross-file rules never compare a
    document with the file of its own path)."""
    return lint_documents([doc], config, enabled_rules(config), Collection(config), label_fixes=True)


def fix_stdin(doc: Document, config: Config) -> FileOutcome:
    """The safe fixes (a title's unsafe rename would need the other documents written)."""
    return fix_document(doc, config, enabled_rules(config), False, Collection(config))
