"""A click test runner that keeps stdout and stderr apart on every click the project allows.

click 8.2 keeps them apart by default and removed ``mix_stderr``; click 8.1 mixes them
unless told not to. The tests read the two streams apart, as a user's shell does.
"""

from __future__ import annotations

import inspect

from click.testing import CliRunner

_MIXES_BY_DEFAULT = "mix_stderr" in inspect.signature(CliRunner.__init__).parameters


def cli_runner() -> CliRunner:
    return CliRunner(mix_stderr=False) if _MIXES_BY_DEFAULT else CliRunner()
