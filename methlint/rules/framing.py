"""How the front matter is framed: present, closed, not hidden by a BOM, a mapping (FM001-FM005)."""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from methlint.diagnostics import Applicability, Edit, Finding, Fix, FixAvailability, Span
from methlint.document import Document, SplitStatus
from methlint.i18n import _
from methlint.rules._base import Context, Rule

MISSING_DOC = """
## What it does
Reports a document that does not start with a `---` line.

## Why is this bad?
Without front matter Jekyll publishes the file as a static file: the method page, its
title and its place in the lists are lost.

## Example
```markdown file
title: L’atelier citoyen
```

Use instead:
```markdown
---
title: L’atelier citoyen
---
```

## Fix safety
No fix: where the front matter should end cannot be guessed.
"""

UNCLOSED_DOC = """
## What it does
Reports front matter opened by `---` and never closed by a `---` (or `...`) line.

## Why is this bad?
Jekyll does not recognise the front matter and publishes the whole file as text.

## Example
```markdown
---
title: Le panel citoyen

Le texte commence ici.
```

## Fix safety
No fix: add the closing `---` line where the front matter ends.
"""

BOM_DOC = """
## What it does
Reports a UTF-8 byte order mark (BOM) at the start of the file.

## Why is this bad?
Jekyll 4 looks for `---` at the very first byte. Behind a BOM it misses the front
matter and publishes the file as a static file: the page is lost. Some Windows editors
add the BOM silently.

## Example
`\\ufeff---` as the first line.

## Fix safety
Safe: removing the BOM changes no character of the content.
"""

EMPTY_DOC = """
## What it does
Reports front matter that holds nothing (or only comments).

## Why is this bad?
A method document without title, tagline or `ordre` renders as an empty card.

## Example
```markdown
---
---
```

## Fix safety
No fix.
"""

NOT_MAPPING_DOC = """
## What it does
Reports front matter that is a list or a single value instead of `key: value` lines.

## Why is this bad?
Jekyll ignores front matter that is not a mapping: the page gets none of its variables.

## Example
```markdown
---
- title
- tagline
---
```

## Fix safety
No fix.
"""


def _check_missing(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.load_problem is None and doc.split_status == SplitStatus.MISSING:
        start = 1 if doc.text.startswith("\ufeff") else 0
        if doc.text[start:].startswith("---"):
            message = _("the first line must be exactly '---' to open the front matter")
        else:
            message = _("no front matter: the file must start with a '---' line")
        yield Finding(Span(1, 1, 1, 2), message)


def _check_unclosed(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.split_status == SplitStatus.UNCLOSED:
        yield Finding(
            Span(1, 1, 1, 4),
            _("the front matter opened here is never closed: add a '---' line after the last key"),
        )


def _check_bom(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.text.startswith("\ufeff"):
        yield Finding(
            Span(1, 1, 1, 2),
            _("the file starts with a byte order mark (BOM): Jekyll will not see the front matter"),
            Fix(_("Remove the BOM"), (Edit(0, 1, ""),), Applicability.SAFE),
        )


def _check_empty(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is not None and fm.root is None and fm.syntax_error is None and fm.limit_error is None:
        yield Finding(Span(1, 1, 1, 4), _("the front matter is empty"))


def _check_not_mapping(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is not None and fm.root is not None and not isinstance(fm.root, yaml.MappingNode):
        kind = _("a list") if isinstance(fm.root, yaml.SequenceNode) else _("a single value")
        start = fm.file_offset(fm.root.start_mark)
        yield Finding(
            doc.span(start),
            _("the front matter is {kind}, not 'key: value' lines").format(kind=kind),
        )


MISSING = Rule("FM001", "missing-front-matter", _check_missing, MISSING_DOC, "No front matter")
UNCLOSED = Rule("FM002", "unclosed-front-matter", _check_unclosed, UNCLOSED_DOC, "Front matter never closed")
BOM_RULE = Rule(
    "FM003",
    "byte-order-mark",
    _check_bom,
    BOM_DOC,
    "BOM hides the front matter from Jekyll",
    fix=FixAvailability.ALWAYS,
    removes_bom=True,
)
EMPTY = Rule("FM004", "empty-front-matter", _check_empty, EMPTY_DOC, "Front matter is empty")
NOT_MAPPING = Rule(
    "FM005", "front-matter-not-mapping", _check_not_mapping, NOT_MAPPING_DOC, "Front matter is not a mapping"
)
