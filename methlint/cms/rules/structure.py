"""
## What it does
Reports what, in a Decap CMS configuration (`admin/config.yml`), is not what Decap reads: a
file that is not valid YAML, `collections` that is not a list, a collection, a file or a
field that is not a mapping, a field without a `name`. The other CMS rules check the rest.

## Why is this bad?
Decap CMS refuses the whole configuration ("Error loading the CMS configuration"): the
editors' admin page shows no collection at all.

## Example
```yaml
collections:
  outil:            # a mapping where Decap wants a list of collections
    folder: _outil
```

## Fix safety
No fix: the intended structure is the team's call.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.cms.rules import site_of
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for problem in site_of(doc, ctx).config.problems:
        yield Finding(doc.span(problem.start, problem.end), _(problem.message).format(**problem.values))


RULE = Rule(
    "CMS001",
    "cms-config-structure",
    check,
    __doc__,
    "CMS configuration not readable as Decap reads it",
    scope=Scope.CMS_CONFIG,
)
