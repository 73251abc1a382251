"""A rule's documentation in the active language, paragraph by paragraph.

A rule's English docstring is the source (``docs/rules.md`` is generated from it). Its prose
paragraphs and headings are catalogue messages (:mod:`methlint.i18n_extract` extracts them from
here); code blocks are shown as written, in every language. A paragraph is a run of lines
between blank lines, headings and fences; it is translated whole, so the French wraps its own lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from methlint.i18n import N_, _

HEADINGS = (N_("What it does"), N_("Why is this bad?"), N_("Example"), N_("Fix safety"))
FENCE = "```"


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" (its title), "prose" (a paragraph), "code" (a fenced block, fences included), "blank"
    text: str


def blocks(doc: str) -> Iterator[Block]:
    """The documentation's blocks, in order; joined by newlines they give ``doc`` back."""
    paragraph: list[str] = []
    code: list[str] | None = None
    for line in doc.splitlines():
        if code is not None:
            code.append(line)
            if line.rstrip() == FENCE:
                yield Block("code", "\n".join(code))
                code = None
            continue
        if paragraph and (not line.strip() or line.startswith(("## ", FENCE))):
            yield Block("prose", "\n".join(paragraph))
            paragraph = []
        if line.startswith(FENCE):
            code = [line]
        elif line.startswith("## "):
            yield Block("heading", line[3:])
        elif not line.strip():
            yield Block("blank", line)
        else:
            paragraph.append(line)
    if paragraph:
        yield Block("prose", "\n".join(paragraph))
    if code is not None:  # never closed: shown as it is (tests/test_rule_docs.py keeps docstrings well-formed)
        yield Block("code", "\n".join(code))


def paragraphs(doc: str) -> list[str]:
    """The prose of a documentation: the messages a catalogue translates."""
    return [block.text for block in blocks(doc) if block.kind == "prose"]


def translated(doc: str) -> str:
    """``doc`` in the active language: headings and paragraphs through the catalogue, code as it is."""
    shown = []
    for block in blocks(doc):
        if block.kind == "heading":
            shown.append("## " + _(block.text))
        elif block.kind == "prose":
            shown.append(_(block.text))
        else:
            shown.append(block.text)
    return "\n".join(shown)


def fence_problems(markdown: str) -> list[str]:
    """Lines that break Markdown's code fences: text after a closing fence, a fence never closed."""
    problems = []
    inside = False
    for number, line in enumerate(markdown.splitlines(), 1):
        if not line.startswith(FENCE):
            continue
        if not inside:
            inside = True
        elif line.rstrip() == FENCE:
            inside = False
        else:
            problems.append(f"line {number}: text after a closing fence: {line!r}")
    if inside:
        problems.append("a code fence is never closed")
    return problems
