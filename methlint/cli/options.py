"""What the commands share: exit codes, common options, the configuration with the command line on top."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from methlint.i18n import N_, _

if TYPE_CHECKING:
    from methlint.config import Config
    from methlint.workspace import Run, Workspace

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


class ProcessCount(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.3, plain before
    """A whole number, 0 or more. Not ``click.IntRange``: its help and its errors say ``x>=0``, in
    no language an editor reads."""

    name = "integer"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        try:
            number = value if isinstance(value, int) else int(str(value).strip())
        except ValueError:
            self.fail(_("'{value}' is not a whole number").format(value=value), param, ctx)
        if number < 0:
            self.fail(_("{value} is below 0 (0: one process per core)").format(value=number), param, ctx)
        return number


def jobs_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--jobs",
        "-j",
        type=ProcessCount(),
        default=0,
        show_default=True,
        help="Processes for large runs (0: one per core; runs under 300 files use one).",
    )(command)


def force_exclude_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--force-exclude",
        is_flag=True,
        help="Skip named files that checking their folder would skip (for pre-commit, which names every file).",
    )(command)


def gitignore_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--respect-gitignore/--no-respect-gitignore",
        default=None,
        help="Skip what git ignores when walking a folder (default: the configuration's respect-gitignore, on).",
    )(command)


def selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--select, --extend-select, --ignore: rule codes or prefixes, comma-separated or repeated."""
    for name, text in reversed(
        (
            ("--select", N_("Only these rule codes or prefixes (comma-separated).")),
            ("--extend-select", N_("Add these rules to the selection.")),
            ("--ignore", N_("Skip these rule codes or prefixes.")),
        )
    ):
        command = click.option(name, multiple=True, help=text)(command)
    return command


def load_config(config_path: Path | None, paths: Sequence[Path]) -> Config:
    """The effective configuration, or exit 2 with ``path:line:col: message``."""
    from methlint.config_file import ConfigError, load_config
    from methlint.rules import ALL_RULES

    try:
        return load_config(config_path, paths, [rule.code for rule in ALL_RULES])
    except ConfigError as err:
        click.echo(str(err), err=True)
        sys.exit(EXIT_ERROR)


def workspace_for(
    config_path: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    respect_gitignore: bool | None = None,
) -> Workspace:
    """The configurations with the command line on top; an unknown code or prefix is a usage error."""
    from methlint.rules import ALL_RULES
    from methlint.workspace import Selection, Workspace

    selection = Selection(split_codes(select), split_codes(extend_select), split_codes(ignore))
    unknown = selection.unknown([rule.code for rule in ALL_RULES])
    if unknown:
        raise click.UsageError("\n".join(f"{option}: {message}" for option, message in unknown))
    return Workspace(config_path, selection, respect_gitignore)


def configured_language(config: Config) -> None:
    """The configuration's ``lang``, unless --lang was given: a CI runner's LANG=C.UTF-8 then
    keeps the site's language."""
    from methlint.i18n import activate

    context = click.get_current_context(silent=True)
    given = context is not None and "methlint.language" in context.meta
    if config.lang is not None and not given:
        activate(config.lang)


def plan(workspace: Workspace, paths: Sequence[Path], force_exclude: bool = False) -> list[Run]:
    """The runs for these paths (with none, the site or content folder found from here, said on
    stderr); exit 2 with ``path:line:col: message`` for a broken configuration."""
    from methlint.config_file import ConfigError
    from methlint.exclusion import GitIgnoreError
    from methlint.reporting.display import displayable
    from methlint.workspace import NothingToCheck

    try:
        announce = None
        if not paths:
            paths, announce = workspace.default_paths(Path.cwd())
        runs = workspace.runs(paths, force_exclude=force_exclude)
    except NothingToCheck as err:  # it names folders of the repository: its text
        raise click.UsageError(displayable(str(err))) from err
    except ConfigError as err:
        click.echo(str(err), err=True)
        sys.exit(EXIT_ERROR)
    except GitIgnoreError as err:
        click.echo(displayable(f"methlint: {err}"), err=True)
        sys.exit(EXIT_ERROR)
    if runs:
        configured_language(runs[0].config)
    if announce is not None:  # the site's folder and collection names: the repository's text
        click.echo(displayable(announce(sum(len(run.targets) for run in runs))), err=True)
    return runs


def stdin_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """PATHS (``-``: standard input) and --stdin-filename."""
    command = click.option(
        "--stdin-filename",
        type=click.Path(dir_okay=False, path_type=Path),
        help=(
            "The name of the document read from standard input (`-`): its configuration, collection,"
            " schema and sibling documents are chosen from it, and findings are reported under it."
        ),
    )(command)
    return click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True, path_type=Path))(command)


def stdin_name(paths: Sequence[Path], stdin_filename: Path | None) -> Path | None:
    """The name standard input is read as, when it is read (``-``, or --stdin-filename alone, as ruff)."""
    from methlint.i18n import _

    dash = Path("-")
    if dash not in paths:
        if stdin_filename is not None and paths:
            raise click.UsageError(_("--stdin-filename names standard input: give `-` as the only path"))
        return stdin_filename
    if len(paths) > 1:
        raise click.UsageError(_("`-` (standard input) is the only path of its run"))
    if stdin_filename is None:
        raise click.UsageError(
            _("`-` reads standard input: name the document with --stdin-filename (its collection and schema follow)")
        )
    return stdin_filename


def stdin_run(workspace: Workspace, name: Path, force_exclude: bool) -> Run | None:
    """The run of the document read from standard input as ``name``; None when --force-exclude
    leaves that name out."""
    import os

    from methlint.config_file import ConfigError
    from methlint.discovery import Target, display_path
    from methlint.workspace import Run

    try:
        if force_exclude and not workspace.runs([name], force_exclude=True):
            return None
        config = workspace.config_for(os.path.dirname(os.path.abspath(name)))
    except ConfigError as err:
        click.echo(str(err), err=True)
        sys.exit(EXIT_ERROR)
    configured_language(config)
    return Run(config, [Target(name, display_path(name, Path.cwd()))])
