"""Text from the documents made safe to print.

Paths and messages quote what the documents hold, and a document (or its file name) may hold
anything: a terminal escape sequence that rewrites the screen, a newline that forges another
``path:line:col: CODE`` line or workflow command, a character XML 1.0 cannot carry, or a byte that
is not UTF-8 (a file name read with ``surrogateescape``) and would make the output stream raise.
Every output shows such characters as visible escapes instead; the JSON format, a machine contract,
keeps them losslessly (:func:`json_text`).
"""

from __future__ import annotations

import json
import re

# C0 and C1 controls and DEL; the line and paragraph separators (U+0085 is C1); the bidirectional
# embeddings, overrides and isolates that reorder what a terminal shows ("Trojan Source");
# surrogates, which no UTF-8 stream can write; U+FFFE and U+FFFF, which XML 1.0 forbids.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# the same less the C0 controls, which the json module already escapes (and whose newline and
# spaces indent the document)
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    point = ord(char)
    if 0xDC80 <= point <= 0xDCFF:  # surrogateescape: the undecodable byte of a file name, shown as that byte
        return f"\\x{point - 0xDC00:02x}"
    if point <= 0xFF:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}"


def displayable(text: str) -> str:
    """``text`` with every unsafe character written as a visible escape (``\\x1b``, ``\\n``, ``\\u202e``).

    The same object comes back when there is nothing to escape, as it nearly always is.
    """
    # a printable string has no control, format (the bidi controls), separator other than the
    # space, surrogate or noncharacter: nothing to escape, found 4 times faster than by the regex
    if text.isprintable():
        return text
    return _UNSAFE.sub(_escape, text)


def json_text(value: object, indent: int | None = 2) -> str:
    """``value`` as JSON: text as is, except the unsafe characters, written as ``\\uXXXX`` escapes.

    It reads back to the same Python strings (a file name's undecodable byte is ``\\udcXX``), any
    UTF-8 stream can write it, and printed on a terminal it shows what it holds.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
