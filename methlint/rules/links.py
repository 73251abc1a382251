"""Web addresses (URL001) and e-mail addresses (MAIL001) in the front matter.

These rules own the schema's `uri` and `email` formats: the schema rules leave those format
errors to them (see ``schema_contract._OWNED_ELSEWHERE``), because a rule that knows the
editors' usual slips (`hhttps://`, `https:/`, a space, `mailto:`) can say what to change.
Nothing is fetched: no network at run time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import yaml

from methlint.diagnostics import Finding
from methlint.document import Document
from methlint.i18n import N_, _
from methlint.rules._base import Context, Rule
from methlint.scaffold import PLACEHOLDER
from methlint.schemas import is_email, load_schema

URL_KEYS = ("url_video_demo", "access_link")
EMAIL_KEYS = ("contact",)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):(.*)", re.DOTALL)
_HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}|localhost|\d{1,3}(?:\.\d{1,3}){3}")
_WHITESPACE = re.compile(r"\s")
_TOP_LEVEL_DOMAIN = re.compile(r"[A-Za-z]{2,}")  # as the schema's email format reads it (schemas._EMAIL)


def _formats(schema: dict[str, Any], root: dict[str, Any]) -> set[str]:
    """The formats a property schema declares, through ``$ref`` and ``anyOf``/``oneOf``."""
    found = {schema["format"]} if "format" in schema else set()
    ref = schema.get("$ref", "")
    if ref.startswith("#/$defs/"):
        found |= _formats(root.get("$defs", {}).get(ref.removeprefix("#/$defs/"), {}), root)
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        found |= _formats(branch, root)
    return found


def _keys_with_format(doc: Document, ctx: Context, fmt: str) -> frozenset[str]:
    kind = ctx.kind(doc)
    return frozenset() if kind is None else _schema_keys_with_format(kind, fmt)


@functools.lru_cache(maxsize=64)
def _schema_keys_with_format(kind: str, fmt: str) -> frozenset[str]:
    """Top-level keys whose schema declares ``fmt``: the schema does not change during a run."""
    schema = load_schema(kind)
    return frozenset(key for key, sub in schema.get("properties", {}).items() if fmt in _formats(sub, schema))


def url_problem(value: str) -> str | None:
    """What is wrong with a link, in an editor's words; None for a well-formed one."""
    if _WHITESPACE.search(value):
        return _("the web address contains a space or a line break: remove it (or write %20)")
    if value.startswith("/") and not value.startswith("//"):
        return None  # a page of this site: /laconsultation.html#choisir
    match = _SCHEME.fullmatch(value)
    if match is None or "." in match.group(1):
        return _("the web address has no scheme: write it as https://{value}").format(value=value)
    scheme, rest = match.group(1).lower(), match.group(2)
    if scheme not in ("http", "https"):
        if "ttp" in scheme or scheme in ("htps", "htp"):
            return _("the scheme '{scheme}:' is misspelt: write https://").format(scheme=match.group(1))
        return _("only http and https web addresses are allowed here, found '{scheme}:'").format(scheme=match.group(1))
    if not rest.startswith("//"):
        return _("'{scheme}:' must be followed by '//': write {scheme}://…").format(scheme=scheme)
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return _("the web address is malformed (host or port): check what follows '//'")
    if not _HOST.fullmatch(parts.hostname or ""):
        return _("the web address has no valid host name after '//'")
    return None


def email_problem(value: str) -> str | None:
    if value.lower().startswith("mailto:"):
        return _("remove 'mailto:': the layout adds it")
    if value.count("@") > 1:
        return _("write only one e-mail address")
    if _WHITESPACE.search(value):
        return _("the e-mail address contains a space: remove it")
    if "@" not in value:
        return _("the e-mail address has no '@'")
    address, question_mark, query = value.partition("?")
    if question_mark and is_email(address):
        return _(
            "the address is followed by a mailto query ('?{query}'): keep the address alone; a page that shows"
            " it, or a layout that adds its own '?subject=', breaks with the query"
        ).format(query=query)
    domain = value.rpartition("@")[2]
    if "." not in domain:
        return _("the e-mail address's domain has no dot (example.fr)")
    if not _TOP_LEVEL_DOMAIN.fullmatch(domain.rpartition(".")[2]):
        return _("the domain '{domain}' does not end with a top-level domain (.fr, .org…)").format(domain=domain)
    if not is_email(value):
        return _("the address holds a character no address can hold (< > ( ) , ; :)")
    return None


def _checker(
    fixed_keys: tuple[str, ...], fmt: str, problem: Callable[[str], str | None], what: str
) -> Callable[[Document, Context], Iterator[Finding]]:
    def check(doc: Document, ctx: Context) -> Iterator[Finding]:
        fm = doc.front_matter
        if fm is None or not fm.ok or not isinstance(fm.data, dict):
            return
        keys = set(fixed_keys) | _keys_with_format(doc, ctx, fmt)
        for key in sorted(k for k in keys if k in fm.data):
            value = fm.data[key]
            if not isinstance(value, str) or value in ("", PLACEHOLDER):
                continue  # empty is allowed; a list or a number is a type error (SCH002); PH001
            message = problem(value)
            if message is None:
                continue
            _key, node = fm.node_at((key,))
            assert node is not None  # a key of the data
            end = fm.file_offset(node.end_mark) if isinstance(node, yaml.ScalarNode) else None
            yield Finding(
                doc.span(fm.file_offset(node.start_mark), end),
                _("'{key}' is not a valid {what}: ").format(key=key, what=_(what)) + message,
            )

    return check


URL_DOC = """
## What it does
Reports a link in `url_video_demo`, `access_link` or any field whose schema format is `uri`
(such as `link` in a usage document) that is not a well-formed http or https address:
`hhttps://`, `https:/x`, a missing scheme, a space inside, no host. A link to a page of the
site (`/laconsultation.html#choisir`) is accepted. Empty values are fine. Owns the schema's
`uri` format (SCH004 leaves it to this rule).

## Why is this bad?
The link is printed as is in an `href` or an `<iframe src>`: a malformed one is a dead link
or an empty video frame, and nobody notices until a reader clicks.

## Example
```yaml
url_video_demo: hhttps://www.youtube.com/embed/NdjvAjnzqaQ
access_link: https:/deploiement.participation-citoyenne.gouv.fr
```

## Fix safety
No fix: the intended address is not always the obvious one.
"""

MAIL_DOC = """
## What it does
Reports a `contact` (or any field whose schema format is `email`) that is not one e-mail
address: a space, no `@`, several addresses, a `mailto:` prefix or a `?subject=` query, a
domain without a dot or without a top-level domain (`exemple.f`).
Empty values are fine. Owns the schema's `email` format (SCH004 leaves it to this rule).

## Why is this bad?
The layout writes `mailto:{{ page.contact }}`: a malformed address opens a mail to nobody.

## Example
```yaml
contact: participationcitoyenne@modernisation
```

## Fix safety
No fix: only the editor knows the right address.
"""

URL_RULE = Rule(
    "URL001",
    "malformed-url",
    _checker(URL_KEYS, "uri", url_problem, N_("web address")),
    URL_DOC,
    "Malformed web address",
)
MAIL_RULE = Rule(
    "MAIL001",
    "malformed-email",
    _checker(EMAIL_KEYS, "email", email_problem, N_("e-mail address")),
    MAIL_DOC,
    "Malformed e-mail address",
)
