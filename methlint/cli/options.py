"""What the commands share: exit codes, common options, the configuration with the command line on top."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from methlint.i18n import activate

    # ctx.meta is shared by the nested commands: `methlint --lang fr cms check` keeps French
    # when `cms` and `check`, which take --lang too, are not given it
    if value is not None:
        ctx.meta["methlint.language"] = value
        activate(value)
    elif "methlint.language" not in ctx.meta and not ctx.resilient_parsing:
        activate(None)
    return value


def language_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--lang",
        type=click.Choice(["fr", "en"]),
        callback=set_language,
        expose_value=False,
        is_eager=True,
        help="Language of the messages (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG).",
    )(command)


def config_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Use this methlint.toml or pyproject.toml instead of searching upward from the paths.",
    )(command)


def jobs_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=0,
        show_default=True,
        help="Processes for large runs (0: one per core; runs under 300 files use one).",
    )(command)


def selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--select, --extend-select, --ignore: rule codes or prefixes, comma-separated or repeated."""
    for name, text in reversed(
        (
            ("--select", "Only these rule codes or prefixes (comma-separated)."),
            ("--extend-select", "Add these rules to the selection."),
            ("--ignore", "Skip these rule codes or prefixes."),
        )
    ):
        command = click.option(name, multiple=True, help=text)(command)
    return command


def load_config(config_path: Path | None, paths: Sequence[Path]):
    """The effective configuration, or exit 2 with ``path:line:col: message``."""
    from methlint.config_file import ConfigError, load_config
    from methlint.rules import ALL_RULES

    try:
        return load_config(config_path, paths, [rule.code for rule in ALL_RULES])
    except ConfigError as err:
        click.echo(str(err), err=True)
        sys.exit(EXIT_ERROR)


def configure(
    config_path: Path | None,
    paths: tuple[Path, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
):
    """The configuration with the command line on top, and the paths to run on."""
    from methlint.i18n import _

    config = load_config(config_path, paths)
    # the command line wins: --select replaces, --extend-select and --ignore add
    config = config.with_overrides(
        select=split_codes(select) or None,
        extend_select=(config.extend_select + split_codes(extend_select)) if extend_select else None,
        ignore=(config.ignore + split_codes(ignore)) if ignore else None,
    )
    if not paths:
        if not config.content.is_dir():
            raise click.UsageError(_("no path given and no content folder at '{folder}'").format(folder=config.content))
        paths = (config.content,)
    return config, paths
