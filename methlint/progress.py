"""A progress counter on stderr for long runs in a terminal; silent on pipes and in CI."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from typing import TextIO, TypeVar

from methlint.i18n import _

T = TypeVar("T")
THRESHOLD = 300  # below this a run takes about a second: a counter would only flicker


def wants_progress(count: int, stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    return count > THRESHOLD and stream.isatty() and not environ.get("CI")


class Counter:
    """``checked i/n files`` on one line, redrawn about a hundred times, erased at the end."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream, self.done = total, stream, 0
        self.step = max(1, total // 100)

    def advance(self, count: int = 1) -> None:
        before, self.done = self.done, self.done + count
        if before // self.step != self.done // self.step or self.done == self.total:
            self.stream.write("\r" + _("checked {done}/{total} files").format(done=self.done, total=self.total))
            self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\033[K")  # erase the counter so the summary starts on a clean line
        self.stream.flush()


def counter(total: int, stream: TextIO, environ: Mapping[str, str] | None = None) -> Counter | None:
    """A counter for a long run in a terminal, or None (pipes, CI, short runs)."""
    return Counter(total, stream) if wants_progress(total, stream, environ) else None


def with_progress(items: Sequence[T], stream: TextIO, environ: Mapping[str, str] | None = None) -> Iterator[T]:
    """Yield ``items`` while a counter shows how many were handed out."""
    shown = counter(len(items), stream, environ)
    if shown is None:
        yield from items
        return
    for item in items:
        yield item
        shown.advance()
    shown.close()
