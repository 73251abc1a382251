"""Decap CMS collections written from the contracts (``methlint cms generate --target decap``).

One folder collection per collection folder and kind (a folder of several kinds gets one
collection per ``categorie``, with Decap's ``filter``), one field per key of the contract, in
the contract's order, then the Markdown body. From each key's schema:

- a constant (``const``, or an ``enum`` of one value) -> ``hidden`` with that ``default``;
- a key naming documents of another kind -> ``relation`` to that kind's collection, by title;
- a key naming a file -> ``image``, with the media folder its values live in;
- an ``enum`` -> ``select``; a list -> ``list`` (of ``select``, of fields, or of one text
  field), with ``min``/``max``; a boolean -> ``boolean``; a number -> ``number`` with its bounds;
- a Jekyll date -> ``datetime`` in the format the documents use;
- text -> ``string``, or ``text`` when a document holds a value of more than a line.

``label`` is the key's French title, ``hint`` its description, ``required`` false when the
contract lets the value be empty (then a ``default`` of ``""`` or ``[]`` when the key itself is
required: Decap writes no key for a field left untouched), ``pattern`` the contract's, with the
description as message.
Only two things are read from the documents: the date format and which texts are long.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from methlint.cms.contracts import Asset, KeyContract, Kind, Reference, key_link, kinds_of_folder
from methlint.config import Config

LONG_TEXT = 100  # characters: a longer value, or one with a line break, gets a text area
# Not translated: the file must not depend on who runs the command (--check compares it).
BODY_FIELD = {"label": "Texte", "name": "body", "widget": "markdown", "required": False}
BODY_HINT = "Le texte de la page, en Markdown."
_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:(?P<sep>[T ])\d{2}:\d{2}(?P<seconds>:\d{2}(?P<fraction>\.\d+)?)?)?"
    r"(?P<space>[ ]?)(?P<zone>Z|[+-]\d{2}:\d{2}|[+-]\d{4})?"
)


@dataclass
class Evidence:
    """What the documents of a collection say about their values."""

    dates: dict[str, Counter[str]] = field(default_factory=dict)  # key -> dayjs formats seen
    long: set[str] = field(default_factory=set)  # keys (and "key[]" for list items) with long texts
    folders: dict[str, Counter[str]] = field(default_factory=dict)  # key -> first folder of site paths

    def read(self, data: dict[str, object]) -> None:
        for key, value in data.items():
            values = value if isinstance(value, list) else [value]
            name = f"{key}[]" if isinstance(value, list) else str(key)
            for item in values:
                if not isinstance(item, str):
                    continue
                if "\n" in item.strip() or len(item) > LONG_TEXT and " " in item:  # a long URL is no prose
                    self.long.add(name)
                shape = dayjs_format(item)
                if shape is not None:
                    self.dates.setdefault(str(key), Counter())[shape] += 1
                if item.startswith("/") and item.count("/") > 1:
                    self.folders.setdefault(str(key), Counter())[item.split("/")[1]] += 1


def dayjs_format(text: str) -> str | None:
    """The dayjs format (Decap's datetime widget) that writes dates as ``text`` is written."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None
    shape = "YYYY-MM-DD"
    if match.group("sep"):
        shape += match.group("sep") + "HH:mm"
        shape += ":ss" if match.group("seconds") else ""
        shape += ".SSS" if match.group("fraction") else ""
    zone = match.group("zone")
    if zone:
        shape += match.group("space") + ("[Z]" if zone == "Z" else "Z" if ":" in zone else "ZZ")
    return shape


@dataclass
class Generated:
    """A collection written from a contract; ``folder`` says which existing one it replaces."""

    folder: str
    kind: Kind
    data: dict[str, Any]


def generate(root: Path, config: Config) -> list[Generated]:
    """The collections of the site at ``root``, one per collection folder and kind."""
    from methlint.cms.form import documents_of

    plan: list[tuple[str, Kind, bool]] = []  # (folder, kind, whether the folder holds several kinds)
    for folder in _collection_folders(root, config):
        kinds = kinds_of_folder(folder, config)
        plan += [(folder, kind, len(kinds) > 1) for kind in kinds]
    names = _unique_names(plan)
    by_kind = {kind.name: name for (_folder, kind, _several), name in zip(plan, names, strict=True)}
    collections: list[Generated] = []
    for (folder, kind, several), name in zip(plan, names, strict=True):
        evidence = Evidence()
        for _path, document in documents_of(root / folder, root, config):
            if not several or document.get("categorie") == kind.value:
                evidence.read(document)
        data: dict[str, Any] = {"name": name, "label": kind.title, "folder": folder}
        if several and kind.value is not None:
            data["filter"] = {"field": "categorie", "value": kind.value}
        data["create"] = True
        fields = [_field(key, c, kind, config, evidence, by_kind) for key in kind.keys() if (c := kind.contract(key))]
        data["fields"] = [*fields, {**BODY_FIELD, "hint": BODY_HINT}]
        collections.append(Generated(folder, kind, data))
    return collections


def _collection_folders(root: Path, config: Config) -> list[str]:
    """The site's folders (first level) that a configured collection names, in the configuration's order."""
    try:
        names = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return []
    found: list[str] = []
    for rule in config.collections:
        found += [name for name in names if rule.matches((name,)) and name not in found]
    return found


def _unique_names(plan: list[tuple[str, Kind, bool]]) -> list[str]:
    """A folder's name without its underscore (usage), or the kind's categorie (methode, outil)."""
    wanted = [
        (kind.value if several and kind.value else PurePosixPath(folder).name.lstrip("_"))
        for folder, kind, several in plan
    ]
    counts = Counter(wanted)
    return [
        name if counts[name] == 1 else f"{name}-{kind.name}" for name, (_f, kind, _s) in zip(wanted, plan, strict=True)
    ]


def _field(
    key: str, contract: KeyContract, kind: Kind, config: Config, evidence: Evidence, by_kind: dict[str, str]
) -> dict[str, Any]:
    schema = contract.schema
    data: dict[str, Any] = {"label": contract.title, "name": key}
    constant = schema["const"] if "const" in schema else None
    if constant is None and isinstance(schema.get("enum"), list) and len(schema["enum"]) == 1:
        constant = schema["enum"][0]
    if constant is not None:
        return {**data, "widget": "hidden", "default": constant}
    data.update(widget_for(key, contract, key_link(kind.name, key, config), evidence, by_kind))
    if contract.description:
        data["hint"] = contract.description
    if not contract.form_required:
        data["required"] = False
        empty = _empty_value(contract)
        if contract.required and empty is not None:
            data["default"] = empty  # the key must be there, empty or not: Decap writes a default
    if isinstance(schema.get("pattern"), str):
        data["pattern"] = [schema["pattern"], contract.description or schema["pattern"]]
    return data


def _empty_value(contract: KeyContract) -> Any:
    """The empty value the contract accepts for a key ("" or []), if any."""
    empties: tuple[object, ...] = ("", [])
    return next((value for value in empties if contract.accepts(value)), None)


def widget_for(
    key: str, contract: KeyContract, link: Reference | Asset | None, evidence: Evidence, by_kind: dict[str, str]
) -> dict[str, Any]:
    schema, types = contract.schema, contract.types or frozenset({"string"})
    many = "array" in types
    if isinstance(link, Reference) and link.kind in by_kind:
        return {
            "widget": "relation",
            "collection": by_kind[link.kind],
            "value_field": link.by,
            "search_fields": [link.by],
            "display_fields": [link.by],
            "multiple": many,
        }
    if isinstance(link, Asset):
        return {"widget": "image", **_media_folders(key, link, evidence)}
    if isinstance(schema.get("enum"), list):
        return {"widget": "select", "options": [v for v in schema["enum"] if v is not None]}
    if many:
        return _list(key, schema.get("items"), contract, evidence)
    if types <= {"boolean", "null"}:
        return {"widget": "boolean"}
    if types <= {"integer", "number", "null"}:
        return _number(schema, "int" if "integer" in types else "float")
    if schema.get("format") in ("jekyll-date", "date-time", "date"):
        return _datetime(evidence.dates.get(key))
    return {"widget": "text" if key in evidence.long else "string"}


def _media_folders(key: str, link: Asset, evidence: Evidence) -> dict[str, str]:
    """Where the image widget puts a file and what it writes: a name in ``img/`` (the layout
    adds ``/img/``), or a path from the site root into the folder the documents already use."""
    if link.folder:
        return {"media_folder": f"/{link.folder}", "public_folder": ""}
    seen = evidence.folders.get(key)
    if seen:
        folder = sorted(seen.items(), key=lambda item: (-item[1], item[0]))[0][0]
        return {"media_folder": f"/{folder}", "public_folder": f"/{folder}"}
    return {}


def _list(key: str, items: Any, contract: KeyContract, evidence: Evidence) -> dict[str, Any]:
    data: dict[str, Any] = {"widget": "list"}
    items = items if isinstance(items, dict) else {}
    if isinstance(items.get("enum"), list):
        data = {"widget": "select", "multiple": True, "options": list(items["enum"])}
    elif isinstance(items.get("properties"), dict):
        required = set(items.get("required", []))
        data["fields"] = [_subfield(name, sub, name in required, evidence) for name, sub in items["properties"].items()]
    else:
        widget = "text" if f"{key}[]" in evidence.long else "string"
        data["field"] = {"label": contract.title, "name": "item", "widget": widget}
    bounds = (("minItems", "min"), ("maxItems", "max"))
    data.update({decap: contract.schema[json] for json, decap in bounds if isinstance(contract.schema.get(json), int)})
    return data


def _subfield(name: str, schema: dict[str, Any], required: bool, evidence: Evidence) -> dict[str, Any]:
    data: dict[str, Any] = {"label": str(schema.get("title") or name), "name": name, "widget": "string"}
    if schema.get("description"):
        data["hint"] = str(schema["description"])
    minimum = schema.get("minLength")
    if not (required and isinstance(minimum, int) and minimum > 0):
        data["required"] = False  # absent, or an empty text passes
    return data


def _number(schema: dict[str, Any], value_type: str) -> dict[str, Any]:
    data: dict[str, Any] = {"widget": "number", "value_type": value_type}
    for json, decap in (("minimum", "min"), ("maximum", "max")):
        if isinstance(schema.get(json), int | float):
            data[decap] = schema[json]
    return data


def _datetime(formats: Counter[str] | None) -> dict[str, Any]:
    if not formats:
        return {"widget": "datetime"}
    shape = sorted(formats.items(), key=lambda item: (-item[1], item[0]))[0][0]
    if shape == "YYYY-MM-DD":
        return {"widget": "datetime", "format": shape, "date_format": shape, "time_format": False}
    return {"widget": "datetime", "format": shape}
