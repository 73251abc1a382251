"""The parser's own errors in an editor's words, when no editor mistake explains them (YML001).

:mod:`methlint.rules.yaml_syntax` looks for the usual mistakes first; what is left is said
here: a bad escape in double quotes, a quote or bracket never closed, a value YAML cannot build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from methlint.diagnostics import Fix
from methlint.document import Document
from methlint.front_matter import SyntaxProblem
from methlint.i18n import _


@dataclass(frozen=True)
class Diagnosis:
    code: str
    start: int  # file offsets
    end: int
    message: str
    fix: Fix | None = None


_ESCAPE_PROBLEMS = ("found unknown escape character", "expected hexdecimal number", "invalid Unicode character escape")
_ESCAPE = re.compile(r"\\(?:x[0-9A-Za-z]{0,2}|u[0-9A-Za-z]{0,4}|U[0-9A-Za-z]{0,8}|.?)", re.DOTALL)


def _bad_escape(doc: Document, offset: int, problem: str) -> Diagnosis:
    """A backslash in double quotes that starts no valid escape (``"C:\\Users"``, ``"\\ud800"``)."""
    start = doc.text.rfind("\\", 0, offset + 1)
    match = _ESCAPE.match(doc.text, start)
    assert match is not None  # the pattern matches any backslash, and ``start`` is one
    escape = match.group(0).rstrip("\n")
    if "Unicode" in problem:
        message = _("'{escape}' is not a character (a lone surrogate, or past U+10FFFF): write the character itself")
    elif "hexdecimal" in problem:
        message = _(
            "'{escape}' is not an escape: in double quotes '\\{letter}' needs {digits} hexadecimal digits;"
            " for a backslash write '\\\\', or put the value in single quotes"
        )
    else:
        message = _("'{escape}' is not an escape of double quotes: for a backslash write '\\\\', or use single quotes")
    digits = {"x": 2, "u": 4, "U": 8}.get(escape[1:2], 0)
    return Diagnosis(
        "YML001", start, start + len(escape), message.format(escape=escape, letter=escape[1:2], digits=digits)
    )


def parser_error(doc: Document, error: SyntaxProblem) -> Diagnosis:
    """The parser's error in an editor's words, at the most useful position."""
    problem, context = error.problem, error.context or ""
    offset = error.offset
    if "quoted scalar" in context and any(words in problem for words in _ESCAPE_PROBLEMS):
        return _bad_escape(doc, offset, problem)
    if "cannot start any token" in problem:
        char = doc.text[offset : offset + 1]
        message = _("a value cannot start with '{char}': put the value in quotes").format(char=char)
    elif "quoted scalar" in context and error.context_offset is not None:
        line, _column = doc.position(error.context_offset)
        message = _("the quote opened on line {line} is never closed").format(line=line)
    elif "flow" in context and error.context_offset is not None and doc.text[error.context_offset] in "[{":
        offset = error.context_offset
        bracket = doc.text[offset : offset + 1]
        message = _("the '{bracket}' opened here is never closed").format(bracket=bracket)
    elif "mapping values are not allowed" in problem:
        message = _("': ' is not allowed here: fix the indentation, or put the value in quotes")
    elif "expected key" in problem or "expected <block end>" in problem:
        message = _("this line does not line up with the keys above it: check its indentation")
    elif error.context_offset is not None:
        line, _column = doc.position(error.context_offset)
        message = _("YAML syntax error: {problem} ({context} on line {line})").format(
            problem=problem, context=context, line=line
        )
    else:
        message = _("YAML syntax error: {problem}").format(problem=problem)
    return Diagnosis("YML001", offset, offset + 1, message)


def unbuildable(error: SyntaxProblem) -> Diagnosis:
    return Diagnosis(
        "YML001",
        error.offset,
        error.offset + 1,
        _("YAML cannot build this value ({problem}): write it as plain text").format(problem=error.problem),
    )
