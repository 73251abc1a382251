"""What the parser read of front matter that does not parse: its events up to the mistake.

A repair of YAML that does not parse has no data to be checked against, but libyaml has read
every event before the mistake. Those events say where the scalars are (a line inside a block
scalar, a quoted or a plain value spanning lines, is text, never structure) and which
collections are open at a line (a line inside a list is an item, not a key). A repair is
honest when the repaired text reads the same events up to the repaired line, with the same
collections still open there.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import yaml

from methlint.front_matter import JekyllLoader

_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
YAML_BREAKS = "\r\n\x85\u2028\u2029"  # what ends a line for YAML 1.1 (libyaml)


def line_start(text: str, offset: int) -> int:
    """Where the YAML line holding ``offset`` starts."""
    return max(text.rfind(char, 0, offset) for char in YAML_BREAKS) + 1


def events_before_error(text: str) -> list[yaml.Event]:
    """The events libyaml reads from ``text`` before its first error (all of them if none)."""
    events: list[yaml.Event] = []
    try:
        for event in yaml.parse(text, Loader=JekyllLoader):
            events.append(event)
    except (yaml.YAMLError, RecursionError, UnicodeError):  # UnicodeError: a lone surrogate from an API caller
        pass
    return events


@dataclass(frozen=True)
class ReadPrefix:
    """The scalars read before the error, as sorted (start, end) offsets into the YAML text."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> ReadPrefix:
        spans = sorted(
            (e.start_mark.index, e.end_mark.index) for e in events_before_error(text) if isinstance(e, yaml.ScalarEvent)
        )
        return cls([start for start, _end in spans], [end for _start, end in spans])

    def ends_at(self, offset: int) -> bool:
        """Whether a scalar read ends at ``offset``."""
        index = bisect.bisect_left(self.ends, offset)  # scalars do not nest: ends are in order too
        return index < len(self.ends) and self.ends[index] == offset

    def inside_scalar(self, offset: int) -> bool:
        """Whether ``offset`` is within a scalar, past its first character (a line of its text)."""
        index = bisect.bisect_left(self.starts, offset) - 1  # the last scalar starting before it
        # scalars do not nest, and a later one starts after an earlier one ends
        return index >= 0 and offset < self.ends[index]


def _comparable(event: yaml.Event) -> tuple[object, ...]:
    return (
        type(event).__name__,
        getattr(event, "value", None),
        getattr(event, "style", None),
        getattr(event, "flow_style", None),
        event.start_mark.index,
    )


def _prefix(events: list[yaml.Event], line_start: int, column: int) -> list[tuple[object, ...]]:
    """The events that start before ``line_start``, and the ends at it of collections that the
    line's indentation does not close anyway (those starting at or left of ``column``)."""
    kept, columns = [], []  # columns: where each open collection starts
    for event in events:
        start = event.start_mark.index
        if start > line_start or (start == line_start and not isinstance(event, _ENDS)):
            break
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            columns.append(event.start_mark.column)
        elif isinstance(event, _ENDS) and columns.pop() > column and start == line_start:
            continue  # a line left of a block's keys ends it, in the original as in the repair
        kept.append(_comparable(event))
    return kept


def open_collection(text: str, offset: int) -> type | None:
    """The kind of the innermost collection (``SequenceStartEvent``...) open at ``offset``."""
    stack: list[type] = []
    for event in events_before_error(text):
        start = event.start_mark.index
        if start > offset or (start == offset and not isinstance(event, _ENDS)):
            break
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack.append(type(event))
        elif isinstance(event, _ENDS):
            stack.pop()
    return stack[-1] if stack else None


def same_reading_up_to(before: str, after: str, at: int) -> bool:
    """Whether ``after`` reads the same events as ``before`` up to ``at`` (an offset both texts
    share, a line's first character), inside the same collections. A key at a list's column ends that list, as YAML
    wants (``ordre: 2`` after ``- un``), unless the key takes the list's next items as its own
    (``deux:`` between ``- un`` and ``- trois``)."""
    column = at - line_start(before, at)
    after_events = events_before_error(after)
    old = _prefix(events_before_error(before), at, column)
    new = _prefix(after_events, at, column)
    if new == old:
        return True
    ended = new[len(old) :]
    return (
        new[: len(old)] == old
        and all(event[0] == "SequenceEndEvent" for event in ended)
        and not _list_goes_on(after_events, at, column)
    )


def _list_goes_on(events: list[yaml.Event], line_start: int, column: int) -> bool:
    """Whether the key at ``line_start`` holds a list whose dashes stand at ``column``."""
    following = (e for e in events if e.start_mark.index >= line_start and not isinstance(e, _ENDS))
    _key, value = next(following, None), next(following, None)
    return isinstance(value, yaml.SequenceStartEvent) and value.start_mark.column == column


def same_scalars_before(before: str, after: str, at: int) -> bool:
    """Whether ``after`` first reads the scalars ``before`` reads ending by ``at`` (the start of
    the line of its mistake): those lines parsed, so no repair is theirs."""
    read = [
        _scalar(e) for e in events_before_error(before) if isinstance(e, yaml.ScalarEvent) and e.end_mark.index <= at
    ]
    if not read:
        return True
    repaired = (_scalar(e) for e in events_before_error(after) if isinstance(e, yaml.ScalarEvent))
    return [next(repaired, None) for _ in read] == read


def _scalar(event: yaml.ScalarEvent) -> tuple[object, ...]:
    return event.value, event.style, event.implicit
