"""
## What it does
Reports a code in a suppression comment (`# methlint: ignore[...]`, `# methlint: ignore-file[...]`,
`<!-- methlint-disable ... -->`, `<!-- methlint-disable-next-line ... -->`) that is neither a rule
code nor the prefix of one, with the closest code ("did you mean").

## Why is this bad?
A misspelt code suppresses nothing: the editor believes the finding is handled while the
comment hides no rule at all, today or after the rules change.

## Example
```markdown
<!-- methlint-disable-next-line TYPO10 -->
Le site de l'atelier
```
where the code is `TYP010`.

## Fix safety
No fix: the code meant is the editor's call (the message names the closest one).
"""

from __future__ import annotations

from collections.abc import Iterator

from methlint.diagnostics import Finding, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule
from methlint.suppressions import read_suppressions

CODE = "MTL002"


def names_a_rule(code: str) -> bool:
    """Whether a suppression code selects at least one registered rule (a code or a prefix)."""
    from methlint.rules import ALL_RULES  # the registry imports this module

    return any(rule.code.startswith(code) for rule in ALL_RULES)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    from methlint.config_file import closest_code
    from methlint.rules import ALL_RULES

    for suppression in read_suppressions(doc):
        if names_a_rule(suppression.code):
            continue
        message = _("no rule code starts with {code!r}: this suppression hides nothing").format(code=suppression.code)
        close = closest_code(suppression.code, [rule.code for rule in ALL_RULES])
        if close is not None:
            message += _("; did you mean {code!r}?").format(code=close)
        yield Finding(suppression.span, message)


RULE = Rule(
    CODE,
    "unknown-suppression-code",
    check,
    __doc__,
    "Suppression comment names no rule",
    severity=Severity.WARNING,
)
