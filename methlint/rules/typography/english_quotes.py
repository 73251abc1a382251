"""
## What it does
Reports English quotation marks, `"…"` or `“…”`, around French prose, where French writes
`« … »` (with no-break spaces inside). `“ ”` inside `« »` are second-rank quotes, and right.

French typography only: not checked on a document whose site declares another language
(`lang: en` in its front matter, `_config.yml` or its `defaults`; see the README's *Content language*).

## Why is this bad?
The Lexique des règles typographiques de l'Imprimerie nationale: French quotes are `« »`;
English quotes are for a quotation inside a quotation. A page mixing both looks unedited.

## Example
```markdown
La consultation “Parlons climat” s’inscrit dans une démarche…
```

Use instead (`⍽` = no-break space):
```markdown
La consultation «⍽Parlons climat⍽» s’inscrit dans une démarche…
```

## Fix safety
Unsafe: the quotes are replaced by `«⍽` and `⍽»` (the `[typography] nbsp` space), which is
right in French prose; a quoted English title may keep its quotes. YAML quotes, HTML
attributes, Liquid, code and link titles are never read as quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Applicability, Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix
from methlint.rules.typography.language import is_english_before

# A pair on one line: straight quotes (doubled ones too: `""titre""`) or curly ones, around
# text that starts and ends with a letter, a digit or a closing sign (not `" , "`).
_QUOTED = re.compile(r'("{1,2}|“)(?=[^\s"“”])([^"“”\n\ue000]{1,300}?)(?<=[^\s"“”])("{1,2}|”)(?!\w)')


_QUOTATION_REACH = 2000  # how far back a « is looked for: never the whole of a long paragraph per quote


def _inside_french_quotes(text: str, at: int, unit_start: int) -> bool:
    """Whether ``at`` follows a « not yet closed in its unit: second-rank quotes are English."""
    opening = text.rfind("«", max(unit_start, at - _QUOTATION_REACH), at)
    return opening != -1 and text.find("»", opening, at) == -1


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    prose = ctx.prose(doc)
    nbsp = ctx.config.typography.nbsp
    for quote in ('"', "“"):
        for unit, match in prose.find(_QUOTED, starting_with=quote):
            if (match.group(1) == "“") != (match.group(3) == "”") or not any(map(str.isalnum, match.group(2))):
                continue  # "…” or “…" is not a pair, ":" quotes a sign (TYP023's hack)
            if match.start() and prose.text[match.start() - 1].isalnum():
                continue  # 27" or 2"…: a sign of inches or seconds, not a quote
            if _inside_french_quotes(prose.text, match.start(), unit.start):
                continue
            if is_english_before(prose.text, match.start()):
                continue  # "We call it a “product”": English prose keeps its own quotes
            opening, closing = match.span(1), match.span(3)
            edits = (Edit(*opening, "«" + nbsp), Edit(*closing, nbsp + "»"))
            yield Finding(
                doc.span(match.start(), match.end()),
                _("English quotation marks in French prose: write « … »"),
                unit_fix(unit, _("Use French quotation marks"), edits, Applicability.UNSAFE),
            )


RULE = Rule(
    "TYP024",
    "english-quotes",
    check,
    __doc__,
    'English quotes "…" or “…” instead of « … »',
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    french_only=True,
)
