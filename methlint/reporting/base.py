"""What every reporter is given and shares: the streams, the options, the rules' metadata."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TextIO

from methlint.baseline import read_file_text
from methlint.diagnostics import Diagnostic
from methlint.i18n import _

if TYPE_CHECKING:
    from methlint.rules import Rule


def _all_rules() -> Sequence[Rule]:
    from methlint.rules import ALL_RULES

    return ALL_RULES


@dataclass(frozen=True)
class ReportOptions:
    """What a reporter may read besides the findings. Each command-line option that changes a
    report becomes a field here, so that reporters stay testable without the command line."""

    # the CI host's variables ($GITHUB_STEP_SUMMARY, $GITHUB_WORKSPACE, $CI_PROJECT_DIR, …)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    # None: colour on a terminal unless NO_COLOR is set (https://no-color.org)
    colour: bool | None = None
    # --quiet: the text output's summary (the table by rule and the closing line) without the findings
    quiet: bool = False
    # the rules whose metadata the reports show (titles, SARIF's rule table)
    rules: Sequence[Rule] = field(default_factory=_all_rules)
    # a file's text from its reported path, for fingerprints that survive line shifts
    read_text: Callable[[str], str] = read_file_text


class Reporter(Protocol):
    def __init__(self, out: TextIO, err: TextIO, options: ReportOptions | None = None) -> None: ...

    def report(self, diagnostics: Sequence[Diagnostic], files: int) -> None:
        """Write the findings (in path order) of a run that checked ``files`` files."""


def rule_titles(rules: Sequence[Rule]) -> dict[str, str]:
    """Code -> ``CODE summary`` (the summary in the active language): what a title shows."""
    return {rule.code: f"{rule.code} {_(rule.summary)}" for rule in rules}


def path_in_repository(path: str, root: str | None) -> str:
    """``path`` (as reported: relative to the working directory, or absolute) relative to the
    repository's ``root``, with ``/`` separators, when it is inside; else ``path`` unchanged.

    CI hosts place annotations and links by the path in the repository, while methlint reports
    paths from the folder it was run in, which may be a sub-folder of the checkout.
    """
    if not root:
        return path
    absolute, root = os.path.abspath(path), os.path.abspath(root)
    if os.path.commonpath([absolute, root]) != root:
        return path
    return os.path.relpath(absolute, root).replace(os.sep, "/")
