"""Progress on stderr: only for long runs, only on a terminal, never in CI."""

from __future__ import annotations

import io

from methlint.progress import THRESHOLD, with_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_long_run_on_a_terminal_shows_progress_then_erases_it() -> None:
    stream = Terminal()
    items = list(range(THRESHOLD + 1))
    assert list(with_progress(items, stream, environ={})) == items
    shown = stream.getvalue()
    assert "\rchecked 3/301 files" in shown
    assert shown.endswith("\rchecked 301/301 files\r\033[K")
    assert shown.count("\r") <= 2 * 101 + 1  # about a hundred redraws, not one per file


def test_short_runs_pipes_and_ci_stay_silent() -> None:
    many = list(range(THRESHOLD + 1))
    few = list(range(THRESHOLD))
    for items, stream, environ in [
        (few, Terminal(), {}),
        (many, io.StringIO(), {}),
        (many, Terminal(), {"CI": "true"}),
    ]:
        assert list(with_progress(items, stream, environ)) == items
        assert stream.getvalue() == ""
