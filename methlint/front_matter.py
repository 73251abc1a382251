"""Parse front matter as Jekyll does: YAML 1.1 through libyaml, with positions.

Jekyll (Psych) parses with libyaml; PyYAML's ``CSafeLoader`` is the same C parser,
so it accepts and rejects exactly what Jekyll does (a tab before a comment is
fine, a tab in indentation is not) and is ~20x faster than a pure-Python
round-trip parser. Timestamps are kept as text (:class:`DateText`): building
``datetime`` objects crashes on ``2019-02-30`` and hides the original spelling.

Hostile input is made cheap before anything recursive runs: a flat scan of the
parser's events bounds depth, aliases and size (:mod:`methlint.yaml_limits`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.error import Mark
from yaml.nodes import Node  # FrontMatter's field `yaml` hides the module inside the class

from methlint import jekyll_scalars

# DEFAULT_LIMITS and Limits are imported from here by the modules that parse front matter
from methlint.yaml_limits import DEFAULT_LIMITS as DEFAULT_LIMITS
from methlint.yaml_limits import LimitProblem, needs_event_scan
from methlint.yaml_limits import Limits as Limits
from methlint.yaml_limits import scan_events as _scan_events

try:
    _BaseLoader: type = yaml.CSafeLoader
    WITH_LIBYAML = True
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader
    WITH_LIBYAML = False


_MERGE = "tag:yaml.org,2002:merge"


class DateText(str):
    """A plain (unquoted) scalar that YAML 1.1 resolves as a timestamp, kept as its text."""


_RESOLVED: dict[tuple[type, type, str, tuple[bool, bool]], str] = {}
_RESOLVED_AT_MOST = 20_000
_SHORT = 40


class JekyllLoader(_BaseLoader):  # type: ignore[misc]
    last_node: yaml.Node | None = None

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        # Keys and short values repeat across documents (title, categorie, layout: fiche…):
        # their implicit tag is remembered instead of trying the resolvers' regexes again.
        if kind is not yaml.ScalarNode or len(value) > _SHORT:
            return self._resolve(kind, value, implicit)
        key = (type(self), kind, value, implicit)  # a subclass may resolve differently
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = self._resolve(kind, value, implicit)
            if len(_RESOLVED) >= _RESOLVED_AT_MOST:
                _RESOLVED.clear()
            _RESOLVED[key] = tag
        return tag

    def _resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        """Plain scalars as Jekyll reads them (:mod:`methlint.jekyll_scalars`), quoted ones as text.

        ``<<`` keeps PyYAML's merge tag, so that ``<<: *defaults`` merges; anywhere else the
        merge constructor below gives it back as the text it is for Jekyll."""
        if kind is not yaml.ScalarNode:
            tag: str = super().resolve(kind, value, implicit)
            return tag
        if not implicit[0]:
            return jekyll_scalars.STR
        return _MERGE if value == "<<" else jekyll_scalars.plain_tag(value)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # Scalars are converted inside this call: when a conversion fails, this is the node.
        self.last_node = node
        return super().construct_object(node, deep)


def _timestamp_as_text(loader: yaml.BaseLoader, node: yaml.ScalarNode) -> DateText:
    return DateText(loader.construct_scalar(node))


JekyllLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
# construct_scalar refuses a tagged collection (`!!int [1]`) as PyYAML's own constructors do
JekyllLoader.add_constructor(
    jekyll_scalars.INT, lambda loader, node: jekyll_scalars.to_int(loader.construct_scalar(node))
)
JekyllLoader.add_constructor(
    jekyll_scalars.FLOAT, lambda loader, node: jekyll_scalars.to_float(loader.construct_scalar(node))
)
JekyllLoader.add_constructor(
    jekyll_scalars.BOOL, lambda loader, node: jekyll_scalars.to_bool(loader.construct_scalar(node))
)
# a merge key is consumed by the mapping that holds it; `<<` anywhere else is text for Jekyll
JekyllLoader.add_constructor("tag:yaml.org,2002:merge", lambda loader, node: loader.construct_scalar(node))

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def build_plain(node: yaml.Node, loader: yaml.BaseLoader) -> Any:
    """What ``construct_document`` builds, for front matter without anchors, tags or merge keys.

    PyYAML's generic constructor (recursion bookkeeping, merge keys, alias tracking) is
    half the parse cost of ordinary front matter; text, lists and mappings are built
    here directly, other scalars (numbers, booleans, null) by PyYAML's own constructors.
    Anything unusual (a key that is not a scalar) falls back to ``construct_document``.
    """
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _MAP:
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Unusual
            key = key_node.value if key_node.tag == _STR else loader.construct_object(key_node)
            result[key] = build_plain(value_node, loader)
        return result
    if tag == _SEQ:
        return [build_plain(item, loader) for item in node.value]
    if tag == _TIMESTAMP:
        return DateText(node.value)
    return loader.construct_object(node)


class _Unusual(Exception):
    """The fast builder met something only PyYAML's constructor handles."""


# Tags a document may carry; anything else (``!!python/...``, ``!ruby/object``) is
# never constructed.
STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge", "binary")
)


@dataclass(frozen=True)
class SyntaxProblem:
    offset: int  # character offset in the file
    problem: str  # the parser's words
    context: str | None = None
    context_offset: int | None = None
    forbidden_character: bool = False  # the reader rejects the stream: no repair of the syntax helps


@dataclass
class FrontMatter:
    yaml: str
    offset: int  # file offset of the first YAML character
    root: Node | None = None
    data: Any = None
    syntax_error: SyntaxProblem | None = None
    limit_error: LimitProblem | None = None
    construct_error: SyntaxProblem | None = None
    anchors: list[int] = field(default_factory=list)  # file offsets of & and *
    foreign_tag: tuple[int, str] | None = None  # (file offset, tag) of a tag never constructed

    @property
    def ok(self) -> bool:
        """True when ``data`` holds what Jekyll would see."""
        return self.root is not None and self.construct_error is None and self.foreign_tag is None

    def node_at(self, path: tuple[str | int, ...]) -> tuple[Node | None, Node | None]:
        """The (key node, value node) at a data path; the last duplicate key wins, as in data."""
        key_node: Node | None = None
        node = self.root
        for step in path:
            if isinstance(node, yaml.MappingNode):
                found = None
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(step):
                        found = (k, v)
                if found is None:
                    return key_node, node
                key_node, node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if step >= len(node.value):
                    return key_node, node
                key_node, node = None, node.value[step]
            else:
                return key_node, node
        return key_node, node

    def file_offset(self, mark: Mark) -> int:
        index: int = mark.index
        return self.offset + index


def _syntax_problem(err: yaml.YAMLError, offset: int, text: str) -> SyntaxProblem:
    if isinstance(err, yaml.reader.ReaderError):
        # libyaml counts this position in UTF-8 bytes, not in characters
        index = len(text.encode("utf-8")[: err.position].decode("utf-8", "ignore"))
        problem = f"the character U+{err.character:04X} is not allowed in YAML: remove it"
        return SyntaxProblem(offset + index, problem, forbidden_character=True)
    mark = getattr(err, "problem_mark", None)
    context_mark = getattr(err, "context_mark", None)
    return SyntaxProblem(
        offset=offset + (mark.index if mark is not None else 0),
        problem=getattr(err, "problem", None) or str(err),
        context=getattr(err, "context", None),
        context_offset=offset + context_mark.index if context_mark is not None else None,
    )


def iter_nodes(root: yaml.Node | None) -> Iterator[yaml.Node]:
    """Every node once, depth-first, without recursion (aliases are shared nodes)."""
    if root is None:
        return
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                stack.append(v)
                stack.append(k)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))


def parse(text: str, offset: int = 0, limits: Limits = DEFAULT_LIMITS) -> FrontMatter:
    fm = FrontMatter(yaml=text, offset=offset)
    if not text.strip():
        return fm
    if needs_event_scan(text, limits):
        try:
            anchors, fm.limit_error = _scan_events(text, limits)
            fm.anchors = [offset + a for a in anchors]
        except yaml.YAMLError as err:
            fm.syntax_error = _syntax_problem(err, offset, text)
            return fm
        except UnicodeEncodeError as err:  # a lone surrogate: only from text handed in by an API caller
            fm.syntax_error = SyntaxProblem(offset + err.start, "a character that is not valid Unicode")
            return fm
    if fm.limit_error is not None:
        fm.limit_error = LimitProblem(offset + fm.limit_error.offset, fm.limit_error.what, fm.limit_error.limit)
        return fm
    try:
        loader = JekyllLoader(text)
    except UnicodeEncodeError as err:  # a lone surrogate: only from text handed in by an API caller
        fm.syntax_error = SyntaxProblem(offset + err.start, "a character that is not valid Unicode")
        return fm
    try:
        fm.root = loader.get_single_node()
        if fm.root is None:
            return fm
        bad_tag = None
        if "!" in text:  # explicit tags need a '!'; no need to walk every node otherwise
            bad_tag = next((n for n in iter_nodes(fm.root) if n.tag not in STANDARD_TAGS), None)
        if bad_tag is not None:
            # Never construct foreign tags (``!!python/object/apply`` would run code elsewhere).
            fm.foreign_tag = (offset + bad_tag.start_mark.index, bad_tag.tag)
            return fm
        if "&" in text or "<<" in text or "!" in text:
            fm.data = loader.construct_document(fm.root)  # aliases, merge keys, tags: PyYAML's way
        else:
            try:
                fm.data = build_plain(fm.root, loader)
            except _Unusual:
                fm.data = loader.construct_document(fm.root)
    except yaml.YAMLError as err:
        problem = _syntax_problem(err, offset, text)
        if fm.root is None:
            fm.syntax_error = problem
        else:
            fm.construct_error = problem
    except UnicodeEncodeError as err:
        fm.syntax_error = SyntaxProblem(offset + err.start, "a character that is not valid Unicode")
    except jekyll_scalars.NumberTooLarge:
        at_fault = loader.last_node or fm.root
        assert at_fault is not None  # the constructor raised on a node: there is one
        fm.limit_error = LimitProblem(offset + at_fault.start_mark.index, "number", jekyll_scalars.MAX_DIGITS)
        fm.root = None
    except (ValueError, TypeError, KeyError, IndexError, ArithmeticError) as err:
        # PyYAML's constructors raise these for tagged values they cannot convert
        # (`!!int abc`, `!!bool maybe`, an empty `!!int`, an integer of more than 4,300 digits).
        at_fault = loader.last_node or fm.root
        assert at_fault is not None  # the constructor raised on a node: there is one
        fm.construct_error = SyntaxProblem(offset + at_fault.start_mark.index, str(err))
    except (RecursionError, MemoryError):  # pragma: no cover - bounded by the event scan
        fm.limit_error = LimitProblem(offset, "depth", limits.max_depth)
        fm.root = None
    finally:
        loader.dispose()
    return fm


Path = tuple[str | int, ...]


def iter_paths(root: yaml.Node | None) -> Iterator[tuple[Path, yaml.Node | None, yaml.Node]]:
    """(data path, key node or None, value node) for every node under scalar keys, depth-first."""
    if root is None:
        return
    stack: list[tuple[Path, yaml.Node | None, yaml.Node, int]] = [((), None, root, 0)]
    while stack:
        path, key, node, depth = stack.pop()
        yield path, key, node
        if depth > 200:  # aliases can make a graph; the event scan bounds real depth
            continue
        if isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                if isinstance(k, yaml.ScalarNode):
                    stack.append(((*path, k.value), k, v, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            for i in range(len(node.value) - 1, -1, -1):
                stack.append(((*path, i), None, node.value[i], depth + 1))
