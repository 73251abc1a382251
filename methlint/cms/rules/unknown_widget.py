"""
## What it does
Reports a field whose `widget` is not one Decap CMS knows (its own widgets, and those the
admin page registers with `CMS.registerWidget('name', …)` in `admin/index.html`), with the
closest known widget ("did you mean").

## Why is this bad?
Decap shows "No control for widget" instead of the field, or stops with an error: editors
cannot edit the value, and saving may write it wrong.

## Example
```yaml
- {label: "Body", name: "body", widget: "mardown"}   # markdown
```

## Fix safety
No fix: a widget the team registers elsewhere would be renamed wrongly.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from methlint.cms.decap import WIDGETS, field_lists, registered_widgets
from methlint.cms.rules import site_of
from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    site = site_of(doc, ctx)
    known = set(WIDGETS) | (registered_widgets(doc.fs_path) if doc.fs_path is not None else set())
    for fields in field_lists(site.config):
        for field in fields:
            widget = field.get("widget")
            if not isinstance(widget, str) or widget in known:
                continue
            message = _("unknown widget '{widget}'").format(widget=widget)
            close = difflib.get_close_matches(widget, sorted(known), n=1, cutoff=0.6)
            if close:
                message += _(": did you mean '{widget}'?").format(widget=close[0])
            else:
                message += _(": Decap CMS shows no control for it")
            yield Finding(site.config.span(field.value_node("widget")), message)


RULE = Rule("CMS002", "unknown-widget", check, __doc__, "Widget unknown to Decap CMS", scope=Scope.CMS_CONFIG)
