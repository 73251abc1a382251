"""What a rule is, and what it may read besides its document."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from methlint.config import Config
from methlint.diagnostics import Difference, Finding, FixAvailability, Severity
from methlint.document import Document

if TYPE_CHECKING:
    from methlint.rules.typography.view import Prose


# "did you mean" through difflib, whose ratio is quadratic in the worst case: a value longer
# than this is no typo, and gets no suggestion (a 20,000-character title cost a second apiece)
SUGGESTED_UP_TO = 200


def close_matches(word: str, possibilities: Iterable[str], n: int, cutoff: float) -> list[str]:
    """``difflib.get_close_matches``, at a bounded cost: nothing for a word past ``SUGGESTED_UP_TO``."""
    if len(word) > SUGGESTED_UP_TO:
        return []
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)


class Scope(enum.Enum):
    DOCUMENT = "document"  # check(doc, ctx) -> findings about doc
    COLLECTION = "collection"  # check(doc, ctx) may read ctx.collection (siblings)
    CMS_CONFIG = "cms-config"  # check(doc, ctx): doc is a CMS configuration (`methlint cms check` only)


@dataclass
class Context:
    """Shared, per-run state. ``cache`` lets a family of rules share one computation."""

    config: Config
    cache: dict[tuple[str, int], Any] = field(default_factory=dict)
    collection: Any = None  # set by the linter for collection rules

    def memo(self, name: str, doc: Document, compute: Callable[[], Any]) -> Any:
        key = (name, id(doc))
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def prose(self, doc: Document) -> Prose:
        """The document's prose, extracted once per document for every typography rule."""
        prose: Prose = self.memo("prose", doc, lambda: _extracted(doc, self))
        return prose

    def site(self, doc: Document) -> Any:
        """The Jekyll site of a document (or None), looked up once per document."""
        fs_path = doc.fs_path
        if fs_path is None:
            return None
        from methlint.site import site_for

        return self.memo("site", doc, lambda: site_for(fs_path))

    def writes_french(self, doc: Document) -> bool:
        """Whether the document is in French, as its site declares it; decided once per document."""
        from methlint.content_language import is_french, language_of

        french: bool = self.memo(
            "french", doc, lambda: is_french(language_of(doc, self.site(doc), self.config.typography.language))
        )
        return french

    def choice(self, doc: Document) -> Any:
        """The contract of a document (an id), or why it has none (:mod:`methlint.placement`),
        decided once per document."""
        from methlint.schemas import kind_for

        kind: str | None = self.memo("kind", doc, lambda: kind_for(doc, self.config))
        return kind

    def kind(self, doc: Document) -> str | None:
        """The id of the contract a document follows, or None (none applies, or it does not say which)."""
        choice = self.choice(doc)
        return choice if isinstance(choice, str) else None

    def contract(self, doc: Document) -> Any:
        """The :class:`methlint.contracts.Contract` a document follows, or None, with the
        configuration's shorthands (``assets``, ``ordre-scope``) over its declarations."""
        from methlint.contracts import configured

        kind = self.kind(doc)
        return None if kind is None else configured(kind, self.config)


def _extracted(doc: Document, ctx: Context) -> Prose:
    from methlint.rules.typography.view import extract  # the typography package imports this module

    options = ctx.config.typography
    if not options.unknown_keys_are_prose or doc.front_matter is None or not doc.front_matter.ok:
        return extract(doc, options.prose_keys)
    from methlint.schemas import known_keys

    return extract(doc, options.prose_keys, known_keys(ctx.choice(doc)))


Check = Callable[[Document, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str  # 1-4 capitals + 3 digits, never reused
    name: str  # kebab-case, names the problem
    check: Check
    doc: str  # the module docstring: What it does / Why is this bad? / Example / Fix safety
    summary: str  # one line, shown by `methlint rules`
    severity: Severity = Severity.ERROR
    fix: FixAvailability = FixAvailability.NEVER
    default_enabled: bool = True
    scope: Scope = Scope.DOCUMENT
    # A norm of French only (French spacing, « », accented capitals…): not run on a document
    # whose site declares another language (methlint.content_language)
    french_only: bool = False
    # What its fixes do besides changing the data at the paths they declare (the fixer checks the rest):
    repairs_syntax: bool = False  # mend YAML that does not parse: the only fixes tried on such a document
    removes_bom: bool = False  # delete the byte-order mark
    # what its findings change on the built page (a finding may say otherwise): methlint.page_effect
    difference: Difference = Difference.SHOWN
