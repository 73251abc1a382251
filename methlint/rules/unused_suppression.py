"""
## What it does
Reports a suppression comment (`# methlint: ignore[...]`, `<!-- methlint-disable ... -->`,
`<!-- methlint-disable-next-line ... -->`, `# methlint: ignore-file[...]`) that hid no
finding in this run. Off by default: turn it on with `--extend-select MTL001`.

## Why is this bad?
A suppression outlives the problem it was written for. Left in place it will hide the
next, unrelated problem of the same kind on that line.

## Example
```markdown
---
title: L’atelier citoyen  # methlint: ignore[SCH005]
---
```
where the title has no SCH005 finding any more.

## Fix safety
No fix yet: remove the code (or the whole comment) by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.diagnostics import Finding, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.suppressions import Suppression

CODE = "MTL001"


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Nothing to see per document: only the linter knows, after every rule ran, which
    suppressions were used. It calls :func:`unused_findings` instead."""
    return iter(())


def unused_findings(suppressions: list[Suppression]) -> Iterator[Finding]:
    for suppression in suppressions:
        if not suppression.used:
            yield Finding(
                suppression.span,
                _("unused suppression: no {code} finding here; remove it").format(code=suppression.code),
            )


RULE = Rule(
    CODE,
    "unused-suppression",
    check,
    __doc__,
    "Suppression comment that hid nothing",
    severity=Severity.WARNING,
    default_enabled=False,
)
