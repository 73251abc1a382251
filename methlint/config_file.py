"""Find, read and validate a project's configuration; print the effective one.

The configuration is ``[tool.methlint]`` in ``pyproject.toml`` or the whole of
``methlint.toml``, found by walking up from the checked paths. It is data only
(``tomllib``), validated by ``schemas/config.schema.json``: nothing in it is ever
executed, imported or fetched.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from methlint.config import DEFAULT_COLLECTIONS, CollectionRule, Config, TypographyOptions
from methlint.document import read_raw
from methlint.front_matter import Limits
from methlint.i18n import _, quoted

MAX_CONFIG_BYTES = 1_000_000
CONFIG_NAMES = ("methlint.toml", "pyproject.toml")  # in this order within one folder
_PYPROJECT_TABLE = ("tool", "methlint")


class ConfigError(Exception):
    """A configuration problem, positioned in its file (1-based line and column)."""

    def __init__(self, path: Path, line: int, column: int, message: str) -> None:
        from methlint.reporting.display import displayable  # a folder's or a key's name may hold anything

        super().__init__(displayable(f"{path}:{line}:{column}: {message}"))
        self.path, self.line, self.column, self.message = path, line, column, message


def _configured_table(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The methlint table of a file (None when a pyproject.toml has none) and the file's text."""
    read = read_raw(path, max_bytes=MAX_CONFIG_BYTES)  # never waits on a FIFO or a terminal
    if read.problem is not None:
        reason = read.problem.detail if read.problem.kind == "unreadable" else _("it is larger than 1 MB")
        raise ConfigError(path, 1, 1, _("cannot read the configuration: {error}").format(error=reason))
    assert read.raw is not None  # read without a problem
    try:
        text = read.raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ConfigError(path, 1, 1, _("cannot read the configuration: {error}").format(error=err)) from err
    try:
        data: Any = tomllib.loads(text)  # then the pyproject.toml table, which may be absent
    except tomllib.TOMLDecodeError as err:
        line, column = _toml_error_position(str(err))
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)$", "", str(err))
        raise ConfigError(path, line, column, _("invalid TOML: {error}").format(error=message)) from err
    if path.name == "pyproject.toml":
        for key in _PYPROJECT_TABLE:
            data = data.get(key) if isinstance(data, dict) else None
    return data, text


def _toml_error_position(message: str) -> tuple[int, int]:
    match = re.search(r"at line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)


def find_config_file(start: Path) -> Path | None:
    """The nearest ``methlint.toml``, or ``pyproject.toml`` with a ``[tool.methlint]`` table."""
    folder = Path(os.path.abspath(start))
    if not os.path.isdir(folder):
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _configured_table(candidate)[0] is not None):
                return candidate
    return None


def common_start(paths: Sequence[Path]) -> Path:
    """Where to start looking for the configuration: the paths' common folder, else cwd."""
    if not paths:
        return Path.cwd()
    return Path(os.path.commonpath([os.path.abspath(p) for p in paths]))


# --- positions ----------------------------------------------------------------------------

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_HEADER = re.compile(rf"^\s*\[\[?\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*\]\]?")
_KEY_LINE = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")


def _key_parts(dotted: str) -> tuple[str, ...]:
    parts = re.findall(_KEY_PART, dotted)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


def _key_lines(text: str, table_prefix: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], int, int]]:
    """(full key path below the methlint table, line, column) of every header and key line."""
    current: tuple[str, ...] | None = () if not table_prefix else None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            parts = _key_parts(header.group(1))
            inside = parts[: len(table_prefix)] == table_prefix
            if inside:
                current = parts[len(table_prefix) :]
                yield current, number, header.start(1) + 1
            else:
                current = None
            continue
        key = _KEY_LINE.match(line)
        if key and current is not None:
            yield current + _key_parts(key.group(1)), number, key.start(1) + 1


def locate(
    text: str, path: Sequence[str | int], table_prefix: tuple[str, ...] = (), item: str | None = None
) -> tuple[int, int]:
    """Line and column of the deepest written key on ``path``; with ``item`` (a string inside
    an array there), of that string."""
    keys = tuple(str(p) for p in path if not isinstance(p, int))
    best: tuple[int, int, int] = (-1, 1, 1)
    for found, line, column in _key_lines(text, table_prefix):
        if keys[: len(found)] == found and len(found) > best[0]:
            best = (len(found), line, column)
            # a deeper key written on the same line: `x = { schema = "..." }`
            rest = keys[len(found) :]
            if rest:
                inline = re.search(rf'(?<![\w-])"?{re.escape(rest[0])}"?\s*=', text.splitlines()[line - 1])
                if inline:
                    best = (len(found), line, inline.start() + 1)
    if item is not None and best[0] >= 0:
        lines = text.splitlines()
        for number in range(best[1] - 1, len(lines)):
            start = best[2] - 1 if number == best[1] - 1 else 0
            quoted = re.search(rf"""["']{re.escape(item)}["']""", lines[number][start:])
            if quoted:
                return number + 1, start + quoted.start() + 1
    return best[1], best[2]


# --- validation and building ---------------------------------------------------------------


def _validator() -> Any:
    from jsonschema import Draft202012Validator

    from methlint.schemas import load_schema

    return Draft202012Validator(load_schema("config.schema.json"))


def _schema_message(error: Any) -> str:
    where = ".".join(str(p) for p in error.absolute_path) or _("the configuration")
    if error.validator == "additionalProperties":
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return _("unknown key {keys} in {where}").format(keys=", ".join(map(quoted, unknown)), where=where)
    if error.validator == "pattern" and list(error.absolute_path)[-1:] == ["language"]:
        return _("{value!r} in {where} is not a language tag (like fr, en or fr-FR)").format(
            value=error.instance, where=where
        )
    if error.validator == "pattern":
        return _("{value!r} in {where} is not a rule code or prefix (like FM001 or YML)").format(
            value=error.instance, where=where
        )
    if error.validator == "enum":
        return _("{value!r} in {where} must be one of: {allowed}").format(
            value=error.instance, where=where, allowed=", ".join(map(_visible, error.validator_value))
        )
    return _worded(error, where)


def _worded(error: Any, where: str) -> str:
    """The other schema errors in methlint's words; jsonschema's own English only as the detail
    of a keyword the configuration's schema does not use today."""
    from methlint.rules.schema_contract import _describe, _expected_types

    found, limit = _describe(error.instance), error.validator_value
    if error.validator == "type":
        return _("{where} must be {expected}, found {found}").format(
            where=where, expected=_expected_types(limit), found=found
        )
    if error.validator == "minimum":
        return _("{where} must be at least {limit}, found {found}").format(where=where, limit=limit, found=found)
    if error.validator == "maximum":
        return _("{where} must be at most {limit}, found {found}").format(where=where, limit=limit, found=found)
    if error.validator == "minLength":
        return _("{where} must not be empty").format(where=where)
    return _("{where} breaks the schema rule {keyword} (the validator says: {detail})").format(
        where=where, keyword=quoted(error.validator), detail=error.message
    )


def _visible(value: object) -> str:
    """A value as a message shows it, an invisible character (a no-break space) as U+XXXX."""
    return "".join(char if char.isprintable() else f"U+{ord(char):04X}" for char in str(value))


def _unknown_codes(data: dict[str, Any], known: Iterable[str]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Prefixes that select no registered rule: a typo would silently check nothing."""
    known = tuple(known)
    lists: list[tuple[str, ...]] = [(k,) for k in ("select", "extend-select", "ignore")]
    lists += [("per-file-ignores", glob) for glob in data.get("per-file-ignores", {})]
    for path in lists:
        values: Any = data
        for key in path:
            values = values.get(key, {}) if isinstance(values, dict) else {}
        for index, prefix in enumerate(values if isinstance(values, list) else []):
            if not any(code.startswith(prefix) for code in known):
                yield (*path, index), prefix
    for prefix in data.get("severities", {}):
        if not any(code.startswith(prefix) for code in known):
            yield ("severities", prefix), prefix


def closest_code(code: str, known: Iterable[str]) -> str | None:
    """The registered code or prefix closest to a mistyped one (``TYPO10`` -> ``TYP010``)."""
    import difflib

    known = tuple(known)
    prefixes = {c.rstrip("0123456789") for c in known}
    close = difflib.get_close_matches(code, sorted(prefixes | set(known)), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_code_message(code: str, known: Iterable[str]) -> str:
    """ "no rule code starts with 'TYPO10': did you mean 'TYP010'?" (ruff: "Unknown rule selector")."""
    message = _("no rule code starts with {code!r}").format(code=code)
    close = closest_code(code, known)
    if close is not None:
        return message + _(": did you mean {code!r}?").format(code=close)
    return message + _(" (`methlint rules` lists them)")


def parse_config(data: dict[str, Any], text: str, source: Path, known_codes: Iterable[str]) -> Config:
    known_codes = tuple(known_codes)
    prefix = _PYPROJECT_TABLE if source.name == "pyproject.toml" else ()
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(data))  # descends into oneOf to the real cause
    if error is not None:
        path = list(error.absolute_path)
        if error.validator == "additionalProperties":  # point at the unknown key itself
            path.append(sorted(set(error.instance) - set(error.schema.get("properties", {})))[0])
        item = error.instance if path and isinstance(path[-1], int) and isinstance(error.instance, str) else None
        line, column = locate(text, path, prefix, item)
        raise ConfigError(source, line, column, _schema_message(error))
    for code_path, code in _unknown_codes(data, known_codes):
        line, column = locate(text, code_path, prefix, code if isinstance(code_path[-1], int) else None)
        raise ConfigError(source, line, column, unknown_code_message(code, known_codes))
    return build_config(data, source.parent, source, text)


def build_config(data: dict[str, Any], root: Path, source: Path | None = None, text: str = "") -> Config:
    """A :class:`Config` from validated data; paths are relative to ``root``, contract files
    are read from there and checked (raises :class:`ConfigError`)."""
    from methlint.config_collections import collection_rules
    from methlint.contract_check import ContractError

    prefix = _PYPROJECT_TABLE if source is not None and source.name == "pyproject.toml" else ()

    def fail(path: tuple[str, ...], message: str) -> ConfigError:
        return ConfigError(source or root, *locate(text, path, prefix), message)

    limits = data.get("yaml-limits", {})
    collections: tuple[CollectionRule, ...] = DEFAULT_COLLECTIONS
    if "collections" in data:
        try:
            collections = collection_rules(data["collections"], root, fail)
        except ContractError as err:
            raise ConfigError(err.path, err.line, err.column, err.message) from err
    return Config(
        root=root,
        content=root / data["content"] if "content" in data else None,
        select=tuple(data.get("select", ())),
        extend_select=tuple(data.get("extend-select", ())),
        ignore=tuple(data.get("ignore", ())),
        per_file_ignores=tuple((glob, tuple(codes)) for glob, codes in data.get("per-file-ignores", {}).items()),
        severities=tuple(data.get("severities", {}).items()),
        lower_invisible=data.get("lower-invisible", Config.lower_invisible),
        collections=collections,
        assets=tuple(data.get("assets", {}).items()),
        ordre_scope=data.get("ordre-scope"),
        date_future_years=data.get("date-future-years", Config.date_future_years),
        typography=TypographyOptions.from_table(data.get("typography", {})),
        limits=Limits(
            max_depth=limits.get("max-depth", Limits.max_depth),
            max_aliases=limits.get("max-aliases", Limits.max_aliases),
            max_events=limits.get("max-events", Limits.max_events),
        ),
        max_file_bytes=data.get("max-file-bytes", Config.max_file_bytes),
        exclude=tuple(data.get("exclude", Config.exclude)),
        extend_exclude=tuple(data.get("extend-exclude", ())),
        respect_gitignore=data.get("respect-gitignore", Config.respect_gitignore),
        lang=data.get("lang"),
        source=source,
    )


def load_config(explicit: Path | None, paths: Sequence[Path], known_codes: Iterable[str]) -> Config:
    """The effective configuration: the file given, else the nearest one, else the defaults."""
    source = explicit or find_config_file(common_start(paths))
    if source is None:
        return Config(root=Path.cwd())
    data, text = _configured_table(source)
    if data is None:  # an explicit pyproject.toml without [tool.methlint]
        data = {}
    return parse_config(data, text, source, known_codes)


# --- printing ------------------------------------------------------------------------------


def effective(config: Config) -> dict[str, Any]:
    """The configuration as the keys a user writes (kebab-case), every default filled in."""
    return {
        "source": str(config.source) if config.source else None,
        "content": None if config.content is None else str(config.content),
        "select": list(config.select),
        "extend-select": list(config.extend_select),
        "ignore": list(config.ignore),
        "per-file-ignores": {glob: list(codes) for glob, codes in config.per_file_ignores},
        "severities": dict(config.severities),
        "lower-invisible": config.lower_invisible,
        "collections": {c.folder: _effective_rule(c) for c in config.collections},
        "assets": dict(config.assets),
        "ordre-scope": config.ordre_scope,
        "date-future-years": config.date_future_years,
        "typography": config.typography.as_table(),
        "max-file-bytes": config.max_file_bytes,
        "exclude": list(config.exclude),
        "extend-exclude": list(config.extend_exclude),
        "respect-gitignore": config.respect_gitignore,
        "lang": config.lang,
        "yaml-limits": {
            "max-depth": config.limits.max_depth,
            "max-aliases": config.limits.max_aliases,
            "max-events": config.limits.max_events,
        },
    }


def _effective_rule(rule: CollectionRule) -> dict[str, Any]:
    """A collection as written: contracts by name (shipped) or by file (from the configuration's folder)."""
    from methlint.contracts import contract

    written: dict[str, Any] = {"schema": None if rule.schema is None else contract(rule.schema).label}
    if rule.by_value:
        written["discriminator"] = rule.discriminator
        written["by-value"] = {value: contract(id).label for value, id in rule.by_value}
    return written


def _toml_value(value: Any) -> str:
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if v is not None}  # TOML has no null: omit
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in shown.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    # a TOML basic string is a JSON string; an invisible character ([typography] nbsp) is escaped
    return "".join(char if char.isprintable() else _toml_escape(char) for char in json.dumps(value, ensure_ascii=False))


def _toml_escape(char: str) -> str:
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def as_toml(config: Config) -> str:
    values = effective(config)
    source = values.pop("source")
    lines = [f"# {_('from')} {source}" if source else f"# {_('defaults: no configuration file found')}"]
    lines.append("[tool.methlint]")
    tables = {k: v for k, v in values.items() if isinstance(v, dict)}
    lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in values.items() if k not in tables and v is not None]
    for name, table in tables.items():
        lines += ["", f"[tool.methlint.{name}]"]
        lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"
