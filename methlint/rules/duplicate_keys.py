"""
## What it does
Reports a key that appears twice in the same mapping, naming both lines.

## Why is this bad?
Jekyll silently keeps the last value: the first one, often the one the editor fixed, is
lost without a word.

## Example
```yaml
title: La conférence de citoyens
title: Le jury citoyen
```

## Fix safety
No fix: which value is right is the editor's call.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.front_matter import iter_nodes
from methlint.i18n import _
from methlint.rules._base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.root is None:
        return
    for node in iter_nodes(fm.root):
        if not isinstance(node, yaml.MappingNode):
            continue
        first_seen: dict[tuple[str, str], yaml.Node] = {}
        for key, _value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            first = first_seen.setdefault((key.tag, key.value), key)
            if first is not key:
                start = fm.file_offset(key.start_mark)
                first_line, _col = doc.position(fm.file_offset(first.start_mark))
                yield Finding(
                    doc.span(start, fm.file_offset(key.end_mark)),
                    _("duplicate key '{key}' (first on line {line}): Jekyll keeps only this last value").format(
                        key=key.value, line=first_line
                    ),
                )


RULE = Rule("YML008", "duplicate-key", check, __doc__, "Key defined twice in a mapping")
