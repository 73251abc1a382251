"""Why a front matter does not parse, in an editor's words, at the line the editor got wrong.

libyaml notices most mistakes one line late (a key without its colon is reported at the
next line). When the front matter does not parse, :func:`explain` looks at the lines up to
the parser's mark for the editors' usual mistakes and returns the first one at its own
line; only when none explains the error does :func:`generic` give the parser's words (YML001).
The rules that report these diagnoses are in :mod:`methlint.rules.yaml_syntax`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from methlint.diagnostics import Applicability, Edit, Fix
from methlint.document import Document
from methlint.front_matter import FrontMatter, SyntaxProblem
from methlint.i18n import _
from methlint.yaml_text import quoted, reads_as

_KEY_WITHOUT_SPACE = re.compile(r"([A-Za-z_][\w-]*):(?=[^\s:/])")
_BARE_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*(#.*)?")
_KEY_VALUE = re.compile(r"([^\s'\"#\-\[\]{}][^:#]*?)[ \t]*:[ \t]+(.*)")
_BLOCK_INDICATOR = re.compile(r"[|>][+-]?[0-9]?[+-]?[ \t]*(#.*)?$")


@dataclass(frozen=True)
class Diagnosis:
    code: str
    start: int  # file offsets
    end: int
    message: str
    fix: Fix | None = None


def _lines(text: str, base: int) -> Iterator[tuple[int, str]]:
    """(file offset, line without its ending) for each line of ``text``, lazily.

    Lazy because a 1 MB front matter of short lines would otherwise cost ~80 MB of tuples.
    """
    offset = base
    for raw in io.StringIO(text, newline=""):  # splits on LF, CRLF and CR, as YAML does
        yield offset, raw.rstrip("\r\n")
        offset += len(raw)


def _value_without_comment(value: str) -> str:
    cut = value.find(" #")
    return (value if cut == -1 else value[:cut]).rstrip(" \t")


def _closes(value: str, quote: str) -> bool:
    """Whether a quoted scalar that starts ``value`` also ends on this line."""
    index = 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1 : index + 2] == "'":
                index += 2
                continue
            return True
        index += 1
    return False


def explain(doc: Document, fm: FrontMatter, error: SyntaxProblem) -> Diagnosis | None:
    """The first editor mistake at or before the parser's mark (``error``), if any."""
    previous_indent = -1
    previous_open_value = False  # the previous key line has a value that may continue
    block_indent: int | None = None  # inside a | or > block scalar deeper than this
    past_error = False
    for offset, line in _lines(fm.yaml, fm.offset):
        if past_error:  # the line after the parser's mark was the last one to look at
            break
        past_error = offset > error.offset
        stripped = line.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if indent > block_indent:
                continue
            block_indent = None
        if "\t" in line[:indent]:
            tab = offset + line.index("\t")
            return Diagnosis(
                "YML006",
                tab,
                tab + 1,
                _("tab used for indentation: YAML allows only spaces here"),
                Fix(_("Replace the tab by spaces"), (Edit(tab, tab + 1, "  "),), Applicability.UNSAFE),
            )
        continuation = previous_open_value and indent > previous_indent
        if stripped.startswith("- ") or stripped == "-" or continuation:
            previous_open_value = False
            continue
        match = _KEY_WITHOUT_SPACE.match(stripped)
        if match:
            colon = offset + indent + match.end(1)
            key = match.group(1)
            value = _value_without_comment(stripped[match.end(1) + 1 :])
            return Diagnosis(
                "YML003",
                offset + indent,
                colon + 1,
                _("no space after the colon of '{key}': write '{key}: {value}'").format(key=key, value=value),
                Fix(_("Add a space after the colon"), (Edit(colon + 1, colon + 1, " "),)),
            )
        match = _BARE_KEY.fullmatch(stripped)
        if match:
            key = match.group(1)
            key_end = offset + indent + match.end(1)
            rest = _lines(fm.yaml[offset - fm.offset + len(line) :], 0)
            following = next((text for _o, text in rest if text.strip()), "")
            follows_block = following.lstrip().startswith("-") or (len(following) - len(following.lstrip()) > indent)
            applicability = Applicability.SAFE if follows_block else Applicability.DISPLAY_ONLY
            return Diagnosis(
                "YML002",
                offset + indent,
                key_end,
                _("the key '{key}' has no colon: write '{key}:'").format(key=key),
                Fix(_("Add the missing colon"), (Edit(key_end, key_end, ":"),), applicability),
            )
        match = _KEY_VALUE.fullmatch(stripped)
        if match:
            key, value = match.group(1), _value_without_comment(match.group(2))
            quote = value[:1]
            if quote in ("'", '"') and not _closes(value, quote):
                start = offset + indent + match.start(2)
                return Diagnosis(
                    "YML001",
                    start,
                    start + 1,
                    _("the quote that opens the value of '{key}' is not closed on this line").format(key=key),
                )
            plain = value and value[0] not in "'\"[{|>&*!"
            if plain and (": " in value or value.endswith(":")):
                value_start = offset + indent + match.start(2)
                return Diagnosis(
                    "YML005",
                    offset + indent,
                    value_start + len(value),
                    _(
                        "the value of '{key}' contains ': ', which YAML reads as a new key: put the value in quotes"
                    ).format(key=key),
                    Fix(
                        _("Put the value in quotes"),
                        (Edit(value_start, value_start + len(value), quoted(value)),),
                        changes_data_at=((key,),),
                    )
                    # the fix declares the path (key,): only true of a top-level key read as text
                    if indent == 0 and reads_as(key, key)
                    else None,
                )
            if _BLOCK_INDICATOR.match(value):
                block_indent = indent
            previous_indent, previous_open_value = indent, bool(value)
        else:
            previous_indent, previous_open_value = indent, False
    return None


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


def generic(doc: Document, error: SyntaxProblem) -> Diagnosis:
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
