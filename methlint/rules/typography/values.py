"""The prose of the front matter: one unit per string value under a prose key.

Which keys hold prose is configured (``[typography] prose-keys``); a value that is one
name (a URL, an e-mail, a file name) is never prose. A unit is the value's source with its
YAML syntax masked: quotes stay outside it, escapes and indentation are masked.
"""

from __future__ import annotations

import fnmatch
import functools
import re

import yaml

from methlint.document import Document
from methlint.front_matter import DateText, FrontMatter, iter_paths
from methlint.front_matter import Path as DataPath
from methlint.rules.typography.masks import FILE_EXTENSIONS
from methlint.rules.typography.units import MASK, ProseUnit, masked

# (start, end, data path) of a block scalar (| or >), whose trailing spaces are data
BlockScalar = tuple[int, int, DataPath]

# A value that is one name: a URL, a path, an e-mail, a file name
NAME = re.compile(rf"(?:[a-z][a-z0-9+.-]*:|www\.|\.{{0,2}}/)\S*|[^\s@]+@[^\s@]+|\S+\.(?i:{FILE_EXTENSIONS})")
_DOUBLE_QUOTED_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|\r?\n|.)")
_LEADING_SPACE = re.compile(r"(?<=\n)[ \t]+")
_BLOCK_INDENTATION = re.compile(r"^[ \t]+", re.MULTILINE)
_STR_TAG = "tag:yaml.org,2002:str"
# An anchor (&name) or tag (!, !!str, !<…>) and the blanks, line breaks or comments that part
# it from the value. A value can start with neither "&" nor "!" (both are YAML indicators).
_NODE_PROPERTIES = re.compile(r"(?:[&!][^\s]*(?:[ \t\r\n]+(?:#[^\r\n]*)?)*)+")


def is_a_name(value: str) -> bool:
    """Whether a value is one name (a URL, an e-mail, a file name…) rather than prose."""
    # a value with a space is never one of those single tokens: no regex for most values
    return " " not in value and NAME.fullmatch(value) is not None


class ProseKeys:
    """Which keys hold prose, from glob patterns ("a.*.b" descends through lists). Every document
    repeats the same keys, so the answers are remembered (a dict lookup instead of a dozen
    alternatives)."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self._top = re.compile("|".join(fnmatch.translate(p.split(".")[0]) for p in patterns))
        self._whole = re.compile("|".join(fnmatch.translate(p) for p in patterns))
        self._top_answers: dict[str, bool] = {}
        self._whole_answers: dict[str, bool] = {}

    def may_hold_prose(self, top_key: str) -> bool:
        """Whether some value under this top-level key may be prose."""
        answer = self._top_answers.get(top_key)
        return self._answer(self._top, self._top_answers, top_key) if answer is None else answer

    def is_prose(self, dotted_key: str) -> bool:
        """Whether the string values at this dotted key (list indexes left out) are prose."""
        answer = self._whole_answers.get(dotted_key)
        return self._answer(self._whole, self._whole_answers, dotted_key) if answer is None else answer

    @staticmethod
    def _answer(pattern: re.Pattern[str], answers: dict[str, bool], key: str) -> bool:
        if len(answers) > 5_000:  # keys made up by thousands of documents
            answers.clear()
        answer = answers[key] = pattern.match(key) is not None
        return answer


@functools.lru_cache(maxsize=8)
def prose_keys(patterns: tuple[str, ...]) -> ProseKeys:
    return ProseKeys(patterns)


_EVERY_KEY = ProseKeys(("*",))
# Jekyll's own front-matter keys: what they hold is read by Jekyll, never printed as prose
JEKYLL_KEYS = frozenset(
    (
        "layout", "permalink", "published", "date", "category", "categories", "tags", "slug", "lang",
        "excerpt_separator", "redirect_from", "redirect_to", "sitemap", "render_with_liquid", "collection",
    )
)  # fmt: skip


def prose_scalars(
    root: yaml.Node | None, keys: ProseKeys, known_keys: frozenset[str] | None = None
) -> list[tuple[DataPath, yaml.ScalarNode]]:
    """(data path, scalar node) of the values under prose keys, and with ``known_keys`` under
    every top-level key outside them and Jekyll's own, in file order; other subtrees are not walked."""
    found: list[tuple[DataPath, yaml.ScalarNode]] = []
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if known_keys is not None and _unknown(key.value, known_keys):
                _collect_scalars(value, (key.value,), key.value, _EVERY_KEY, found)
            elif keys.may_hold_prose(key.value):
                _collect_scalars(value, (key.value,), key.value, keys, found)
    return found


def _unknown(key: object, known_keys: frozenset[str]) -> bool:
    return isinstance(key, str) and key not in known_keys and key not in JEKYLL_KEYS


def _collect_scalars(
    node: yaml.Node, path: DataPath, dotted: str, keys: ProseKeys, found: list[tuple[DataPath, yaml.ScalarNode]]
) -> None:
    if isinstance(node, yaml.ScalarNode):
        if keys.is_prose(dotted):
            found.append((path, node))
    elif len(path) > 20:  # aliases can make a graph; prose is never this deep
        return
    elif isinstance(node, yaml.SequenceNode):
        items_are_prose = keys.is_prose(dotted)  # what the call would answer for each string item
        for index, item in enumerate(node.value):
            if isinstance(item, yaml.ScalarNode):
                if items_are_prose:
                    found.append(((*path, index), item))
            else:
                _collect_scalars(item, (*path, index), dotted, keys, found)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                _collect_scalars(value, (*path, key.value), f"{dotted}.{key.value}", keys, found)


def block_scalars(fm: FrontMatter) -> list[BlockScalar]:
    """File offsets and data path of every block scalar (| or >)."""
    if "|" not in fm.yaml and ">" not in fm.yaml:
        return []
    return [
        (fm.file_offset(node.start_mark), fm.file_offset(node.end_mark), path)
        for path, _key, node in iter_paths(fm.root)
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")
    ]


def front_matter_units(
    doc: Document, fm: FrontMatter, patterns: tuple[str, ...], known_keys: frozenset[str] | None = None
) -> list[ProseUnit]:
    """One unit per string value under a prose key (and with ``known_keys``, under a key the
    schema does not know) that is not a name, in file order; an alias repeats its anchor's
    node, which gives one unit."""
    units: list[ProseUnit] = []
    seen: set[int] = set()
    text = doc.text
    for path, node in prose_scalars(fm.root, prose_keys(patterns), known_keys):
        if node.tag != _STR_TAG or isinstance(node.value, DateText):
            continue
        index = node.start_mark.index
        if index in seen:
            continue  # an alias repeats its anchor's node: one source, one unit
        seen.add(index)
        stripped = node.value.strip()
        if not stripped or is_a_name(stripped):
            continue
        start, end = fm.offset + index, fm.offset + node.end_mark.index
        if text[start] in "&!":  # the node starts with its anchor or tag, which are not the value
            start = _NODE_PROPERTIES.match(text, start, end).end()  # type: ignore[union-attr]
        style = node.style or ""
        source = text[start:end]
        if not style and "\n" not in source and "\r" not in source:  # most values: one plain line, nothing to mask
            units.append(ProseUnit(start, source, path))
            continue
        unit = _scalar_unit(text, start, end, style)
        if unit is not None:
            units.append(ProseUnit(unit[0], unit[1], path, style))
    return units


def _scalar_unit(text: str, start: int, end: int, style: str) -> tuple[int, str] | None:
    """The scalar's source with YAML syntax masked, or None when it cannot be mapped."""
    if style in ("'", '"'):
        start, end = start + 1, end - 1  # inside the quotes
        source = text[start:end]
        if style == "'":
            source = source.replace("''", MASK * 2)  # an escaped quote: never prose to edit
        elif "\\" in source:
            source = _DOUBLE_QUOTED_ESCAPE.sub(lambda m: masked(m.group()), source)
    elif style in ("|", ">"):
        header_end = text.find("\n", start, end)
        if header_end == -1:
            return None
        start = header_end + 1
        source = _BLOCK_INDENTATION.sub(lambda m: MASK * len(m.group()), text[start:end])
    else:
        source = text[start:end]
    if "\n" in source:
        source = _LEADING_SPACE.sub(lambda m: MASK * len(m.group()), source)
    if "\r" in source:
        source = source.replace("\r", MASK)
    return start, source
