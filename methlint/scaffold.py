"""`methlint new`: a new document that already follows its schema, with placeholders to fill."""

from __future__ import annotations

import datetime
from pathlib import Path

from methlint.document import read_document
from methlint.schemas import load_schema
from methlint.yaml_text import quoted, render_scalar

PLACEHOLDER = "À compléter"
KIND_BY_CATEGORIE = {"methode": "method", "outil": "tool", "usage": "usage"}
BODY_SECTIONS = {
    "method": ("Objectif du dispositif :", "Public visé :", "Grandes lignes du dispositif :"),
    "tool": (),
    "usage": ("Information sur la démarche", "Points forts du dispositif"),
}


def next_ordre(folder: Path, categorie: str | None) -> int:
    """One more than the largest ``ordre`` of the same ``categorie`` in the folder."""
    largest = 0
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else ():
        data = read_document(path, str(path)).data
        if isinstance(data, dict) and data.get("categorie") == categorie:
            ordre = data.get("ordre")
            if isinstance(ordre, int) and not isinstance(ordre, bool):
                largest = max(largest, ordre)
    return largest + 1


def _date_text(kind: str, today: datetime.date) -> str:
    if kind == "usage":  # the usage documents' form, unquoted as Jekyll writes it
        return f"{today.isoformat()} 00:00:00 +0000"
    return quoted(f"{today.isoformat()}T00:00:00.000+00:00")


def render(kind: str, title: str, ordre: int, today: datetime.date) -> str:
    schema = load_schema(kind)
    required = set(schema.get("required", ()))
    lines = ["---"]
    for key, spec in schema["properties"].items():
        if key not in required:
            continue
        types = spec.get("type", [])
        types = [types] if isinstance(types, str) else types
        if key == "title":
            value = render_scalar(title)  # reads back as exactly the title, for Jekyll and YAML 1.2
        elif key == "date":
            value = _date_text(kind, today)
        elif key == "ordre":
            value = str(ordre)
        elif "enum" in spec:
            value = spec["enum"][0]
        elif "$ref" in spec or "null" in types:
            value = ""
        elif "array" in types and spec.get("items", {}).get("type") == "object":
            names = spec["items"].get("required", ["name"])
            lines.append(f"{key}:")
            lines.append(f"- {names[0]}: {PLACEHOLDER}")
            lines.extend(f"  {name}: {PLACEHOLDER}" for name in names[1:])
            continue
        elif "array" in types:
            lines.append(f"{key}:")
            lines.append(f"- {PLACEHOLDER}")
            continue
        elif "boolean" in types:
            value = "false"
        else:
            value = PLACEHOLDER
        lines.append(f"{key}: {value}".rstrip(" "))  # an empty value: no trailing space, nothing else
    lines.append("---")
    lines.append("")
    for section in BODY_SECTIONS[kind]:
        lines.extend([f"**{section}**", f"* {PLACEHOLDER}", ""])
    return "\n".join(lines)


def new_document(path: Path, categorie: str, title: str, today: datetime.date | None = None) -> str:
    kind = KIND_BY_CATEGORIE[categorie]
    ordre = next_ordre(path.parent, categorie if kind != "usage" else None)
    return render(kind, title, ordre, today or datetime.date.today())
