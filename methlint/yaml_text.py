"""Writing YAML scalars as text that every reader (YAML 1.1 and 1.2) reads back unchanged.

Jekyll reads front matter as YAML 1.1 (libyaml), other tools as YAML 1.2; ``yes``,
``0755`` or ``1:30`` mean different things to each. :func:`render_scalar` only returns a
spelling that both read as exactly the intended string, which it proves by parsing.
"""

from __future__ import annotations

import functools
import io
import math
import re
from typing import Any

import yaml

from methlint.diagnostics import Edit
from methlint.front_matter import FrontMatter, JekyllLoader

PLAIN, SINGLE, DOUBLE = "", "'", '"'


def single_quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# what a double-quoted scalar cannot hold as itself on one line: the quote, the backslash, the
# characters YAML's reader refuses (C0, DEL, C1, U+FFFE/FFFF) and the line breaks (NEL, LS, PS)
_DOUBLE_QUOTED_ESCAPES = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]')
# of those, what only a double-quoted escape can carry (single quotes fold line breaks, and the
# reader refuses the others anywhere)
_ONLY_ESCAPED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_NAMED_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\t": "\\t",
    "\n": "\\n",
    "\r": "\\r",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def _double_quoted_escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return _NAMED_ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def double_quoted(value: str) -> str:
    return '"' + _DOUBLE_QUOTED_ESCAPES.sub(_double_quoted_escape, value) + '"'


def quoted(value: str) -> str:
    """The most readable quoted form: double quotes when the text holds straight apostrophes."""
    if _ONLY_ESCAPED.search(value):
        return double_quoted(value)
    if "'" in value and '"' not in value and "\\" not in value:
        return double_quoted(value)
    return single_quoted(value)


NOT_READ = object()


def read_yaml_1_1(text: str) -> object:
    """What Jekyll sees (libyaml, YAML 1.1), or ``NOT_READ``."""
    try:
        return yaml.load(text, Loader=JekyllLoader)  # noqa: S506 - JekyllLoader is a safe loader
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError, KeyError, IndexError):
        # ValueError & co.: PyYAML's constructors reject tagged values such as ``!!int deux``
        return NOT_READ


# libyaml (Jekyll) accepts a tab before a comment or at the end of a line; ruamel does not.
# Replacing such a tab by a space keeps every column and changes no value.
_SEPARATING_TAB = re.compile(r"\t(?=[ \t]*(?:#.*)?$)", re.MULTILINE)
# An empty explicit key closed by a flow indicator: libyaml reads "[?]]" (as [{null: null}]) and
# rejects "[?]", ruamel the other way round.
_EMPTY_EXPLICIT_KEY = re.compile(r"\?[ \t]*[]},]")


@functools.cache
def _timestamps_as_text() -> type:
    """ruamel's safe constructor with dates kept as text, as in the YAML 1.1 reading."""
    from ruamel.yaml.constructor import SafeConstructor

    class TimestampsAsText(SafeConstructor):
        pass

    TimestampsAsText.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
    return TimestampsAsText


class Yaml12Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """libyaml's parser with the YAML 1.2 core schema: what most tools other than Jekyll read.

    The YAML 1.1 / 1.2 traps are in how plain scalars resolve (``yes``, ``on``, ``~``,
    ``0755``, ``1:30``, dates), which this resolver follows from the 1.2 spec (10.3.2); it
    runs at C speed, where ruamel.yaml's pure reader costs ~20 ms per front matter.
    ``read_yaml_1_2_ruamel`` stays the reference the tests compare it with.
    """

    yaml_implicit_resolvers: dict[Any, Any] = {}


def _core_int(loader: yaml.BaseLoader, node: yaml.ScalarNode) -> int:
    value = node.value.replace("_", "")
    sign = -1 if value.startswith("-") else 1
    digits = value.lstrip("+-")
    bases = {"0b": 2, "0o": 8, "0x": 16}
    if digits[:2] in bases:
        return sign * int(digits[2:], bases[digits[:2]])
    return sign * int(digits)


def _core_float(loader: yaml.BaseLoader, node: yaml.ScalarNode) -> float:
    value = node.value.replace("_", "").lower()
    if value.endswith(".inf"):
        return float("-inf") if value.startswith("-") else float("inf")
    if value == ".nan":
        return float("nan")
    return float(value)


# The YAML 1.2 resolution ruamel.yaml applies (its (1, 2) resolvers, which accept underscores,
# `0b` and `0o`): checking against the stricter reading of the two keeps the fixer honest.
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (
        "float",
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
        r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("int", r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$", "-+0123456789"),
    ("merge", r"^<<$", "<"),  # 1.2 has no merge keys, but readers choke on a lone `<<`
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("value", r"^=$", "="),
):
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:" + _tag, re.compile(_pattern), list(_first))
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^$"), [""])
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _core_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _core_float)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", lambda loader, node: node.value.lower() == "true")


def read_yaml_1_2(text: str) -> object:
    """What a YAML 1.2 reader sees (core schema), or ``NOT_READ``.

    libyaml and ruamel.yaml's parser disagree on tabs inside values (libyaml is lenient), on
    empty explicit keys in flow collections and on a BOM inside the stream, so front matter
    holding any of them is read by ruamel.yaml itself. A tab only separates (before a comment,
    at the end of a line) outside quotes; where quotes could span lines, telling the two apart
    needs a parser, so any tab beside a quote sends the text to ruamel as well.
    """
    if "\t" in text and ("\t" in _SEPARATING_TAB.sub(" ", text) or "'" in text or '"' in text):
        return read_yaml_1_2_ruamel(text)
    if "?" in text and _EMPTY_EXPLICIT_KEY.search(text):
        return read_yaml_1_2_ruamel(text)
    if "\ufeff" in text:  # libyaml skips a BOM inside the stream; ruamel reads it as a character
        return read_yaml_1_2_ruamel(text)
    try:
        return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError):
        return NOT_READ


def read_yaml_1_2_ruamel(text: str) -> object:
    """What ruamel.yaml's pure YAML 1.2 reader sees, or ``NOT_READ`` (the reference for tests)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError as RuamelYAMLError

    reader = YAML(typ="safe", pure=True)
    reader.Constructor = _timestamps_as_text()
    try:
        return reader.load(io.StringIO(_SEPARATING_TAB.sub(" ", text)))
    except (RuamelYAMLError, RecursionError, ValueError, TypeError, OverflowError):
        # ValueError & co.: the constructor rejects values such as 2019-02-30
        return NOT_READ


def was_read(value: object) -> bool:
    return value is not NOT_READ


def reads_as(token: str, value: str) -> bool:
    """Whether ``token`` as a block mapping value reads as exactly ``value`` in YAML 1.1 and 1.2."""
    document = "_: " + token + "\n"
    for read in (read_yaml_1_1, read_yaml_1_2):
        data = read(document)
        if not isinstance(data, dict) or set(data) != {"_"}:
            return False
        found = data["_"]
        if type(found) is not str or found != value:  # a DateText or a datetime is not the text
            return False
    return True


def _printed(value: object) -> str | None:
    """How Liquid prints a value read from front matter (None: not as any text it could be written as)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    return None


def reads_as_written(token: str) -> bool:
    """Whether ``token``, as a block mapping value, means what its text says under YAML 1.1 and 1.2.

    A quoted value, a flow collection or a block scalar must read the same in both; a plain
    value must also print as it is written: ``2``, ``true`` and ``texte`` do, ``10:30`` (630
    for Jekyll), ``0755`` (493), ``yes`` (true) and ``null`` (nothing) do not.
    """
    if not token:
        return False
    document = "_: " + token + "\n"
    readings = [read(document) for read in (read_yaml_1_1, read_yaml_1_2)]
    if not all(isinstance(data, dict) and set(data) == {"_"} for data in readings):
        return False
    value_11, value_12 = (data["_"] for data in readings)  # type: ignore[index]
    same_type = isinstance(value_11, str) and isinstance(value_12, str) or type(value_11) is type(value_12)
    if not same_type or value_11 != value_12:  # as text: YAML 1.1 keeps a date as text of its own type
        return False
    return token[:1] in "'\"[{|>" or _printed(value_11) == token


def render_scalar(value: str, style: str = PLAIN) -> str:
    """The spelling of ``value`` as a block (not flow) scalar, in ``style`` if that reads back.

    ``style`` is the scalar's current style: ``""`` plain, ``"'"`` or ``'"'``. Otherwise the
    smallest quoting that reads back exactly in both YAML versions is used. A value that
    no spelling can carry (it never happens for ``str``) raises ``ValueError``.
    """
    candidates = {PLAIN: value, SINGLE: single_quoted(value), DOUBLE: double_quoted(value)}
    order = [style, SINGLE, DOUBLE] if style in candidates else [SINGLE, DOUBLE]
    if _ONLY_ESCAPED.search(value):
        order = [DOUBLE]  # only escapes keep line breaks, tabs and control characters exact on one line
    for candidate_style in order:
        token = candidates[candidate_style]
        if candidate_style == PLAIN and (not value or value != value.strip(" ")):
            continue  # plain scalars lose outer spaces; an empty plain value is null
        if reads_as(token, value):
            return token
    raise ValueError(f"no YAML spelling reads back as {value!r}")


def scalar_edit(fm: FrontMatter, node: yaml.ScalarNode, new_value: str) -> Edit | None:
    """The edit making ``node`` (a block-context scalar) read as ``new_value``, in its style.

    Returns None for what a span edit cannot safely express: an empty value (it has no
    token), block scalars (``|``, ``>``) and tagged or anchored nodes. An unchanged value
    gives an edit that rewrites the token with its own bytes: a no-op is byte-identical.
    """
    start, end = fm.file_offset(node.start_mark), fm.file_offset(node.end_mark)
    source = fm.yaml[start - fm.offset : end - fm.offset]
    if start == end or node.style in ("|", ">") or source[:1] in ("!", "&"):
        return None
    if node.value == new_value and node.tag == "tag:yaml.org,2002:str":
        return Edit(start, end, source)
    return Edit(start, end, render_scalar(new_value, node.style or PLAIN))
