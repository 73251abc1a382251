"""The configuration's ``[collections]``: which contract the documents of each folder follow.

```toml
[collections]
"_usage" = "usage"                                    # a contract methlint ships
"_usage_citoyens" = "contracts/usage-citoyen.schema.json"  # a file of the site
"_outil" = { by-categorie = { methode = "method", outil = "tool" } }
"_projets" = { discriminator = "type", by-value = { atelier = "contracts/atelier.schema.json" } }
```

Each contract file is read and checked when the configuration is (:mod:`methlint.contract_check`):
a missing file, or a contract that is not a valid one, is a configuration error at its line and
column, in the configuration or in the contract.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

from methlint.config import CollectionRule
from methlint.contracts import BUILTIN
from methlint.i18n import _

# (path in the configuration, message) -> the error to raise, positioned
Fail = Callable[[tuple[str, ...], str], Exception]


def collection_rules(collections: dict[str, Any], folder: Path, fail: Fail) -> tuple[CollectionRule, ...]:
    """The rules of a validated ``[collections]`` table; contract files are read from ``folder``."""
    return tuple(_rule(glob, value, folder, fail) for glob, value in collections.items())


def _rule(glob: str, value: str | dict[str, Any], folder: Path, fail: Fail) -> CollectionRule:
    at = ("collections", glob)
    if isinstance(value, str):
        return CollectionRule(glob, _contract(value, folder, at, fail))
    if "by-categorie" in value and ("by-value" in value or "discriminator" in value):
        raise fail((*at, "by-categorie"), _("'by-categorie' is 'by-value' with the discriminator categorie: use one"))
    if "discriminator" in value and "by-value" not in value:
        raise fail((*at, "discriminator"), _("'discriminator' chooses among the contracts of 'by-value': add it"))
    table = "by-categorie" if "by-categorie" in value else "by-value"
    by_value = tuple(
        (choice, _contract(written, folder, (*at, table, choice), fail))
        for choice, written in value.get(table, {}).items()
    )
    schema = value.get("schema")
    return CollectionRule(
        glob,
        None if schema is None else _contract(schema, folder, (*at, "schema"), fail),
        by_value,
        value.get("discriminator", "categorie"),
    )


def _contract(written: str, folder: Path, at: tuple[str, ...], fail: Fail) -> str:
    """The id of the contract ``written`` names: a shipped one, or a file loaded and checked."""
    from methlint.contracts import load_site_contract

    if written in BUILTIN:
        return written
    pure = PurePath(written)
    if pure.is_absolute() or ".." in pure.parts or "\\" in written:
        raise fail(
            at,
            _("{written!r}: a contract file is named from the configuration's folder, inside it").format(
                written=written
            ),
        )
    if not os.path.lexists(folder / written):
        raise fail(at, _missing(written, folder))
    return load_site_contract(written, folder).id


def _missing(written: str, folder: Path) -> str:
    from methlint.rules._base import close_matches

    message = _("no contract file {written!r} in {folder} (the contracts methlint ships: {shipped})").format(
        written=written, folder=folder, shipped=", ".join(BUILTIN)
    )
    candidates = list(BUILTIN) + _json_files_near(written, folder)
    close = close_matches(written, candidates, 1, 0.6)
    if close:
        message += _(": did you mean {name!r}?").format(name=close[0])
    return message


def _json_files_near(written: str, folder: Path) -> list[str]:
    """The JSON files, as they would be written, of the folder a missing contract was looked for in."""
    parent = PurePath(written).parent
    try:
        names = sorted(entry.name for entry in os.scandir(folder / parent) if entry.name.endswith(".json"))
    except OSError:
        return []
    return [(parent / name).as_posix() for name in names[:200]]
