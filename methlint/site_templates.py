"""Which document keys a Jekyll site's templates use, and how: printed, filtered, read, in a URL.

``read_templates(root)`` reads the site's ``_layouts/``, ``_includes/`` and pages (files
with front matter outside ``_`` folders), and follows values through them without
rendering anything:

- ``subject`` says whose key it is: ``"page"``, the document being rendered (in layouts
  and includes); ``"site.outil"``, a document of the collection ``outil`` reached from
  ``site.outil`` (loops, ``where``, ``assign``), anywhere in the site; ``"include.usage"``,
  an include parameter that no call site resolves. Include parameters are resolved from
  every ``{% include x.html usage=usage %}`` of the site: ``include.usage.title`` in
  ``exemple-card.html`` is ``site.usage`` ``title`` when its callers loop over
  ``site.usage``. ``{{ content }}`` in a layout or include is ``page`` ``content``.
- ``keys`` are read from the subject; lists are transparent: ``{% for d in
  page.details_techniques %}{{ d.name }}`` reads ``("details_techniques", "name")``;
  ``first``/``last`` are dropped and ``size`` ends the path.
- ``how``: printed as is, printed through filters (``filters`` names them), an argument
  of a filter whose result is printed, or read by a tag (a condition, a loop, an
  ``assign``, a ``where:``/``sort:`` key) and not printed there. Aliases carry their
  origin: after ``{% assign x = page.y %}``, ``{{ x }}`` is a printed use of ``page.y``.
- ``url_prefix``, for outputs inside a URL or a path (``src``, ``href``, ``url(…)``, or
  literal text holding a ``/``): the literal text just before the output, ``/img/`` in
  ``src="/img/{{ page.logo }}"``; ``None`` elsewhere.
- ``in_html_comment``: the output sits inside ``<!-- … -->``, rendered but not shown.

Jekyll sets some keys itself (:data:`JEKYLL_VARIABLES`): ``page.url`` reads no front matter.
Liquid in the documents' own bodies is not read. Every scan is linear and bounded
(:data:`MAX_TEMPLATE_BYTES`, :data:`MAX_TEMPLATES`); a template that cannot be read, or
stops early (an unclosed ``{{``), becomes a :class:`TemplateProblem`.
"""

from __future__ import annotations

import bisect
import enum
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from methlint.liquid import Segment, scan

if TYPE_CHECKING:
    from methlint.template_flow import Incoming, Refs

MAX_TEMPLATE_BYTES = 1_000_000
MAX_TEMPLATES = 5_000
PAGE_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".xml", ".liquid", ".json", ".txt")
# Set by Jekyll on every page and document: reading them reads no front matter (unless it sets them).
JEKYLL_VARIABLES = frozenset(
    "content excerpt url id path relative_path slug collection next previous output dir name ext".split()
)


class How(enum.Enum):
    PRINTED = "printed"  # {{ page.x }}
    FILTERED = "filtered"  # {{ page.x | markdownify }}: KeyUse.filters names them
    ARGUMENT = "argument"  # {{ "/css/" | append: page.x }}
    READ = "read"  # {% if page.x %}, {% for a in page.x %}, {% assign … %}, where: "x": not printed there


@dataclass(frozen=True)
class KeyUse:
    path: str  # the template, from the site root: "_layouts/outil.html"
    line: int
    column: int  # 1-based, in characters, where the variable starts
    subject: str  # "page", "site.<collection>" or "include.<parameter>"
    keys: tuple[str, ...]
    how: How
    filters: tuple[str, ...] = ()
    url_prefix: str | None = None
    in_html_comment: bool = False

    @property
    def key(self) -> str:
        """The document's own key (the first of ``keys``)."""
        return self.keys[0]

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column} {self.subject}.{'.'.join(self.keys)} {self.how.value}"
        if self.filters:
            text += " |" + "|".join(self.filters)
        if self.url_prefix is not None:
            text += f" url:{self.url_prefix}"
        return text + (" <!--" if self.in_html_comment else "")


@dataclass(frozen=True)
class TemplateProblem:
    path: str
    line: int
    column: int
    message: str


@dataclass
class SiteTemplates:
    """What :func:`read_templates` found. ``layouts`` maps a layout's name to its path."""

    uses: tuple[KeyUse, ...]
    problems: tuple[TemplateProblem, ...]
    layouts: dict[str, str]
    parents: dict[str, str] = field(default_factory=dict)  # layout path -> its own layout's name
    includes: dict[str, frozenset[str]] = field(default_factory=dict)  # template path -> include paths

    def layout_chain(self, name: str) -> list[str]:
        """The paths of a layout and of the layouts it is rendered into, innermost first."""
        chain: list[str] = []
        while name in self.layouts and self.layouts[name] not in chain:
            chain.append(self.layouts[name])
            name = self.parents.get(self.layouts[name], "")
        return chain

    def for_layout(self, name: str) -> tuple[KeyUse, ...]:
        """The uses of ``page`` that render a document with this layout: in its layout chain
        and in the includes these call, directly or not."""
        reached = set(self.layout_chain(name))
        waiting = list(reached)
        while waiting:
            for include in self.includes.get(waiting.pop(), ()):
                if include not in reached:
                    reached.add(include)
                    waiting.append(include)
        return tuple(use for use in self.uses if use.subject == "page" and use.path in reached)

    def for_collection(self, name: str) -> tuple[KeyUse, ...]:
        """The uses of the documents of a collection reached through ``site.<name>``."""
        return tuple(use for use in self.uses if use.subject == f"site.{name}")


def read_templates(root: Path, collections: Iterable[str] | None = None) -> SiteTemplates:
    """The key uses of the site at ``root``; ``collections`` defaults to ``_config.yml``'s (and ``posts``)."""
    if collections is None:
        collections = _site_collections(root)
    return Reader(Path(root), frozenset(collections)).read()


def _site_collections(root: Path) -> tuple[str, ...]:
    from methlint.site import CONFIG_NAME, load_site

    if not (Path(root) / CONFIG_NAME).is_file():
        return ("posts",)
    return (*load_site(Path(root)).collections, "posts")


# --- templates as read from disk --------------------------------------------------------

_LAYOUT_KEY = re.compile(r"^layout[ \t]*:[ \t]*[\"']?([^\"'\s#]+)", re.MULTILINE)


@dataclass
class Template:
    path: str  # from the site root, with /
    kind: str  # "layout", "include" or "page"
    text: str
    body_start: int
    parent: str | None = None  # a layout's own layout
    line_starts: list[int] = field(default_factory=list)

    def position(self, offset: int) -> tuple[int, int]:
        if not self.line_starts:
            self.line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1


def load_template(root: Path, relative: str, kind: str, problems: list[TemplateProblem]) -> Template | None:
    """A template's text (bounded, never through a link leading out of the site), or None."""
    from methlint.document import read_raw, split

    read = read_raw(root / relative, MAX_TEMPLATE_BYTES, root=root)
    if read.raw is None:
        detail = read.problem.detail if read.problem else ""
        if read.problem is not None and read.problem.kind == "too-large":
            detail = f"larger than {MAX_TEMPLATE_BYTES:,} bytes"
        problems.append(TemplateProblem(relative, 1, 1, f"template not read: {detail}"))
        return None
    try:
        text = read.raw.decode("utf-8")
    except UnicodeDecodeError as err:
        text = read.raw.decode("utf-8", "replace")
        problems.append(TemplateProblem(relative, 1, 1, f"not UTF-8 (byte {err.start}): read with replacements"))
    status, parts = split(text)
    if parts is None:
        if kind == "page":
            return None  # without front matter, Jekyll copies the file as it is
        return Template(relative, kind, text, 0)
    parent = _LAYOUT_KEY.search(parts.yaml)
    return Template(relative, kind, text, parts.body_offset, parent.group(1) if parent else None)


def discover(root: Path, problems: list[TemplateProblem]) -> list[Template]:
    """Layouts, includes, then pages, each in path order; at most :data:`MAX_TEMPLATES`."""
    from methlint.discovery import SKIPPED_DIRS

    found: list[Template] = []
    for folder, kind in (("_layouts", "layout"), ("_includes", "include"), ("", "page")):
        for directory, dirnames, filenames in os.walk(root / folder):
            relative_dir = os.path.relpath(directory, root).replace(os.sep, "/")
            relative_dir = "" if relative_dir == "." else relative_dir + "/"
            dirnames[:] = sorted(
                d
                for d in dirnames
                if d not in SKIPPED_DIRS and not d.startswith(".") and (folder or not d.startswith("_"))
            )
            for name in sorted(filenames):
                if name.startswith(".") or (kind == "page" and not name.lower().endswith(PAGE_SUFFIXES)):
                    continue
                if len(found) >= MAX_TEMPLATES:
                    problems.append(TemplateProblem(relative_dir + name, 1, 1, "too many templates: not read"))
                    return found
                if os.path.islink(os.path.join(directory, name)):
                    continue
                template = load_template(root, relative_dir + name, kind, problems)
                if template is not None:
                    found.append(template)
    return found


def segments_of(template: Template, problems: list[TemplateProblem]) -> list[Segment]:
    scanned = scan(template.text, template.body_start)
    for offset, message in scanned.problems:
        problems.append(TemplateProblem(template.path, *template.position(offset), message))
    return scanned.segments


# --- the whole site ---------------------------------------------------------------------

MAX_READINGS = 4  # rounds of reading includes again as their callers grow (nested includes)


class Reader:
    """Reads layouts and pages, then includes with what their callers pass, in rounds."""

    def __init__(self, root: Path, collections: frozenset[str]) -> None:
        self.root = root
        self.collections = collections
        self.problems: list[TemplateProblem] = []
        self.templates: dict[str, Template] = {}
        self.uses: set[KeyUse] = set()
        self.includes: dict[str, set[str]] = {}
        self.incoming: dict[str, Incoming] = {}
        self.missing: set[str] = set()

    def read(self) -> SiteTemplates:
        from methlint.template_flow import Incoming

        found = discover(self.root, self.problems)
        self.templates = {t.path: t for t in found}
        for template in found:
            if template.kind != "include":
                self._follow(template, {}, {})
        for template in found:
            if template.kind == "include":
                self.incoming.setdefault(template.path, Incoming())
        for _round in range(MAX_READINGS):
            waiting = [path for path, state in sorted(self.incoming.items()) if state.grew]
            if not waiting:
                break
            for path in waiting:
                state = self.incoming[path]
                state.grew = False
                self._follow(self.templates[path], dict(state.context), dict(state.args))
        layouts = {_layout_name(t.path): t.path for t in found if t.kind == "layout"}
        parents = {t.path: t.parent for t in found if t.kind == "layout" and t.parent}
        return SiteTemplates(
            uses=tuple(sorted(self.uses, key=_order)),
            problems=tuple(sorted(set(self.problems), key=lambda p: (p.path, p.line, p.column, p.message))),
            layouts=layouts,
            parents=parents,
            includes={path: frozenset(targets) for path, targets in self.includes.items()},
        )

    def include(self, path: str) -> Template | None:
        """The template an include names, read once (None if the site has no such file)."""
        if path not in self.templates and path not in self.missing:
            template = None
            if len(self.templates) < MAX_TEMPLATES and (self.root / path).is_file():
                template = load_template(self.root, path, "include", self.problems)
            if template is None:
                self.missing.add(path)
            else:
                self.templates[path] = template
        return self.templates.get(path)

    def _follow(self, template: Template, context: dict[str, Refs], args: dict[str, Refs]) -> None:
        from methlint.template_flow import Incoming, Scope, Walk

        walk = Walk(self, template, Scope(context), args)
        walk.run(segments_of(template, self.problems))
        for call in walk.calls:
            self.includes.setdefault(template.path, set()).add(call.target)
            self.incoming.setdefault(call.target, Incoming()).merge(call)


def _layout_name(path: str) -> str:
    return str(PurePosixPath(path).relative_to("_layouts").with_suffix(""))


def _order(use: KeyUse) -> tuple[object, ...]:
    return (use.path, use.line, use.column, use.subject, use.keys, use.how.value, use.filters, use.url_prefix or "")
