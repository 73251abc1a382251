"""The contracts documents follow: the three methlint ships, and those a site defines.

A contract is a JSON Schema 2020-12 (checked by :mod:`methlint.contract_check` when it is the
site's), with methlint's keywords on its top-level keys (docs/schema.md):

- ``x-references``: the value, or each item of a list, names a document of another collection,
  by its ``title``, its file ``name`` or its ``permalink``, optionally among those ``where`` a
  key has given values;
- ``x-asset``: the value names a file of the site: the layouts write ``prefix`` before it, and
  editors put the files in ``folder``;
- ``x-unique``: no two documents of the collection sharing the values of the keys ``within``
  have the same value.

A contract is named by an id: ``method``, ``tool`` or ``usage`` for those methlint ships, the
file's absolute path and a digest of its bytes for a site's (so that every cache keyed by it
sees an edit). Which contract a document follows is :mod:`methlint.placement`'s business.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

from methlint.config import Config
from methlint.json_positions import Positions, positions

BUILTIN = {"method": "method.schema.json", "tool": "tool.schema.json", "usage": "usage.schema.json"}


@dataclass(frozen=True)
class References:
    """``x-references``: the key names documents of ``collection`` (a folder or its label)."""

    collection: str
    by: str = "title"  # "title", "name" (file name without extension) or "permalink"
    where: tuple[tuple[str, tuple[object, ...]], ...] = ()  # key -> the values allowed

    @property
    def folder_name(self) -> str:
        """The collection's folder: ``_organisations`` for ``organisations`` or ``_organisations``."""
        return self.collection if self.collection.startswith("_") else "_" + self.collection

    def selects(self, values: dict[str, object]) -> bool:
        """Whether a document holding ``values`` is one of those the key may name."""
        return all(_same_value(values.get(key), allowed) for key, allowed in self.where)

    def describe_where(self) -> str:
        """``categorie 'methode'``, ``categorie 'a' or 'b'``: what ``where`` asks, for messages."""
        from methlint.i18n import _

        return ", ".join(f"{key} " + _(" or ").join(f"'{v}'" for v in values) for key, values in self.where)


def _same_value(value: object, allowed: tuple[object, ...]) -> bool:
    return any(type(value) is type(option) and value == option for option in allowed)


@dataclass(frozen=True)
class AssetPlace:
    """``x-asset``: the value names a file; the page asks for ``prefix + value``."""

    folder: str | None  # where editors put the files, from the site root; None: anywhere
    prefix: str  # what the layouts write before the value: "/img/", or "" for a path of the site


def asset_place(folder: str | None, prefix: str | None = None) -> AssetPlace:
    """``x-asset {folder, prefix}``: the prefix is ``/folder/`` unless given, ``""`` without a folder."""
    folder = folder.strip("/") if folder else None
    return AssetPlace(folder or None, (f"/{folder}/" if folder else "") if prefix is None else prefix)


@dataclass(frozen=True)
class Unique:
    """``x-unique``: unique among the collection's documents sharing the values of ``within``."""

    within: tuple[str, ...] = ()


@dataclass(eq=False)
class Contract:
    """A contract and what its keywords declare, key by key."""

    id: str
    label: str  # "method", or the file from the configuration's folder: "contracts/projet.schema.json"
    path: Path  # the file (in methlint's package for a shipped contract)
    text: str
    schema: dict[str, Any]
    shipped: bool
    references: dict[str, References] = field(default_factory=dict)
    assets: dict[str, AssetPlace] = field(default_factory=dict)
    unique: dict[str, Unique] = field(default_factory=dict)

    @property
    def title(self) -> str:
        title = self.schema.get("title")
        return title if isinstance(title, str) and title else self.label

    @cached_property
    def positions(self) -> Positions:
        return positions(self.text)

    @cached_property
    def validator(self) -> Any:
        from jsonschema import Draft202012Validator

        from methlint.schemas import format_checker

        return Draft202012Validator(self.schema, format_checker=format_checker())

    @cached_property
    def fast_validator(self) -> Any:
        """A compiled valid/invalid gate (jsonschema-rs), or None; never fetches anything."""
        try:
            import jsonschema_rs
        except ImportError:  # pragma: no cover - optional speed-up
            return None
        from methlint.schemas import is_email, is_jekyll_date, is_url

        formats = {"jekyll-date": is_jekyll_date, "uri": is_url, "email": is_email}
        try:
            return jsonschema_rs.validator_for(self.schema, formats=formats, validate_formats=True, retriever=_no_fetch)
        except TypeError as err:
            if "retriever" not in str(err):
                raise
        # jsonschema-rs 0.25 (pyproject's lower bound) takes no retriever; nothing is fetched either
        # way: every $ref of a site's contract is checked to be inside it (methlint.contract_check)
        return jsonschema_rs.validator_for(self.schema, formats=formats, validate_formats=True)


def _no_fetch(uri: str) -> Any:
    raise ValueError(f"methlint never fetches {uri}")


def declarations(schema: dict[str, Any]) -> tuple[dict[str, References], dict[str, AssetPlace], dict[str, Unique]]:
    """What the keywords on the top-level keys of a (checked) contract declare."""
    references: dict[str, References] = {}
    assets: dict[str, AssetPlace] = {}
    unique: dict[str, Unique] = {}
    properties = schema.get("properties")
    for key, spec in (properties if isinstance(properties, dict) else {}).items():
        if not isinstance(spec, dict):
            continue
        if isinstance(declared := spec.get("x-references"), dict):
            where = tuple(
                (name, tuple(value) if isinstance(value, list) else (value,))
                for name, value in declared.get("where", {}).items()
            )
            references[key] = References(declared["collection"], declared.get("by", "title"), where)
        if isinstance(declared := spec.get("x-asset"), dict):
            assets[key] = asset_place(declared.get("folder"), declared.get("prefix"))
        if isinstance(declared := spec.get("x-unique"), dict):
            unique[key] = Unique(tuple(declared.get("within", ())))
    return references, assets, unique


def configured(id: str, config: Config) -> Contract:
    """The contract ``id`` as the configuration has it: its shorthands ``assets`` (key -> folder:
    ``x-asset {folder}`` on the key) and ``ordre-scope`` (``x-unique {within: [scope]}`` on
    ``ordre``) replace the contract's own declarations on those keys, for every contract."""
    return _configured(id, config.assets, config.ordre_scope)


@lru_cache(maxsize=64)
def _configured(id: str, assets: tuple[tuple[str, str], ...], ordre_scope: str | None) -> Contract:
    declared = contract(id)
    if not assets and ordre_scope is None:
        return declared
    unique = declared.unique if ordre_scope is None else {**declared.unique, "ordre": Unique((ordre_scope,))}
    places = {**declared.assets, **{key: asset_place(folder) for key, folder in assets}}
    return replace(declared, assets=places, unique=unique)


def _made(id: str, label: str, path: Path, text: str, schema: dict[str, Any], shipped: bool) -> Contract:
    references, assets, unique = declarations(schema)
    return Contract(id, label, path, text, schema, shipped, references, assets, unique)


@cache
def _shipped(name: str) -> Contract:
    from methlint.schemas import schema_dir

    path = schema_dir() / BUILTIN[name]
    text = path.read_text(encoding="utf-8")
    return _made(name, name, path, text, json.loads(text), True)


_SITE: dict[str, Contract] = {}  # a site's contracts by id, registered as configurations load them


def contract(id: str) -> Contract:
    """The contract named ``id`` (a shipped one, or a site's loaded by its configuration)."""
    if id in BUILTIN:
        return _shipped(id)
    return _SITE[id]


def load_site_contract(written: str, folder: Path) -> Contract:
    """The site's contract at ``written`` (from the configuration's ``folder``), checked;
    raises :class:`methlint.contract_check.ContractError`."""
    from methlint.contract_check import read_contract

    path = folder / written
    schema, text = read_contract(path, folder)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    made = _made(f"{path}#{digest}", Path(written).as_posix(), path, text, schema, False)
    _check_compiles(made)
    _SITE.setdefault(made.id, made)
    return _SITE[made.id]


def _check_compiles(made: Contract) -> None:
    """The compiled gate must accept the contract as jsonschema does (its regular expressions)."""
    from methlint.contract_check import ContractError
    from methlint.i18n import _

    try:
        made.fast_validator  # noqa: B018 - compiles it
    except (ValueError, TypeError) as err:
        first_line = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ContractError(
            made.path, 1, 1, _("the contract cannot be compiled: {error}").format(error=first_line)
        ) from err
