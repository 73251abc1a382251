"""YAML that Jekyll cannot read, reported at the line the editor got wrong (YML001-YML003, YML005, YML006).

The diagnosis (which mistake, where, and its fix) is :mod:`methlint.yaml_diagnosis`'s; each rule
here reports the diagnoses of its code.
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.diagnostics import Finding, FixAvailability
from methlint.document import Document
from methlint.rules._base import Check, Context, Rule
from methlint.yaml_diagnosis import Diagnosis, explain, generic, unbuildable


def diagnosis(doc: Document, ctx: Context) -> Diagnosis | None:
    fm = doc.front_matter
    if fm is None:
        return None
    syntax_error, construct_error = fm.syntax_error, fm.construct_error
    if syntax_error is None:
        if construct_error is None:
            return None
        # parsed, but a value could not be built (`!!int abc`, `<<: 1`)
        found: Diagnosis = ctx.memo("yaml-syntax", doc, lambda: unbuildable(construct_error))
    else:
        found = ctx.memo("yaml-syntax", doc, lambda: explain(doc, fm, syntax_error) or generic(doc, syntax_error))
    return found


def _checker(code: str) -> Check:
    def check(doc: Document, ctx: Context) -> Iterator[Finding]:
        found = diagnosis(doc, ctx)
        if found is not None and found.code == code:
            yield Finding(doc.span(found.start, found.end), found.message, found.fix)

    return check


SYNTAX_DOC = """
## What it does
Reports front matter that YAML (as Jekyll reads it) cannot parse, when no more precise
rule (YML002, YML003, YML005, YML006) explains the mistake, and values that parse but
cannot be built (`!!int abc`, a merge key `<<:` on a plain value).

## Why is this bad?
Jekyll stops on the first YAML error: the page loses all its variables or the build fails.

## Example
```yaml
title: "L’atelier citoyen
tagline: Dispositif fondé sur…
```

Use instead:
```yaml
title: "L’atelier citoyen"
```

## Fix safety
No fix.
"""

MISSING_COLON_DOC = """
## What it does
Reports a key written without its colon (`priorites` followed by a list).

## Why is this bad?
YAML cannot parse the front matter; Jekyll drops every variable of the page.

## Example
```yaml
title: L’atelier citoyen
priorites
- Engager un processus collectif
```

Use instead:
```yaml
title: L’atelier citoyen
priorites:
- Engager un processus collectif
```

## Fix safety
Safe when the next line is a list item or an indented block (the colon is then the only
reading); otherwise shown as a suggestion only.
"""

NO_SPACE_DOC = """
## What it does
Reports `key:value` written without a space after the colon (`ordre:2`).

## Why is this bad?
YAML needs `: ` to separate a key from its value; `ordre:2` is a single word and the
front matter no longer parses.

## Example
```yaml
title: L’atelier citoyen
ordre:2
```

Use instead:
```yaml
title: L’atelier citoyen
ordre: 2
```

## Fix safety
Safe: inserting the space is the only reading that parses.
"""

COLON_IN_VALUE_DOC = """
## What it does
Reports an unquoted value that contains `: ` (`title: Article 71 : projet`).

## Why is this bad?
YAML reads `: ` inside a plain value as the start of a new key, and the front matter no
longer parses.

## Example
```yaml
title: Article 71 : projet de loi
```

Use instead:
```yaml
title: "Article 71 : projet de loi"
```

## Fix safety
Safe: the value is quoted so that it reads back as exactly the text that was written.
Offered for top-level keys that read as text; a nested key (`contact:` then `  nom:`) is
reported without a fix.
"""

TAB_INDENT_DOC = """
## What it does
Reports a tab used to indent a YAML line.

## Why is this bad?
YAML forbids tabs in indentation; Jekyll cannot parse the front matter.

## Example
```yaml
priorites:
<TAB>- Engager un processus collectif
```

## Fix safety
Unsafe: how many spaces the tab stood for decides the nesting, so check the result.
"""

SYNTAX = Rule("YML001", "yaml-syntax-error", _checker("YML001"), SYNTAX_DOC, "YAML syntax error")
MISSING_COLON = Rule(
    "YML002",
    "key-without-colon",
    _checker("YML002"),
    MISSING_COLON_DOC,
    "Key written without its colon",
    fix=FixAvailability.SOMETIMES,
    repairs_syntax=True,
)
NO_SPACE = Rule(
    "YML003",
    "no-space-after-colon",
    _checker("YML003"),
    NO_SPACE_DOC,
    "No space after a key's colon",
    fix=FixAvailability.ALWAYS,
    repairs_syntax=True,
)
COLON_IN_VALUE = Rule(
    "YML005",
    "colon-in-plain-value",
    _checker("YML005"),
    COLON_IN_VALUE_DOC,
    "Unquoted value contains ': '",
    fix=FixAvailability.ALWAYS,
    repairs_syntax=True,
)
TAB_INDENT = Rule(
    "YML006",
    "tab-indentation",
    _checker("YML006"),
    TAB_INDENT_DOC,
    "Tab used for indentation",
    fix=FixAvailability.ALWAYS,
    repairs_syntax=True,
)
