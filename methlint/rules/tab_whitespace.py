"""
## What it does
Reports a tab used as whitespace in the front matter: before a comment or at the end of
a line.

## Why is this bad?
Jekyll (libyaml) accepts it, but many other YAML tools (ruamel.yaml, pure-Python PyYAML,
editors' previewers) reject it, and it is invisible in a review.

## Example
```yaml
path: ""<TAB># means all files
```

Use instead:
```yaml
path: "" # means all files
```

## Fix safety
Safe: the tab is outside every value, so replacing it by a space changes no data.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from methlint.diagnostics import Applicability, Edit, Finding, Fix, FixAvailability, Severity
from methlint.document import Document
from methlint.front_matter import iter_nodes
from methlint.i18n import _
from methlint.rules._base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or not fm.ok or "\t" not in fm.yaml:
        return
    scalars = sorted(
        (fm.file_offset(n.start_mark), fm.file_offset(n.end_mark))
        for n in iter_nodes(fm.root)
        if isinstance(n, yaml.ScalarNode)
    )
    position = fm.yaml.find("\t")
    while position != -1:
        offset = fm.offset + position
        line_start = fm.yaml.rfind("\n", 0, position) + 1
        line_end = fm.yaml.find("\n", position)
        rest = fm.yaml[position : len(fm.yaml) if line_end == -1 else line_end].strip(" \t\r")
        indentation = not fm.yaml[line_start:position].strip(" \t")
        inside_value = any(start <= offset < end for start, end in scalars)
        if not indentation and not inside_value and (not rest or rest.startswith("#")):
            yield Finding(
                doc.span(offset, offset + 1),
                _("tab used as whitespace: Jekyll accepts it, most YAML tools do not; use a space"),
                Fix(_("Replace the tab by a space"), (Edit(offset, offset + 1, " "),), Applicability.SAFE),
            )
        position = fm.yaml.find("\t", position + 1)


RULE = Rule(
    "YML007",
    "tab-as-whitespace",
    check,
    __doc__,
    "Tab used as whitespace in front matter",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
