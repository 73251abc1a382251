"""Effective configuration: defaults, overridden by a project's configuration file."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from methlint.front_matter import Limits


@dataclass(frozen=True)
class CollectionRule:
    """Documents below a folder matching the glob ``folder`` follow a contract (an id of
    :mod:`methlint.contracts`).

    With ``by_value``, the value of the key ``discriminator`` chooses the contract; ``schema``
    is then the contract of documents without that key (None: they must say). Which documents
    a rule covers, and which contract a document follows, is :mod:`methlint.placement`'s
    business, and only its.
    """

    folder: str
    schema: str | None
    by_value: tuple[tuple[str, str], ...] = ()
    discriminator: str = "categorie"

    def matches(self, folders: tuple[str, ...]) -> bool:
        """Whether the glob matches some leading run of ``folders`` (from a site's root), as
        :mod:`methlint.placement` matches it: ``_outil`` matches ``_outil/sub``."""
        from methlint.placement import matching_depth

        return matching_depth(self.folder, folders) is not None


DEFAULT_COLLECTIONS = (
    CollectionRule("_outil", None, (("methode", "method"), ("outil", "tool"))),
    CollectionRule("_usage", "usage"),
)


# Front-matter keys whose string values are prose ("a.*.b" descends through lists).
DEFAULT_PROSE_KEYS = (
    "title",
    "tagline",
    "priorites",
    "qualites",
    "atouts",
    "inconvenients",
    "description",
    "organisateur",
    "clients",
    "contract",
    "feature_*",
    "accompagnement_*",
    "details_techniques.name",
    "details_techniques.content",
)


# What a folder walk skips when the configuration's `exclude` does not replace it (ruff's default
# `exclude` holds .git, node_modules, …): Jekyll's output and caches, dependencies, methlint's cache
DEFAULT_EXCLUDE = ("_site", ".git", ".jekyll-cache", "node_modules", "vendor", ".methlint_cache")


@dataclass(frozen=True)
class TypographyOptions:
    """The ``[typography]`` table: the policies the typography rules apply. Its keys are the
    fields' names in kebab-case; schemas/config.schema.json lists them and their values."""

    apostrophe: str = "\u2019"  # TYP010: ’ (59 times against 1 ' in the seeds) or '
    nbsp: str = "\u00a0"  # TYP008: the no-break space it inserts, U+00A0 or U+202F (missing from some fonts)
    # TYP002: exactly this many spaces after text, before another text line, are a Markdown hard
    # break and are kept (markdownlint's MD009 br_spaces); 0 reports every trailing space
    hard_break_spaces: int = 2
    prose_keys: tuple[str, ...] = DEFAULT_PROSE_KEYS  # the front-matter keys whose values are prose
    # and the values under top-level keys the schema does not know (layouts print them too)
    unknown_keys_are_prose: bool = True
    # "french": the Lexique des règles typographiques de l'Imprimerie nationale in full: the
    # opt-in typography rules on (TYP008 French spacing, TYP025 numbers), U+202F before ; ! ?
    profile: str = "default"
    # the language of the content when nothing in Jekyll declares it (a page's `lang`, the site's):
    # a language tag; the French-only rules skip a document in another language
    language: str = "fr"

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> TypographyOptions:
        """The options of a validated ``[typography]`` table; a key left out keeps its default."""
        values = {key.replace("-", "_"): value for key, value in table.items()}
        if "prose_keys" in values:
            values["prose_keys"] = tuple(values["prose_keys"])
        return cls(**values)

    def as_table(self) -> dict[str, Any]:
        """The options as the ``[typography]`` table a user writes."""
        table = {}
        for option in fields(self):
            value = getattr(self, option.name)
            table[option.name.replace("_", "-")] = list(value) if isinstance(value, tuple) else value
        return table


@dataclass(frozen=True)
class Config:
    # the configuration file's folder; without a file, the site's root (see methlint.workspace)
    root: Path = field(default_factory=Path.cwd)
    content: Path | None = None  # checked when no path is given, when configured
    select: tuple[str, ...] = ()  # code prefixes; empty means every default rule
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: tuple[tuple[str, str], ...] = ()  # (code prefix, severity)
    # a finding invisible on the built page is one severity lower, unless `severities` names its code
    lower_invisible: bool = True
    collections: tuple[CollectionRule, ...] = DEFAULT_COLLECTIONS
    limits: Limits = Limits()
    max_file_bytes: int = 1_000_000
    fast_validation: bool = True  # a compiled valid/invalid gate before jsonschema (same findings)
    date_future_years: int = 1  # DAT001: a date further ahead than this is a typo
    # shorthands over every contract's declarations (methlint.contracts.configured), the configuration winning:
    assets: tuple[tuple[str, str], ...] = ()  # key -> folder from the site root: x-asset {folder} on the key
    ordre_scope: str | None = None  # x-unique {within: [ordre_scope]} on ordre
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (path glob, code prefixes)
    typography: TypographyOptions = TypographyOptions()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # glob patterns (methlint.exclusion)
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    lang: str | None = None  # the messages' language; None: the environment's (methlint.i18n)
    source: Path | None = None  # the configuration file, when one was found

    def with_overrides(self, **changes: Any) -> Config:
        from dataclasses import replace

        return replace(self, **{k: v for k, v in changes.items() if v is not None})
