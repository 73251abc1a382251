"""Text from documents and file names, made safe to print: one place for every output.

A value or a file name can hold what a terminal obeys or what a reader misreads: escape
sequences (``\\x1b]0;title\\x07``, ``\\x1b[2J``), a newline that forges a ``path:1:1: CODE``
line, a right-to-left override that shows ``txt.md`` for ``dm.txt``. Messages and paths are
built with :func:`printable` (the linter's messages, the display paths of discovery), so
every format prints the escaped text; :func:`protect_streams` keeps a stream that cannot
encode a character (``PYTHONIOENCODING=ascii``) from failing the run.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

# C0 and C1 controls and DEL, the bidirectional controls (marks, embeddings, overrides,
# isolates) and the line and paragraph separators; a tab too (a message is one line)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\u202e``).

    Idempotent, and the identity on ordinary text (the common case costs one search)."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


def protect_streams(*streams: TextIO) -> None:
    """Write what a stream cannot encode as ``\\N``-style escapes instead of failing the run."""
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
