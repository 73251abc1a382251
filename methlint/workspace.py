"""From the command line to runs: which files to check, each under its own configuration.

A file's configuration is the nearest ``methlint.toml`` (or ``pyproject.toml`` with a
``[tool.methlint]`` table) at or above the file itself, never one found from the current
folder; ``--config`` gives one to every file. Files sharing a configuration are checked in
one run, so a repository holding two sites, each with its own configuration, gets each
checked as if alone. A file without a configuration file gets the defaults, anchored at its
Jekyll site (``Config.root``): the results cache of the run is the site's.

With no path, what to check is found from the current folder: a configured ``content``
folder, else the Jekyll site around it (the nearest ``_config.yml`` upward), else a folder
``content`` here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from methlint.config import CollectionRule, Config
from methlint.config_file import find_config_file, load_config, unknown_code_message
from methlint.discovery import DEFAULT_CONFIG, SKIPPED_DIRS, Target, discover, display_path
from methlint.i18n import _, ngettext
from methlint.linter import Result


class NothingToCheck(Exception):
    """No path was given and none could be found: a usage error, with what to do."""


@dataclass(frozen=True)
class Selection:
    """``--select``, ``--extend-select`` and ``--ignore``, laid over every configuration."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def unknown(self, known: Sequence[str]) -> list[tuple[str, str]]:
        """(option, message) for each code or prefix that selects no rule."""
        options = (("--select", self.select), ("--extend-select", self.extend_select), ("--ignore", self.ignore))
        return [
            (option, unknown_code_message(code, known))
            for option, codes in options
            for code in codes
            if not any(rule.startswith(code) for rule in known)
        ]

    def over(self, config: Config) -> Config:
        """The command line wins: ``--select`` replaces, ``--extend-select`` and ``--ignore`` add."""
        return config.with_overrides(
            select=self.select or None,
            extend_select=(config.extend_select + self.extend_select) if self.extend_select else None,
            ignore=(config.ignore + self.ignore) if self.ignore else None,
        )


@dataclass
class Run:
    """Files checked together, under one configuration."""

    config: Config
    targets: list[Target] = field(default_factory=list)


class Workspace:
    """Configurations resolved per folder, each file read and validated once per run."""

    def __init__(
        self, explicit: Path | None = None, selection: Selection = Selection(), respect_gitignore: bool | None = None
    ) -> None:
        from methlint.rules import ALL_RULES

        self.explicit = explicit
        self.selection = selection
        # --respect-gitignore / --no-respect-gitignore, over every configuration; None: each one's own
        self.respect_gitignore = respect_gitignore
        self.known_codes = tuple(rule.code for rule in ALL_RULES)
        self._by_folder: dict[str, Config] = {}
        self._by_source: dict[Path, Config] = {}

    def config_for(self, folder: str) -> Config:
        """The configuration of the documents of ``folder`` (absolute), cached per folder;
        raises ``ConfigError``."""
        if folder not in self._by_folder:
            source = self.explicit or find_config_file(Path(folder))
            if source is not None:
                config = self._from_file(source)
            else:
                config = self.selection.over(Config(root=_anchor(folder)))
            self._by_folder[folder] = config.with_overrides(respect_gitignore=self.respect_gitignore)
        return self._by_folder[folder]

    def _from_file(self, source: Path) -> Config:
        if source not in self._by_source:
            self._by_source[source] = self.selection.over(load_config(source, (), self.known_codes))
        return self._by_source[source]

    def runs(self, paths: Iterable[Path], cwd: Path | None = None, force_exclude: bool = False) -> list[Run]:
        """The documents of ``paths``, grouped by configuration, in the order discovery gives them."""
        paths = list(paths)
        for path in paths:  # a broken configuration there is an error, documents or not
            absolute = os.path.abspath(path)
            self.config_for(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))
        runs: dict[Config, Run] = {}
        for target in discover(paths, cwd, self.config_for, force_exclude, excluding=True):
            config = self.config_for(os.path.dirname(os.path.abspath(target.fs_path)))
            runs.setdefault(config, Run(config)).targets.append(target)
        return list(runs.values())

    def default_paths(self, cwd: Path) -> tuple[list[Path], Callable[[int], str]]:
        """What to check when no path is given, and what to say about it once the documents are counted."""
        here = os.path.abspath(cwd)
        config = self.config_for(here)
        if config.content is not None:
            shown = display_path(config.content, here)
            if not config.content.is_dir():
                raise NothingToCheck(_("no path given and no content folder at '{folder}'").format(folder=shown))
            source = cast(Path, config.source)  # a content folder is configured in a file
            return [Path(os.path.relpath(config.content, here))], lambda count: _(
                "methlint: checking the content folder '{folder}' configured in {source}: {documents}"
            ).format(folder=shown, source=display_path(source, here), documents=_documents(count))
        from methlint.site import site_root_of_folder

        root = site_root_of_folder(here)
        if root is not None:
            given = Path(os.path.relpath(root, here))
            return [given], lambda count: _(
                "methlint: checking the Jekyll site '{root}', collections {collections}: {documents}"
            ).format(root=given.as_posix(), collections=describe_collections(root, config), documents=_documents(count))
        if (Path(here) / "content").is_dir():
            return [Path("content")], lambda count: _("methlint: checking the folder 'content': {documents}").format(
                documents=_documents(count)
            )
        below = sites_below(Path(here))
        message = _("no path given, and no Jekyll site (_config.yml) here or above, nor a content folder")
        if below:
            message += _(": name the site to check, as in `methlint check {folder}` (sites found: {sites})").format(
                folder=below[0], sites=", ".join(below)
            )
        raise NothingToCheck(message)


def _documents(count: int) -> str:
    return ngettext("{count} document", "{count} documents", count).format(count=count)


def _anchor(folder: str) -> Path:
    """Where a file without a configuration file belongs: its site root, else the parent of its
    collection folder, else its own folder."""
    from methlint.placement import placement_of_folder

    root = placement_of_folder(folder, DEFAULT_CONFIG).root
    return root if root is not None else Path(folder)


def describe_collections(root: Path, config: Config) -> str:
    """``_outil (method or tool, by categorie), _usage (usage), _usage_citoyens (no schema)``."""
    from methlint.placement import place, site_collection_folders
    from methlint.site import load_site

    site = load_site(root)
    parent = root / site.collections_dir if site.collections_dir else root
    folders = [parent / f"_{name}" for name in site.collections]
    folders += [folder for folder in site_collection_folders(root, config) if folder not in folders]
    if not folders:
        return _("none")
    described = []
    for folder in folders:
        rule = place(folder / "x.md", config).collection
        described.append(f"{folder.relative_to(root).as_posix()} ({_describe_rule(rule)})")
    return ", ".join(described)


def _describe_rule(rule: CollectionRule | None) -> str:
    from methlint.contracts import contract

    if rule is None or (rule.schema is None and not rule.by_value):
        return _("no schema")
    kinds = list(dict.fromkeys([kind for _value, kind in rule.by_value] + [rule.schema or ""]))
    kinds = [contract(kind).label for kind in kinds if kind]
    if len(kinds) == 1:
        return kinds[0]
    return _("{kinds}, by {key}").format(kinds=_(" or ").join(kinds), key=rule.discriminator)


def sites_below(folder: Path, depth: int = 3, at_most: int = 5) -> list[str]:
    """Folders below ``folder`` holding a ``_config.yml`` (shown relative to it), for a hint."""
    found: list[str] = []
    pending = [(folder, 0)]
    while pending and len(found) < at_most:
        current, level = pending.pop(0)
        try:
            children = sorted(e.name for e in os.scandir(current) if e.is_dir(follow_symlinks=False))
        except OSError:
            continue
        for name in children:
            if name in SKIPPED_DIRS or name.startswith((".", "_")):
                continue
            if (current / name / "_config.yml").is_file():
                found.append((current / name).relative_to(folder).as_posix())
            elif level + 1 < depth:
                pending.append((current / name, level + 1))
    return found[:at_most]


def lint_runs(
    runs: Sequence[Run], jobs: int = 0, use_cache: bool = True, progress: Callable[[int], None] | None = None
) -> Result:
    """Every run linted (through the results cache unless told not to), as one result."""
    from methlint.linter import lint_paths

    results = []
    for run in runs:
        if use_cache:
            from methlint.cache import lint_cached
            from methlint.i18n import active_language
            from methlint.linter import enabled_rules

            rules = enabled_rules(run.config)
            options = {"jobs": jobs, "progress": progress}
            results.append(lint_cached(run.targets, run.config, rules, active_language(), **options))
        else:
            results.append(lint_paths(run.targets, run.config, jobs=jobs, progress=progress))
    return merged(results)


def merged(results: Sequence[Result]) -> Result:
    """One result from the results of several runs (their findings deduplicated and in order)."""
    from methlint.diagnostic_rows import DiagnosticRows, deduplicated_rows, rows_of
    from methlint.linter import Result

    if len(results) == 1:
        return results[0]
    total = Result()
    rows = []
    for result in results:
        rows += rows_of(result.diagnostics)
        total.internal_errors += result.internal_errors
        total.files += result.files
        total.by_document.update(result.by_document)
    total.diagnostics = DiagnosticRows(deduplicated_rows(rows))
    return total
