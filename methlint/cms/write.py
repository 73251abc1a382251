"""The configuration file around the generated collections: what the site holds is kept.

An existing ``admin/config.yml`` is read with ruamel.yaml's round trip, so its comments,
quotes and key order survive; only ``collections`` changes. A collection the contracts
replace (same folder) is rewritten, keeping what it held beyond the generated keys (``slug``,
``preview_path``, ``summary``…); the site's other collections are kept as they are, after the
generated ones, except a collection with neither ``folder`` nor ``files``, which Decap refuses
and is dropped with a note. Without a file, a new one is written for a Git backend to edit.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from methlint.cms.generate import Generated
from methlint.i18n import _

GENERATED_KEYS = frozenset({"name", "label", "label_singular", "folder", "filter", "fields", "files"})
NEW_FILE_COMMENT = (
    "Decap CMS configuration. `methlint cms generate` rewrites the collections from the contracts\n"
    "and keeps everything else: adapt the backend and the media folders to the site."
)
NEW_FILE_HEAD = {
    # Written once, for the team to adapt: methlint never changes these afterwards.
    "backend": {"name": "git-gateway", "branch": "main"},
    "locale": "fr",
    "media_folder": "img",
    "public_folder": "/img",
}


@dataclass
class Written:
    text: str
    notes: list[str] = field(default_factory=list)


class ConfigNotReadable(Exception):
    """The existing configuration is not YAML ruamel can keep (``methlint cms check`` says why)."""


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # hints stay on their line
    return yaml


def render(existing: str | None, generated: list[Generated]) -> Written:
    """The configuration file: ``existing`` with its collections replaced, or a new one."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    yaml = _yaml()
    written = Written("")
    if existing is None or not existing.strip():
        data = CommentedMap(NEW_FILE_HEAD)
        data.yaml_set_start_comment(NEW_FILE_COMMENT)
        old: list[Any] = []
    else:
        try:
            data = yaml.load(existing)
        except (YAMLError, RecursionError, ValueError) as err:
            raise ConfigNotReadable(str(err)) from err
        if not isinstance(data, CommentedMap):
            raise ConfigNotReadable(_("the configuration must be a mapping"))
        old = list(data.get("collections") or []) if isinstance(data.get("collections"), list) else []
    collections = CommentedSeq()
    replaced: set[int] = set()
    for new in generated:
        previous = [c for c in old if isinstance(c, dict) and _folder(c) == new.folder]
        replaced.update(id(c) for c in previous)
        collections.append(_with_kept_keys(new.data, previous))
    for collection in old:
        if id(collection) in replaced:
            continue
        if isinstance(collection, dict) and collection.get("folder") is None and collection.get("files") is None:
            name = collection.get("name", "?")
            written.notes.append(
                _("collection '{name}' dropped: it has neither 'folder' nor 'files'").format(name=name)
            )
            continue
        collections.append(collection)
    data["collections"] = collections
    out = io.StringIO()
    yaml.dump(data, out)
    written.text = out.getvalue()
    return written


def _folder(collection: dict[str, Any]) -> str | None:
    folder = collection.get("folder")
    return str(folder).strip("/") if folder is not None else None


def _with_kept_keys(generated: dict[str, Any], previous: list[Any]) -> Any:
    """The generated collection, then the keys the site's own collection for the folder held."""
    from ruamel.yaml.comments import CommentedMap

    merged = CommentedMap(_styled(generated))
    for collection in previous:
        for key, value in collection.items():
            if key not in GENERATED_KEYS and key not in merged:
                merged[key] = value
            elif key == "create":
                merged[key] = value  # the site decides whether editors create documents
    return merged


def _styled(value: Any) -> Any:
    """Lists of plain values in flow style (``[title]``), everything else in block style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        return CommentedMap((k, _styled(v)) for k, v in value.items())
    if isinstance(value, list):
        seq = CommentedSeq(_styled(v) for v in value)
        if all(not isinstance(v, dict | list) for v in value):
            seq.fa.set_flow_style()
        return seq
    return value
