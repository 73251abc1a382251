"""A site's contract file read and checked before anything uses it.

A contract is data the site's repository holds, so a pull request can change it: it is read
like a document (bounded, never a FIFO, never through a link leading out of the site), parsed
as JSON without surprises (no duplicate keys, no NaN, bounded nesting), then checked:

- against ``schemas/contract.schema.json``, a meta-schema extending JSON Schema 2020-12 with
  methlint's keywords: every keyword known (a misspelt ``requried`` would be silently
  ignored), ``format`` one of those methlint checks, ``x-references``, ``x-asset`` and
  ``x-unique`` well formed;
- methlint's keywords only on a key of the top-level ``properties``, where they are read;
- every ``$ref`` inside the contract (``#/$defs/…``): methlint never fetches a URL nor reads
  another file, and a ``$ref`` pointing at nothing, or looping back to itself without going
  deeper into the document (validation would never end), is refused;
- every ``pattern`` a regular expression;
- no ``true`` or ``false`` as the schema of a key, a definition or a branch (``{}`` and
  ``{"not": {}}`` say the same): methlint's readers of keys take them as objects.

Each problem is a :class:`ContractError` at the file's line and column.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from methlint.i18n import _
from methlint.json_positions import Path as JsonPath
from methlint.json_positions import Positions, positions

MAX_CONTRACT_BYTES = 1_000_000
MAX_NESTING = 64
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
OUR_KEYWORDS = ("x-references", "x-asset", "x-unique")
# keywords whose value is a schema, a list of schemas, or a mapping of names to schemas
_SCHEMA: tuple[str, ...] = ("not", "if", "then", "else", "items", "contains", "additionalProperties")
_SCHEMA += ("propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
# keywords applying their schemas to the same value (a $ref cycle through them never ends)
_IN_PLACE = ("not", "if", "then", "else")
_IN_PLACE_LISTS = ("allOf", "anyOf", "oneOf")


class ContractError(Exception):
    def __init__(self, path: Path, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


def read_contract(path: Path, root: Path) -> tuple[dict[str, Any], str]:
    """The schema and text of the contract file at ``path``, which must lie in ``root``."""
    from methlint.document import read_raw

    def fail(message: str, line: int = 1, column: int = 1) -> ContractError:
        return ContractError(path, line, column, message)

    real_root = os.path.realpath(root)
    if not (os.path.realpath(path) + os.sep).startswith(real_root.rstrip(os.sep) + os.sep):
        raise fail(_("cannot read the contract: it leads out of the configuration's folder"))
    read = read_raw(path, MAX_CONTRACT_BYTES, root=root)
    if read.raw is None:
        too_large = read.problem is not None and read.problem.kind == "too-large"
        reason = _("it is larger than 1 MB") if too_large else read.problem.detail if read.problem else ""
        raise fail(_("cannot read the contract: {error}").format(error=reason))
    try:
        text = read.raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise fail(_("cannot read the contract: it is not UTF-8 (byte {offset})").format(offset=err.start)) from err
    schema = _parse(text, fail)
    check_contract(schema, positions(text), fail)
    return schema, text


def _parse(text: str, fail: Any) -> dict[str, Any]:
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    def no_constant(name: str) -> None:
        raise ValueError(_("{value} is not JSON").format(value=name))

    if _nesting(text) > MAX_NESTING:
        raise fail(_("the contract is nested more than {depth} levels deep").format(depth=MAX_NESTING))
    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=no_constant)
    except json.JSONDecodeError as err:
        raise fail(_("invalid JSON: {error}").format(error=err.msg), err.lineno, err.colno) from err
    except ValueError as err:
        raise fail(_("invalid JSON: {error}").format(error=err)) from err
    if duplicates:
        line, column = positions(text).line_column(text.find(json.dumps(duplicates[0])))
        raise fail(
            _("the key {key!r} is written twice: only the last would count").format(key=duplicates[0]), line, column
        )
    if not isinstance(data, dict):
        raise fail(_("a contract is a JSON object (a schema with its keywords)"))
    return data


def _nesting(text: str) -> int:
    """How deep the brackets of a JSON text go, outside strings."""
    depth = deepest = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def check_contract(schema: dict[str, Any], where: Positions, fail: Any) -> None:
    """Raise the first problem of a parsed contract (see the module docstring)."""
    declared = schema.get("$schema", DRAFT_2020_12)
    if not isinstance(declared, str) or declared.rstrip("#") != DRAFT_2020_12:
        raise fail(
            _("'$schema' must be {draft}: methlint reads contracts as JSON Schema 2020-12").format(draft=DRAFT_2020_12),
            *where.of_value(("$schema",)),
        )
    _check_meta(schema, where, fail)
    anchors = {str(sub["$anchor"]) for _path, sub in subschemas(schema) if isinstance(sub.get("$anchor"), str)}
    for path, sub in subschemas(schema):
        for keyword in sub:
            if keyword in OUR_KEYWORDS and not (len(path) == 2 and path[0] == "properties"):
                raise fail(
                    _("{keyword} is read only on a key of the contract's top-level 'properties'").format(
                        keyword=keyword
                    ),
                    *where.of_key((*path, keyword)),
                )
        _check_no_boolean_schema(sub, path, where, fail)
        if "$id" in sub and path:
            raise fail(_("'$id' only at the top of a contract: it is one document"), *where.of_key((*path, "$id")))
        if isinstance(sub.get("$ref"), str):
            _check_ref(schema, sub["$ref"], anchors, (*path, "$ref"), where, fail)
        patterns = [((*path, "pattern"), sub["pattern"])] if isinstance(sub.get("pattern"), str) else []
        patterns += [((*path, "patternProperties", p), p) for p in sub.get("patternProperties", {}) or {}]
        for at, pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as err:
                message = _("{pattern!r} is not a regular expression: {error}").format(pattern=pattern, error=err)
                raise fail(message, *where.of_value(at)) from err
    _check_cycles(schema, anchors, where, fail)


def _check_no_boolean_schema(sub: dict[str, Any], path: JsonPath, where: Positions, fail: Any) -> None:
    """``true`` or ``false`` for a key's schema, a definition or a branch: valid JSON Schema that
    methlint's readers of keys (formats, the editors' table, the CMS form) take as objects.
    ``additionalProperties: false`` and the like stay."""
    places = [((*path, keyword, name), item) for keyword in _SCHEMA_MAPS for name, item in _items(sub.get(keyword))]
    places += [((*path, keyword, i), item) for keyword in _SCHEMA_LISTS for i, item in _items(sub.get(keyword))]
    for at, item in places:
        if isinstance(item, bool):
            message = _('{where}: a schema written {value}: write {{}} for any value, {{"not": {{}}}} for none')
            raise fail(message.format(where=_shown(at), value=json.dumps(item)), *where.of_value(at))


def _items(value: Any) -> list[tuple[Any, Any]]:
    if isinstance(value, dict):
        return list(value.items())
    return list(enumerate(value)) if isinstance(value, list) else []


def _check_meta(schema: dict[str, Any], where: Positions, fail: Any) -> None:
    from jsonschema import Draft202012Validator

    from methlint.rules._base import close_matches
    from methlint.schemas import load_schema

    validator = Draft202012Validator(load_schema("contract.schema.json"))
    errors = sorted(validator.iter_errors(schema), key=lambda e: where.of_value(tuple(e.absolute_path)))
    if not errors:
        return
    error = _deepest(errors[0])
    path = tuple(error.absolute_path)
    keywords = load_schema("contract.schema.json")["propertyNames"]["enum"]
    if error.validator == "enum" and error.validator_value == keywords:  # from propertyNames: a keyword
        keyword = str(error.instance)
        message = _("unknown keyword {keyword!r}").format(keyword=keyword)
        close = close_matches(keyword, keywords, 1, 0.7)
        if close:
            message += _(": did you mean {keyword!r}?").format(keyword=close[0])
        raise fail(message, *where.of_key((*path, keyword)))
    if error.validator == "enum" and path and path[-1] == "format":
        message = _("format {value!r} is not one methlint checks: use {formats}").format(
            value=error.instance, formats=", ".join(error.validator_value)
        )
        raise fail(message, *where.of_value(path))
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))[0]
        allowed = list(error.schema.get("properties", {}))
        message = _("unknown key {key!r} in {where}").format(key=unknown, where=_shown(path))
        close = close_matches(unknown, allowed, 1, 0.6)
        message += (
            _(": did you mean {key!r}?").format(key=close[0])
            if close
            else _(" (keys: {keys})").format(keys=", ".join(allowed))
        )
        raise fail(message, *where.of_key((*path, unknown)))
    if error.validator == "enum" and isinstance(error.instance, str):
        allowed = [str(value) for value in error.validator_value]
        message = _("{value!r} in {where} must be one of: {allowed}").format(
            value=error.instance, where=_shown(path), allowed=", ".join(allowed)
        )
        close = close_matches(error.instance, allowed, 1, 0.6)
        if close:
            message += _(": did you mean {value!r}?").format(value=close[0])
        raise fail(message, *where.of_value(path))
    if error.validator == "pattern" and isinstance(error.schema.get("description"), str):  # say it in words
        message = _("{where}: {value!r} is not allowed: {rule}").format(
            where=_shown(path), value=error.instance, rule=error.schema["description"]
        )
        raise fail(message, *where.of_value(path))
    if error.validator in ("minProperties", "minItems") and not error.instance:  # jsonschema words it by version
        message = _("{where} is empty: give it at least one entry, or leave it out").format(where=_shown(path))
        raise fail(message, *where.of_value(path))
    raise fail(_("{where}: {problem}").format(where=_shown(path), problem=error.message), *where.of_value(path))


def _deepest(error: Any) -> Any:
    """The cause an author can act on, inside ``anyOf``/``allOf`` branches."""
    from jsonschema.exceptions import best_match

    while error.context:
        error = best_match(error.context)
    return error


def _shown(path: JsonPath) -> str:
    return "/".join(str(p) for p in path) or _("the contract")


def subschemas(schema: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    """Every schema object of a contract with its path, without recursion."""
    pending: list[tuple[JsonPath, Any]] = [(path, schema)]
    while pending:
        at, sub = pending.pop()
        if not isinstance(sub, dict):
            continue
        yield at, sub
        for keyword in _SCHEMA:
            if keyword in sub:
                pending.append(((*at, keyword), sub[keyword]))
        for keyword in _SCHEMA_LISTS:
            if isinstance(sub.get(keyword), list):
                pending += [((*at, keyword, i), item) for i, item in enumerate(sub[keyword])]
        for keyword in _SCHEMA_MAPS:
            if isinstance(sub.get(keyword), dict):
                pending += [((*at, keyword, name), item) for name, item in sub[keyword].items()]


def _target(schema: dict[str, Any], ref: str, anchors: set[str]) -> JsonPath | None:
    """The path a local ``$ref`` points at, or None when it points at nothing."""
    fragment = ref[1:]
    if fragment and not fragment.startswith("/"):
        found = [at for at, sub in subschemas(schema) if sub.get("$anchor") == fragment]
        return found[0] if found else None
    path: list[str | int] = []
    node: Any = schema
    for raw in fragment.split("/")[1:] if fragment else []:
        part = raw.replace("~1", "/").replace("~0", "~")
        step: str | int
        if isinstance(node, dict) and part in node:
            node, step = node[part], part
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node, step = node[int(part)], int(part)
        else:
            return None
        path.append(step)
    return tuple(path) if isinstance(node, dict | bool) else None


def _check_ref(schema: dict[str, Any], ref: str, anchors: set[str], at: JsonPath, where: Positions, fail: Any) -> None:
    if not ref.startswith("#"):
        raise fail(
            _(
                "'$ref' {ref!r} is not inside the contract: methlint never fetches a URL nor reads another file;"
                " copy what it needs under '$defs' and write '#/$defs/…'"
            ).format(ref=ref),
            *where.of_value(at),
        )
    if _target(schema, ref, anchors) is None:
        raise fail(_("'$ref' {ref!r} points at nothing in the contract").format(ref=ref), *where.of_value(at))


def _check_cycles(schema: dict[str, Any], anchors: set[str], where: Positions, fail: Any) -> None:
    """A ``$ref`` chain applying a schema to the very value it started from never ends."""
    edges: dict[JsonPath, list[tuple[JsonPath, JsonPath]]] = {}  # schema -> (next schema, where the step is)
    for path, sub in subschemas(schema):
        steps = edges.setdefault(path, [])
        if isinstance(sub.get("$ref"), str) and (target := _target(schema, sub["$ref"], anchors)) is not None:
            steps.append((target, (*path, "$ref")))
        steps += [((*path, k), (*path, k)) for k in _IN_PLACE if isinstance(sub.get(k), dict)]
        for keyword in _IN_PLACE_LISTS:
            if isinstance(sub.get(keyword), list):
                steps += [((*path, keyword, i), (*path, keyword, i)) for i in range(len(sub[keyword]))]
    state: dict[JsonPath, int] = {}  # 1: on the current chain, 2: done
    for start in edges:
        if start in state:
            continue
        chain: list[tuple[JsonPath, Iterator[tuple[JsonPath, JsonPath]]]] = [(start, iter(edges[start]))]
        state[start] = 1
        while chain:
            node, pending = chain[-1]
            step = next(pending, None)
            if step is None:
                state[node] = 2
                chain.pop()
                continue
            target, at = step
            if state.get(target) == 1:
                raise fail(
                    _(
                        "this '$ref' leads back to a schema it comes from without going deeper into the document:"
                        " validating would never end"
                    ),
                    *where.of_value(at),
                )
            if target not in state and target in edges:
                state[target] = 1
                chain.append((target, iter(edges[target])))
