"""YAML features that have no place in an editor's front matter (YML009-YML012)."""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from methlint.diagnostics import Finding, Severity
from methlint.document import Document
from methlint.i18n import N_, _
from methlint.rules._base import Context, Rule

ANCHOR_DOC = """
## What it does
Reports YAML anchors (`&name`) and aliases (`*name`).

## Why is this bad?
Editors do not expect one value to stand for another; aliases are how "billion laughs"
bombs are built, and `methlint fix` refuses to rewrite such files.

## Example
```yaml
atouts: &liste
- Rapide
inconvenients: *liste
```

## Fix safety
No fix: write the values out.
"""

TAG_DOC = """
## What it does
Reports an explicit YAML tag other than the standard ones (`!!python/object/apply:…`,
`!ruby/object:…`).

## Why is this bad?
Jekyll's safe loader refuses such tags (the build fails), and some loaders run code for
them. methlint never constructs them.

## Example
```yaml
title: !!python/object/apply:os.system ["echo"]
```

## Fix safety
No fix.
"""

LIMIT_DOC = """
## What it does
Reports front matter that exceeds methlint's safety limits: nesting depth, number of
aliases (and their expanded size), number of YAML events, an alias inside the node it
names (a value that contains itself), an integer of more than 4,300 digits (Python's
bound on printing one: such a number could not even be quoted in a message).

## Why is this bad?
Such front matter is either a mistake or an attack (deep nesting, alias bombs) and can
exhaust memory in YAML tools. methlint stops before building anything.

## Example
10,000 nested `[`.

## Fix safety
No fix.
"""

KEY_TYPE_DOC = """
## What it does
Reports a key that YAML reads as something other than text (`1:`, `yes:`, `2019-01-01:`).

## Why is this bad?
Jekyll's layouts look variables up by name: a key read as a number or a boolean is never
found.

## Example
```yaml
yes: true
```

## Fix safety
No fix.
"""


def _check_anchors(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or fm.limit_error is not None:
        return
    if fm.anchors:
        yield Finding(
            doc.span(fm.anchors[0]),
            _("YAML anchors or aliases ({count} in this front matter): write the values out instead").format(
                count=len(fm.anchors)
            ),
        )


def _check_tags(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is not None and fm.foreign_tag is not None:
        offset, tag = fm.foreign_tag
        yield Finding(
            doc.span(offset),
            _("explicit tag {tag} is not allowed (Jekyll refuses it; methlint never builds it)").format(
                tag=tag.replace("tag:yaml.org,2002:", "!!")
            ),
        )


_LIMIT_MESSAGES = {
    "depth": N_("nesting deeper than {limit} levels: the front matter is not checked further"),
    "aliases": N_("aliases expand beyond the safety limits (an alias bomb?): the front matter is not checked further"),
    "events": N_("more than {limit} YAML items: the front matter is not checked further"),
    "recursion": N_("this alias is inside the node it names (a value that contains itself): write the values out"),
    "number": N_("a number of more than {limit} digits: the front matter is not checked further"),
}


def _check_limits(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is not None and fm.limit_error is not None:
        problem = fm.limit_error
        yield Finding(doc.span(problem.offset), _(_LIMIT_MESSAGES[problem.what]).format(limit=problem.limit))


def _check_key_types(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or not isinstance(fm.root, yaml.MappingNode) or fm.foreign_tag is not None:
        return
    for key, _value in fm.root.value:
        if not isinstance(key, yaml.ScalarNode):
            start = fm.file_offset(key.start_mark)
            yield Finding(doc.span(start), _("a key must be a single word, not a list or a mapping"))
        elif key.tag != "tag:yaml.org,2002:str":
            start = fm.file_offset(key.start_mark)
            kind = key.tag.rsplit(":", 1)[-1]
            yield Finding(
                doc.span(start, fm.file_offset(key.end_mark)),
                _("the key '{key}' is read as {kind}, not as text: Jekyll will not find it").format(
                    key=key.value, kind=kind
                ),
            )


ANCHORS = Rule(
    "YML009", "anchor-or-alias", _check_anchors, ANCHOR_DOC, "YAML anchor or alias", severity=Severity.WARNING
)
FOREIGN_TAG = Rule("YML010", "explicit-tag", _check_tags, TAG_DOC, "Explicit non-standard YAML tag")
LIMITS = Rule("YML011", "yaml-limit-exceeded", _check_limits, LIMIT_DOC, "Front matter exceeds safety limits")
KEY_TYPE = Rule("YML012", "non-text-key", _check_key_types, KEY_TYPE_DOC, "Key is not read as text")
