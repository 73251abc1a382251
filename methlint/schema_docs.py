"""The front-matter contract as a Markdown table, for editors (`methlint schema --format markdown`)."""

from __future__ import annotations

from typing import Any

from methlint.config import Config
from methlint.schemas import load_schema

_TYPE_WORDS = {
    "string": "texte",
    "integer": "nombre entier",
    "number": "nombre",
    "boolean": "true ou false",
    "array": "liste",
    "object": "table",
    "null": "vide",
}
_FORMAT_WORDS = {"jekyll-date": "date", "uri": "adresse web", "email": "adresse électronique"}
_REF_WORDS = {"#/$defs/url-or-empty": "adresse web ou vide", "#/$defs/email-or-empty": "adresse électronique ou vide"}


def _type_of(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        reference: str = spec["$ref"]
        return _REF_WORDS.get(reference, reference)
    if "enum" in spec:
        return " ou ".join(f"`{value}`" for value in spec["enum"])
    types = spec.get("type", [])
    types = [types] if isinstance(types, str) else list(types)
    words = [_TYPE_WORDS.get(t, t) for t in types]
    if "format" in spec:
        words[0] = _FORMAT_WORDS.get(spec["format"], spec["format"])
    if "array" in types and isinstance(spec.get("items"), dict) and "type" in spec["items"]:
        item = spec["items"]["type"]
        words[words.index("liste")] = (
            f"liste de {_TYPE_WORDS.get(item, item)}s" if item != "object" else "liste de tables"
        )
    return " ou ".join(words)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rows(schema: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """(key, title, description, type, required) for every key, nested keys as ``parent[].key``."""
    found = []
    required = set(schema.get("required", ()))
    for key, spec in schema.get("properties", {}).items():
        found.append(
            (
                key,
                spec.get("title", ""),
                spec.get("description", ""),
                _type_of(spec),
                "oui" if key in required else "non",
            )
        )
        items = spec.get("items", {})
        if isinstance(items, dict) and "properties" in items:
            for sub_row in rows(items):
                found.append((f"{key}[].{sub_row[0]}", *sub_row[1:]))
    return found


def declarations(kind: str, config: Config | None = None) -> list[str]:
    """The contract's x-references, x-asset and x-unique, one sentence each, in key order; with
    ``config``, as its shorthands (``assets``, ``ordre-scope``) change them."""
    from methlint.contracts import configured

    declared = configured(kind, config or Config())
    lines = []
    for key in declared.schema.get("properties", {}):
        if key in declared.references:
            many = "array" in _types(declared.schema["properties"][key])
            lines.append(f"- `{key}` : {_reference_words(declared.references[key], many)} (`x-references`).")
        if key in declared.assets:
            lines.append(f"- `{key}` : {_asset_words(declared.assets[key])} (`x-asset`).")
        if key in declared.unique:
            within = declared.unique[key].within
            scope = " et ".join(f"`{name}`" for name in within)
            words = f" qui ont la même valeur de {scope}" if within else ""
            lines.append(
                f"- `{key}` : unique parmi les fiches du dossier{words} ; un doublon est signalé (ORD001) (`x-unique`)."
            )
    return lines


def _types(spec: Any) -> list[str]:
    declared = spec.get("type", []) if isinstance(spec, dict) else []
    return [declared] if isinstance(declared, str) else list(declared)


def _reference_words(references: Any, many: bool) -> str:
    named = {"title": "le titre (`title`)", "name": "le nom de fichier", "permalink": "l’adresse (`permalink`)"}
    words = f"{named[references.by]} d’une fiche de `{references.folder_name}`"
    for key, values in references.where:
        words += f" où `{key}` vaut " + " ou ".join(f"`{value}`" for value in values)
    return ("chaque élément est " if many else "la valeur est ") + words + " ; un nom introuvable est signalé (REF001)"


def _asset_words(place: Any) -> str:
    where = (
        f"un fichier du dossier `{place.folder}/`"
        if place.folder
        else "le chemin d’un fichier depuis la racine du site"
    )
    if place.prefix:
        where += f" ; les gabarits écrivent `{place.prefix}` devant la valeur"
    return where + " ; un fichier absent est signalé (AST001)"


def site_contracts(config: Any) -> dict[str, str]:
    """The site's own contracts a configuration names: their file (as written) -> their id."""
    from methlint.contracts import contract

    found: dict[str, str] = {}
    for rule in config.collections:
        for id in (rule.schema, *(id for _value, id in rule.by_value)):
            if id is not None and not contract(id).shipped:
                found.setdefault(contract(id).label, id)
    return found


def markdown(kind: str, config: Config | None = None) -> str:
    schema = load_schema(kind)
    lines = [
        f"## {schema.get('title', kind)}",
        "",
        schema.get("description", ""),
        "",
        "| Clé | Titre | Description | Type | Obligatoire |",
        "|---|---|---|---|---|",
    ]
    for key, title, description, type_words, required in rows(schema):
        lines.append(f"| `{key}` | {_cell(title)} | {_cell(description)} | {_cell(type_words)} | {required} |")
    declared = declarations(kind, config)
    if declared:
        lines += ["", "Entre fiches et fichiers :", "", *declared]
    return "\n".join(lines) + "\n"
