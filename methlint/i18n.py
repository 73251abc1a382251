"""User-facing messages go through ``_()`` so that a French catalogue can translate them.

The language is ``--lang``, else the first non-empty of ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG`` (gettext's order). We read these variables ourselves instead
of asking :mod:`locale`: CI machines often lack the French locale and would answer
English. The catalogue is ``locale/fr/LC_MESSAGES/methlint.mo``, compiled from the
``.po`` next to it by ``python -m methlint.i18n_extract --update`` (a test keeps them in step).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

LANGUAGES = ("en", "fr")  # English is the source language: no catalogue
DOMAIN = "methlint"
LOCALE_DIR = Path(__file__).parent / "locale"
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translation: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` (French: singular for 0 and 1, the catalogue's Plural-Forms)."""
    return _translation.ngettext(singular, plural, count)


def quoted(value: object) -> str:
    """A key or a value inside a message: ``'value'`` in English, ``« value »`` in French."""
    return _("'{value}'").format(value=value)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Marks a message for extraction where it is defined; ``_()`` translates it where used."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - as N_
    """Marks a plural message for extraction; ``ngettext()`` translates it where used."""
    return singular, plural


def install(translation: gettext.NullTranslations) -> None:
    global _translation
    _translation = translation


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """``fr_FR.UTF-8`` -> fr; ``C``, ``POSIX``, unset or unsupported -> en.

    Like gettext, only the first non-empty variable counts; ``LANGUAGE`` may list
    several languages (``de:fr``), the first one we have wins.
    """
    environ = os.environ if environ is None else environ
    value = next((environ[name] for name in _ENVIRONMENT if environ.get(name)), "")
    for entry in value.split(":"):
        language = entry.split(".")[0].split("@")[0].split("_")[0].lower()
        if language in ("c", "posix"):
            return "en"
        if language in LANGUAGES:
            return language
    return "en"


_active = "en"


def active_language() -> str:
    return _active


def activate(language: str | None = None) -> str:
    """Use ``language`` (or the environment's) for every later ``_()``; returns the one chosen."""
    global _active
    chosen = _active = language or language_from_environment()
    if chosen == "en":
        install(gettext.NullTranslations())
    else:
        install(gettext.translation(DOMAIN, LOCALE_DIR, languages=[chosen], fallback=True))
    return chosen
