"""The language a document is written in, as its Jekyll site declares it.

The typography rules that apply a French norm (``Rule.french_only``) do not run on a
document in another language. Its language is the first of, in this order:

1. its ``lang``, from its own front matter or else from ``_config.yml``'s ``defaults`` for its
   path (Jekyll merges those under the page's keys; what minima's ``<html lang>``, jekyll-seo-tag
   and jekyll-polyglot read), then its ``locale`` the same way (jekyll-seo-tag's ``og:locale``);
2. with jekyll-polyglot's ``lang_from_path: true``, the first or second folder of its path
   that is one of the site's ``languages`` (``en/about.md``, ``_posts/en/…``);
3. the site's ``lang`` in ``_config.yml``, else polyglot's ``default_lang``, else ``locale``;
4. the configuration's ``[typography] language`` (``fr`` by default).

A value is a language tag (``fr``, ``fr-FR``, ``fr_FR``, ``FR``, ``en-GB``…); its first subtag
says the language, in any case. A value that is no tag (``lang: français``, a number) declares
nothing: the next source decides (in ``_config.yml``, JEK001 reports it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from methlint.document import Document
    from methlint.site import Site

# BCP 47's shape, loosely: a primary subtag of 2 or 3 letters, then subtags after - or _ (POSIX locales)
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
PAGE_KEYS = ("lang", "locale")
SITE_KEYS = ("lang", "default_lang", "locale")


def language_tag(value: Any) -> str | None:
    """``value`` if it is a language tag, else None."""
    if isinstance(value, str) and LANGUAGE_TAG.fullmatch(value.strip()):
        return value.strip()
    return None


def is_french(tag: str) -> bool:
    return re.split("[-_]", tag, maxsplit=1)[0].lower() == "fr"


def language_of(doc: Document, site: Site | None, configured: str) -> str:
    """The language tag of ``doc`` (see the module docstring)."""
    front_matter = doc.front_matter
    own = front_matter.data if front_matter is not None and front_matter.ok else None
    own = own if isinstance(own, dict) else {}
    defaults = {}
    if site is not None and doc.fs_path is not None:
        defaults = {key: default.value for key, default in site.defaults_for(doc.fs_path).items()}
    for key in PAGE_KEYS:
        for values in (own, defaults):
            tag = language_tag(values.get(key))
            if tag is not None:
                return tag
    if site is None:
        return configured
    if site.path_languages and doc.fs_path is not None:
        folders = (site.relative(doc.fs_path) or "").split("/")[:-1]
        for folder in folders[:2]:
            if folder in site.path_languages:
                return folder
    return site.language or configured
