"""Where each value and each key of a JSON text is, for messages about a schema file.

``json.loads`` gives the data without positions; :func:`positions` reads the same text once
more, without recursion (a deeply nested file cannot exhaust the stack), and records the
offset of every value and of every object key by its path (keys and list indices).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]  # public, but not in typeshed

Path = tuple[str | int, ...]

MAX_DEPTH = 256  # nesting recorded at most (paths deeper would cost their length each)
_SPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")


def _after_space(text: str, offset: int) -> int:
    found = _SPACE.match(text, offset)  # always matches: the pattern may be empty
    return found.end() if found is not None else offset


@dataclass
class Positions:
    """Offsets into the text: of each value, and of each key (the opening quote)."""

    text: str
    values: dict[Path, int] = field(default_factory=dict)
    keys: dict[Path, int] = field(default_factory=dict)

    def line_column(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset) + 1
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def of_value(self, path: Path) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of the deepest value above it."""
        for depth in range(len(path), -1, -1):
            if path[:depth] in self.values:
                return self.line_column(self.values[path[:depth]])
        return 1, 1

    def of_key(self, path: Path) -> tuple[int, int]:
        """Line and column of the key naming the value at ``path`` (its value's when it has none)."""
        if path in self.keys:
            return self.line_column(self.keys[path])
        return self.of_value(path)


def positions(text: str) -> Positions:
    """The positions of a text ``json.loads`` accepts (anything else gives what was read)."""
    found = Positions(text)
    # each open container: its path, whether it is an object, the index of its next item
    stack: list[tuple[Path, bool, int]] = []
    offset = _after_space(text, 0)
    path: Path = ()
    while offset < len(text):
        found.values[path] = offset
        char = text[offset]
        if char in "{[":
            inside = _after_space(text, offset + 1)
            if inside < len(text) and text[inside] in "}]":
                offset = inside + 1  # empty: nothing inside to record
            elif len(stack) >= MAX_DEPTH:
                return found
            else:
                stack.append((path, char == "{", 0))
                path, offset = _next_item(text, inside, stack, found)
                continue
        elif char == '"':
            _value, offset = scanstring(text, offset + 1)
        else:
            scalar = _SCALAR.match(text, offset)
            if scalar is None:
                return found
            offset = scalar.end()
        # the value is read: close the containers it ends, then go to the next item
        while stack:
            offset = _after_space(text, offset)
            if offset < len(text) and text[offset] == ",":
                offset = _after_space(text, offset + 1)
                parent, is_object, index = stack.pop()
                stack.append((parent, is_object, index + 1))
                path, offset = _next_item(text, offset, stack, found)
                break
            if offset < len(text) and text[offset] in "}]":
                offset += 1
                stack.pop()
                continue
            return found
        else:
            return found
    return found


def _next_item(text: str, offset: int, stack: list[tuple[Path, bool, int]], found: Positions) -> tuple[Path, int]:
    """The path of the next item of the innermost container, and where its value starts."""
    parent, is_object, index = stack[-1]
    if not is_object:
        return (*parent, index), offset
    if offset >= len(text) or text[offset] != '"':
        return parent, len(text)
    key, after = scanstring(text, offset + 1)
    path = (*parent, key)
    found.keys[path] = offset
    colon = _after_space(text, after)
    return path, _after_space(text, colon + 1)
