"""A document as read from disk: exact text, lossless front-matter split, positions.

Every later stage works on offsets into ``Document.text`` (the whole decoded file,
BOM included), so that rules report positions and the fixer edits spans without
ever regenerating bytes it was not asked to change.

We split the front matter ourselves rather than with python-frontmatter: its
``loads`` strips the text and the body, its boundary regex swallows blank lines,
and it misses front matter closed by ``...`` (measured in docs/design.md).
"""

from __future__ import annotations

import bisect
import errno
import os
import re
import stat
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from methlint.diagnostics import Span
from methlint.i18n import _

if TYPE_CHECKING:
    from methlint.front_matter import FrontMatter, Limits

BOM = "\ufeff"
_LINE_FEED = re.compile("\n")  # Document.line_starts splits lines at "\n" only
_MATCH_END = re.Match.end
# Jekyll: File#readline matches %r!\A---\s*\r?\n! ; the closing line is ---  or ...
# A lone CR does not open front matter for Jekyll, so it does not for us either.
_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\r|\Z)", re.MULTILINE)


@dataclass(frozen=True)
class Split:
    """``text == bom + opening + yaml + closing + body`` always holds."""

    bom: str
    opening: str
    yaml: str
    closing: str
    body: str

    def join(self) -> str:
        return self.bom + self.opening + self.yaml + self.closing + self.body

    @property
    def yaml_offset(self) -> int:
        return len(self.bom) + len(self.opening)

    @property
    def body_offset(self) -> int:
        return self.yaml_offset + len(self.yaml) + len(self.closing)


class SplitStatus:
    OK = "ok"
    MISSING = "missing"  # the file does not start with ---
    UNCLOSED = "unclosed"  # --- never closed


def split(text: str) -> tuple[str, Split | None]:
    """Split like Jekyll does, but keep every character (BOM and line endings included)."""
    bom = BOM if text.startswith(BOM) else ""
    opening = _OPENING.match(text, len(bom))
    if opening is None:
        return SplitStatus.MISSING, None
    yaml_start = opening.end()
    closing = _CLOSING.search(text, yaml_start)
    if closing is None:
        return SplitStatus.UNCLOSED, None
    return SplitStatus.OK, Split(
        bom=bom,
        opening=opening.group(0),
        yaml=text[yaml_start : closing.start()],
        closing=closing.group(0),
        body=text[closing.end() :],
    )


@dataclass(frozen=True)
class DecodeProblem:
    byte_offset: int
    line: int
    column: int
    kind: str  # "utf-16", "binary" or "legacy" (Latin-1, Windows-1252…)


def decode(raw: bytes) -> tuple[str | None, DecodeProblem | None]:
    """Strict UTF-8; otherwise say where and what the bytes look like."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        offset = err.start
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        kind = "utf-16"
    elif b"\x00" in raw[:8000]:
        kind = "binary"
    else:
        kind = "legacy"
    prefix = raw[:offset]
    line = prefix.count(b"\n") + 1
    column = len(prefix[prefix.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return None, DecodeProblem(offset, line, column, kind)


@dataclass(frozen=True)
class LoadProblem:
    """Why a file could not be read as UTF-8 text; its document then has empty text."""

    kind: str  # "unreadable", "unlistable" (a folder), "too-large", "encoding"
    detail: str = ""
    decode: DecodeProblem | None = None


@dataclass(frozen=True)
class Document:
    path: str  # as shown to the user
    text: str  # the whole decoded file, never stripped
    fs_path: Path | None = None
    load_problem: LoadProblem | None = None
    limits: Limits | None = None  # the configured YAML limits; None: the defaults
    split_status: str = field(init=False)
    parts: Split | None = field(init=False)

    def __post_init__(self) -> None:
        status, parts = split(self.text)
        object.__setattr__(self, "split_status", status)
        object.__setattr__(self, "parts", parts)

    @cached_property
    def line_starts(self) -> array[int]:
        """Offset of each line's first character; an int array (a 1 MB file of newlines:
        8 MB instead of 36 MB as a list), built without a Python-level loop: from the ends of
        the line feeds' matches, which costs a third less than splitting the text into lines
        and adding up their lengths."""
        return array("q", [0, *map(_MATCH_END, _LINE_FEED.finditer(self.text))])

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def span(self, start: int, end: int | None = None) -> Span:
        """The span of ``text[start:end]``; one character when ``end`` is None or not after ``start``."""
        line, column = self.position(start)
        if end is None or end <= start:
            return Span(line, column, line, column + 1)
        return Span(line, column, *self.position(end))

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @cached_property
    def front_matter(self) -> FrontMatter | None:
        if self.parts is None:
            return None
        from methlint.front_matter import DEFAULT_LIMITS, parse

        return parse(self.parts.yaml, self.parts.yaml_offset, self.limits or DEFAULT_LIMITS)

    @property
    def data(self) -> object:
        fm = self.front_matter
        return None if fm is None else fm.data


DEFAULT_MAX_BYTES = 1_000_000


def _read_at_most(descriptor: int, size: int, expected: int) -> bytes:
    """Up to ``size`` bytes. ``os.read`` allocates the whole request up front, so the first
    read asks for the size the file had (one byte more, to see it grew) and the next ones for
    small chunks: a 1 MB request per file cost more than reading a whole corpus."""
    chunks: list[bytes] = []
    remaining = size
    request = expected + 1
    while remaining > 0:
        chunk = os.read(descriptor, min(remaining, request))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
        request = 1 << 16
    return b"".join(chunks)


def _escapes(fs_path: Path, root: Path) -> bool:
    """Whether a symbolic link on the way makes ``fs_path`` land outside ``root``."""
    real = os.path.realpath(fs_path)
    if real == os.path.abspath(fs_path):
        return False  # no link involved: the user named this file
    return os.path.commonpath([real, os.path.realpath(root)]) != os.path.realpath(root)


@dataclass(frozen=True)
class RawFile:
    """A file's bytes as read once, or why they could not be read."""

    raw: bytes | None
    mtime_ns: int | None
    problem: LoadProblem | None


def _open_regular(fs_path: Path | str, root: Path | None) -> tuple[int, os.stat_result] | LoadProblem:
    """An open descriptor on a regular file and its status, or why there is none.

    Never blocks: a FIFO, a terminal or a device named like a document is refused after an
    open that does not wait (``O_NONBLOCK``), before anything is read from it.
    """
    # O_NOFOLLOW: a link is only followed after checking where it leads (folders walked by
    # discovery are never links: os.walk does not follow them).
    flags = os.O_RDONLY | os.O_NONBLOCK
    try:
        try:
            descriptor = os.open(fs_path, flags | (getattr(os, "O_NOFOLLOW", 0) if root is not None else 0))
        except OSError as err:
            if root is None or err.errno != errno.ELOOP or not os.path.islink(fs_path):
                raise
            if _escapes(Path(fs_path), root):
                return LoadProblem("unreadable", _("it is a symbolic link to outside the site"))
            descriptor = os.open(fs_path, flags)
        status = os.fstat(descriptor)
    except OSError as err:
        reason = err.strerror or str(err)
        return LoadProblem("unlistable" if os.path.isdir(fs_path) else "unreadable", reason)
    if stat.S_ISREG(status.st_mode):
        return descriptor, status
    os.close(descriptor)
    if stat.S_ISDIR(status.st_mode):
        return LoadProblem("unreadable", _("it is a folder, not a file"))
    return LoadProblem("unreadable", _("it is not a regular file"))


def read_raw(fs_path: Path, max_bytes: int = DEFAULT_MAX_BYTES, root: Path | None = None) -> RawFile:
    """At most ``max_bytes`` bytes of a regular file; never an exception, never a hang.

    With ``root``, a symbolic link leading outside it is not followed: a pull request could
    otherwise make methlint read (and quote in its messages) any file of the machine.
    """
    opened = _open_regular(fs_path, root)
    if isinstance(opened, LoadProblem):
        return RawFile(None, None, opened)
    descriptor, status = opened
    try:
        raw = _read_at_most(descriptor, max_bytes + 1, status.st_size)
    except OSError as err:
        return RawFile(None, None, LoadProblem("unreadable", err.strerror or str(err)))
    finally:
        os.close(descriptor)
    if len(raw) > max_bytes:
        return RawFile(None, None, LoadProblem("too-large", str(max_bytes)))
    return RawFile(raw, status.st_mtime_ns, None)


def read_head(fs_path: Path | str, size: int, root: Path | None = None) -> bytes | None:
    """The first ``size`` bytes of a regular file; None for anything else (a link out of
    ``root`` included), without ever blocking on a FIFO or a terminal."""
    opened = _open_regular(fs_path, root)
    if isinstance(opened, LoadProblem):
        return None
    descriptor, status = opened
    try:
        return _read_at_most(descriptor, size, min(status.st_size, size))
    except OSError:
        return None
    finally:
        os.close(descriptor)


def document_from(read: RawFile, fs_path: Path, display: str, limits: Limits | None = None) -> Document:
    if read.problem is not None:
        return Document(display, "", fs_path, read.problem)
    assert read.raw is not None  # read without a problem
    text, problem = decode(read.raw)
    if text is None:
        return Document(display, "", fs_path, LoadProblem("encoding", decode=problem))
    return Document(display, text, fs_path, limits=limits)


def read_document(
    fs_path: Path,
    display: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    root: Path | None = None,
    limits: Limits | None = None,
) -> Document:
    """Read a file into a Document; any failure becomes a ``load_problem``, never an exception."""
    return document_from(read_raw(fs_path, max_bytes, root), fs_path, display, limits)
