"""
## What it does
Reports an ordinary space (or no space at all) before `; : ! ?` and `»`, and after `«`,
where French typography wants a no-break space. The space it inserts is `[typography] nbsp`
(U+00A0 by default, which every font has, or the narrow U+202F); with `profile = "french"`,
the Lexique des règles typographiques de l'Imprimerie nationale's choice: U+202F before
`; ! ?`, `nbsp` before `:` and inside `« »`. Either no-break space already there is accepted.
An English passage keeps English spacing (`*Why not? Let’s try!*`), smileys are not signs.
Off by default; `[typography] profile = "french"` (or `extend-select = ["TYP008"]`) turns it on.

French typography only: not checked on a document whose site declares another language
(`lang: en` in its front matter, `_config.yml` or its `defaults`; see the README's *Content language*).

## Why is this bad?
An ordinary space lets the line break right before the colon or the question mark, which
then opens the next line; no space at all is English typography in a French page.

## Example
```markdown
**Objectif du dispositif :**
```

Use instead (`⍽` = no-break space):
```markdown
**Objectif du dispositif⍽:**
```

## Fix safety
Safe: only a space is replaced or inserted, outside URLs, times (`10:30`), code and YAML
syntax; a value whose YAML style could not hold the edit is only reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.rules.typography.fixes import unit_fix
from methlint.rules.typography.language import is_english_before

NARROW_SIGNS = ";!?"

_AFTER = r"(?=[\s*_»)\].,]|$)"
_BREAKABLE_BEFORE = re.compile(rf"(?<=[^\s\u00a0\u202f]) ([;:!?»]){_AFTER}")
_NONE_BEFORE = re.compile(rf"(?<=[^\s\u00a0\u202f(\[!?:;\\\ue000])([;:!?]){_AFTER}")  # "\\:": TYP023's
_AFTER_OPENING_QUOTE = re.compile(r"«( ?)(?=[^\s\u00a0\u202f])")
_NONE_BEFORE_CLOSING_QUOTE = re.compile(r"(?<=[^\s\u00a0\u202f])»")
_SMILEY = re.compile(r"[:;]-?[()DPp]")


def _is_a_french_sign(text: str, sign: int) -> bool:
    """Not a smiley, and not the ? or ! of an English passage."""
    if _SMILEY.match(text, sign):
        return False
    return text[sign] not in "?!" or not is_english_before(text, sign)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    options = ctx.config.typography
    # the strict norm (Imprimerie nationale): a narrow no-break space before ; ! ?
    narrow = NARROW_SIGNS if options.profile == "french" else ""
    prose = ctx.prose(doc)
    text = prose.text
    found = []  # (unit, start, end, sign) of the text to replace by the no-break space
    for unit, match in prose.find(_BREAKABLE_BEFORE, holding=" "):
        if _is_a_french_sign(text, match.start(1)):
            found.append((unit, match.start(), match.start() + 1, match.group(1)))
    for pattern in (_NONE_BEFORE, _NONE_BEFORE_CLOSING_QUOTE):
        for unit, match in prose.find(pattern):
            if _is_a_french_sign(text, match.start()):
                found.append((unit, match.start(), match.start(), text[match.start()]))
    for unit, match in prose.find(_AFTER_OPENING_QUOTE, holding="«"):
        found.append((unit, match.start(1), match.end(1), "«"))
    for unit, start, end, sign in sorted(found, key=lambda f: f[1]):
        space = "\u202f" if sign in narrow else options.nbsp
        yield Finding(
            doc.span(start, max(end, start + 1)),
            _("French spacing: use a no-break space here"),
            unit_fix(unit, _("Use a no-break space"), (Edit(start, end, space),)),
        )


RULE = Rule(
    "TYP008",
    "french-spacing",
    check,
    __doc__,
    "No no-break space before ; : ! ? » or after «",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    # on with [typography] profile = "french": every method page has `**Titre :**` labels that
    # editors type with a plain space, and the fix puts invisible characters into their sources
    default_enabled=False,
    french_only=True,
)
