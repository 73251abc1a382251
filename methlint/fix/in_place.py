"""Changing a scalar's value by editing inside its text, so the rest of its spelling survives.

A title renamed in a usage document keeps how the editor wrote it: ``\\u00e9`` escapes, two
spaces, a line break inside a plain or quoted value. The value's characters are matched to
the source characters that spell them; the characters that change are rewritten where they
stand, in the scalar's own quoting, and nothing else is.
"""

from __future__ import annotations

import difflib
import functools
import re

import yaml

from methlint.diagnostics import Edit
from methlint.front_matter import JekyllLoader
from methlint.yaml_text import DOUBLE, SINGLE, double_quoted

# a double-quoted escape: a named one, \x, \u, \U, or a backslash before a line break
_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|\r\n|.)", re.DOTALL)
# blanks, a line break and what follows it up to the next line's text: YAML folds it
_FOLD = re.compile(r"[ \t]*(?:\r\n|[\r\n\x85\u2028\u2029])(?:[ \t]*(?:\r\n|[\r\n\x85\u2028\u2029]))*[ \t]*")
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_INDENTATION = re.compile(r"[ \t]*")

# value character -> (source start, source end, may be rewritten): a fold's line breaks never are
Spelling = list[tuple[int, int, bool]]


@functools.cache
def _decoded(escape: str) -> str | None:
    """What a double-quoted escape stands for, as YAML reads it."""
    try:
        value = yaml.load('"' + escape + '"', Loader=JekyllLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None
    return value if isinstance(value, str) else None


def _spelling(body: str, style: str, offset: int) -> tuple[str, Spelling] | None:
    """The value a scalar's text (without its quotes) spells, and where each character comes from."""
    value: list[str] = []
    spelling: Spelling = []
    index = 0
    while index < len(body):
        fold = _FOLD.match(body, index)
        if fold and _BREAK.search(fold.group(0)):
            breaks = len(_BREAK.findall(fold.group(0)))
            folded = "\n" * (breaks - 1) if breaks > 1 else " "
            value.append(folded)
            spelling += [(offset + index, offset + fold.end(), False)] * len(folded)  # a line break: kept
            index = fold.end()
        elif style == DOUBLE and body[index] == "\\":
            escape = _ESCAPE.match(body, index)
            if escape is None:
                return None
            end = escape.end()
            if _BREAK.fullmatch(escape.group(0)[1:]):  # an escaped line break: it and the next indentation vanish
                end = _INDENTATION.match(body, end).end()  # type: ignore[union-attr]  # matches the empty string
            decoded = _decoded(body[index:end])
            if decoded is None:
                return None
            value.append(decoded)
            spelling += [(offset + index, offset + end, True)] * len(decoded)
            index = end
        elif style == SINGLE and body.startswith("''", index):
            value.append("'")
            spelling.append((offset + index, offset + index + 2, True))
            index += 2
        else:
            value.append(body[index])
            spelling.append((offset + index, offset + index + 1, True))
            index += 1
    return "".join(value), spelling


def _escape(text: str, style: str) -> str:
    if style == SINGLE:
        return text.replace("'", "''")
    if style == DOUBLE:
        return double_quoted(text)[1:-1]
    return text


def value_edits(token: str, style: str, start: int, old: str, new: str) -> list[Edit] | None:
    """Edits turning the scalar ``token`` (its text at file offset ``start``, quotes included)
    from ``old`` into ``new``, touching only the characters that change; None if a change falls
    on an escape, a fold or a doubled quote (then the whole token must be written again)."""
    quote = 1 if style in (SINGLE, DOUBLE) else 0
    spelled = _spelling(token[quote : len(token) - quote], style, start + quote)
    if spelled is None or spelled[0] != old:
        return None
    _value, spelling = spelled
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        replacement = _escape(new[j1:j2], style)
        if i1 < i2:
            first, last = spelling[i1], spelling[i2 - 1]
            splits = (i1 > 0 and spelling[i1 - 1][0] == first[0]) or (i2 < len(spelling) and spelling[i2][1] == last[1])
            if splits or not all(editable for _s, _e, editable in spelling[i1:i2]):
                return None  # half of an escape that spells two characters, or a line break
            edits.append(Edit(first[0], last[1], replacement))
        else:
            at = spelling[i1 - 1][1] if i1 > 0 else spelling[0][0] if spelling else start + quote
            edits.append(Edit(at, at, replacement))
    return edits
