"""
## What it does
Reports a `date` that Jekyll cannot read or that cannot be meant: an impossible day
(`2019-02-30`, month 13, hour 25), a form Jekyll does not accept, an empty `date:`, a value
that is not a date at all, or a date further in the future than `date_future_years`
(default 1). Quoted or not, these forms are accepted: `2019-05-22`,
`2019-05-22 09:29:08 +0000`, `2017-04-04T15:57:58.478+00:00`.

This rule owns dates: the schema's `jekyll-date` format documents the same forms, but the
schema rules (SCH002, SCH004) leave the `date` value to this rule, so each mistake is
reported once, with the accepted forms.

## Why is this bad?
Jekyll stops the whole build on a date it cannot parse ("Invalid date"), and sorts by date:
a document dated 2091 stays first for seventy years.

## Example
```yaml
date: 2019-02-30
```

## Fix safety
No fix: only the editor knows the right day.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import yaml

from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import _, ngettext
from methlint.rules._base import Context, Rule
from methlint.schemas import parse_jekyll_date

DATE_KEYS = ("date",)
ACCEPTED_FORMS = "2019-05-22, 2019-05-22 09:29:08 +0000 or 2017-04-04T15:57:58.478+00:00"


def today() -> datetime.date:
    return datetime.date.today()


def _problem(value: object, future_years: int) -> str | None:
    if value is None or value == "":
        return _("'{key}' is empty: write a date such as {forms}")
    if not isinstance(value, str):
        return _("'{key}' is not a date: write it as {forms}")
    parsed = parse_jekyll_date(value)
    if parsed is None:
        return _("'{key}' is not a real date in a form Jekyll reads ({value}): use {forms}")
    limit = today()
    limit = limit.replace(year=limit.year + future_years, day=min(limit.day, 28))
    if parsed > limit:
        return ngettext(
            "'{key}' is more than {years} year in the future ({value}): check the year",
            "'{key}' is more than {years} years in the future ({value}): check the year",
            future_years,
        )
    return None


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    for key in DATE_KEYS:
        if key not in fm.data:
            continue  # a missing date is the schema's business
        value = fm.data[key]
        message = _problem(value, ctx.config.date_future_years)
        if message is None:
            continue
        key_node, node = fm.node_at((key,))
        # an empty plain value has no extent: point at the key instead
        plain_empty = isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style
        target = key_node if plain_empty else node
        assert target is not None  # a key of the data
        start = fm.file_offset(target.start_mark)
        end = start if not isinstance(target, yaml.ScalarNode) else fm.file_offset(target.end_mark)
        yield Finding(
            doc.span(start, end),
            message.format(key=key, value=value, forms=ACCEPTED_FORMS, years=ctx.config.date_future_years),
        )


RULE = Rule("DAT001", "invalid-date", check, __doc__, "Date impossible, empty or far in the future")
