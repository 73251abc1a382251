"""The JSON Schemas: where methlint's live, which contract a document follows, how it is checked."""

from __future__ import annotations

import datetime
import functools
import json
import re
from pathlib import Path, PurePath
from typing import Any

from methlint.config import Config
from methlint.contracts import BUILTIN, contract
from methlint.document import Document
from methlint.placement import Undecided, collection_of_folders, contract_choice, place

KINDS = BUILTIN  # the contracts methlint ships


def schema_dir() -> Path:
    """Installed wheels carry the schemas inside the package; a source checkout has them at the top."""
    packaged = Path(__file__).parent / "schemas"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "schemas"


def load_schema(name: str) -> dict[str, Any]:
    """A schema by its file in ``schemas/`` (config.schema.json…) or a contract by its id."""
    if name.endswith(".schema.json") and "/" not in name:
        return _schema_file(name)
    return contract(name).schema


@functools.cache
def _schema_file(filename: str) -> dict[str, Any]:
    with open(schema_dir() / filename, encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def known_keys(choice: str | Undecided | None) -> frozenset[str]:
    """The top-level keys the contract ``choice`` knows (none without a contract). A document that
    does not say which contract it follows (SCH008) knows the keys of every contract its collection
    chooses from: a tool's ``img-bg`` stays a tool's key, not prose, when its ``categorie`` is misspelt."""
    if isinstance(choice, Undecided):
        ids = (choice.rule.schema, *(id for _value, id in choice.rule.by_value))
        return frozenset().union(*(_contract_keys(id) for id in ids if id is not None))
    return frozenset() if choice is None else _contract_keys(choice)


@functools.cache
def _contract_keys(id: str) -> frozenset[str]:
    return frozenset(load_schema(id).get("properties", {}))


def kind_for(doc: Document, config: Config) -> str | Undecided | None:
    """The contract of a document, from where it is and its front matter (:mod:`methlint.placement`).

    A document without a file (an editor's buffer, a test) is placed by its path as shown."""
    if doc.fs_path is not None:
        rule = place(doc.fs_path, config).collection
    else:
        found = collection_of_folders(PurePath(doc.path).parts[:-1], config)
        rule = None if found is None else found[0]
    return contract_choice(rule, doc.data)


# --- formats ---------------------------------------------------------------------------

_DATE = r"(\d{4})-(\d{2})-(\d{2})"
_JEKYLL_DATE = re.compile(
    _DATE + r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"(?:[ \t]*(?:Z|z|[+-]\d{2}:?\d{2}))?"
)
_URL = re.compile(r"https?://[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?|https?://localhost(?::\d+)?(?:[/?#]\S*)?")
_EMAIL = re.compile(r"[^@\s<>(),;:]+@[^@\s<>(),;:]+\.[A-Za-z]{2,}")


def parse_jekyll_date(text: str) -> datetime.date | None:
    """The calendar day of a date in a form Jekyll accepts; None if the form or the day is wrong."""
    match = _JEKYLL_DATE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second = match.groups()
    try:
        parsed = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if hour is not None and (int(hour) > 23 or int(minute) > 59 or int(second or 0) > 60):
        return None
    return parsed


def is_jekyll_date(value: object) -> bool:
    """The forms Jekyll accepts, and a real calendar date and time."""
    return not isinstance(value, str) or parse_jekyll_date(value) is not None


def is_url(value: object) -> bool:
    return not isinstance(value, str) or _URL.fullmatch(value) is not None


def is_email(value: object) -> bool:
    return not isinstance(value, str) or _EMAIL.fullmatch(value) is not None


@functools.cache
def format_checker() -> Any:
    """Our own checkers: jsonschema silently skips ``uri`` without optional packages."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("jekyll-date")(is_jekyll_date)
    checker.checks("uri")(is_url)
    checker.checks("email")(is_email)
    return checker


def validator(kind: str) -> Any:
    return contract(kind).validator


def fast_validator(kind: str) -> Any:
    """A compiled validator that only says valid/invalid (jsonschema-rs), or None if unavailable.

    jsonschema stays the reference for messages and positions; it runs only for the
    documents this gate finds invalid (~80x faster on valid documents, docs/performance.md).
    """
    return contract(kind).fast_validator


def plain(value: Any) -> Any:
    """The same data with ``str`` subclasses (DateText) as ``str``, as compiled validators need."""
    if type(value) is dict:
        return {k: plain(v) for k, v in value.items()}
    if type(value) is list:
        return [plain(v) for v in value]
    if isinstance(value, str) and type(value) is not str:
        return str(value)
    return value


def is_valid_fast(kind: str, data: Any) -> bool:
    """True only when the document is certainly valid; False means "ask jsonschema"."""
    fast = fast_validator(kind)
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(plain(data)))
    except (ValueError, TypeError):  # a type jsonschema-rs does not know (bytes…): ask jsonschema
        return False
