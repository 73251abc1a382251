"""Suppression comments, read from a document and applied by the linter after the rules ran.

Front matter (YAML comments)::

    titre: x  # methlint: ignore[SCH005]       this line
    # methlint: ignore[SCH001, YML]             the next line
    # methlint: ignore-file[SCH]                the whole file

Body (HTML comments, invisible on the site)::

    <!-- methlint-disable TYP001 --> ... <!-- methlint-enable TYP001 -->
    <!-- methlint-disable-next-line TYP001 -->

A code may be a prefix (``YML`` covers YML001..YML012). Rules never see any of this.
Directives are found by pattern, not by parsing: a directive written inside a quoted
YAML string or a code block still counts (rare, and then visibly intended).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from methlint.diagnostics import Diagnostic, Span
from methlint.document import Document, SplitStatus

_YAML_DIRECTIVE = re.compile(r"(?:^|(?<=\s))#[ \t]*methlint:[ \t]*(ignore|ignore-file)\[([^\]\n]*)\]", re.M)
_BODY_DIRECTIVE = re.compile(r"<!--[ \t]*methlint-(disable-next-line|disable|enable)[ \t]+([^>\n]*?)[ \t]*-->")


@dataclass
class Suppression:
    """One code of one directive: it hides findings of ``code*`` on lines ``first..last``."""

    code: str
    span: Span  # where the code is written, for the unused-suppression report
    first: int
    last: int
    used: bool = field(default=False, compare=False)

    def covers(self, diagnostic: Diagnostic) -> bool:
        return self.first <= diagnostic.span.line <= self.last and diagnostic.code.startswith(self.code)


def _codes(doc: Document, match: re.Match[str], group: int) -> Iterator[tuple[str, Span]]:
    """Each comma-separated code of a directive, with its own span."""
    start = match.start(group)
    for token in re.finditer(r"[^,\s]+", match.group(group)):
        yield token.group(0).upper(), doc.span(start + token.start(), start + token.end())


def _is_alone_on_line(doc: Document, offset: int) -> bool:
    line, column = doc.position(offset)
    return doc.line_text(line)[: column - 1].strip() == ""


def _front_matter(doc: Document, last_line: int) -> Iterator[Suppression]:
    parts = doc.parts
    if parts is None:
        return
    start, end = parts.yaml_offset, parts.yaml_offset + len(parts.yaml)
    if doc.text.find("methlint", start, end) == -1:  # skip the regex scan of most front matters
        return
    for match in _YAML_DIRECTIVE.finditer(doc.text, start, end):
        line = doc.position(match.start())[0]
        if match.group(1) == "ignore-file":
            first, last = 1, last_line
        elif _is_alone_on_line(doc, match.start()):
            first, last = line, line + 1  # the line above the one it is about
        else:
            first = last = line
        for code, span in _codes(doc, match, 2):
            yield Suppression(code, span, first, last)


def _body(doc: Document, last_line: int) -> Iterator[Suppression]:
    if doc.parts is not None:
        start = doc.parts.body_offset
    elif doc.split_status == SplitStatus.MISSING:
        start = 0  # no front matter: the whole file is Markdown
    else:
        return  # unclosed front matter: nothing is known to be body
    open_ranges: dict[str, list[Suppression]] = {}
    for match in _BODY_DIRECTIVE.finditer(doc.text, start):
        line = doc.position(match.start())[0]
        action = match.group(1)
        for code, span in _codes(doc, match, 2):
            if action == "disable-next-line":
                yield Suppression(code, span, line + 1, line + 1)
            elif action == "disable":
                open_ranges.setdefault(code, []).append(Suppression(code, span, line, last_line))
            elif open_ranges.get(code):  # enable closes the latest matching disable
                closed = open_ranges[code].pop()
                closed.last = line
                yield closed
    for pending in open_ranges.values():
        yield from pending  # never re-enabled: runs to the end of the file


def read_suppressions(doc: Document) -> list[Suppression]:
    if "methlint" not in doc.text:  # the common case costs one substring search
        return []
    last_line = len(doc.line_starts)
    return [*_front_matter(doc, last_line), *_body(doc, last_line)]


def apply(diagnostics: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
    """The diagnostics no suppression covers; every suppression that covered one is marked used."""
    kept = []
    for diagnostic in diagnostics:
        covering = [s for s in suppressions if s.covers(diagnostic)]
        for suppression in covering:
            suppression.used = True
        if not covering:
            kept.append(diagnostic)
    return kept
