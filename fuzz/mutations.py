"""Byte-level mutations of method documents, shared by the hypothesis test and the long run.

A mutation is a small tuple (kind, position, payload) so that hypothesis can shrink a
crashing input to the fewest, simplest edits; positions wrap around the input's length.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent

# Characters and snippets that change how YAML or the front-matter split reads a line.
SIGNIFICANT = [
    ":",
    "-",
    "#",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    "&",
    "*",
    "!",
    "|",
    ">",
    "%",
    "@",
    "?",
    ",",
    "\t",
    "\r",
    "\n",
    "\ufeff",
    "\x00",
    "\x07",
    "\u2028",
    "\x85",
    "\x1b]0;t\x07",  # a terminal's escape sequence, the right-to-left override: output must escape them
    "\u202e",
    '"\\e[2J\\u202e"',  # the same through YAML's double-quoted escapes
    "é",
    "e\u0301",
    ": ",
    "- ",
    "---\n",
    "...\n",
    "&a ",
    "*a",
    "!!int ",
    "!!python/object:x ",
    "<<: ",
    "? ",
    "\n  ",
    "\n- ",
    "\n\t",
    "\r\n",
    "\xff",
    "\xe9",
]
KINDS = ("flip", "insert", "duplicate-line", "delete-line", "truncate", "replace-byte")

Mutation = tuple[str, int, int]  # (kind, position, payload: a bit, a SIGNIFICANT index or a byte)


def corpus(extra: list[Path] | None = None) -> list[bytes]:
    """The seeds: fuzz/seeds, every bad fixture, and any extra files or folders given."""
    paths = sorted((HERE / "seeds").glob("*.md"))
    paths += sorted((ROOT / "tests" / "fixtures" / "bad").glob("*.md"))
    for item in extra or []:
        paths += sorted(item.rglob("*")) if item.is_dir() else [item]
    return [p.read_bytes() for p in paths if p.is_file()]


def _line_bounds(data: bytes, position: int) -> tuple[int, int]:
    start = data.rfind(b"\n", 0, position) + 1
    end = data.find(b"\n", position)
    return start, len(data) if end == -1 else end + 1


def apply(data: bytes, mutation: Mutation) -> bytes:
    kind, position, payload = mutation
    position %= len(data) + 1
    if kind == "insert":
        token = SIGNIFICANT[payload % len(SIGNIFICANT)]
        encoded = token.encode("latin-1") if token in ("\xff", "\xe9") else token.encode("utf-8")
        return data[:position] + encoded + data[position:]
    if kind == "truncate":
        return data[:position]
    if not data:
        return data
    position = min(position, len(data) - 1)
    if kind == "flip":
        flipped = data[position] ^ (1 << (payload % 8))
        return data[:position] + bytes([flipped]) + data[position + 1 :]
    if kind == "replace-byte":
        return data[:position] + bytes([payload % 256]) + data[position + 1 :]
    start, end = _line_bounds(data, position)
    if kind == "duplicate-line":
        return data[:end] + data[start:end] + data[end:]
    if kind == "delete-line":
        return data[:start] + data[end:]
    raise ValueError(f"unknown mutation {kind!r}")


WORDS = ["a", "b", " ", "title", "ordre", "1"]


def punctuation_document(tokens: list[str]) -> bytes:
    """Front matter made only of YAML punctuation and a few words: finds parser corner cases."""
    return ("---\n" + "".join(tokens) + "\n---\n").encode("utf-8")


def random_tokens(rng: random.Random, most: int = 30) -> list[str]:
    return [rng.choice(SIGNIFICANT + WORDS) for _ in range(rng.randint(0, most))]


def random_mutations(rng: random.Random, most: int = 8) -> list[Mutation]:
    return [(rng.choice(KINDS), rng.randrange(1 << 20), rng.randrange(1 << 16)) for _ in range(rng.randint(1, most))]
