"""A site's contract file is checked before anything reads it (methlint/contract_check.py): each
problem at its line and column, in words a site team can act on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from methlint.contract_check import ContractError, read_contract

CASES = {
    "a key written twice": (
        '{\n  "type": "object",\n  "type": "array"\n}\n',
        (2, 3, "the key 'type' is written twice: only the last would count"),
    ),
    "NaN": ('{"minimum": NaN}\n', (1, 1, "invalid JSON: NaN is not JSON")),
    "a keyword of methlint below the top-level keys": (
        '{\n  "properties": {\n    "a": {"items": {"x-asset": {}}}\n  }\n}\n',
        (3, 21, "x-asset is read only on a key of the contract's top-level 'properties'"),
    ),
    "a $ref pointing at nothing": (
        '{\n  "properties": {"a": {"$ref": "#/$defs/missing"}}\n}\n',
        (2, 32, "'$ref' '#/$defs/missing' points at nothing in the contract"),
    ),
    "a $ref cycle": (
        '{\n  "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}},\n'
        '  "$ref": "#/$defs/a"\n}\n',
        (
            2,
            66,
            "this '$ref' leads back to a schema it comes from without going deeper into the document:"
            " validating would never end",
        ),
    ),
    "a pattern that is no regular expression": (
        '{\n  "properties": {"a": {"pattern": "(unclosed"}}\n}\n',
        (2, 35, "'(unclosed' is not a regular expression: missing ), unterminated subpattern at position 0"),
    ),
    "a format methlint does not check": (
        '{\n  "properties": {"a": {"format": "date"}}\n}\n',
        (2, 34, "format 'date' is not one methlint checks: use jekyll-date, uri, email"),
    ),
    "another draft": (
        '{\n  "$schema": "http://json-schema.org/draft-07/schema#"\n}\n',
        (
            2,
            14,
            "'$schema' must be https://json-schema.org/draft/2020-12/schema: methlint reads contracts as"
            " JSON Schema 2020-12",
        ),
    ),
    "an asset folder out of the site": (
        '{\n  "properties": {"a": {"x-asset": {"folder": "../secret"}}}\n}\n',
        (
            2,
            46,
            "properties/a/x-asset/folder: '../secret' is not allowed: a folder of the site, from its root,"
            " without '..' (img, uploads/2019); without it, values are paths from the site root",
        ),
    ),
    "an asset prefix that is an address": (
        '{\n  "properties": {"a": {"x-asset": {"prefix": "https://cdn.example.org/"}}}\n}\n',
        (
            2,
            46,
            "properties/a/x-asset/prefix: 'https://cdn.example.org/' is not allowed: what the layouts write"
            " before the value, a path of the site (/img/), not an address; by default / and the folder and /",
        ),
    ),
    "nesting too deep": ("[" * 70 + "]" * 70, (1, 1, "the contract is nested more than 64 levels deep")),
    "an empty where": (
        '{\n  "properties": {"a": {"x-references": {"collection": "_o", "where": {}}}}\n}\n',
        (2, 70, "properties/a/x-references/where is empty: give it at least one entry, or leave it out"),
    ),
    "within as text": (
        '{\n  "properties": {"a": {"x-unique": {"within": "categorie"}}}\n}\n',
        (2, 47, "properties/a/x-unique/within: 'categorie' is not of type 'array'"),
    ),
    "a misspelt keyword of methlint": (
        '{\n  "properties": {"a": {"x-referencs": {"collection": "_o"}}}\n}\n',
        (2, 24, "unknown keyword 'x-referencs': did you mean 'x-references'?"),
    ),
    "a misspelt key of x-references": (
        '{\n  "properties": {"a": {"x-references": {"colection": "_o"}}}\n}\n',
        (2, 41, "unknown key 'colection' in properties/a/x-references: did you mean 'collection'?"),
    ),
    "a key's schema written false": (
        '{\n  "additionalProperties": false,\n  "properties": {"a": {"type": "string"}, "b": false}\n}\n',
        (3, 48, 'properties/b: a schema written false: write {} for any value, {"not": {}} for none'),
    ),
    "a branch written true": (
        '{\n  "properties": {"a": {"anyOf": [{"type": "string"},\n    true]}}\n}\n',
        (3, 5, 'properties/a/anyOf/1: a schema written true: write {} for any value, {"not": {}} for none'),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_problem_at_its_position(tmp_path: Path, case: str) -> None:
    text, expected = CASES[case]
    path = tmp_path / "contract.schema.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContractError) as caught:
        read_contract(path, tmp_path)
    assert (caught.value.line, caught.value.column, caught.value.message) == expected


def test_a_valid_contract_with_local_refs(tmp_path: Path) -> None:
    path = tmp_path / "contract.schema.json"
    text = '{\n  "$defs": {"t": {"type": "string"}},\n  "properties": {"a": {"$ref": "#/$defs/t", "x-unique": {}}}\n}\n'
    path.write_text(text, encoding="utf-8")
    schema, read = read_contract(path, tmp_path)
    assert read == text and schema["properties"]["a"]["x-unique"] == {}


def test_a_link_leading_out_of_the_configurations_folder_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text("{}", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    os.symlink(outside, site / "contract.schema.json")
    with pytest.raises(ContractError) as caught:
        read_contract(site / "contract.schema.json", site)
    assert caught.value.message == "cannot read the contract: it leads out of the configuration's folder"
