"""Prove a fixed text is the original plus exactly the intended changes, before anything is written.

Black's idea (``assert_equivalent``), for front matter: the bytes outside the edits are the
same, the delimiters and the body outside body edits are the same, and the data, read as
Jekyll reads it (YAML 1.1) and as YAML 1.2 reads it, equals the original's except at the
paths the fixes declared, where the new value must be the same text under both readings.
Every check of a fixed text is here: the fix loop and the title renames call :func:`verify`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import yaml

from methlint.diagnostics import Edit
from methlint.document import Document, Split
from methlint.fix.edits import apply_edits, last_edit_end_after
from methlint.fix.outcome import DataPath
from methlint.front_matter import FrontMatter
from methlint.i18n import _
from methlint.yaml_events import line_start, same_reading_up_to, same_scalars_before
from methlint.yaml_text import read_yaml_1_1, read_yaml_1_2, was_read

_MASKED = ("<changed>",)


def shape(data: object, masked: frozenset[DataPath], here: DataPath = ()) -> object:
    """Loaded YAML in a form that compares types and key order, ``masked`` paths hidden."""
    if here in masked:
        return _MASKED
    if isinstance(data, dict):
        return (
            "map",
            [(shape(k, frozenset()), shape(v, masked, (*here, k))) for k, v in data.items()],
        )
    if isinstance(data, list):
        return ("seq", [shape(item, masked, (*here, i)) for i, item in enumerate(data)])
    return (type(data).__name__, repr(data) if isinstance(data, float) else data)


def value_at(data: object, path: DataPath) -> object:
    """The value at a key path of loaded YAML, or None."""
    for step in path:
        if isinstance(data, dict) and step in data:
            data = data[step]
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def verify(
    before: Document,
    after_text: str,
    edits: Sequence[Edit],
    changes_data_at: Iterable[DataPath],
    bom_removed: bool = False,
) -> str | None:
    """Why ``after_text`` is not ``before`` plus exactly the intended changes, or None."""
    problem = _text_problem(before.text, after_text, edits)
    if problem is not None:
        return problem
    after = Document(before.path, after_text, before.fs_path)
    old, new = before.parts, after.parts
    if old is None or new is None:
        return _("the front matter delimiters changed")
    problem = _framing_problem(old, new, edits, bom_removed)
    if problem is not None or new.yaml == old.yaml:
        return problem  # with the front matter byte-identical, every YAML reading of it is too
    old_fm, new_fm = before.front_matter, after.front_matter
    if old_fm is None or new_fm is None:  # both documents have a closed front matter
        return _("the front matter delimiters changed")
    if old_fm.syntax_error is not None:
        problem = _restructure_problem(old_fm, new_fm, edits)
        if problem is not None or new_fm.syntax_error is not None:
            return problem or _repair_problem(new_fm.syntax_error.offset, edits)  # type: ignore[union-attr]  # not None here
    changed = frozenset(tuple(path) for path in changes_data_at)
    if old_fm.syntax_error is None:
        problem = _data_problem(old_fm, new_fm, changed)
        if problem is not None:
            return problem
    if not new_fm.ok:
        return _("the YAML does not parse after the fix")
    return _new_values_problem(new_fm, changed) or _intended_values_problem(old_fm, new_fm, edits, changed)


def _text_problem(before: str, after: str, edits: Sequence[Edit]) -> str | None:
    """The text outside the edits is unchanged, and no edit brings a line ending of its own."""
    position = 0
    delta = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if after[position + delta : edit.start + delta] != before[position : edit.start]:
            return _("text outside the edits changed")
        delta += len(edit.replacement) - (edit.end - edit.start)
        position = edit.end
    if after[position + delta :] != before[position:]:
        return _("text outside the edits changed")
    if "\r\n" in before and any(e.replacement.replace("\r\n", "").count("\n") for e in edits):
        return _("an edit introduced a line ending that differs from the file's")
    return None


def _delimiter(line: str) -> str:
    """A delimiter line without the blanks before its line end: Jekyll accepts ``--- `` too."""
    content = line.rstrip("\r\n")
    return content.rstrip(" \t") + line[len(content) :]


def _framing_problem(old: Split, new: Split, edits: Sequence[Edit], bom_removed: bool) -> str | None:
    """The BOM (unless a fix removes it), the delimiters and the body outside body edits are unchanged."""
    if new.bom != ("" if bom_removed else old.bom) or (_delimiter(new.opening), _delimiter(new.closing)) != (
        _delimiter(old.opening),
        _delimiter(old.closing),
    ):
        return _("the front matter delimiters or the BOM changed")
    offset = old.body_offset
    body_edits = [Edit(e.start - offset, e.end - offset, e.replacement) for e in edits if e.start >= offset]
    if new.body != apply_edits(old.body, body_edits):
        return _("the body changed outside the fixed spans")
    return None


def _repair_problem(error_offset: int, edits: Sequence[Edit]) -> str | None:
    """A repair of YAML that did not parse may leave a later mistake for the next round, not
    one at or before the repair."""
    if error_offset < last_edit_end_after(edits):
        return _("the YAML still does not parse at the fixed line")
    return None


def _restructure_problem(old_fm: FrontMatter, new_fm: FrontMatter, edits: Sequence[Edit]) -> str | None:
    """A repair reads what came before its line as the original did, inside the same collections
    (a list's wrapped item made a key would end the list)."""
    first = min(edit.start for edit in edits) - old_fm.offset
    start = line_start(old_fm.yaml, first)
    start += len(old_fm.yaml[start:first]) - len(old_fm.yaml[start:first].lstrip(" \t"))
    mistake = line_start(old_fm.yaml, old_fm.syntax_error.offset - old_fm.offset) if old_fm.syntax_error else 0
    if not same_reading_up_to(old_fm.yaml, new_fm.yaml, start) or not same_scalars_before(
        old_fm.yaml, new_fm.yaml, mistake
    ):
        return _("the repair changes how the lines before it read: it would restructure the data")
    return None


def _data_problem(old_fm: FrontMatter, new_fm: FrontMatter, changed: frozenset[DataPath]) -> str | None:
    """The data, under both readings, is the original's outside the declared paths."""
    if not new_fm.ok:
        return _("the YAML no longer parses")
    if shape(old_fm.data, changed) != shape(new_fm.data, changed):
        return _("the data Jekyll reads (YAML 1.1) changed outside the fixed values")
    old_12 = read_yaml_1_2(old_fm.yaml)
    if was_read(old_12):
        new_12 = read_yaml_1_2(new_fm.yaml)
        if not was_read(new_12) or shape(old_12, changed) != shape(new_12, changed):
            return _("the data YAML 1.2 reads changed outside the fixed values")
    return None


def _new_values_problem(new_fm: FrontMatter, changed: frozenset[DataPath]) -> str | None:
    """Each declared path holds text, the same under YAML 1.1 and 1.2."""
    if not changed:
        return None
    new_12 = read_yaml_1_2(new_fm.yaml)
    for path in changed:
        value_11, value_12 = value_at(new_fm.data, path), value_at(new_12, path)
        if type(value_11) is not str or type(value_12) is not str or value_11 != value_12:
            return _("the new value at {path} is not the same text in YAML 1.1 and 1.2").format(
                path="/".join(map(str, path))
            )
    return None


def _moved(start: int, end: int, edits: Sequence[Edit]) -> tuple[int, int] | None:
    """Where the text ``start:end`` is after the edits (those inside it included), or None if an
    edit crosses one of its edges."""
    new_start, new_end = start, end
    for edit in edits:
        shift = len(edit.replacement) - (edit.end - edit.start)
        if edit.end <= start and edit.start < start:
            new_start, new_end = new_start + shift, new_end + shift
        elif start <= edit.start and edit.end <= end:
            new_end += shift
        elif edit.start < end:
            return None
    return new_start, new_end


def _alone(token: str) -> object:
    """What a scalar's text reads as, alone as a block mapping value (YAML 1.1)."""
    data = read_yaml_1_1("_: " + token + "\n")
    return data.get("_", _MASKED) if isinstance(data, dict) else _MASKED


def _intended_values_problem(
    old_fm: FrontMatter, new_fm: FrontMatter, edits: Sequence[Edit], changed: frozenset[DataPath]
) -> str | None:
    """Each edited value reads in place as its edited text reads alone: an item set to ``a,``
    in ``[a]`` is written ``[a,]``, which reads ``a``. Checked where the old text read alone
    as its value in place (a scalar whose reading does not depend on where it stands)."""
    for path in changed:
        _key, node = old_fm.node_at(path)
        old_value = value_at(old_fm.data, path)
        if not isinstance(node, yaml.ScalarNode) or not isinstance(old_value, str) or node.value != old_value:
            continue
        start, end = old_fm.file_offset(node.start_mark), old_fm.file_offset(node.end_mark)
        moved = _moved(start, end, edits)
        old_token = old_fm.yaml[start - old_fm.offset : end - old_fm.offset]
        if moved is None or _alone(old_token) != old_value:
            continue
        new_token = apply_edits(
            old_token,
            [Edit(e.start - start, e.end - start, e.replacement) for e in edits if start <= e.start and e.end <= end],
        )
        intended, found = _alone(new_token), value_at(new_fm.data, path)
        _key, new_node = new_fm.node_at(path)
        spans = new_node is not None and (
            new_fm.file_offset(new_node.start_mark),
            new_fm.file_offset(new_node.end_mark),
        )
        if intended != found or spans != moved:  # `a,` in a flow list, `a # b`: the text is not all the value
            return _("the value at {path} reads {found!r} where the fix wrote {intended!r}").format(
                path="/".join(map(str, path)), found=found, intended=new_token
            )
    return None
