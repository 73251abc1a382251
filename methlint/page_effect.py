"""Whether a finding changes what the built page shows, from how Jekyll renders the site.

Each rule declares the kind of difference its findings make (:class:`Difference`, on the rule,
or on a finding when its findings differ); this module decides, from the site being checked,
whether the reader of the page would see it. docs/visibility.md explains the model to editors.

- The body goes through the site's Markdown converter (``_config.yml``'s ``markdown:``,
  kramdown by default). kramdown's smart quotes write ``’`` for an apostrophe between letters
  (the second of its ``smart_quotes`` entities, ``rsquo`` in Jekyll's defaults) and its
  typographic symbols write ``…`` for ``...``, outside code; another converter is assumed to
  convert nothing. HTML collapses a run of spaces into one outside ``<pre>``-like elements;
  blanks at the end of a line vanish, unless two spaces end it before another line of text
  (a hard break, ``<br />``) or a no-break space is among them.
- A front-matter value reaches the page only through the templates that print it
  (:mod:`methlint.rendered_keys`): printed as is, the text shows as typed, but for runs of
  spaces in HTML; through ``markdownify`` or ``smartify``, or on a Markdown page, it gets the
  converter's conversions too. A value no template prints shows nothing. YAML drops the blanks
  ending a line of a plain or quoted scalar.
- What cannot be known (no site, a layout the site does not have, a filter not listed here, a
  finding in code) is visible: a finding is never lowered unless it is proved invisible.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from methlint.diagnostics import Difference
from methlint.document import Document
from methlint.rendered_keys import Rendering, rendering
from methlint.rules._base import Context
from methlint.site_templates import How, KeyUse, load_template

# kramdown's inputs that run its smart quotes and typographic symbols (Jekyll's default is GFM)
_CONVERTING_INPUTS = frozenset({"gfm", "kramdown"})
_RIGHT_SINGLE_QUOTE = frozenset({"rsquo", "#8217", "#x2019", "\u2019"})  # smart_quotes' second entity
_HELLIP = frozenset({"hellip", "&hellip;", "#8230", "&#8230;", "\u2026"})
# Filters that print the characters of a value as they are typed (or convert them as the body is)
_CONVERTING_FILTERS = frozenset({"markdownify", "smartify"})
_DISPLAY_FILTERS = _CONVERTING_FILTERS | frozenset(
    "escape escape_once xml_escape strip lstrip rstrip strip_html upcase downcase capitalize "
    "truncate truncatewords default append prepend join first last".split()
)
_HTML_SUFFIXES = (".html", ".htm")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
# Keys a plugin's tag prints where the template only shows the tag: jekyll-seo-tag's {% seo %}
_SEO_TAG = re.compile(r"\{%-?\s*seo\b")
_SEO_KEYS = frozenset({"title", "description"})
_BLANKS = " \t\u00a0\u202f"
# A line that starts a block (a list item, a heading, a quote, a fence), ending the paragraph before it
_BLOCK_START = re.compile(r" {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|>|```|~~~)")


@dataclass(frozen=True)
class Conversions:
    """What the site's Markdown converter does to prose, from its ``_config.yml``."""

    converter: str  # "kramdown", or the other converter's name
    curly_apostrophe: bool  # ' between letters becomes ’ (both render alike)
    ellipsis: bool  # ... becomes …
    # a list, heading, quote or fence ends a paragraph without a blank line (GFM, CommonMark)
    blocks_interrupt: bool = False


def conversions_of(config: object) -> Conversions:
    """The conversions of a site whose ``_config.yml`` holds ``config`` (its data, a mapping)."""
    settings: dict[Any, Any] = config if isinstance(config, dict) else {}
    converter = str(settings.get("markdown") or "kramdown").strip().lower()
    options = settings.get("kramdown")
    options = options if isinstance(options, dict) else {}
    source = str(options.get("input") or "GFM").strip().lower()
    if converter != "kramdown" or source not in _CONVERTING_INPUTS:
        return Conversions(converter, False, False, "commonmark" in converter or source == "gfm")
    quotes = options.get("smart_quotes", "lsquo,rsquo,ldquo,rdquo")
    entities = [str(e).strip() for e in (quotes.split(",") if isinstance(quotes, str) else quotes or [])]
    symbols = options.get("typographic_symbols")
    symbols = symbols if isinstance(symbols, dict) else {}
    hellip = symbols.get("hellip", "hellip")
    curly = len(entities) > 1 and entities[1] in _RIGHT_SINGLE_QUOTE
    return Conversions("kramdown", curly, str(hellip).strip() in _HELLIP, source == "gfm")


def visible(doc: Document, ctx: Context, offset: int, difference: Difference) -> bool:
    """Whether the finding at ``offset`` of ``doc`` changes the built page."""
    if difference is Difference.SHOWN:
        return True
    if difference is Difference.SAME_RENDERING:
        return False
    body_offset = doc.parts.body_offset if doc.parts is not None else (0 if doc.split_status == "missing" else None)
    if body_offset is None:
        return True  # an unclosed front matter: what Jekyll renders is unknown
    if offset >= body_offset:
        return _in_body(doc, ctx, offset, difference)
    return _in_front_matter(doc, ctx, offset, difference)


def site_conversions(doc: Document, ctx: Context) -> Conversions | None:
    """The conversions of the document's site, or None without a site whose configuration reads."""
    site = ctx.site(doc)
    if site is None or site.problems or site.front_matter is None:
        return None
    found: Conversions = ctx.collection.derived(
        "conversions", str(site.root), lambda: conversions_of(site.front_matter.data)
    )
    return found


def _in_body(doc: Document, ctx: Context, offset: int, difference: Difference) -> bool:
    conversions = site_conversions(doc, ctx)
    if conversions is None:
        return True
    prose = ctx.prose(doc)
    line = bisect.bisect_right(doc.line_starts, offset) - 1
    if line in prose.verbatim_lines:
        return True  # code or an HTML block: shown as typed
    if difference is Difference.LINE_END_BLANKS:
        return _line_end_shows(doc.text, offset, conversions)
    if prose.text[offset : offset + 1] != doc.text[offset : offset + 1]:
        return True  # masked: code, markup, a URL… not prose the converter reads
    if difference is Difference.SPACE_RUN:
        return False
    if difference is Difference.APOSTROPHE:
        return not conversions.curly_apostrophe
    return not conversions.ellipsis  # Difference.ELLIPSIS


def _line_end_shows(text: str, offset: int, conversions: Conversions) -> bool:
    """Blanks from ``offset`` to the end of a line of Markdown, when the paragraph goes on on
    the next line: two spaces last make a hard break (``<br />``), a no-break space stays a
    space between two words. Anything else collapses, or ends a block where nothing shows."""
    end = text.find("\n", offset)
    blanks = text[offset : len(text) if end == -1 else end].removesuffix("\r")
    if end == -1 or offset == 0 or text[offset - 1] == "\n":
        return False  # the last line, or a line of blanks only: a blank line
    if not blanks.endswith("  ") and "\u00a0" not in blanks and "\u202f" not in blanks:
        return False
    following_end = text.find("\n", end + 1)
    following = text[end + 1 :] if following_end == -1 else text[end + 1 : following_end]
    if not following.strip(_BLANKS + "\r"):
        return False
    return not (conversions.blocks_interrupt and _BLOCK_START.match(following))


def _in_front_matter(doc: Document, ctx: Context, offset: int, difference: Difference) -> bool:
    prose = ctx.prose(doc)
    if difference is Difference.LINE_END_BLANKS:
        block = next((start for start, end, _path in prose.block_scalars if start <= offset < end), None)
        if block is None or "\n" not in doc.text[block:offset]:
            return False  # YAML drops the blanks ending a plain or quoted scalar's line, or a block's header
    unit = prose.unit_at(offset) if prose.units and offset >= prose.starts[0] else None
    if unit is None or not unit.path or offset >= unit.start + len(unit.text):
        return True
    rendered = rendering(doc, ctx)
    site = ctx.site(doc)
    if rendered is None or site is None:
        return True  # the templates are unknown: nothing can be said
    keys = tuple(step for step in unit.path if isinstance(step, str))  # list indices: lists are transparent
    if not keys or (keys[0] in _SEO_KEYS and _has_seo_tag(ctx, site.root)):
        return True  # a key that is not text (no template names it so), or printed by jekyll-seo-tag
    conversions = site_conversions(doc, ctx) or Conversions("unknown", False, False)
    # what the blanks ending a line of a block scalar would do through markdownify
    breaks = difference is Difference.LINE_END_BLANKS and _line_end_shows(doc.text, offset, conversions)
    return any(_use_shows(ctx, site.root, use, difference, conversions, breaks) for use in _printing(rendered, keys))


def _printing(rendered: Rendering, keys: tuple[str, ...]) -> list[KeyUse]:
    """The uses that print the value at ``keys`` (or a value holding it), outside HTML comments."""
    return [
        use
        for use in rendered.of(keys[0])
        if use.how is not How.READ and not use.in_html_comment and keys[: len(use.keys)] == use.keys
    ]


def _use_shows(
    ctx: Context, root: Path, use: KeyUse, difference: Difference, conversions: Conversions, breaks: bool
) -> bool:
    """Whether the difference shows where ``use`` prints the value (``breaks``: blanks ending a
    line that Markdown would make a hard break)."""
    if not set(use.filters) <= _DISPLAY_FILTERS:
        return True  # a filter whose output is not known here (a URL, JSON, a date…)
    converted = bool(_CONVERTING_FILTERS & set(use.filters)) or use.path.endswith(_MARKDOWN_SUFFIXES)
    if difference is Difference.LINE_END_BLANKS and converted and breaks:
        return True
    if difference in (Difference.SPACE_RUN, Difference.LINE_END_BLANKS):
        html = use.path.endswith(_HTML_SUFFIXES + _MARKDOWN_SUFFIXES)
        return not html or use.url_prefix is not None or _in_preformatted(ctx, root, use)
    if difference is Difference.APOSTROPHE:
        return not (converted and conversions.curly_apostrophe)
    if difference is Difference.ELLIPSIS:
        return not (converted and conversions.ellipsis)
    return True


def _in_preformatted(ctx: Context, root: Path, use: KeyUse) -> bool:
    """Whether the use lies in a ``<pre>``, ``<textarea>``, ``<script>``… of its template, where
    spaces are kept (the regions the typography engine treats as code); True when unreadable."""
    regions: tuple[list[int], list[tuple[int, int]]] | None = ctx.collection.derived(
        "preformatted", f"{root}\0{use.path}", lambda: _template_regions(root, use.path)
    )
    if regions is None or use.line > len(regions[0]):
        return True
    line_starts, spans = regions
    offset = line_starts[use.line - 1] + use.column - 1
    return any(start <= offset < end for start, end in spans)


def _template_regions(root: Path, path: str) -> tuple[list[int], list[tuple[int, int]]] | None:
    """A template's line starts and code regions, or None when it cannot be read."""
    from methlint.rules.typography.code_regions import code_regions

    template = load_template(root, path, "include", [])
    if template is None:
        return None
    text = template.text
    return [0, *(m.end() for m in re.finditer("\n", text))], code_regions(text)


def _has_seo_tag(ctx: Context, root: Path) -> bool:
    found: bool = ctx.collection.derived("seo-tag", str(root), lambda: _reads_seo_tag(root))
    return found


def _reads_seo_tag(root: Path) -> bool:
    from methlint.site_templates import discover

    return any(_SEO_TAG.search(template.text) for template in discover(root, []) if template.kind != "page")
