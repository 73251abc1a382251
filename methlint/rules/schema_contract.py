"""The front matter against its JSON Schema contract (SCH001-SCH007).

One validation per document, shared by the family; each JSON Schema error is reported
at the node it is about: the value for type, format and enum errors, the key for an
unknown key, the mapping for missing keys (all missing names in one finding).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from methlint.diagnostics import Finding, Severity, Span
from methlint.document import Document
from methlint.i18n import N_, _, ngettext, quoted
from methlint.rules._base import Check, Context, Rule, close_matches
from methlint.scaffold import PLACEHOLDER
from methlint.schemas import is_valid_fast, load_schema, validator


@dataclass(frozen=True)
class Problem:
    code: str
    start: int
    end: int
    message: str
    in_config: bool = False  # about a default value: offsets are in the site's _config.yml


_TYPE_WORDS = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "array": N_("a list"),
    "object": N_("a mapping (key: value lines)"),
    "boolean": N_("true or false"),
    "null": N_("empty"),
}


def _describe(value: Any) -> str:
    if value is None:
        return _("an empty value")
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return _("the text '{value}'").format(value=shown)
    if isinstance(value, list):
        return _("a list")
    return _("a mapping")


def _expected_types(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else expected
    return _(" or ").join(_(_TYPE_WORDS.get(name, name)) for name in names if name != "null") or _("empty")


def _where(path: tuple[str | int, ...]) -> str:
    """`priorites`, item 3 — in an editor's words."""
    words = ""
    for step in path:
        if isinstance(step, int):
            words += " " + _("item {n}").format(n=step + 1)
        else:
            words += ("." if words else "") + str(step)
    return quoted(words.strip()) if words else _("the front matter")


def _span_of(doc: Document, node: yaml.Node | None, fallback: yaml.Node | None = None) -> tuple[int, int]:
    fm = doc.front_matter
    assert fm is not None  # the node is one of its own
    target = node
    if isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style and fallback is not None:
        target = fallback  # `date:` with nothing after it: point at the key
    if target is None:
        return fm.offset, fm.offset
    start = fm.file_offset(target.start_mark)
    end = fm.file_offset(target.end_mark)
    if not isinstance(target, yaml.ScalarNode):
        end = start  # blocks end on a later line; the start is what matters
    return start, end


def _pick(error: Any) -> Any:
    """For ``anyOf``/``oneOf``, the branch an editor meant (a format error beats a type error)."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        formats = [e for e in error.context if e.validator == "format"]
        if formats:
            return formats[0]
        from jsonschema.exceptions import best_match

        return best_match(error.context)
    return error


def _data_for_validation(data: dict[Any, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if isinstance(key, str)}


# Formats with a dedicated rule (DAT001, URL001, MAIL001), which owns these errors: the schema
# still documents the format, but reporting it here too would double every finding.
_OWNED_ELSEWHERE = {"jekyll-date": ("type", "format"), "uri": ("format",), "email": ("format",)}


def _owned_elsewhere(error: Any) -> bool:
    schema = error.schema if isinstance(error.schema, dict) else {}
    return error.validator in _OWNED_ELSEWHERE.get(schema.get("format", ""), ())


def _site_defaults(doc: Document, ctx: Context) -> dict[str, Any]:
    site = ctx.site(doc)
    return {} if site is None else site.defaults_for(doc.fs_path)


def _rendered_keys(doc: Document, ctx: Context) -> frozenset[str]:
    from methlint.rendered_keys import rendering

    found = rendering(doc, ctx)
    return frozenset() if found is None else found.keys


def _problems(doc: Document, ctx: Context) -> list[Problem]:
    fm = doc.front_matter
    if fm is None or not fm.ok or not isinstance(fm.data, dict):
        return []
    choice = ctx.choice(doc)
    if choice is None:
        site = ctx.site(doc)
        if site is not None and not ctx.collection.has_contracts(site.root):
            # no collection of the site has a schema: one info per document (4,427 lines on
            # beta.gouv.fr) would say what the run's banner says once per collection
            return []
        return [Problem("SCH007", 0, 0, _("no schema applies to this document: only the other rules checked it"))]
    if not isinstance(choice, str):
        return []  # it does not say which contract it follows: SCH008 reports it
    kind = choice
    own = _data_for_validation(fm.data)
    defaults = _site_defaults(doc, ctx)
    # validated as Jekyll will see it: the site's defaults under the document's own keys
    data = {**{key: d.value for key, d in defaults.items() if key not in own}, **own}
    if ctx.config.fast_validation and is_valid_fast(kind, data):
        return []
    schema = load_schema(kind)
    problems: list[Problem] = []
    missing: dict[tuple[str | int, ...], list[str]] = {}
    for raw_error in validator(kind).iter_errors(data):
        error = _pick(raw_error)
        if error.instance == PLACEHOLDER:
            continue  # reported once, by the placeholder rule (PH001)
        if _owned_elsewhere(error):
            continue
        path = tuple(error.absolute_path)
        if path and path[0] not in own and path[0] in defaults:
            default = defaults[path[0]]
            code, message = _code_and_message(error, _where(path))
            message = _("{message} (a default from the site's _config.yml)").format(message=message)
            problems.append(Problem(code, default.start, default.end, message, in_config=True))
            continue
        key_node, node = fm.node_at(path)
        where = _where(path)
        kind_of_error = error.validator
        if kind_of_error == "required":
            if path not in missing:
                missing[path] = [n for n in error.validator_value if n not in (error.instance or {})]
            continue
        if kind_of_error == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            rendered = _rendered_keys(doc, ctx) if not path else frozenset()
            for key_node_, _value in getattr(node, "value", []):
                name = getattr(key_node_, "value", None)
                if name in allowed or name not in error.instance or name in rendered:
                    continue  # a key the site's layouts use is the site's, contract or not
                close = close_matches(str(name), allowed, n=1, cutoff=0.7)  # a key of the instance: text
                message = _("unknown key '{key}'").format(key=name)
                if close:
                    message += _(": did you mean '{suggestion}'?").format(suggestion=close[0])
                start = fm.file_offset(key_node_.start_mark)
                problems.append(Problem("SCH005", start, fm.file_offset(key_node_.end_mark), message))
            continue
        start, end = _span_of(doc, node, key_node)
        code, message = _code_and_message(error, where)
        problems.append(Problem(code, start, end, message))
    for path, names in missing.items():
        _key, node = fm.node_at(path)
        start, _end = _span_of(doc, node)
        titles = schema.get("properties", {})
        listed = ", ".join(map(quoted, names))
        message = (_("missing required key {names}") if len(names) == 1 else _("missing required keys {names}")).format(
            names=listed
        )
        if path:
            message += " " + _("in {where}").format(where=_where(path))
        elif len(names) == 1 and (title := _title(titles.get(names[0]))):
            message += f" ({title})"
        problems.append(Problem("SCH001", start, start, message))
    return problems


def _code_and_message(error: Any, where: str) -> tuple[str, str]:
    """The code and the editor's words for a value-level schema error."""
    kind_of_error, instance = error.validator, error.instance
    if kind_of_error == "type":
        return "SCH002", _("{where} must be {expected}, found {found}").format(
            where=where, expected=_expected_types(error.validator_value), found=_describe(instance)
        )
    if kind_of_error in ("enum", "const"):
        allowed = error.validator_value if kind_of_error == "enum" else [error.validator_value]
        message = _("{where} must be one of {allowed}, found {found}").format(
            where=where, allowed=", ".join(map(quoted, allowed)), found=_describe(instance)
        )
        close = close_matches(str(instance), [str(a) for a in allowed], n=1, cutoff=0.5)
        if close:
            message += _(": did you mean '{suggestion}'?").format(suggestion=close[0])
        return "SCH003", message
    if kind_of_error == "format":
        return "SCH004", _("{where} does not have the format {format}: {found}").format(
            where=where, format=quoted(error.validator_value), found=_describe(instance)
        )
    return "SCH006", _constraint_message(kind_of_error, error.validator_value, where, instance, error.message)


def _constraint_message(keyword: str, limit: Any, where: str, instance: Any, detail: str) -> str:
    if keyword == "minItems":
        return ngettext(
            "{where} must have at least {limit} item", "{where} must have at least {limit} items", limit
        ).format(where=where, limit=limit)
    if keyword == "minLength":
        return _("{where} must not be empty").format(where=where)
    if keyword == "minimum":
        return _("{where} must be at least {limit}, found {found}").format(
            where=where, limit=limit, found=_describe(instance)
        )
    if keyword == "maximum":
        return _("{where} must be at most {limit}, found {found}").format(
            where=where, limit=limit, found=_describe(instance)
        )
    if keyword == "pattern":
        return _("{where} does not have the expected form ({pattern}): {found}").format(
            where=where, pattern=limit, found=_describe(instance)
        )
    return _("{where} breaks the schema rule {keyword} (the validator says: {detail})").format(
        where=where, keyword=quoted(keyword), detail=detail
    )


def _checker(code: str) -> Check:
    def check(doc: Document, ctx: Context) -> Iterator[Finding]:
        for problem in ctx.memo("schema", doc, lambda: _problems(doc, ctx)):
            if problem.code != code:
                continue
            if problem.in_config:
                config_doc = ctx.site(doc).document()
                yield Finding(config_doc.span(problem.start, problem.end), problem.message, path=config_doc.path)
            else:
                span = Span(1, 1, 1, 2) if code == "SCH007" else doc.span(problem.start, problem.end)
                yield Finding(span, problem.message)

    return check


def _title(spec: object) -> str:
    """A key's ``title`` in the contract, or "" (a site's contract may give none, or ``true`` as the key's schema)."""
    title = spec.get("title") if isinstance(spec, dict) else None
    return title if isinstance(title, str) else ""


def _doc(what: str, why: str, example: str, fix: str = "No fix: the right value is the editor's call.") -> str:
    return f"\n## What it does\n{what}\n\n## Why is this bad?\n{why}\n\n## Example\n{example}\n\n## Fix safety\n{fix}\n"


MISSING_KEY = Rule(
    "SCH001",
    "missing-required-key",
    _checker("SCH001"),
    _doc(
        "Reports required keys missing from the front matter, all in one finding at the mapping.",
        "The layouts print these keys: a missing one leaves a hole on the page.",
        "```yaml\ncategorie: methode\ntitle: Le panel citoyen\n```\n\nNo `tagline`, no `ordre`…",
    ),
    "Required key missing",
)
WRONG_TYPE = Rule(
    "SCH002",
    "wrong-type",
    _checker("SCH002"),
    _doc(
        "Reports a value of the wrong type (text where a list is expected, text for `ordre`…).",
        "Layouts loop over lists and sort on numbers: a wrong type breaks the page or the order.",
        "```yaml\ncategorie: methode\nordre: deux\n```",
    ),
    "Value has the wrong type",
)
NOT_ALLOWED = Rule(
    "SCH003",
    "value-not-allowed",
    _checker("SCH003"),
    _doc(
        "Reports a value outside the allowed set (`layout`: `methode` in a method document), with the closest"
        " allowed value. A `categorie` that names no kind of document is SCH008's: no contract is chosen.",
        "Jekyll lays the page out with the layout it names: `layout: methodes` names none, and the page is"
        " published as its bare text, without the site's header or styles.",
        "```yaml\ncategorie: methode\nlayout: methodes\n```",
    ),
    "Value not in the allowed set",
)
BAD_FORMAT = Rule(
    "SCH004",
    "bad-format",
    _checker("SCH004"),
    _doc(
        "Reports a value that breaks a `format` of the schema no dedicated rule owns. Dates,"
        " web addresses and e-mail addresses are owned by DAT001, URL001 and MAIL001, which"
        " explain the mistake better; this rule never reports them.",
        "A value of the wrong format is read by the layouts as something else, or not at all.",
        "A format added to a project's own schema and given a checker.",
    ),
    "Value breaks a schema format with no dedicated rule",
)
UNKNOWN_KEY = Rule(
    "SCH005",
    "unknown-key",
    _checker("SCH005"),
    _doc(
        "Reports a key the schema does not know, suggesting the closest known key. A key the site's"
        " layouts or includes use for this document (`page.parameters`, `include.x` from its callers)"
        " is the site's: it is not reported, contract or not.",
        "A misspelt key (`tagilne`) is silently ignored by the layouts: the value never shows.",
        "```yaml\ncategorie: methode\ntagilne: Une accroche\n```",
    ),
    "Unknown key",
    severity=Severity.WARNING,
)
CONSTRAINT = Rule(
    "SCH006",
    "schema-constraint",
    _checker("SCH006"),
    _doc(
        "Reports other schema constraints: empty lists or texts, numbers out of range, paths of the wrong form.",
        "Empty lists render as empty sections; `ordre: 0` sorts before everything.",
        "```yaml\ncategorie: methode\npriorites: []\n```",
    ),
    "Schema constraint not met",
)
NO_SCHEMA = Rule(
    "SCH007",
    "no-schema",
    _checker("SCH007"),
    _doc(
        "Says that no schema applies to a document (it is outside the known collections), in a site"
        " where some collection has a schema. In a site where none has, it stays silent: the run's"
        " first line lists each collection with `(no schema)`.",
        "Only the non-schema rules checked it; configure a collection if it should follow a contract.",
        "A `.md` file in a folder that is not `_outil/` or `_usage/`.",
        "Nothing to fix.",
    ),
    "No schema applies",
    severity=Severity.INFO,
)
