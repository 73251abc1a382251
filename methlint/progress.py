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


def with_progress(items: Sequence[T], stream: TextIO, environ: Mapping[str, str] | None = None) -> Iterator[T]:
    """Yield ``items``, redrawing ``checked i/n files`` about a hundred times, then erase it."""
    if not wants_progress(len(items), stream, environ):
        yield from items
        return
    total = len(items)
    step = max(1, total // 100)
    for done, item in enumerate(items, start=1):
        yield item
        if done % step == 0 or done == total:
            stream.write("\r" + _("checked {done}/{total} files").format(done=done, total=total))
            stream.flush()
    stream.write("\r\033[K")  # erase the counter so the summary starts on a clean line
    stream.flush()
