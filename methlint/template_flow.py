"""Values followed through a site's templates, for :mod:`methlint.site_templates`.

Each template is read once from top to bottom, with what its variables may hold: sets of
:class:`Ref` (a subject and keys). ``{% for %}`` binds its variable until ``{% endfor %}``;
``assign`` replaces a binding, or adds to it inside a block (a branch may not run);
``capture`` makes a variable opaque. An include is read with what its call sites pass
and what their variables hold (Jekyll renders an include in its caller's context); an
include whose callers grow is read again, a bounded number of times.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from methlint.liquid import Filter, Literal, Lookup, Pipeline, Segment, ValueReader, lookups, pipeline, tokens
from methlint.site_templates import How, KeyUse, Template

if TYPE_CHECKING:
    from methlint.site_templates import Reader

MAX_REFS = 16  # values a variable may hold at once
MAX_KEYS = 12  # keys followed in one path
MAX_CONTEXTS = 32  # call sites of one include whose variables are passed on, per reading
MAX_PASSED = 256  # call sites, all includes together, whose variables are passed on, per reading
LOOK_BACK = 512  # characters of literal text read before an output for its URL context

# Filters that choose among documents or reorder them: what comes out is still documents.
SELECTING = frozenset(
    "where where_exp find find_exp sort sort_natural reverse first last uniq compact sample slice shift pop".split()
)
# Filters whose first argument names a key of the documents they receive.
KEYED = frozenset("where sort sort_natural group_by find uniq sum map".split())
# Filters whose arguments are a variable name and an expression over each document.
EXPRESSION = frozenset("where_exp find_exp group_by_exp".split())
URL_ATTRIBUTES = frozenset("href src srcset action poster cite data formaction background content".split())
BLOCKS = frozenset("if unless case for tablerow capture".split())
_INCLUDE = re.compile(r"\s*(\{\{.*?\}\}|[^\s{}]+)", re.DOTALL)
_ARGUMENT = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([\w.\-\[\]\"']+))")
_ASSIGN = re.compile(r"\s*assign\s+([\w-]+)\s*=", re.DOTALL)
_ATTRIBUTE = re.compile(r"([\w:-]+)\s*=\s*$")
_STOPS = frozenset("\"'( \t\r\n=<>")


@dataclass(frozen=True)
class Ref:
    subject: str
    keys: tuple[str, ...] = ()
    filters: tuple[str, ...] = ()  # filters applied since: keys cannot be read past them

    def extended(self, keys: tuple[str, ...]) -> Ref | None:
        if not keys:
            return self
        if self.filters:
            return None
        return Ref(self.subject, (self.keys + keys)[:MAX_KEYS])


Refs = frozenset[Ref]
NONE: Refs = frozenset()


def _capped(refs: Iterable[Ref]) -> Refs:
    return frozenset(sorted(refs, key=lambda r: (r.subject, r.keys, r.filters))[:MAX_REFS])


@dataclass
class Call:
    target: str
    args: dict[str, Refs]
    context: dict[str, Refs] | None


@dataclass
class Incoming:
    """What an include's call sites pass it, merged; ``grew``: it must be read (again)."""

    args: dict[str, Refs] = field(default_factory=dict)
    context: dict[str, Refs] = field(default_factory=dict)
    grew: bool = True

    def merge(self, call: Call) -> None:
        for merged, added in ((self.args, call.args), (self.context, call.context or {})):
            for name, refs in added.items():
                union = _capped(merged.get(name, NONE) | refs)
                if union != merged.get(name):
                    merged[name] = union
                    self.grew = True


class Scope:
    """Variables with loop bindings undone at their end tag (no search up a chain of frames)."""

    _ABSENT = object()

    def __init__(self, context: dict[str, Refs]) -> None:
        self.values: dict[str, Refs] = dict(context)
        self.saved: list[tuple[str, object]] = []

    def push(self, name: str, refs: Refs) -> None:
        self.saved.append((name, self.values.get(name, self._ABSENT)))
        self.values[name] = refs

    def pop(self) -> None:
        if self.saved:
            name, previous = self.saved.pop()
            if previous is self._ABSENT:
                self.values.pop(name, None)
            else:
                self.values[name] = previous  # type: ignore[assignment]

    def assign(self, name: str, refs: Refs, add: bool) -> None:
        self.values[name] = _capped(self.values.get(name, NONE) | refs) if add else refs


class Walk:
    """One reading of one template."""

    def __init__(self, reader: Reader, template: Template, scope: Scope, args: dict[str, Refs]) -> None:
        self.reader = reader
        self.template = template
        self.scope = scope
        self.args = args
        self.calls: list[Call] = []
        self.contexts: dict[str, int] = {}
        self.depth = 0
        self.in_comment = False
        self.previous: Segment | None = None
        # in pages, only collection documents are reported: `page` is the page itself
        self.report_page = template.kind != "page"

    def run(self, segments: list[Segment]) -> None:
        for segment in segments:
            if segment.kind == "text":
                self._text(segment)
            elif segment.kind == "output":
                self._output(segment)
            else:
                self._tag(segment)
            self.previous = segment

    # --- what a lookup holds --------------------------------------------------------

    def resolve(self, lookup: Lookup) -> Refs:
        keys, counted = _normalised(lookup.keys)
        root = lookup.root
        if root in self.scope.values:
            base = self.scope.values[root]
        elif root == "page":
            base = frozenset({Ref("page")})
        elif root == "site" and keys and keys[0] in self.reader.collections:
            base, keys = frozenset({Ref(f"site.{keys[0]}")}), keys[1:]
        elif root == "include" and keys:
            base, keys = self.args.get(keys[0]) or frozenset({Ref(f"include.{keys[0]}")}), keys[1:]
        elif root == "content" and not keys and self.template.kind != "page":
            base = frozenset({Ref("page", ("content",))})
        else:
            return NONE
        refs = frozenset(r for r in (ref.extended(keys) for ref in base) if r is not None)
        return frozenset(Ref(r.subject, r.keys, (*r.filters, "size")) for r in refs) if counted else refs

    def record(self, lookup: Lookup | Literal, refs: Refs, how: How, filters: tuple[str, ...] = ()) -> None:
        line, column = self.template.position(lookup.start)
        for ref in refs:
            if not ref.keys or (ref.subject == "page" and not self.report_page):
                continue
            prefix = self.url_prefix if how is not How.READ else None
            shown = ref.filters + filters if how is not How.READ else ()
            self.reader.uses.add(
                KeyUse(
                    self.template.path,
                    line,
                    column,
                    ref.subject,
                    ref.keys,
                    How.FILTERED if how is How.PRINTED and shown else how,
                    shown,
                    prefix,
                    self.in_comment and how is not How.READ,
                )
            )

    # --- segments --------------------------------------------------------------------

    def _text(self, segment: Segment) -> None:
        text, position, end = self.template.text, segment.start, segment.end
        while position < end:
            found = text.find("-->" if self.in_comment else "<!--", position, end)
            if found == -1:
                return
            position = found + (3 if self.in_comment else 4)
            self.in_comment = not self.in_comment

    def _output(self, segment: Segment) -> None:
        self.url_prefix = None if segment.name == "liquid" else self._url_context(segment.start)
        parsed = pipeline(segment.markup, segment.markup_start)
        refs = self.resolve(parsed.head) if isinstance(parsed.head, Lookup) else NONE
        refs, shown = self._filters(parsed, refs, How.ARGUMENT)
        if parsed.head is not None:
            self.record(parsed.head, refs, How.PRINTED, shown)
        self._read_all(parsed.inner)
        self.url_prefix = None

    url_prefix: str | None = None

    def _filters(self, parsed: Pipeline, refs: Refs, argument: How) -> tuple[Refs, tuple[str, ...]]:
        """Follow the documents through the filters; record the keys the filters read."""
        shown: list[str] = []
        for applied in parsed.filters:
            key = applied.args[0] if applied.args and isinstance(applied.args[0], Literal) else None
            if applied.name in KEYED and key is not None and key.is_string and key.text:
                keys = tuple(key.text.split("."))
                self.record(key, frozenset(r for r in (ref.extended(keys) for ref in refs) if r), How.READ)
                if applied.name == "map":
                    refs = frozenset(r for r in (ref.extended(keys) for ref in refs) if r is not None)
            if applied.name in EXPRESSION:
                self._expression(applied, refs)
            elif applied.name not in SELECTING and applied.name != "map":
                shown.append(applied.name)
            for value in applied.args:
                if isinstance(value, Lookup):
                    self.record(value, self.resolve(value), argument, (applied.name,))
        return refs, tuple(shown)

    def _expression(self, applied: Filter, refs: Refs) -> None:
        """``where_exp: "item", "item.categorie == 'outil'"``: the expression reads each document."""
        name, expression = (applied.args + (None, None))[:2]
        if not (isinstance(name, Literal) and isinstance(expression, Literal) and expression.is_string):
            return
        self.scope.push(name.text, refs)
        self._read_all(lookups(expression.text, expression.start + 1))
        self.scope.pop()

    def _read_all(self, found: tuple[Lookup, ...] | list[Lookup]) -> None:
        for lookup in found:
            self.record(lookup, self.resolve(lookup), How.READ)

    def _tag(self, segment: Segment) -> None:
        name, markup, offset = segment.name, segment.markup, segment.markup_start
        rest_offset = offset + markup.find(name) + len(name) if name else offset
        rest = markup[rest_offset - offset :]
        if name in ("for", "tablerow"):
            self._for(rest, rest_offset)
        elif name in ("endfor", "endtablerow"):
            self.scope.pop()
        elif name == "assign":
            self._assign(markup, offset)
        elif name == "capture":
            variable = rest.split()
            if variable:
                self.scope.assign(variable[0], NONE, add=False)
        elif name in ("include", "include_relative"):
            self._include(name, rest, rest_offset)
        else:
            self._read_all(lookups(rest, rest_offset))
        if name in BLOCKS:
            self.depth += 1
        elif name.startswith("end") and name[3:] in BLOCKS:
            self.depth = max(0, self.depth - 1)

    def _for(self, rest: str, offset: int) -> None:
        found = tokens(rest, offset)
        if len(found) < 3 or found[0].kind != "id" or found[1].text != "in":
            self._read_all(lookups(rest, offset))
            self.scope.push("", NONE)  # keep the push/pop pairs of the block balanced
            return
        reader = ValueReader(found)
        reader.index = 2
        iterated = reader.value()
        refs = self.resolve(iterated) if isinstance(iterated, Lookup) else NONE
        if isinstance(iterated, Lookup):
            self.record(iterated, refs, How.READ)
        self._read_all(reader.inner)
        remaining = found[reader.index :]
        if remaining:
            self._read_all(lookups(rest[remaining[0].start - offset :], remaining[0].start))
        self.scope.push(found[0].text, refs)

    def _assign(self, markup: str, offset: int) -> None:
        match = _ASSIGN.match(markup)
        if match is None:
            self._read_all(lookups(markup, offset))
            return
        parsed = pipeline(markup[match.end() :], offset + match.end())
        refs = self.resolve(parsed.head) if isinstance(parsed.head, Lookup) else NONE
        if isinstance(parsed.head, Lookup):
            self.record(parsed.head, refs, How.READ)
        refs, applied = self._filters(parsed, refs, How.READ)
        self._read_all(parsed.inner)
        if applied:
            refs = frozenset(Ref(r.subject, r.keys, r.filters + applied) for r in refs if r.keys)
        self.scope.assign(match.group(1), refs, add=self.depth > 0)

    def _include(self, name: str, rest: str, offset: int) -> None:
        target_match = _INCLUDE.match(rest)
        if target_match is None:
            return
        target = target_match.group(1)
        if "{{" in target:  # a name computed at render time: its variables are read, nothing followed
            self._read_all(lookups(target[2:-2], offset + target_match.start(1) + 2))
            return
        args: dict[str, Refs] = {}
        after = target_match.end()
        for argument in _ARGUMENT.finditer(rest, after):
            if argument.group(4) is None:
                continue
            found = lookups(argument.group(4), offset + argument.start(4))
            if found:
                refs = self.resolve(found[0])
                self.record(found[0], refs, How.READ)
                args[argument.group(1)] = refs
        path = self._include_path(name, target)
        if path is None or self.reader.include(path) is None:
            return
        seen = self.contexts.get(path, 0)
        self.contexts[path] = seen + 1
        passed = seen < MAX_CONTEXTS and len(self.calls) < MAX_PASSED
        context = {k: v for k, v in self.scope.values.items() if v} if passed else None
        self.calls.append(Call(path, args, context))

    def _include_path(self, name: str, target: str) -> str | None:
        base = "_includes" if name == "include" else str(PurePosixPath(self.template.path).parent)
        parts: list[str] = []
        for part in f"{base}/{target}".split("/"):
            if part in ("", "."):
                continue
            if part == "..":
                if not parts:
                    return None  # out of the site
                parts.pop()
            else:
                parts.append(part)
        return "/".join(parts)

    def _url_context(self, start: int) -> str | None:
        """The literal text before an output when the output is in a URL or a path."""
        previous = self.previous
        if previous is None or previous.kind != "text" or previous.end != start:
            return None
        before = self.template.text[max(previous.start, start - LOOK_BACK) : start]
        index = len(before)
        while index > 0 and before[index - 1] not in _STOPS:
            index -= 1
        run, stop, head = before[index:], before[index - 1 : index], before[: max(0, index - 1)]
        if stop == "(" and head.rstrip().lower().endswith("url"):
            return run
        if stop in ("'", '"'):
            if head.rstrip().lower().endswith("url("):
                return run
            attribute = _ATTRIBUTE.search(head[-100:])
            if attribute is not None and attribute.group(1).lower() in URL_ATTRIBUTES:
                return run
        return run if "/" in run else None


def _normalised(keys: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """The keys read, and whether ``size`` ends them: ``first`` and ``last`` pick an element
    (lists are transparent); ``size`` is a count, like the filter of the same name."""
    kept: list[str] = []
    for key in keys:
        if key == "size":
            return tuple(kept), True
        if key not in ("first", "last"):
            kept.append(key)
    return tuple(kept), False
