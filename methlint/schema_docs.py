"""The front-matter contract as a Markdown table, for editors (`methlint schema --format markdown`)."""

from __future__ import annotations

from typing import Any

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


def markdown(kind: str) -> str:
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
    return "\n".join(lines) + "\n"
