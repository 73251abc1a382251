"""
## What it does
Reports the hacks editors use to get a colon into a YAML list item: `\\:` and `":"`
(`- Qualité du panel \\: 4 à 5`, `- Qualité du panel ":" 4 à 5`).

## Why is this bad?
Both show up literally on the page. Worse, YAML reads `- Qualité du panel \\: 4 à 5` as
a mapping (`{"Qualité du panel \\": "4 à 5"}`): the backslash does not escape anything
outside double quotes. A quoted item (`'Qualité du panel : 4 à 5'`) is the way to write
a colon.

## Example
```yaml
qualites:
- Qualité du panel \\: 4 à 5 personnes
```

Use instead:
```yaml
qualites:
- 'Qualité du panel : 4 à 5 personnes'
```

## Fix safety
Safe: the item is rewritten as a quoted string holding a plain ` : `; for the `\\:`
mapping this changes the value's type on purpose (mapping to text), and the fix
declares that item. Items spread over several lines are only reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from methlint.diagnostics import Applicability, Edit, Finding, Fix, FixAvailability, Severity
from methlint.document import Document
from methlint.front_matter import FrontMatter, iter_paths
from methlint.front_matter import Path as DataPath
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.yaml_text import quoted

_HACK = re.compile(r'\\:|":"')
_STR = "tag:yaml.org,2002:str"


def _repaired(source: str) -> str:
    return _HACK.sub(":", source)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or not fm.ok or ("\\:" not in fm.yaml and '":"' not in fm.yaml):
        return
    for path, _key, node in iter_paths(fm.root):
        if isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                finding = _mapping_hack(doc, fm, item, (*path, index))
                if finding is not None:
                    yield finding
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR and _HACK.search(node.value):
            yield _string_hack(doc, fm, node, path)


def _mapping_hack(doc: Document, fm: FrontMatter, item: yaml.Node, path: DataPath) -> Finding | None:
    """``- text \\: more``: a one-key mapping whose key ends with the backslash."""
    if not isinstance(item, yaml.MappingNode) or len(item.value) != 1:
        return None
    key, value = item.value[0]
    if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
        return None
    if key.style or not key.value.endswith("\\"):
        return None
    start, end = fm.file_offset(key.start_mark), fm.file_offset(value.end_mark)
    source = doc.text[start:end]
    fix = None
    if "\n" not in source and not value.style:
        fix = Fix(
            _("Quote the item and write a plain colon"),
            (Edit(start, end, quoted(_repaired(source))),),
            Applicability.SAFE,
            changes_data_at=(path,),
        )
    backslash = fm.file_offset(key.end_mark) - 1
    return Finding(
        doc.span(backslash, backslash + 2),
        _("'\\:' does not escape a colon in YAML: this item is read as a mapping; quote the item and write ' : '"),
        fix,
    )


def _string_hack(doc: Document, fm: FrontMatter, node: yaml.ScalarNode, path: DataPath) -> Finding:
    start, end = fm.file_offset(node.start_mark), fm.file_offset(node.end_mark)
    source = doc.text[start:end]
    found = _HACK.search(node.value)
    assert found is not None  # the caller searched it
    hack = found.group()
    at = start + source.find(hack) if hack in source else start
    fix = None
    if "\n" not in source and (node.style or "") in ("", "'"):
        fix = Fix(
            _("Write a plain colon in a quoted string"),
            (Edit(start, end, quoted(_repaired(node.value))),),
            Applicability.SAFE,
            changes_data_at=(path,),
        )
    return Finding(
        doc.span(at, at + len(hack)),
        _("'{hack}' shows literally on the page: quote the value and write ' : '").format(hack=hack),
        fix,
    )


RULE = Rule(
    "TYP023",
    "colon-escape-artifact",
    check,
    __doc__,
    "'\\:' or '\":\"' hack for a colon",
    severity=Severity.ERROR,
    fix=FixAvailability.SOMETIMES,
)
