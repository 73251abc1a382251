"""A bounded reader of Liquid templates: their tags and outputs, and the variables they name.

It never renders. It cuts a template into text, ``{{ output }}`` and ``{% tag %}``
segments as Liquid's tokenizer does (the first ``}}`` or ``%}`` closes; ``{{-`` and
``-%}`` trim whitespace; ``{% raw %}`` is text; ``{% comment %}`` blocks, nested or not,
and ``{% # … %}`` are skipped; ``{% liquid %}`` holds one tag per line), then reads the
expressions of a segment: variable lookups (``page.img-bg``, ``page["x"]``, ``detail
.content``), literals and filters with their arguments, each with its offset in the
template.

Every scan moves forward only: an unclosed ``{{`` stops the reading there (a problem is
recorded), since no later delimiter could close it either. Hostile templates (huge,
binary, unbalanced) cost time in proportion to their size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

_OPENING = re.compile(r"\{\{|\{%")
_COMMENT_TAG = re.compile(r"\{%-?[ \t\r\n]*(comment|endcomment)[ \t\r\n]*-?%\}")
_END_RAW = re.compile(r"\{%-?[ \t\r\n]*endraw[ \t\r\n]*-?%\}")
_TAG_NAME = re.compile(r"[ \t\r\n]*(#|[A-Za-z_]\w*)")


@dataclass(frozen=True)
class Segment:
    """A piece of a template. ``markup`` is what a tag or an output holds between its
    delimiters (trim dashes excluded); ``markup_start`` is its offset in the template."""

    kind: str  # "text", "output" or "tag"
    start: int
    end: int
    markup: str = ""
    markup_start: int = 0
    name: str = ""  # a tag's name ("if", "for", "include"…); "liquid" for an output inside {% liquid %}


@dataclass
class Scan:
    segments: list[Segment] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (offset, message)


def scan(text: str, offset: int = 0) -> Scan:
    """The segments of a template from ``offset`` (past its front matter), and what could not be read."""
    found = Scan()
    position = offset
    while (opening := _OPENING.search(text, position)) is not None:
        start = opening.start()
        if start > position:
            found.segments.append(Segment("text", position, start))
        is_output = opening.group() == "{{"
        close = text.find("}}" if is_output else "%}", start + 2)
        if close == -1:
            found.problems.append((start, "unclosed '{{'" if is_output else "unclosed '{%'"))
            found.segments.append(Segment("text", start, len(text)))
            return found
        end = close + 2
        markup_start, markup_end = start + 2, close
        if text.startswith("-", markup_start):
            markup_start += 1
        if markup_end > markup_start and text[markup_end - 1] == "-":
            markup_end -= 1
        markup = text[markup_start:markup_end]
        if is_output:
            found.segments.append(Segment("output", start, end, markup, markup_start))
            position = end
            continue
        name_match = _TAG_NAME.match(markup)
        name = name_match.group(1) if name_match else ""
        if name == "raw":
            position = _raw(text, start, end, found)
        elif name == "comment":
            position = _skip_comment(text, start, end, found)
        elif name == "#":
            position = end
        elif name == "liquid" and name_match is not None:
            body = markup[name_match.end() :]
            found.segments.extend(_liquid_lines(body, markup_start + name_match.end(), start, end))
            position = end
        else:
            found.segments.append(Segment("tag", start, end, markup, markup_start, name))
            position = end
    if position < len(text):
        found.segments.append(Segment("text", position, len(text)))
    return found


def _raw(text: str, start: int, end: int, found: Scan) -> int:
    """``{% raw %}…{% endraw %}``: what is between is text, Liquid or not."""
    closing = _END_RAW.search(text, end)
    if closing is None:
        found.problems.append((start, "'{% raw %}' without '{% endraw %}'"))
        found.segments.append(Segment("text", end, len(text)))
        return len(text)
    if closing.start() > end:
        found.segments.append(Segment("text", end, closing.start()))
    return closing.end()


def _skip_comment(text: str, start: int, end: int, found: Scan) -> int:
    """Past the ``{% endcomment %}`` that closes this comment (comments nest, as in Liquid)."""
    depth = 1
    for tag in _COMMENT_TAG.finditer(text, end):
        depth += 1 if tag.group(1) == "comment" else -1
        if depth == 0:
            return tag.end()
    found.problems.append((start, "'{% comment %}' without '{% endcomment %}'"))
    return len(text)


def _liquid_lines(body: str, offset: int, start: int, end: int) -> Iterator[Segment]:
    """``{% liquid %}``: each line is a tag without delimiters; ``echo x`` is an output.

    ``body`` follows the word ``liquid``; ``offset`` is its offset in the template."""
    for line in re.finditer(r"[^\r\n]+", body):
        text = line.group()
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        line_offset = offset + line.start() + len(text) - len(text.lstrip())
        name_match = _TAG_NAME.match(stripped)
        name = name_match.group(1) if name_match else ""
        if name == "echo":
            yield Segment("output", start, end, stripped[4:], line_offset + 4, "liquid")
        else:
            yield Segment("tag", start, end, stripped, line_offset, name)


# --- expressions ----------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<string>"[^"]*"|'[^']*')
    | (?P<number>-?\d+(?:\.\d+)?)
    | (?P<id>[A-Za-z_][\w-]*\??)
    | (?P<range>\.\.)
    | (?P<punct>==|!=|<>|<=|>=|[.\[\]|:,()<>=])
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
KEYWORDS = frozenset("and or contains true false nil null empty blank in reversed with for as".split())


class Token(NamedTuple):  # a named tuple: a template holds hundreds of thousands of them
    kind: str  # "string", "number", "id", "range", "punct" or "other"
    text: str
    start: int  # offset in the template


def tokens(markup: str, offset: int) -> list[Token]:
    """The tokens of an expression; ``offset`` is the template offset of ``markup[0]``."""
    found = []
    for match in _TOKEN.finditer(markup):
        kind = match.lastgroup or "other"
        if kind != "space":
            found.append(Token(kind, match.group(), offset + match.start()))
    return found


@dataclass(frozen=True)
class Lookup:
    """A variable and the keys read from it: ``page["img-bg"]`` is ``page`` and ``("img-bg",)``.

    ``cut`` is True when a key could not be known (``page[name]``): ``keys`` stop before it.
    """

    root: str
    keys: tuple[str, ...]
    start: int
    end: int
    cut: bool = False


@dataclass(frozen=True)
class Literal:
    text: str  # a string literal without its quotes, or a number, true, nil…
    start: int
    is_string: bool


Value = Lookup | Literal


@dataclass(frozen=True)
class Filter:
    name: str
    args: tuple[Value, ...]
    start: int


@dataclass(frozen=True)
class Pipeline:
    """``head | filter: args | filter``; ``inner`` holds lookups found inside brackets or
    ranges, which are read but are not the value."""

    head: Value | None
    filters: tuple[Filter, ...]
    inner: tuple[Lookup, ...] = ()


class ValueReader:
    """Reads values from a token list, left to right."""

    def __init__(self, found: list[Token]) -> None:
        self.tokens = found
        self.index = 0
        self.inner: list[Lookup] = []

    def peek(self, ahead: int = 0) -> Token | None:
        index = self.index + ahead
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def at(self, text: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token is not None and token.kind == "punct" and token.text == text

    def at_parameter_name(self) -> bool:
        """``limit:``, ``where:``: a word followed by a colon names a parameter or a filter."""
        token = self.peek()
        return token is not None and token.kind == "id" and self.at(":", 1)

    def value(self) -> Value | None:
        token = self.peek()
        if token is None:
            return None
        if token.kind == "string":
            self.index += 1
            return Literal(token.text[1:-1], token.start, True)
        if token.kind == "number" or (token.kind == "id" and token.text in KEYWORDS):
            self.index += 1
            return Literal(token.text, token.start, False)
        if token.kind == "id":
            return self.lookup()
        if token.kind == "punct" and token.text == "(":
            self.range()
            return None
        if token.kind == "punct" and token.text == "[":
            return self.lookup()  # [“x”] alone: a variable named by a string
        self.index += 1
        return None

    def lookup(self) -> Lookup:
        first = self.tokens[self.index]
        root = first.text
        if first.kind == "punct":  # ["name"]
            root = ""
        else:
            self.index += 1
        keys: list[str] = []
        end = first.start + len(first.text)
        cut = False
        while (token := self.peek()) is not None:
            if token.kind == "punct" and token.text == ".":
                name = self.peek(1)
                if name is None or name.kind != "id":
                    break
                self.index += 2
                if not cut:
                    keys.append(name.text)
                end = name.start + len(name.text)
            elif token.kind == "punct" and token.text == "[":
                self.index += 1
                inside = self.value()
                if isinstance(inside, Lookup):
                    self.inner.append(inside)
                closing = self.peek()
                if closing is not None and closing.kind == "punct" and closing.text == "]":
                    self.index += 1
                    end = closing.start + 1
                if isinstance(inside, Literal) and inside.is_string and not cut:
                    if root:
                        keys.append(inside.text)
                    else:
                        root = inside.text
                else:
                    cut = True
            else:
                break
        return Lookup(root, tuple(keys), first.start, end, cut)

    def range(self) -> None:
        """``(a..b)``: the bounds are read (their lookups go to ``inner``), the range is no value."""
        self.index += 1
        while (token := self.peek()) is not None and not (token.kind == "punct" and token.text == ")"):
            found = self.value()
            if isinstance(found, Lookup):
                self.inner.append(found)
        self.index += 1


def pipeline(markup: str, offset: int) -> Pipeline:
    """``head | f: a, b | g`` as its parts."""
    reader = ValueReader(tokens(markup, offset))
    head = reader.value()
    filters: list[Filter] = []
    while reader.peek() is not None:
        if not reader.at("|"):
            reader.index += 1  # stray tokens: Liquid's lax mode ignores them too
            continue
        reader.index += 1
        name = reader.peek()
        if name is None or name.kind != "id":
            continue
        reader.index += 1
        args: list[Value] = []
        if reader.at(":"):
            reader.index += 1
            while reader.peek() is not None and not reader.at("|"):
                if reader.at_parameter_name():
                    reader.index += 2  # a named argument: its name is no variable
                    continue
                if reader.at(","):
                    reader.index += 1
                    continue
                found = reader.value()
                if found is not None:
                    args.append(found)
        filters.append(Filter(name.text, tuple(args), name.start))
    return Pipeline(head, tuple(filters), tuple(reader.inner))


def lookups(markup: str, offset: int) -> list[Lookup]:
    """Every variable a tag's markup reads (conditions, loop bounds, arguments), in order."""
    reader = ValueReader(tokens(markup, offset))
    found: list[Lookup] = []
    while (token := reader.peek()) is not None:
        if reader.at_parameter_name():
            reader.index += 2  # limit: 3, where: … the name of a parameter or filter
            continue
        if token.kind == "id" and reader.at("|", -1):
            reader.index += 1  # a filter's name
            continue
        value = reader.value()
        if isinstance(value, Lookup):
            found.append(value)
    found.extend(reader.inner)
    return sorted(found, key=lambda lookup: lookup.start)
