"""
## What it does
Reports a field whose `name` an earlier field of the same list already has (in a
collection, a file, or a list or object field), with the line of the first one.

## Why is this bad?
Both fields write the same key: the later one overwrites what the editor typed in the
earlier one. Decap CMS 3 refuses the configuration ("fields names must be unique").

## Example
```yaml
- {label: "Body", name: "body", widget: "markdown"}
- {label: "link", name: "body", widget: "string"}    # also writes the body
```

## Fix safety
No fix: which key the second field meant is the team's call.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.cms.decap import field_lists
from methlint.cms.rules import site_of
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    site = site_of(doc, ctx)
    for fields in field_lists(site.config):
        first_line: dict[str, int] = {}
        for field in fields:
            name = field.name
            span = site.config.span(field.value_node("name"))
            if name is None:
                continue
            if name in first_line:
                yield Finding(
                    span,
                    _("another field is named '{name}' (line {line}): both write the same key").format(
                        name=name, line=first_line[name]
                    ),
                )
            else:
                first_line[name] = span.line


RULE = Rule("CMS004", "duplicate-field-name", check, __doc__, "Two fields with the same name", scope=Scope.CMS_CONFIG)
