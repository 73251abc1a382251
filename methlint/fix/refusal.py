"""When not to touch a file: what the fixer cannot check a rewrite against, it never rewrites.

A document is refused whole when it cannot be read, has no closed front matter, exceeds the
limits or does not parse (unless only repairs of its syntax are due). Its front matter alone
is refused when YAML could read it in ways a span edit cannot be checked against (explicit
tags, anchors, duplicate keys, tab indentation, a root that is not a mapping): the body's
fixes still apply, since verifying them reads no YAML.
"""

from __future__ import annotations

import io

import yaml

from methlint.document import Document, SplitStatus
from methlint.front_matter import iter_nodes
from methlint.i18n import _
from methlint.yaml_events import ReadPrefix


def refusal(doc: Document, structural_only: bool) -> str | None:
    """Why ``doc`` is not safe to rewrite, or None. ``structural_only``: only repairs are due."""
    return document_refusal(doc, structural_only) or front_matter_refusal(doc)


def document_refusal(doc: Document, structural_only: bool) -> str | None:
    """Why no byte of ``doc`` may be rewritten, or None."""
    if doc.load_problem is not None:
        return _("the file could not be read as UTF-8 text")
    if doc.split_status != SplitStatus.OK:
        return _("no closed front matter: nothing to check a fix against")
    fm = doc.front_matter
    if fm is None:  # a closed front matter is always parsed
        return _("no closed front matter: nothing to check a fix against")
    if fm.limit_error is not None:
        return _("the front matter exceeds the safety limits")
    if fm.syntax_error is not None:
        return None if structural_only else _("the YAML does not parse")
    return None


def front_matter_refusal(doc: Document) -> str | None:
    """Why the front matter of ``doc`` (read without a syntax error) is not safe to rewrite, or
    None. Its body still is: ``verify`` checks a body edit without reading the YAML."""
    fm = doc.front_matter
    if fm is None or fm.syntax_error is not None:
        return None
    if fm.foreign_tag is not None or _has_explicit_tag(fm.yaml):
        return _("the front matter uses explicit YAML tags")
    if not fm.ok:
        return _("the YAML cannot be read")
    if fm.root is not None and not isinstance(fm.root, yaml.MappingNode):
        return _("the front matter is not a mapping")
    if fm.anchors:
        return _("the front matter uses YAML anchors or aliases")
    if fm.root is not None and _has_duplicate_keys(fm.root):
        return _("the front matter has duplicate keys")
    if _has_tab_indentation(fm.yaml):
        return _("the front matter is indented with tabs")
    return None


def _has_explicit_tag(text: str) -> bool:
    try:
        events = yaml.parse(text, Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)
        return any(getattr(event, "tag", None) is not None for event in events)
    except yaml.YAMLError:
        return False


def _has_duplicate_keys(root: yaml.Node) -> bool:
    for node in iter_nodes(root):
        if isinstance(node, yaml.MappingNode):
            keys = [(k.tag, k.value) for k, _v in node.value if isinstance(k, yaml.ScalarNode)]
            if len(keys) != len(set(keys)):
                return True
    return False


def _has_tab_indentation(text: str) -> bool:
    """A tab before a line's first character, unless the line is the text of a scalar (a tab
    starting a line of a block scalar is the value's own)."""
    scalars: ReadPrefix | None = None
    offset = 0
    for line in io.StringIO(text, newline=""):  # splits on LF, CRLF and CR, as YAML does
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            scalars = scalars or ReadPrefix.of(text)
            if not scalars.inside_scalar(offset + indent):
                return True
        offset += len(line)
    return False
