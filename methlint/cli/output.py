"""Where and how a report is written: ruff's options ``--output-file``, ``--color``, ``--statistics``,
``--quiet`` and ``--exit-zero``, shared by the commands that report findings."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from methlint.cli.options import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from methlint.diagnostics import Diagnostic, Severity
from methlint.i18n import _

_COLOUR_CHOICES = {"auto": None, "always": True, "never": False}


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--output-file, --color, --statistics, --quiet, --exit-zero (ruff's names and meanings)."""
    options = (
        click.option(
            "--output-file",
            "-o",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Write the report to this file instead of standard output.",
        ),
        click.option(
            "--color",
            "colour",
            type=click.Choice(list(_COLOUR_CHOICES)),
            default="auto",
            show_default=True,
            help="Colour the severities: auto colours on a terminal unless NO_COLOR is set.",
        ),
        click.option(
            "--statistics", is_flag=True, help="Print the number of findings of each rule instead of the findings."
        ),
        click.option("--quiet", "-q", is_flag=True, help="Print the summary only (the table by rule, the total)."),
        click.option("--exit-zero", "-e", is_flag=True, help="Exit 0 even when findings fail the run."),
    )
    for option in reversed(options):
        command = option(command)
    return command


def colour_setting(colour: str) -> bool | None:
    """``--color``: None leaves the choice to the terminal and NO_COLOR (https://no-color.org)."""
    return _COLOUR_CHOICES[colour]


def check_combination(output_format: str, statistics: bool, quiet: bool) -> None:
    """--statistics and --quiet change the text output (and --statistics the JSON one): nothing
    is silently ignored, so any other format with them is a usage error."""
    if statistics and quiet:
        raise click.UsageError(_("--statistics and --quiet cannot be used together"))
    if statistics and output_format not in ("text", "json"):
        raise click.UsageError(_("--statistics prints text or json, not {format}").format(format=output_format))
    if quiet and output_format != "text":
        raise click.UsageError(_("--quiet shortens the text output, not {format}").format(format=output_format))


@contextmanager
def report_stream(output_file: Path | None) -> Iterator[TextIO]:
    """Standard output, or the file named (its folder made if needed, as ruff does)."""
    if output_file is None:
        yield sys.stdout
        return
    try:
        output_file.parent.mkdir(parents=True, exist_ok=True)
        stream = output_file.open("w", encoding="utf-8", newline="")
    except OSError as err:
        message = _("--output-file: cannot write {path}: {error}")
        raise click.UsageError(message.format(path=output_file, error=err.strerror or err)) from err
    with stream:
        yield stream


def write_statistics(diagnostics: Sequence[Diagnostic], output_format: str, out: TextIO) -> None:
    from methlint.diagnostic_rows import rows_of
    from methlint.reporting.statistics import statistics_json, statistics_lines
    from methlint.rules import ALL_RULES

    rows = rows_of(diagnostics)
    if output_format == "json":
        names = {rule.code: rule.name for rule in ALL_RULES}
        out.write(json.dumps(statistics_json(rows, names), indent=2, ensure_ascii=False) + "\n")
    else:
        out.write("".join(statistics_lines(rows, {rule.code: _(rule.summary) for rule in ALL_RULES})))


def exit_code(diagnostics: Sequence[Diagnostic], internal_errors: bool, exit_zero: bool) -> int:
    """2 for an internal error, whatever ``--exit-zero`` says; 1 when a warning or an error was found."""
    if internal_errors:
        return EXIT_ERROR
    failing = any(d.severity is not Severity.INFO for d in diagnostics)
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN
