"""
## What it does
Reports an apostrophe between two letters that does not follow the apostrophe policy
(`[typography] apostrophe`: `’` by default, or `'`).

## Why is this bad?
The layouts print front-matter values raw: `title: L'atelier citoyen` reaches the page
with a straight apostrophe next to pages using `’`. In the body kramdown converts `'`,
so there it is a consistency matter only.

On the page: kramdown's smart quotes (Jekyll's default) write `’` for both apostrophes in
the body and in a value printed through `markdownify`: invisible there. A value a layout
prints raw shows the apostrophe as typed. Smart quotes turned off in `_config.yml`, or
another converter, make every finding visible.

## Example
```yaml
title: L'atelier citoyen
```

Use instead:
```yaml
title: L’atelier citoyen
```

## Fix safety
Safe: one apostrophe changes, never a YAML quote; in a single-quoted value the doubled
`''` that stands for one apostrophe (`'L''avis'`) becomes one `’` (`'L’avis'`). In a
`title` the fix is unsafe: titles are identifiers that usage documents
reference (`methodes: - L'atelier citoyen`), so the fixer must rename those too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Applicability, Difference, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix
from methlint.rules.typography.units import MASK, ProseUnit

# `''` in a single-quoted value is one straight apostrophe, masked in the unit's text
_DOUBLED_BETWEEN_LETTERS = re.compile(rf"(?<=[^\W\d_]){MASK}{MASK}(?=[^\W\d_])")
_BETWEEN_LETTERS = {
    "\u2019": re.compile(r"'(?<=[^\W\d_]')(?=[^\W\d_])"),
    "'": re.compile(r"\u2019(?<=[^\W\d_]\u2019)(?=[^\W\d_])"),
}


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    wanted = ctx.config.typography.apostrophe
    pattern = _BETWEEN_LETTERS[wanted]
    unwanted = "'" if wanted == "\u2019" else "\u2019"
    prose = ctx.prose(doc)
    for unit, match in prose.find(pattern, holding=unwanted):
        yield _finding(doc, unit, match.start(), 1, unwanted, wanted)
    if wanted == "\u2019":
        for unit, match in prose.find(_DOUBLED_BETWEEN_LETTERS, holding=MASK + MASK):
            if unit.style == "'" and doc.text.startswith("''", match.start()):
                yield _finding(doc, unit, match.start(), 2, unwanted, wanted)


def _finding(doc: Document, unit: ProseUnit, at: int, length: int, unwanted: str, wanted: str) -> Finding:
    identifier = unit.path is not None and unit.path[:1] == ("title",)
    return Finding(
        doc.span(at, at + length),
        _("apostrophe {found} where the policy is {wanted}: replace it").format(found=unwanted, wanted=wanted),
        unit_fix(
            unit,
            _("Replace the apostrophe"),
            (Edit(at, at + length, wanted),),
            Applicability.UNSAFE if identifier else Applicability.SAFE,
        ),
    )


RULE = Rule(
    "TYP010",
    "apostrophe-consistency",
    check,
    __doc__,
    "Apostrophe against the policy",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    difference=Difference.APOSTROPHE,
)
