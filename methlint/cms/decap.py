"""What Decap CMS accepts, and a Decap configuration read with the position of every value.

Facts checked against Decap CMS 3 (decap-cms-app 3.16, decap-cms-core 3.19): the widgets the
app registers (``decap-cms-app/src/extensions.js``) plus ``hidden``, which the core handles
itself; a field is required unless it says ``required: false`` (``Widget.js``,
``field.get('required', true)``); the number widget writes integers unless ``value_type:
float``; a folder collection's ``body`` field is the Markdown after the front matter.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from methlint.diagnostics import Span
from methlint.document import Document
from methlint.front_matter import DEFAULT_LIMITS, FrontMatter, parse
from methlint.i18n import N_

WIDGETS = (
    "boolean",
    "code",
    "color",
    "datetime",
    "file",
    "hidden",
    "image",
    "list",
    "map",
    "markdown",
    "number",
    "object",
    "relation",
    "richtext",
    "select",
    "string",
    "text",
    "uuid",
)
BODY = "body"
BODY_WIDGETS = frozenset({"markdown", "richtext", "text", "code"})
DEFAULT_WIDGET = "string"
DEFAULT_REQUIRED = True
_REGISTERED = re.compile(r"registerWidget\(\s*[\"']([\w-]+)[\"']")


def value_types(widget: str, options: dict[str, Any]) -> frozenset[str] | None:
    """The JSON types a widget writes (``integer`` for whole numbers); None when it depends."""
    if options.get("multiple") or options.get("allow_multiple"):
        if widget in ("select", "relation", "image", "file"):
            return frozenset({"array"})
    if widget == "number":
        return frozenset({"number" if options.get("value_type") == "float" else "integer"})
    if widget == "code" and not options.get("output_code_only"):
        return frozenset({"object"})
    if widget == "select":
        values = [o.get("value") if isinstance(o, dict) else o for o in options.get("options") or []]
        kinds = {"number" if isinstance(v, int | float) and not isinstance(v, bool) else "string" for v in values}
        return frozenset(kinds or {"string"})
    if widget == "hidden":
        return _json_type(options["default"]) if "default" in options else None
    simple = {"boolean": "boolean", "list": "array", "object": "object"}
    if widget in simple:
        return frozenset({simple[widget]})
    return frozenset({"string"}) if widget in WIDGETS else None


def _json_type(value: object) -> frozenset[str]:
    if value is None:
        return frozenset({"null"})
    if isinstance(value, bool):
        return frozenset({"boolean"})
    if isinstance(value, int):
        return frozenset({"integer"})
    if isinstance(value, float):
        return frozenset({"number"})
    if isinstance(value, list):
        return frozenset({"array"})
    if isinstance(value, dict):
        return frozenset({"object"})
    return frozenset({"string"})


def registered_widgets(config_path: Path) -> frozenset[str]:
    """Widgets the admin page registers itself (``CMS.registerWidget('name', …)``)."""
    from methlint.document import read_raw

    read = read_raw(config_path.parent / "index.html", 1_000_000, root=config_path.parent)
    if read.raw is None:
        return frozenset()
    return frozenset(_REGISTERED.findall(read.raw.decode("utf-8", "replace")))


# --- a configuration with positions -------------------------------------------------------


@dataclass
class Entry:
    """A mapping of the configuration: its values, and the (key, value) nodes of each."""

    node: yaml.MappingNode
    data: dict[str, Any]
    nodes: dict[str, tuple[yaml.Node, yaml.Node]]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def value_node(self, key: str) -> yaml.Node | None:
        return self.nodes[key][1] if key in self.nodes else None

    def key_node(self, key: str) -> yaml.Node | None:
        return self.nodes[key][0] if key in self.nodes else None


@dataclass
class Field(Entry):
    subfields: list[Field] = field(default_factory=list)  # of a list or an object field

    @property
    def name(self) -> str | None:
        name = self.data.get("name")
        return name if isinstance(name, str) else None

    @property
    def widget(self) -> str:
        widget = self.data.get("widget", DEFAULT_WIDGET)
        return widget if isinstance(widget, str) else DEFAULT_WIDGET

    @property
    def required(self) -> bool:
        return self.data.get("required", DEFAULT_REQUIRED) is not False

    @property
    def label(self) -> str:
        label = self.data.get("label")
        return label if isinstance(label, str) else self.name or ""


@dataclass
class FileEntry(Entry):
    """A file of a ``files`` collection: one document, with its own fields."""

    fields: list[Field] = field(default_factory=list)

    @property
    def file(self) -> str | None:
        path = self.data.get("file")
        return path.strip("/") if isinstance(path, str) else None


@dataclass
class Collection(Entry):
    fields: list[Field] = field(default_factory=list)
    files: list[FileEntry] = field(default_factory=list)

    @property
    def name(self) -> str:
        name = self.data.get("name")
        return name if isinstance(name, str) else "?"

    @property
    def folder(self) -> str | None:
        folder = self.data.get("folder")
        return folder.strip("/") if isinstance(folder, str) else None

    @property
    def filter(self) -> tuple[str, object] | None:
        value = self.data.get("filter")
        if isinstance(value, dict) and isinstance(value.get("field"), str) and "value" in value:
            return value["field"], value["value"]
        return None


@dataclass
class Problem:
    """A part of the configuration that is not what Decap CMS reads (CMS001): ``message`` is
    an untranslated template (marked with N_), filled with ``values`` once translated."""

    start: int
    end: int | None
    message: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class CmsConfig:
    doc: Document
    front_matter: FrontMatter | None
    collections: list[Collection] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True  # False: not a YAML mapping methlint reads (nothing more was read)

    def span(self, node: yaml.Node | None, fallback: yaml.Node | None = None) -> Span:
        """The span of a node of the configuration (the fallback's, or the file's start)."""
        node = node if node is not None else fallback
        if node is None or self.front_matter is None:
            return Span(1, 1, 1, 2)
        fm = self.front_matter
        end = fm.file_offset(node.end_mark) if isinstance(node, yaml.ScalarNode) else None
        return self.doc.span(fm.file_offset(node.start_mark), end)


def read_config(doc: Document) -> CmsConfig:
    """The collections and fields of a Decap configuration, each with its nodes.

    What cannot be read as Decap reads it becomes a :class:`Problem`; the rest is still read.
    """
    if doc.load_problem is not None:
        return CmsConfig(doc, None, problems=[_load_problem(doc)], readable=False)
    fm = parse(doc.text, 0, doc.limits or DEFAULT_LIMITS)
    config = CmsConfig(doc, fm, readable=False)
    problem = fm.syntax_error or fm.construct_error
    if problem is not None:
        values = {"problem": problem.problem}
        config.problems.append(Problem(problem.offset, None, N_("not valid YAML: {problem}"), values))
        return config
    if fm.limit_error is not None:
        values = {"what": fm.limit_error.what, "limit": str(fm.limit_error.limit)}
        config.problems.append(
            Problem(fm.limit_error.offset, None, N_("beyond methlint's YAML limits ({what}: {limit})"), values)
        )
        return config
    if fm.foreign_tag is not None:
        offset, tag = fm.foreign_tag
        config.problems.append(Problem(offset, None, N_("a YAML tag methlint never reads: {tag}"), {"tag": tag}))
        return config
    root = _entry(fm.root, fm.data, Entry)
    if root is None:
        config.problems.append(Problem(0, None, N_("the configuration must be a mapping")))
        return config
    config.readable = True
    collections = root.value_node("collections")
    if not isinstance(collections, yaml.SequenceNode) or not isinstance(root.get("collections"), list):
        where = root.key_node("collections") or fm.root
        config.problems.append(_problem(fm, where, N_("'collections' must be a list of collections")))
        return config
    for node, data in zip(collections.value, root.get("collections"), strict=True):
        collection = _entry(node, data, Collection)
        if collection is None:
            config.problems.append(_problem(fm, node, N_("a collection must be a mapping")))
            continue
        collection.fields = _fields(config, collection)
        collection.files = _files(config, collection)
        config.collections.append(collection)
    return config


def _load_problem(doc: Document) -> Problem:
    """Why the file could not be read as text."""
    problem = doc.load_problem
    assert problem is not None
    if problem.kind == "encoding" and problem.decode is not None:
        values = {"line": str(problem.decode.line), "column": str(problem.decode.column)}
        return Problem(0, None, N_("not UTF-8 text (line {line}, column {column}): save it as UTF-8"), values)
    if problem.kind == "too-large":
        return Problem(0, None, N_("larger than {limit} bytes: not read"), {"limit": problem.detail})
    return Problem(0, None, N_("cannot read the file: {detail}"), {"detail": problem.detail or problem.kind})


def _problem(fm: FrontMatter, node: yaml.Node | None, message: str, values: dict[str, str] | None = None) -> Problem:
    if node is None:
        return Problem(0, None, message, values or {})
    end = fm.file_offset(node.end_mark) if isinstance(node, yaml.ScalarNode) else None
    return Problem(fm.file_offset(node.start_mark), end, message, values or {})


def _entry(node: yaml.Node | None, data: Any, kind: type[Any]) -> Any:
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        return None
    nodes = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    return kind(node, data, nodes)


def _fields(config: CmsConfig, owner: Entry, depth: int = 0) -> list[Field]:
    """The fields under ``fields`` (a list) or ``field`` (one), recursively (bounded depth)."""
    assert config.front_matter is not None
    found: list[Field] = []
    for key in ("fields", "field", "types"):
        node, data = owner.value_node(key), owner.get(key)
        if node is None:
            continue
        items = [(node, data)] if key == "field" else None
        if items is None:
            if not isinstance(node, yaml.SequenceNode) or not isinstance(data, list):
                config.problems.append(
                    _problem(config.front_matter, node, N_("'{key}' must be a list of fields"), {"key": key})
                )
                continue
            items = list(zip(node.value, data, strict=True))
        for item_node, item in items:
            child = _entry(item_node, item, Field)
            if child is None or child.name is None:
                config.problems.append(
                    _problem(config.front_matter, item_node, N_("a field must be a mapping with a 'name'"))
                )
                continue
            child.subfields = _fields(config, child, depth + 1) if depth < 20 else []
            found.append(child)
    return found


def _files(config: CmsConfig, collection: Collection) -> list[FileEntry]:
    assert config.front_matter is not None
    node, data = collection.value_node("files"), collection.get("files")
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode) or not isinstance(data, list):
        config.problems.append(_problem(config.front_matter, node, N_("'files' must be a list of files")))
        return []
    found: list[FileEntry] = []
    for item_node, item in zip(node.value, data, strict=True):
        entry = _entry(item_node, item, FileEntry)
        if entry is None:
            config.problems.append(_problem(config.front_matter, item_node, N_("a file must be a mapping")))
            continue
        entry.fields = _fields(config, entry)
        found.append(entry)
    return found


def field_lists(config: CmsConfig) -> Iterator[list[Field]]:
    """Every list of fields: of each collection, each file, and each list or object field."""
    waiting = deque([c.fields for c in config.collections])
    waiting.extend(f.fields for c in config.collections for f in c.files)
    while waiting:
        fields = waiting.popleft()
        yield fields
        waiting.extend(f.subfields for f in fields if f.subfields)
