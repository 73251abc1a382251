"""Regions of the body that are code or mathematics, written inside what Markdown reads as prose.

Markdown knows fenced and indented code and HTML blocks (the body readers leave them out);
Jekyll and kramdown add their own: a Liquid ``{% highlight %}…{% endhighlight %}``,
``{% raw %}…{% endraw %}`` or ``{% comment %}…{% endcomment %}``, a ``$$…$$`` math block or
span, and HTML elements whose content is code (``<pre>``, ``<code>``, ``<script>``…), which
an indentation or a missing blank line can make Markdown read as a paragraph. Their text is
never prose: :meth:`Prose.build <methlint.rules.typography.view.Prose.build>` masks it and
their whole lines are verbatim (no hygiene either: their spaces are data).

Every search is linear: each opening is looked for from the end of the last region, its
closing from the opening; once an opening is never closed, no later one of its kind is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from methlint.document import Document
from methlint.rules.typography.masks import apply_masks, delimited
from methlint.rules.typography.units import ProseUnit, with_text

Spans = list[tuple[int, int]]

_LIQUID_BLOCK = re.compile(r"\{%-?\s*(highlight|raw|comment)\b[^%]*-?%\}")
_HTML_CODE = re.compile(r"<(pre|code|script|style|kbd|samp|textarea)\b[^<>]*>", re.IGNORECASE)
_SIGNS = ("{%", "$$", "<")


def code_regions(text: str) -> Spans:
    """(start, end) of the code and mathematics regions of ``text``, in order, never overlapping."""
    if not any(sign in text for sign in _SIGNS):
        return []
    found = []
    if "{%" in text:
        found += _closed_regions(text, _LIQUID_BLOCK, lambda name: rf"\{{%-?\s*end{name}\s*-?%\}}")
    if "$$" in text:
        found += delimited(text, "$$", "$$")
    if "<" in text:
        found += _closed_regions(text, _HTML_CODE, lambda name: rf"</{name}\s*>", re.IGNORECASE)
    return _merged(found)


def _closed_regions(text: str, opening: re.Pattern[str], closing_of: Callable[[str], str], flags: int = 0) -> Spans:
    spans: Spans = []
    unclosed: set[str] = set()  # kinds once left unclosed: none of them is closed further on
    closings: dict[str, re.Pattern[str]] = {}
    position = 0
    while True:
        match = opening.search(text, position)
        if match is None:
            return spans
        name = match.group(1).lower()
        if name in unclosed:
            position = match.end()
            continue
        if name not in closings:
            closings[name] = re.compile(closing_of(name), flags)
        closing = closings[name].search(text, match.end())
        if closing is None:
            unclosed.add(name)
            position = match.end()
            continue
        spans.append((match.start(), closing.end()))
        position = closing.end()


def _merged(spans: Spans) -> Spans:
    merged: Spans = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def whole_lines(doc: Document, regions: Spans) -> set[int]:
    """The lines (0-based) whose content lies inside one of ``regions`` (file offsets)."""
    lines = set()
    text, starts = doc.text, doc.line_starts
    for start, end in regions:
        number = bisect.bisect_right(starts, start) - 1
        while number < len(starts) and starts[number] < end:
            line_end = starts[number + 1] - 1 if number + 1 < len(starts) else len(text)
            line = text[starts[number] : line_end]
            content_start = starts[number] + len(line) - len(line.lstrip())
            content_end = starts[number] + len(line.rstrip())
            if content_start >= start and content_end <= end:
                lines.add(number)
            number += 1
    return lines


def without_regions(units: list[ProseUnit], regions: Spans) -> list[ProseUnit]:
    """The units (in file order, never overlapping) with what lies inside ``regions`` (file
    offsets, in order, never overlapping) masked: one walk over both."""
    if not regions:
        return units
    result = []
    first = 0  # the first region that may reach the unit
    for unit in units:
        end = unit.start + len(unit.text)
        while first < len(regions) and regions[first][1] <= unit.start:
            first += 1
        spans = []
        index = first
        while index < len(regions) and regions[index][0] < end:
            region_start, region_end = regions[index]
            spans.append((max(region_start, unit.start) - unit.start, min(region_end, end) - unit.start))
            index += 1
        result.append(with_text(unit, apply_masks(unit.text, spans)) if spans else unit)
    return result
