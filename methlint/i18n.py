"""User-facing messages go through ``_()`` so that a French catalogue can translate them."""

from __future__ import annotations

import gettext

_translation: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    return _translation.gettext(message)


def install(translation: gettext.NullTranslations) -> None:
    global _translation
    _translation = translation
