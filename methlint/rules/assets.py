"""Asset files named in the front matter (AST001 missing, AST002 outside the site).

A value is resolved as the web server resolves the URL the layout builds from it
(`/img/{{ page.img-bg }}`): percent-escapes decoded, `?query` and `#fragment` dropped, `.`
and empty segments ignored, `..` going up one folder. Each segment must then appear,
code point for code point, in the listing of its folder: Linux servers compare bytes, so a
value typed with composed accents (NFC, what keyboards produce) does not find a file whose
name was saved decomposed (NFD, as macOS does), and `Conference.png` does not find
`conference.png`. Listings are read once per folder per run and never replaced by
`exists()`, which says yes to a case mismatch on macOS and Windows.

A value that leaves the site root, by `..`, an absolute file-system path or a symbolic
link pointing out, is never opened, listed or stat'ed: the walk stops at the last folder
inside the site.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import yaml

from methlint.collection import Collection
from methlint.diagnostics import Finding, Span
from methlint.document import Document, read_head
from methlint.i18n import _, quoted
from methlint.name_suggestions import WHY, suggestions, to_nfc
from methlint.rules._base import Check, Context, Rule, Scope
from methlint.scaffold import PLACEHOLDER

_FILE_SYSTEM_ABSOLUTE = re.compile(r"[A-Za-z]:[\\/]|[\\~]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:|//")  # two letters at least: C: is a drive
MAX_LINKS = 20


@dataclass(frozen=True)
class Missing:
    site_path: str  # what the server looks for: /img/cover_decidim
    folder: str  # the site folder where the walk stopped
    wanted: str  # the name not found there
    names: frozenset[str]  # what the folder holds


@dataclass(frozen=True)
class Outside:
    reason: str


def resolve(value: str, base: str, root: Path, collection: Collection) -> Missing | Outside | None:
    """None when the file exists in the site; otherwise what is wrong."""
    if _FILE_SYSTEM_ABSOLUTE.match(value):
        return Outside(_("it is a path on a computer, not in the site"))
    path = unquote(value.split("#", 1)[0].split("?", 1)[0])
    segments = path.split("/") if path.startswith("/") else base.split("/") + path.split("/")
    stack: list[str] = []
    for segment in segments:
        if segment in ("", "."):
            continue
        if segment == "..":
            if not stack:
                return Outside(_("'..' leads out of the site folder"))
            stack.pop()
        else:
            stack.append(segment)
    site_path = "/" + "/".join(stack)
    root_text = os.path.abspath(root)
    links = 0
    index = 0
    while index < len(stack):
        folder = os.path.join(root_text, *stack[:index])
        listing = collection.listing(folder)
        name = stack[index]
        if listing is None or name not in listing.names:
            names = listing.names if listing is not None else frozenset()
            return Missing(site_path, "/" + "/".join(stack[:index]), name, names)
        if name in listing.links:
            links += 1
            # the link's own text, read inside the site; its target is never touched
            target = os.path.normpath(os.path.join(folder, os.readlink(os.path.join(folder, name))))
            if links > MAX_LINKS or not (target + os.sep).startswith(root_text + os.sep):
                return Outside(_("a symbolic link on the way leads out of the site folder"))
            inside = os.path.relpath(target, root_text)
            stack = [s for s in inside.split(os.sep) if s not in ("", ".")] + stack[index + 1 :]
            index = 0
            continue
        if index == len(stack) - 1 and name in listing.dirs:
            return Missing(site_path, "/" + "/".join(stack[:index]), name, frozenset())
        index += 1
    return None


def _asset_values(doc: Document, ctx: Context) -> Iterator[tuple[str, str, str, yaml.Node | None]]:
    fm, declared = doc.front_matter, ctx.contract(doc)
    if declared is None or fm is None or not fm.ok or not isinstance(fm.data, dict):
        return
    for key, place in declared.assets.items():
        base, value = place.folder or "", fm.data.get(key)
        if not isinstance(value, str) or not value.strip() or _SCHEME.match(value) or value == PLACEHOLDER:
            continue  # empty is fine; web addresses are not files; PH001 reports placeholders
        _key, node = fm.node_at((key,))
        yield key, value, base, node


def _findings(doc: Document, ctx: Context) -> list[tuple[str, Finding]]:
    root = ctx.collection.site_root(doc.fs_path) if doc.fs_path is not None else None
    if root is None:
        return []
    fm = doc.front_matter
    found: list[tuple[str, Finding]] = []
    for key, value, base, node in _asset_values(doc, ctx):
        problem = resolve(value, base, root, ctx.collection)
        if problem is None:
            continue
        assert fm is not None and node is not None  # a value of the front matter, read from its tree
        span = doc.span(fm.file_offset(node.start_mark), fm.file_offset(node.end_mark))
        if isinstance(problem, Outside):
            message = _("'{key}' points outside the site ({reason}): name a file of the site").format(
                key=key, reason=problem.reason
            )
            found.append(("AST002", Finding(span, message)))
            continue
        message = _("'{key}': no file {path} in the site").format(key=key, path=problem.site_path)
        if problem.site_path.rsplit("/", 1)[-1] != problem.wanted:
            message += " " + _("(no '{name}' in folder {folder})").format(name=problem.wanted, folder=problem.folder)
        close, why = suggestions(problem.wanted, problem.names)
        if close:
            listed = _(" or ").join(map(quoted, close))
            message += _(": did you mean {names}?").format(names=listed)
            if why:
                message += f" ({_(WHY[why])})"
        found.append(("AST001", Finding(span, message)))
    return found


def _checker(code: str) -> Check:
    def check(doc: Document, ctx: Context) -> Iterator[Finding]:
        for found_code, finding in ctx.memo("assets", doc, lambda: _findings(doc, ctx)):
            if found_code == code:
                yield finding

    return check


MISSING_DOC = """
## What it does
Reports an asset named in the front matter that is not a file of the site. The contract says
which keys name files (`x-asset`, docs/schema.md): in the shipped ones, `img-bg`, `logo` and
`screenshot` name files in `img/`; `vignette_video_demo`, `lettre_engagement` and any value
starting with `/` are paths from the site root (the configuration's `assets` maps keys to
folders over the contracts). The match is case-exact and code point exact,
as on the Linux server, even when the editor's Mac or PC finds the file. Suggests the files
the editor probably meant: the same name with an extension, a case-only difference, accents
encoded differently, or the closest names (all equally close ones). Empty values are fine.

## Why is this bad?
The layout builds `url(/img/{{ page.img-bg }})`: a missing file is a blank header or a
broken image, visible only on the published site.

## Example
```yaml
img-bg: democracy-bg      # the file is img/democracy-bg.jpg
logo: Conference.png      # the file is img/conference.png
```

## Fix safety
No fix: renaming the value or the file is the editor's call.
"""

OUTSIDE_DOC = """
## What it does
Reports an asset value that resolves outside the site folder: `../../etc/passwd`, a path
on a computer (`C:\\Users\\…`, `~/image.png`), or a symbolic link in the site pointing out
of it. methlint never opens, lists or stat's such a path.

## Why is this bad?
The web server will not serve it: the image is broken for every reader, and a linter that
followed such paths could be made to probe the machine it runs on.

## Example
```yaml
img-bg: ../../etc/passwd
```

## Fix safety
No fix: put the file in the site and name it from there.
"""

# collection-scoped: what they say of a document depends on the site's other files
MISSING = Rule(
    "AST001",
    "missing-asset",
    _checker("AST001"),
    MISSING_DOC,
    "Asset file not found in the site",
    scope=Scope.COLLECTION,
)
OUTSIDE = Rule(
    "AST002",
    "asset-outside-site",
    _checker("AST002"),
    OUTSIDE_DOC,
    "Asset path leaves the site",
    scope=Scope.COLLECTION,
)


UNREFERENCED_DOC = """
## What it does
Reports files of the site's asset folders (`img/`, `uploads/`) whose name appears in no text
file of the site: no document, no layout, include, stylesheet or configuration names them.
Opt-in (`--extend-select AST003`): it reads every text file of the site once per run, and it
is reported with the first document checked, so runs that use it skip the results cache.

## Why is this bad?
Unused images accumulate with every redesign; they weigh on every clone and deployment, and
an image nobody references is often the one a document meant to name (see AST001).

## Example
`img/conference-old.png`, named nowhere.

## Fix safety
No fix: deleting a file is the editor's call (a file can be linked from outside the site).
"""

_TEXT_SUFFIXES = (
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".yml",
    ".yaml",
    ".scss",
    ".sass",
    ".css",
    ".js",
    ".json",
    ".liquid",
    ".txt",
    ".xml",
)
_ASSET_FOLDERS = ("img", "uploads")


def _unreferenced(root: Path) -> list[str]:
    """Site-relative paths of asset files whose name no text file of the site mentions."""
    from methlint.discovery import SKIPPED_DIRS

    assets: list[str] = []
    texts: list[str] = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith("."))
        relative = os.path.relpath(directory, root).replace(os.sep, "/")
        in_assets = relative.split("/", 1)[0] in _ASSET_FOLDERS
        for name in sorted(filenames):
            path = os.path.join(directory, name)
            if in_assets and not name.lower().endswith(_TEXT_SUFFIXES):
                assets.append(f"{relative}/{name}")
            elif name.lower().endswith(_TEXT_SUFFIXES):
                head = read_head(path, 2_000_000, root)  # None for a FIFO, a device, a link out
                if head is not None:
                    texts.append(unicodedata.normalize("NFC", head.decode("utf-8", "replace")))
    corpus = "\n".join(texts)
    return [path for path in assets if to_nfc(path.rsplit("/", 1)[-1]) not in corpus]


def _check_unreferenced(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.fs_path is None:
        return
    root = ctx.collection.site_root(doc.fs_path)
    if root is None or ctx.collection.derived("unreferenced-reported", str(root), lambda: doc.path) != doc.path:
        return  # once per run and site, with its first document
    from methlint.discovery import display_path

    for relative in ctx.collection.derived("unreferenced", str(root), lambda: _unreferenced(root)):
        shown = display_path(root / relative, Path.cwd())
        yield Finding(
            Span(1, 1, 1, 2),
            _("'{path}' is referenced by no file of the site: remove it or name it").format(path=relative),
            path=shown,
        )


UNREFERENCED = Rule(
    "AST003",
    "unreferenced-asset",
    _check_unreferenced,
    UNREFERENCED_DOC,
    "Asset file referenced nowhere",
    default_enabled=False,
    scope=Scope.COLLECTION,
)
