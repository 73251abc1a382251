"""What the contracts say of a collection folder and of its keys, as the CMS form needs it.

The contracts are chosen by the configuration: a collection folder, then the value of its
discriminating key (``categorie``; :mod:`methlint.placement`). Which keys name another
document or a file, the contracts declare (``x-references``, ``x-asset``:
:mod:`methlint.contracts`); :func:`key_link` reads them for the form.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from methlint.config import Config


@dataclass(frozen=True)
class Kind:
    """A kind of document a collection folder holds (``name``: its contract's id); ``value`` is
    its discriminating key's value (``categorie``) when the folder holds several kinds (None
    when the folder has one)."""

    name: str
    value: str | None = None

    @property
    def schema(self) -> dict[str, Any]:
        from methlint.schemas import load_schema

        return load_schema(self.name)

    @property
    def title(self) -> str:
        title = self.schema.get("title")
        return title if isinstance(title, str) else self.name

    def keys(self) -> list[str]:
        return list(self.schema.get("properties", {}))

    def contract(self, key: str) -> KeyContract | None:
        return _contract(self.name, key)


def kinds_of_folder(folder: str, config: Config, only: tuple[str, object] | None = None) -> list[Kind]:
    """The kinds of document a folder of the site holds, by the configuration's collections.

    ``only`` is a collection filter (``categorie: outil``): then the kinds it selects.
    """
    parts = tuple(PurePosixPath(folder).parts)
    for rule in config.collections:
        if not rule.matches(parts):
            continue
        kinds = [Kind(kind, value) for value, kind in rule.by_value]
        if rule.schema is not None and rule.schema not in {k.name for k in kinds}:
            kinds.append(Kind(rule.schema))
        if only is not None and only[0] == rule.discriminator:
            kinds = [k for k in kinds if k.value == only[1]] or kinds
        return kinds
    return []


@dataclass(frozen=True)
class KeyContract:
    """A key of a kind: its schema (references resolved), whether the contract requires it,
    the JSON types it accepts (None: any), and whether an empty value (null or "") passes."""

    kind: str
    key: str
    schema: dict[str, Any]
    required: bool
    types: frozenset[str] | None
    may_be_empty: bool

    @property
    def form_required(self) -> bool:
        """What a form's ``required`` should say: a value must be given, and not an empty one."""
        return self.required and not self.may_be_empty

    def accepts(self, value: object) -> bool:
        return bool(_validator(self.kind, self.key).is_valid(value))

    @property
    def title(self) -> str:
        return str(self.schema.get("title") or self.key)

    @property
    def description(self) -> str:
        return str(self.schema.get("description") or "")


@functools.cache
def _contract(kind: str, key: str) -> KeyContract | None:
    from methlint.schemas import load_schema

    schema = load_schema(kind)
    prop = schema.get("properties", {}).get(key)
    if not isinstance(prop, dict):
        return None
    required = key in schema.get("required", [])
    resolved = _resolved(prop, schema)
    validator = _validator(kind, key)
    empty = validator.is_valid(None) or validator.is_valid("")
    return KeyContract(kind, key, resolved, required, _types(prop, schema, 0), empty)


@functools.cache
def _validator(kind: str, key: str) -> Any:
    from jsonschema import Draft202012Validator

    from methlint.schemas import format_checker, load_schema

    schema = load_schema(kind)
    alone = {**schema["properties"][key], "$defs": schema.get("$defs", {})}
    return Draft202012Validator(alone, format_checker=format_checker())


def _resolved(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """A schema with its local ``$ref`` replaced by what it points to (its own keys win)."""
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/$defs/"):
        return node
    target = root.get("$defs", {}).get(ref.removeprefix("#/$defs/"), {})
    return {**target, **{k: v for k, v in node.items() if k != "$ref"}}


_JSON_TYPE = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}


def _types(node: Any, root: dict[str, Any], depth: int) -> frozenset[str] | None:
    """The JSON types a schema accepts; None when it does not constrain them."""
    if not isinstance(node, dict) or depth > 20:
        return None
    node = _resolved(node, root)
    if "const" in node:
        return frozenset({_JSON_TYPE.get(type(node["const"]), "null")})
    if isinstance(node.get("enum"), list):
        return frozenset(_JSON_TYPE.get(type(value), "null") for value in node["enum"])
    declared = node.get("type")
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(t for t in declared if isinstance(t, str))
    for combinator in ("anyOf", "oneOf"):
        if isinstance(node.get(combinator), list):
            branches = [_types(branch, root, depth + 1) for branch in node[combinator]]
            if any(branch is None for branch in branches):
                return None
            return frozenset().union(*(b for b in branches if b is not None))
    return None


def accepts_type(types: frozenset[str] | None, written: frozenset[str]) -> bool:
    """Whether a value of one of the ``written`` types can satisfy a key accepting ``types``."""
    if types is None:
        return True
    widened = set(types) | ({"integer"} if "number" in types else set())
    return bool(widened & written)


# --- keys that name other documents or files --------------------------------------------


@dataclass(frozen=True)
class Reference:
    """The key names documents of another kind, by their ``by`` field (``title``, or
    ``{{slug}}`` for a file name)."""

    kind: str
    by: str = "title"


@dataclass(frozen=True)
class Asset:
    """The key names a file of the site, under ``folder`` (from the site root; "" for a site path)."""

    folder: str


def key_link(kind: str, key: str, config: Config) -> Reference | Asset | None:
    """What a key of a kind names outside its document, as its contract declares it
    (``x-references``: the kind of the documents it names; ``x-asset``: the folder of the files)."""
    from methlint.contracts import configured

    declared = configured(kind, config)
    if key in declared.assets:
        return Asset(declared.assets[key].folder or "")
    references = declared.references.get(key)
    if references is None:
        return None
    by = {"title": "title", "name": "{{slug}}"}.get(references.by, references.by)
    named = _referenced_kinds(references, config)
    return Reference(named[0].name, by) if len(named) == 1 else None


def _referenced_kinds(references: Any, config: Config) -> list[Kind]:
    """The kinds of the referenced collection that ``where`` chooses by its discriminating key."""
    for rule in config.collections:
        if rule.matches((references.folder_name,)):
            kinds = kinds_of_folder(rule.folder, config)
            allowed = dict(references.where).get(rule.discriminator)
            return kinds if allowed is None else [kind for kind in kinds if kind.value in allowed]
    return []
