"""
## What it does
Reports a list item that YAML reads as a one-key mapping because it contains `: `
(`- Qualité du panel: 4 à 5`).

## Why is this bad?
The site prints `{"Qualité du panel"=>"4 à 5"}` instead of the sentence, and the schema
sees a mapping where it expects text.

## Example
```yaml
qualites:
- Qualité du panel: 4 à 5 personnes
```

Use instead:
```yaml
qualites:
- 'Qualité du panel: 4 à 5 personnes'
```

## Fix safety
Safe: the item is quoted so that it reads back as exactly the text the editor typed; the
value changes type on purpose (mapping to text) and the fixer verifies exactly that.
Items written with the `\\:` hack are left to TYP rules, which also remove the backslash.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from methlint.diagnostics import Applicability, Edit, Finding, Fix, FixAvailability
from methlint.document import Document
from methlint.front_matter import iter_paths
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.yaml_text import quoted


def _accidental_mapping(item: yaml.Node, siblings: list[yaml.Node]) -> bool:
    if not isinstance(item, yaml.MappingNode) or len(item.value) != 1:
        return False
    key, value = item.value[0]
    if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
        return False
    if key.style or value.style or key.tag != "tag:yaml.org,2002:str" or not value.value:
        return False
    if key.value.endswith("\\") or key.start_mark.line != value.end_mark.line:
        return False
    return " " in key.value or any(isinstance(s, yaml.ScalarNode) for s in siblings)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or not fm.ok:
        return
    for path, _key, node in iter_paths(fm.root):
        if not isinstance(node, yaml.SequenceNode):
            continue
        for index, item in enumerate(node.value):
            if not _accidental_mapping(item, node.value):
                continue
            start = fm.file_offset(item.start_mark)
            end = fm.file_offset(item.value[0][1].end_mark)
            source = doc.text[start:end]
            yield Finding(
                doc.span(start, end),
                _("this list item is read as a mapping because of ': ': quote the item"),
                Fix(
                    _("Quote the item"),
                    (Edit(start, end, quoted(source)),),
                    Applicability.SAFE,
                    changes_data_at=((*path, index),),
                ),
            )


RULE = Rule(
    "YML004",
    "list-item-mapping",
    check,
    __doc__,
    "List item read as a mapping because of ': '",
    fix=FixAvailability.ALWAYS,
)
