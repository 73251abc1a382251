"""The command line: parse options, build the run, report, choose the exit code. Nothing else.

One module per command (or family of commands); each is registered here, explicitly.
"""

from __future__ import annotations

import sys

import click

from methlint import __version__
from methlint.cli.check import check
from methlint.cli.cms import cms
from methlint.cli.fix import fix
from methlint.cli.hook import hook
from methlint.cli.info import explain, list_rules, schema, show_config
from methlint.cli.new import new
from methlint.cli.options import EXIT_ERROR, language_option
from methlint.cli.translation import TranslatedGroup, translate_click


@click.group(cls=TranslatedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="methlint")
@language_option
def cli() -> None:
    """Lint and safely fix Jekyll method documents (YAML front matter + French Markdown)."""
    for stream in (sys.stdout, sys.stderr):  # an accented path on an ASCII terminal: escaped, not a crash
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


for command in (check, fix, hook, show_config, list_rules, explain, schema, new, cms):
    cli.add_command(command)
translate_click()


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - never a traceback for the user
        from methlint.reporting.display import displayable

        click.echo(displayable(f"methlint: internal error: {type(err).__name__}: {err}"), err=True)
        sys.exit(EXIT_ERROR)
