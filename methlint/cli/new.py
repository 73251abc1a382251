"""`methlint new`: a new document that follows its schema."""

from __future__ import annotations

from pathlib import Path

import click

from methlint.cli.options import language_option


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--kind",
    type=click.Choice(["methode", "outil", "usage"]),
    required=True,
    help="The document kind: a method or tool document (in _outil/), or a usage document.",
)
@click.option("--title", required=True, help="The document's title (it is also its identifier).")
@language_option
def new(path: Path, kind: str, title: str) -> None:
    """Write a new document that follows its schema, with placeholders to fill in."""
    from methlint.i18n import _
    from methlint.reporting.display import displayable
    from methlint.scaffold import new_document

    exists = _("{path} already exists: methlint new never overwrites a file").format(path=displayable(str(path)))
    if path.exists():
        raise click.UsageError(exists)
    if not path.parent.is_dir():
        raise click.UsageError(_("the folder {folder} does not exist").format(folder=displayable(str(path.parent))))
    try:
        text = new_document(path, kind, title)
    except ValueError as err:  # no YAML spelling reads back as the title (bytes that are not text)
        message = _("the title {title} cannot be written as YAML text").format(title=displayable(repr(title)))
        raise click.UsageError(message) from err
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:  # never through a link either
            handle.write(text)
    except FileExistsError as err:
        raise click.UsageError(exists) from err
    done = _("Wrote {path}: fill in the places marked 'À compléter', then run methlint check.")
    click.echo(done.format(path=displayable(str(path))))
