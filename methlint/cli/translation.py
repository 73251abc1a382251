"""The command line in the active language: click's own messages and every help text.

click's messages (``Usage:``, ``Error:``, ``Try … for help.``, ``Missing argument``…) are gettext
calls bound into each of its modules when they are imported (``from gettext import gettext as _``);
rebinding those names to methlint's ``_`` and ``ngettext`` reads them from methlint's catalogue
(:data:`CLICK_MESSAGES` lists the ones a user can meet, for the extractor). Help texts and
docstrings are English literals fixed when the commands are built; :func:`translate_help` puts
each one's translation in place (keeping the English to translate again), once the language is
known: from ``--lang`` anywhere on the command line, else the environment.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Sequence
from typing import Any

import click

from methlint.i18n import N_, N_plural, _, activate, active_language, ngettext, quoted

CLICK_MESSAGES = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Positional arguments"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("No such option: {name}"),
    N_("Option {name!r} does not take a value."),
    N_("Argument {name!r} takes {nargs} values."),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("Aborted!"),
    N_("unknown error"),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("{name} {filename!r} is not executable."),
    N_("{name} {filename!r} does not exist."),
    N_("Could not open file {filename!r}: {message}"),
    N_plural("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    N_plural("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    N_plural("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    N_plural("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    N_("required"),
    N_("(dynamic)"),
    N_("{name} '{filename}' is a directory."),  # click 8.1's wording
    N_("{heading}:"),  # a help section's heading (HeadingFormatter)
)
# the words of the metavars click writes (``[OPTIONS]``, ``COMMAND [ARGS]...``, ``[PATHS]...``, ``TEXT``)
METAVAR_WORDS = (
    N_("OPTIONS"),
    N_("COMMAND"),
    N_("ARGS"),
    N_("TEXT"),
    N_("INTEGER"),
    N_("FILE"),
    N_("DIRECTORY"),
    N_("PATH"),
    N_("PATHS"),
    N_("FILES"),
    N_("KIND"),
)

_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")


def translate_click() -> None:
    """click's messages through methlint's catalogue, in whatever language is active, and its
    errors written with the catalogue's quotes."""
    import importlib

    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    click.exceptions.echo = _echo_requoted  # type: ignore[attr-defined]


def requoted(text: str) -> str:
    """Quotes click writes itself, outside any message (``'--jobs' / '-j'``, a value's repr, the
    choices), as the catalogue quotes values: ``« --jobs » / « -j »`` in French."""
    return re.sub(r"'([^'\n]*)'|\"([^\"\n]*)\"", lambda m: quoted(m[1] if m[1] is not None else m[2]), text)


def _echo_requoted(message: Any = None, *args: Any, **kwargs: Any) -> None:
    if isinstance(message, str) and active_language() != "en":
        message = requoted(message)
    click.utils.echo(message, *args, **kwargs)


_ENGLISH = "_methlint_english"  # the attribute keeping a help text's English


def _translated(item: object, attribute: str) -> None:
    english = getattr(item, _ENGLISH, {})
    if attribute not in english:
        english[attribute] = getattr(item, attribute)
        setattr(item, _ENGLISH, english)
    text = english[attribute]
    if text:
        cleaned = inspect.cleandoc(text)  # a docstring, as click shows it and the extractor reads it
        translated = _(cleaned)
        text = translated if translated != cleaned else text
    setattr(item, attribute, text)


def _english(item: object, attribute: str) -> Any:
    """The value ``attribute`` had before any translation (kept on the item to translate again)."""
    english = getattr(item, _ENGLISH, {})
    if attribute not in english:
        english[attribute] = getattr(item, attribute)
        setattr(item, _ENGLISH, english)
    return english[attribute]


def _words_translated(metavar: str) -> str:
    return re.sub(r"[A-Z]+", lambda match: _(match.group()), metavar)


def _translated_words(item: object, attribute: str) -> None:
    """``COMMAND [ARGS]...`` -> ``COMMANDE [ARGUMENTS]...``: each capitalised word through the catalogue."""
    english = _english(item, attribute)
    setattr(item, attribute, _words_translated(english) if english else english)


def _english_metavar(param: click.Parameter) -> str | None:
    """The metavar click writes in English for ``param`` (None: its choices, left as they are)."""
    if isinstance(param.type, click.Choice):
        return None
    if isinstance(param, click.Argument):
        word = (param.name or "").upper()
        word = word if param.required else f"[{word}]"
    else:
        word = str(getattr(param.type, _ENGLISH, {}).get("name", param.type.name)).upper()
    return word + ("..." if param.nargs != 1 else "")


def _translated_metavar(param: click.Parameter) -> None:
    """The metavar in the active language; click's own (None) whenever the words are the same."""
    given = _english(param, "metavar")
    english = given if given is not None else _english_metavar(param)
    translated = _words_translated(english) if english else english
    param.metavar = translated if translated != english else given


class HeadingFormatter(click.HelpFormatter):
    """Headings through the catalogue: French puts a no-break space before the colon (``Options :``)."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_('{heading}:').format(heading=heading)}\n")


class TranslatedContext(click.Context):
    formatter_class = HeadingFormatter


def translate_help(command: click.Command) -> None:
    """Every help text and metavar of ``command`` and its subcommands in the active language."""
    command.context_class = TranslatedContext
    for attribute in ("help", "short_help"):
        _translated(command, attribute)
    _translated_words(command, "options_metavar")
    if isinstance(command, click.Group):
        _translated_words(command, "subcommand_metavar")
    if getattr(command, "_help_option", None) is not None:  # click >= 8.2 keeps --help's option, text included
        command._help_option = None  # made again, in the active language
    for param in command.params:
        _translated_metavar(param)
        if isinstance(param, click.Option):
            _translated(param, "help")
        if isinstance(param.type, click.Path):  # named in its errors ("Path 'x' does not exist.")
            _translated(param.type, "name")
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            translate_help(sub)


def language_in(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` anywhere before ``--`` (None: not given, or not a language)."""
    for index, arg in enumerate(args):
        if arg == "--":
            return None
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1] if args[index + 1] in ("fr", "en") else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in ("fr", "en") else None
    return None


class TranslatedGroup(click.Group):
    """The root command: the language is chosen before any help or error is written."""

    context_class = TranslatedContext

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        language = language_in(args)
        if language is not None:  # the root's own --lang, not given, must not undo it
            ctx.meta["methlint.language"] = language
        activate(language)
        translate_help(self)
        return super().parse_args(ctx, args)
