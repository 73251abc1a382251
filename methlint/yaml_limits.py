"""Hostile YAML made cheap before anything recursive runs: a flat scan of the parser's events
bounds the nesting depth, the aliases and the expanded size (see :class:`Limits`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

# the events do not depend on how scalars resolve: the plain C loader gives them
_CLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# The deepest nesting methlint reads, whatever the configuration says. The parsers' composers and
# the schema rules walk a value recursively, a few Python frames per level, so a few hundred levels
# exhaust Python's recursion limit (494 did in 2026, on every PyYAML version): well under libyaml's own
# limit (1,000 levels since PyYAML 6.0.4, none before), which methlint's own therefore always precedes.
MAX_DEPTH_CEILING = 200


@dataclass(frozen=True)
class Limits:
    max_depth: int = 50  # at most MAX_DEPTH_CEILING (the configuration's schema says so to the user)
    max_aliases: int = 100
    # A real document has a few hundred events; the schema rules cost ~0.1 ms per key, so
    # 10,000 keeps the worst accepted front matter under a second (benchmarks/bench_bombs.py).
    max_events: int = 10_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class LimitProblem:
    offset: int
    what: str  # "depth", "aliases", "events", "recursion" or "number"
    limit: int


def scan_events(text: str, limits: Limits) -> tuple[list[int], LimitProblem | None]:
    """Count depth, aliases and the *expanded* size without building anything recursive.

    An alias weighs what its anchored node expands to, so a billion-laughs bomb is
    refused after a few hundred events instead of being walked later.

    Text that could nest deeper than the limit is read by PyYAML's pure-Python parser,
    which has no nesting limit of its own: libyaml stops at a depth of its own choosing
    (1,000 since the libyaml in PyYAML 6.0.4) and, in flow collections, reads up to
    1,024 characters ahead of the events it has given, so it can report its own limit
    far from where methlint's is first exceeded. Both parsers give the same events on
    text they accept; a syntax error is left to the libyaml parse that follows. As the
    limit is at most :data:`MAX_DEPTH_CEILING`, methlint's limit always speaks first.
    """
    if could_nest_past(text, limits):
        try:
            return _count_events(yaml.parse(text, Loader=yaml.SafeLoader), limits)
        except yaml.YAMLError:
            pass  # the syntax error is libyaml's to report, as Jekyll would
    return _count_events(yaml.parse(text, Loader=_CLoader), limits)


def _count_events(events: Iterator[yaml.Event], limits: Limits) -> tuple[list[int], LimitProblem | None]:
    aliases = 0
    expanded = 0
    anchor_offsets: list[int] = []
    anchor_sizes: dict[str | None, int] = {}
    open_nodes: list[list[Any]] = []  # [anchor, expanded size so far]
    for event in events:
        assert event.start_mark is not None  # the parser marks every event
        mark = event.start_mark.index
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            anchor, size = open_nodes.pop()
            if anchor is not None:
                anchor_sizes[anchor] = size
            continue
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            anchor_offsets.append(mark)
            if any(entry[0] == event.anchor for entry in open_nodes):
                # a node that contains itself: every later walk or comparison would recurse forever
                return anchor_offsets, LimitProblem(mark, "recursion", 0)
            weight = anchor_sizes.get(event.anchor, 1)
            if aliases > limits.max_aliases:
                return anchor_offsets, LimitProblem(mark, "aliases", limits.max_aliases)
        elif isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            weight = 1
            if event.anchor:
                anchor_offsets.append(mark)
                if isinstance(event, yaml.ScalarEvent):
                    anchor_sizes[event.anchor] = 1
        else:
            continue
        expanded += weight
        for entry in open_nodes:
            entry[1] += weight
        if expanded > limits.max_events:
            what = "aliases" if aliases else "events"
            limit = limits.max_aliases if aliases else limits.max_events
            return anchor_offsets, LimitProblem(mark, what, limit)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            open_nodes.append([event.anchor, 1])
            if len(open_nodes) > limits.max_depth:
                return anchor_offsets, LimitProblem(mark, "depth", limits.max_depth)
    return anchor_offsets, None


_SMALL_ENOUGH = 64_000
_FREE_EVENTS = 4  # stream start and end, document start and end: the events no character pays for


@functools.lru_cache(maxsize=16)
def _leading_run(length: int) -> re.Pattern[str]:
    """A line that starts with ``length`` spaces, tabs, dashes or ``?``."""
    return re.compile(rf"^[ \t?-]{{{length}}}", re.MULTILINE)


def could_nest_past(text: str, limits: Limits) -> bool:
    """Whether the text could nest deeper than the limit (false means it certainly cannot).

    Every level of nesting costs at least one leading space, dash or ``?`` (block) or one
    bracket (flow), so a small bound on those bounds the depth any parser will see.
    """
    flow = text.count("[") + text.count("{")
    deepest_allowed = limits.max_depth - 2 - flow
    return deepest_allowed <= 0 or _leading_run(deepest_allowed).search(text) is not None


def needs_event_scan(text: str, limits: Limits) -> bool:
    """Whether the text could be hostile; plain front matter skips the scan (it is half the parse cost).

    Without anchors nothing can expand, and without deep nesting nothing recursive can
    overflow. An event costs at least a character, but for the stream's and document's own:
    a text shorter than the events limit cannot reach it (a configured ``max-events`` can be small).
    """
    if "&" in text or "*" in text or len(text) > _SMALL_ENOUGH or len(text) + _FREE_EVENTS > limits.max_events:
        return True
    return could_nest_past(text, limits)
