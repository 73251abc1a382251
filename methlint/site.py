"""The Jekyll site around the documents: `_config.yml`'s collections, defaults and excludes.

Documents are validated as Jekyll will see them: front-matter defaults merged under the
document's own keys, with Jekyll's precedence (a longer scope path wins; at equal path a
scope with a type wins; otherwise the later set wins).
"""

from __future__ import annotations

import fnmatch
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from methlint.discovery import display_path
from methlint.document import Document, read_document
from methlint.front_matter import FrontMatter, parse
from methlint.i18n import _

CONFIG_NAME = "_config.yml"
ALWAYS_SKIPPED = ("_site", ".jekyll-cache", ".sass-cache", "node_modules", "vendor")


@dataclass(frozen=True)
class DefaultValue:
    value: Any
    start: int  # character offsets of the value in _config.yml, for findings about it
    end: int


@dataclass(frozen=True)
class DefaultSet:
    path: str
    type: str | None
    values: dict[str, DefaultValue]


@dataclass
class Site:
    root: Path
    config_path: Path | None = None
    config_text: str = ""
    front_matter: FrontMatter | None = None
    collections: tuple[str, ...] = ()
    defaults: tuple[DefaultSet, ...] = ()
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    collections_dir: str = ""  # Jekyll's `collections_dir`: where the `_name` folders live
    language: str | None = None  # the content's language tag, `lang` (methlint.content_language)
    path_languages: tuple[str, ...] = ()  # jekyll-polyglot's `languages`, with `lang_from_path: true`
    problems: list[tuple[int, str]] = field(default_factory=list)  # (offset in _config.yml, message)
    _document: Document | None = field(default=None, repr=False)
    _root: str | None = field(default=None, repr=False)

    def document(self) -> Document:
        """``_config.yml`` as a document, to position findings about it (path as shown)."""
        if self._document is None:
            shown = display_path(self.config_path, Path.cwd()) if self.config_path else CONFIG_NAME
            self._document = Document(shown, self.config_text, self.config_path)
        return self._document

    def relative(self, path: Path | str) -> str | None:
        """The path from the site root, with ``/``; None outside the site (string work: it runs per file)."""
        if self._root is None:
            self._root = os.path.abspath(self.root)
        absolute = os.path.abspath(path)
        if absolute == self._root:
            return ""
        prefix = self._root.rstrip(os.sep) + os.sep
        if not absolute.startswith(prefix):
            return None
        return absolute[len(prefix) :].replace(os.sep, "/")

    def collection_of(self, path: Path) -> str | None:
        return self.collection_of_relative(self.relative(path))

    def collection_of_relative(self, relative: str | None) -> str | None:
        if relative is None:
            return None
        if self.collections_dir:
            prefix = self.collections_dir + "/"
            if not relative.startswith(prefix):
                return None
            relative = relative[len(prefix) :]
        first = relative.split("/", 1)[0]
        name = first[1:] if first.startswith("_") else None
        # posts are a collection of every Jekyll site, configured or not
        return name if name in self.collections or name == "posts" else None

    def ignores_relative(self, relative: str, in_collection: bool) -> bool:
        """Whether Jekyll leaves this path out of the site: excluded, or, outside the
        collections, below a folder (``_includes``, ``_layouts``, ``_data``…) or named with a
        leading ``_`` that the site's ``include`` does not bring back."""
        if self.excludes_relative(relative):
            return True
        if in_collection:
            return False
        return any(part.startswith("_") and part not in self.include for part in relative.split("/"))

    def is_excluded(self, path: Path) -> bool:
        return self.excludes_relative(self.relative(path))

    def excludes_relative(self, relative: str | None) -> bool:
        if relative is None:
            return False
        parts = relative.split("/")
        if any(part in ALWAYS_SKIPPED for part in parts):
            return True
        return any(
            relative == pattern or relative.startswith(pattern.rstrip("/") + "/") or fnmatch.fnmatch(relative, pattern)
            for pattern in self.exclude
        )

    def defaults_for(self, path: Path) -> dict[str, DefaultValue]:
        """The default values Jekyll gives this document, with Jekyll's precedence."""
        relative = self.relative(path) or ""
        kind = self.collection_of(path) or "pages"
        merged: dict[str, DefaultValue] = {}
        winner: DefaultSet | None = None
        for entry in self.defaults:
            if not _applies(entry, relative, kind):
                continue
            if winner is None or _has_precedence(winner, entry):
                merged = {**merged, **entry.values}
                winner = entry
            else:
                merged = {**entry.values, **merged}
        return merged


def _applies(entry: DefaultSet, relative: str, kind: str) -> bool:
    if entry.type is not None and entry.type != kind:
        return False
    scope = entry.path.strip("/")
    if not scope:
        return True
    if "*" in scope:
        return fnmatch.fnmatch(relative, scope + "*") or fnmatch.fnmatch(relative, scope)
    return relative == scope or relative.startswith(scope + "/")


def _has_precedence(old: DefaultSet, new: DefaultSet) -> bool:
    old_path, new_path = old.path.strip("/"), new.path.strip("/")
    if len(new_path) != len(old_path):
        return len(new_path) > len(old_path)
    return not (old.type is not None and new.type is None)


def find_site_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding a ``_config.yml``."""
    current = os.path.abspath(start)
    if os.path.isfile(current) or not os.path.exists(current):
        current = os.path.dirname(current)
    return site_root_of_folder(current)


@functools.lru_cache(maxsize=1024)
def site_root_of_folder(folder: str) -> Path | None:
    """Cached per folder: every document of a collection asks the same question."""
    path = Path(folder)
    for candidate in (path, *path.parents):
        if os.path.isfile(candidate / CONFIG_NAME):  # False, not an error, in a folder that cannot be read
            return candidate
    return None


def _mapping_items(node: yaml.Node | None) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]


def load_site(root: Path) -> Site:
    """The site at ``root``; cached per run, and re-read when ``_config.yml`` changes."""
    try:
        stat = (root / CONFIG_NAME).stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (0, 0)
    return _load_site(root, stamp)


@functools.lru_cache(maxsize=64)
def _load_site(root: Path, _stamp: tuple[int, int]) -> Site:
    config_path = root / CONFIG_NAME
    site = Site(root=root, config_path=config_path)
    doc = read_document(config_path, CONFIG_NAME, root=root)  # a link out of the site is not read
    if doc.load_problem is not None:
        reason = doc.load_problem.detail or doc.load_problem.kind
        site.problems.append((0, f"cannot read {CONFIG_NAME}: {reason}"))
        return site
    site.config_text = doc.text
    fm = parse(doc.text, 0)
    site.front_matter = fm
    problem = fm.syntax_error or fm.construct_error
    if problem is not None:
        site.problems.append((problem.offset, f"{CONFIG_NAME} is not valid YAML: {problem.problem}"))
        return site
    if fm.limit_error is not None or fm.foreign_tag is not None:
        site.problems.append((0, f"{CONFIG_NAME} exceeds methlint's safety limits or uses foreign tags"))
        return site
    data = fm.data if isinstance(fm.data, dict) else {}
    if fm.root is not None and not isinstance(fm.root, yaml.MappingNode):
        site.problems.append((fm.file_offset(fm.root.start_mark), f"{CONFIG_NAME} must be a mapping"))
    collections = data.get("collections") or {}
    if isinstance(collections, dict):
        site.collections = tuple(str(name) for name in collections)
    elif isinstance(collections, list):
        site.collections = tuple(str(name) for name in collections)
    exclude = data.get("exclude") or []
    if isinstance(exclude, list):
        site.exclude = tuple(str(item) for item in exclude)
    include = data.get("include") or []
    if isinstance(include, list):
        site.include = tuple(str(item).strip("/") for item in include)
    root_items = dict((k.value, v) for k, v in _mapping_items(fm.root))
    _read_collections_dir(site, data.get("collections_dir"), root_items.get("collections_dir"))
    _read_language(site, data, root_items)
    defaults_node = root_items.get("defaults")
    if isinstance(defaults_node, yaml.SequenceNode):
        sets = []
        for item in defaults_node.value:
            fields = dict((k.value, v) for k, v in _mapping_items(item))
            scope = dict((k.value, v) for k, v in _mapping_items(fields.get("scope")))
            scope_path = scope.get("path")
            scope_type = scope.get("type")
            values = {
                key.value: DefaultValue(
                    _construct(value), fm.file_offset(value.start_mark), fm.file_offset(value.end_mark)
                )
                for key, value in _mapping_items(fields.get("values"))
            }
            if "values" not in fields:
                site.problems.append((fm.file_offset(item.start_mark), "a default set needs 'scope' and 'values'"))
                continue
            sets.append(
                DefaultSet(
                    path=str(scope_path.value) if isinstance(scope_path, yaml.ScalarNode) else "",
                    type=str(scope_type.value) if isinstance(scope_type, yaml.ScalarNode) else None,
                    values=values,
                )
            )
        site.defaults = tuple(sets)
    return site


def _read_collections_dir(site: Site, value: Any, node: yaml.Node | None) -> None:
    """Jekyll's ``collections_dir``: a folder of the site; one leaving it is a problem, not followed."""
    if not isinstance(value, str):
        return
    relative = os.path.normpath(value.strip()).replace(os.sep, "/")
    if relative in ("", "."):
        return
    if os.path.isabs(relative) or relative == ".." or relative.startswith("../"):
        offset = site.front_matter.file_offset(node.start_mark) if node is not None and site.front_matter else 0
        site.problems.append((offset, _("collections_dir {value!r} leaves the site: not followed").format(value=value)))
        return
    site.collections_dir = relative


def _read_language(site: Site, data: dict[str, Any], nodes: dict[str, yaml.Node]) -> None:
    """The site's content language, and polyglot's languages read from paths; a value that is no
    language tag is a problem (and declares nothing)."""
    from methlint.content_language import SITE_KEYS, language_tag

    for key in SITE_KEYS:
        value = data.get(key)
        if value is None:
            continue
        tag = language_tag(value)
        if tag is None:
            offset = site.front_matter.file_offset(nodes[key].start_mark) if site.front_matter and key in nodes else 0
            message = _("{key} {value!r} is not a language tag (like fr, en or fr-FR): it declares no language")
            site.problems.append((offset, message.format(key=key, value=value)))
        elif site.language is None:
            site.language = tag
    languages = data.get("languages")
    if data.get("lang_from_path") is True and isinstance(languages, list):
        site.path_languages = tuple(tag for tag in map(language_tag, languages) if tag is not None)


def _construct(node: yaml.Node) -> Any:
    from methlint.front_matter import JekyllLoader

    loader = JekyllLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def site_for(path: Path) -> Site | None:
    root = site_root_of_folder(os.path.dirname(os.path.abspath(path)))
    return None if root is None else load_site(root)
