"""Files that cannot be read as UTF-8 text (FM010-FM012)."""

from __future__ import annotations

from collections.abc import Iterator

from methlint.diagnostics import Finding, Span
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule

_START = Span(1, 1, 1, 2)

UNREADABLE_DOC = """
## What it does
Reports a file that cannot be read (permissions, a folder named like a document, a file
removed while methlint ran), and a folder that cannot be read (its documents would be
missing from the run without a word).

## Why is this bad?
Jekyll cannot read it either: the page is silently missing from the site.

## Example
A file `_outil/atelier.md` with mode `000`, or a folder `_outil/archives/` with mode `000`.

## Fix safety
No fix: check the file's permissions or remove the stray path.
"""

NOT_UTF8_DOC = """
## What it does
Reports a file that is not valid UTF-8, naming the first bad byte's offset.

## Why is this bad?
Jekyll reads documents as UTF-8: accents saved as Latin-1 or Windows-1252 become
garbage or stop the build, and UTF-16 files are not recognised at all.

## Example
`conférence` saved by an old editor as Latin-1 (`conf\\xe9rence`).

## Fix safety
No automatic fix: the right source encoding cannot be known for sure. Re-save the file
as UTF-8 in your editor.
"""

TOO_LARGE_DOC = """
## What it does
Reports a file larger than the configured maximum (`max-file-bytes`, 1 MB by default).

## Why is this bad?
A method document is a few kilobytes; a huge file is a mistake (a pasted export, a
binary) and would make every run slow.

## Example
A 5 MB `.md` file.

## Fix safety
No fix.
"""


def _check_unreadable(doc: Document, ctx: Context) -> Iterator[Finding]:
    problem = doc.load_problem
    if problem is not None and problem.kind == "unreadable":
        yield Finding(_START, _("cannot read the file: {reason}").format(reason=problem.detail))
    elif problem is not None and problem.kind == "unlistable":
        message = _("cannot read the folder: {reason}; the documents in it are not checked")
        yield Finding(_START, message.format(reason=problem.detail))


def _check_encoding(doc: Document, ctx: Context) -> Iterator[Finding]:
    problem = doc.load_problem
    if problem is None or problem.kind != "encoding" or problem.decode is None:
        return
    decode = problem.decode
    span = Span(decode.line, decode.column, decode.line, decode.column + 1)
    if decode.kind == "utf-16":
        message = _("the file is UTF-16, not UTF-8: save it as UTF-8")
    elif decode.kind == "binary":
        message = _("the file holds binary data (NUL bytes) at byte {offset}: it is not a text document")
    else:
        message = _("invalid UTF-8 at byte {offset} (Latin-1 or Windows-1252?): save the file as UTF-8")
    yield Finding(span, message.format(offset=decode.byte_offset))


def _check_size(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.load_problem is not None and doc.load_problem.kind == "too-large":
        yield Finding(
            _START,
            _("the file is larger than {limit} bytes: not checked").format(limit=doc.load_problem.detail),
        )


UNREADABLE = Rule("FM010", "unreadable-file", _check_unreadable, UNREADABLE_DOC, "File cannot be read")
NOT_UTF8 = Rule("FM011", "not-utf8", _check_encoding, NOT_UTF8_DOC, "File is not valid UTF-8")
TOO_LARGE = Rule("FM012", "file-too-large", _check_size, TOO_LARGE_DOC, "File exceeds the size limit")
