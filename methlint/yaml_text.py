"""Writing YAML scalars as text that every reader (YAML 1.1 and 1.2) reads back unchanged."""

from __future__ import annotations


def single_quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def double_quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return '"' + escaped + '"'


def quoted(value: str) -> str:
    """The most readable quoted form: double quotes when the text holds straight apostrophes."""
    if "\n" in value or "\t" in value or "\r" in value:
        return double_quoted(value)
    if "'" in value and '"' not in value and "\\" not in value:
        return double_quoted(value)
    return single_quoted(value)
