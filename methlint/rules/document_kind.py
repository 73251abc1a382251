"""
## What it does
Reports a document of a collection whose contract is chosen by the value of a key (`categorie`
in `_outil/`: `methode` or `outil`) when that key is missing, empty, or holds a value the
configuration does not know (`categorie: outill`), with the closest known value. Such a
document follows no contract: it is not checked as some other kind of document (a tool checked
as a method would be told that its tool keys are unknown), only by the other rules.

## Why is this bad?
The site sorts documents by this key: `where: "categorie", "outil"` never lists a document
whose `categorie` is `outill`, so it vanishes from every page.

## Example
```yaml
categorie: outill
```

Use instead:
```yaml
categorie: outil
```

## Fix safety
No fix: which kind of document it is is the editor's call.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _
from methlint.placement import MISSING, Undecided
from methlint.rules._base import Context, Rule, close_matches


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    choice = ctx.choice(doc)
    if not isinstance(choice, Undecided):
        return
    from methlint.contracts import contract

    key = choice.rule.discriminator
    known = [value for value, _id in choice.rule.by_value]
    listed = ", ".join(f"'{value}' ({contract(id).title})" for value, id in choice.rule.by_value)
    if choice.value is MISSING:
        message = _("no '{key}': it says which kind of document this is, and so which contract it follows: {known}")
        start = end = fm.offset
    else:
        _key, node = fm.node_at((key,))
        assert node is not None  # the key is in the data, read from the tree
        start, end = fm.file_offset(node.start_mark), fm.file_offset(node.end_mark)
        if choice.value is None:
            message = _(
                "'{key}' is empty: it says which kind of document this is, and so which contract it follows: {known}"
            )
        else:
            message = _("'{key}' is {value}, a kind of document the configuration does not know: {known}")
    message = message.format(key=key, value=_as_written(choice.value), known=listed)
    if close := _closest(choice.value, known):
        message += _(": did you mean {value!r}?").format(value=close[0])
    yield Finding(doc.span(start, end), message + " " + _("(no contract checks this document until then)"))


def _as_written(value: object) -> str:
    """The value as YAML writes it (true, 3), a text quoted ('outill')."""
    return ("true" if value else "false") if isinstance(value, bool) else repr(value)


def _closest(value: object, known: list[str]) -> list[str]:
    """The known value meant: the same but for case (OUTIL), else the closest spelling."""
    if not isinstance(value, str):
        return []
    same = [option for option in known if option.casefold() == value.casefold()]
    return same[:1] or close_matches(value, known, n=1, cutoff=0.6)


RULE = Rule(
    "SCH008",
    "unknown-document-kind",
    check,
    __doc__,
    "Document says no kind the configuration knows",
)
