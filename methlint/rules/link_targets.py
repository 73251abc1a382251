"""Links of the front matter checked further, on request (URL002, URL003): no network ever."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from methlint.diagnostics import Finding, Severity, Span
from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context, Rule, Scope
from methlint.rules.links import URL_KEYS, _keys_with_format

SITE_LINK_DOC = """
## What it does
Opt-in (`--extend-select URL002`). Checks that a link to a page of this site
(`/laconsultation.html#choisir`) names a page that exists: `laconsultation.html`, or the
`laconsultation.md` Jekyll turns into it, or `laconsultation/index.html` (or `.md`). The
fragment and the query are not checked. Only files inside the site are looked at, by their
exact names (as the Linux server sees them).

## Why is this bad?
A renamed or deleted page leaves every link to it dead, and nothing tells the editor.

## Example
```yaml
access_link: /la-consultation.html   # the page is laconsultation.md
```

## Fix safety
No fix: the right page is the editor's call.
"""

HTTP_DOC = """
## What it does
Opt-in (`--extend-select URL003`). Reports `http://` links: most hosts serve `https://`, and
methlint never goes on the network to find out, so it is a warning to review.

## Why is this bad?
Browsers flag plain-http pages and block plain-http videos embedded in an https page
(`url_video_demo`).

## Example
```yaml
url_video_demo: http://www.dailymotion.com/embed/video/x711dei
```

Use instead:
```yaml
url_video_demo: https://www.dailymotion.com/embed/video/x711dei
```

## Fix safety
No fix: only the editor can tell whether the host serves https.
"""


def _links(doc: Document, ctx: Context) -> Iterator[tuple[str, str, yaml.Node | None]]:
    fm = doc.front_matter
    if fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    for key in sorted(set(URL_KEYS) | _keys_with_format(doc, ctx, "uri")):
        value = fm.data.get(key)
        if isinstance(value, str) and value.strip():
            _key, node = fm.node_at((key,))
            yield key, value.strip(), node


def _span(doc: Document, node: yaml.Node | None) -> Span:
    fm = doc.front_matter
    assert fm is not None and node is not None  # a value of the front matter, read from its tree
    return doc.span(fm.file_offset(node.start_mark), fm.file_offset(node.end_mark))


def _page_exists(ctx: Context, root: Path, path: str) -> bool:
    """Whether the site builds a page at ``path`` (site-relative, without query or fragment)."""
    normal = posixpath.normpath("/" + unquote(path)).lstrip("/")
    if normal.startswith(".."):
        return False  # outside the site: never looked at
    folder, _sep, name = normal.rpartition("/")
    stem = name[: -len(".html")] if name.endswith(".html") else name
    candidates = [(folder, name), (folder, stem + ".md"), (folder, stem + ".markdown")]
    if not name or "." not in name:
        inner = f"{folder}/{name}".strip("/")
        candidates += [(inner, "index.html"), (inner, "index.md"), (folder, name + ".html"), (folder, name + ".md")]
    for directory, filename in candidates:
        listing = ctx.collection.listing(root / directory if directory else root)
        if listing is not None and filename in listing.names:
            return True
    return False


def _check_site_links(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.fs_path is None:
        return
    root = ctx.collection.site_root(doc.fs_path)
    if root is None:
        return
    for key, value, node in _links(doc, ctx):
        if not value.startswith("/") or value.startswith("//"):
            continue
        if not _page_exists(ctx, root, urlsplit(value).path):
            yield Finding(
                _span(doc, node),
                _("'{key}' links to {link}, and the site has no such page").format(key=key, link=value),
            )


def _check_http(doc: Document, ctx: Context) -> Iterator[Finding]:
    for key, value, node in _links(doc, ctx):
        if value.lower().startswith("http://"):
            yield Finding(
                _span(doc, node),
                _("'{key}' uses http://: check that the host serves https:// and write that").format(key=key),
            )


SITE_LINK = Rule(
    "URL002",
    "missing-site-page",
    _check_site_links,
    SITE_LINK_DOC,
    "Link to a page the site does not have",
    default_enabled=False,
    scope=Scope.COLLECTION,
)
HTTP_LINK = Rule(
    "URL003",
    "plain-http-link",
    _check_http,
    HTTP_DOC,
    "Link with http:// instead of https://",
    severity=Severity.WARNING,
    default_enabled=False,
)
