"""Run one input through methlint's whole check pipeline, as read from disk, in memory;
and through ``fix``, in memory and on a file."""

from __future__ import annotations

import io
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from methlint.config import Config
from methlint.diagnostic_rows import rows_of
from methlint.discovery import discover
from methlint.document import Document, LoadProblem, decode
from methlint.fix import FileOutcome, RunOutcome, fix_document, fix_paths, fix_text, write_outcomes
from methlint.fix.verify import value_at
from methlint.linter import enabled_rules, lint_documents
from methlint.reporting.display import displayable
from methlint.reporting.fix_run import report_fix_run
from methlint.reporting.text import finding_lines
from methlint.rules.typography.code_regions import code_regions
from methlint.yaml_events import events_before_error, line_start
from methlint.yaml_text import read_yaml_1_2_ruamel, was_read

CONFIG = Config()
RULES = enabled_rules(CONFIG)
# The folder picks the schema: exercise the method, usage and no-schema paths.
DISPLAY_PATHS = ("_outil/fuzz.md", "_usage/fuzz.md", "autre/fuzz.md")


def document_from_bytes(raw: bytes, display: str) -> Document:
    """What ``read_document`` builds from these bytes (without the file system)."""
    text, problem = decode(raw)
    if text is None:
        return Document(display, "", None, LoadProblem("encoding", decode=problem))
    return Document(display, text)


def check_bytes(raw: bytes) -> None:
    """Raise if any rule fails on ``raw``; exceptions of the pipeline itself propagate."""
    for display in DISPLAY_PATHS:
        result = lint_documents([document_from_bytes(raw, display)], CONFIG, RULES)
        if result.internal_errors:
            raise AssertionError("; ".join(result.internal_errors))
        for diagnostic in result.diagnostics:
            span = diagnostic.span
            backwards = (span.end_line, span.end_column) < (span.line, span.column)
            if span.line < 1 or span.column < 1 or backwards:
                raise AssertionError(f"impossible span {span} for {diagnostic.code}")
        # what the text output prints: one line per finding, nothing a terminal would obey
        for line in finding_lines(rows_of(result.diagnostics), colour=False):
            if "\n" in line[:-1] or displayable(line[:-1]) != line[:-1]:
                raise AssertionError(f"an unsafe character in the output line {line!r}")


# --- fix: nothing raises, and whatever fix would write passes an independent check ---------


def _masked(data: object, declared: frozenset[tuple], here: tuple = ()) -> object:
    """``data`` with its types made explicit (1, 1.0 and True differ) and declared paths hidden."""
    if here in declared:
        return "<declared>"
    if isinstance(data, dict):
        return ("map", [(_masked(k, frozenset()), _masked(v, declared, (*here, k))) for k, v in data.items()])
    if isinstance(data, list):
        return ("seq", [_masked(item, declared, (*here, i)) for i, item in enumerate(data)])
    return (type(data).__name__, repr(data))


class CaughtByVerification(Exception):
    """A rule offered a fix the fixer's own verification refused: nothing is written (the
    safety net held), but ``fix`` exits 2 with an internal error, so the rule is wrong."""


def check_fix_result(before: Document, outcome: FileOutcome, unsafe: bool) -> None:
    """Raise unless ``outcome`` is safe to write: it parses, its data differs from ``before``'s
    only where the applied fixes said, and fixing it again changes nothing."""
    if outcome.internal_error:
        if "internal error in" in outcome.internal_error:  # a rule raised: a crash, not the net
            raise AssertionError(outcome.internal_error)
        raise CaughtByVerification(outcome.internal_error)
    if outcome.changed:
        _check_written(before, outcome, unsafe)
    _check_report(outcome)
    if outcome.rejected:
        raise CaughtByVerification("; ".join(f"{r.diagnostic.code}: {r.problem}" for r in outcome.rejected))


def _check_written(before: Document, outcome: FileOutcome, unsafe: bool) -> None:
    after = Document(before.path, outcome.fixed)
    if after.front_matter is None:
        raise AssertionError("fix would write a file without its front matter")
    # a front matter unsafe to rewrite is left byte for byte while the body is fixed
    left_as_it_was = before.front_matter is not None and after.front_matter.yaml == before.front_matter.yaml
    if not after.front_matter.ok and not left_as_it_was:
        raise AssertionError("fix would write front matter that does not parse")
    if _code_of(_body(before)) != _code_of(_body(after)):
        raise AssertionError("fix would change text inside a code region of the body")
    old_fm = before.front_matter
    if old_fm is not None and old_fm.ok:
        declared = frozenset(tuple(path) for applied in outcome.applied for path in applied.changes_data_at)
        if _masked(old_fm.data, declared) != _masked(after.front_matter.data, declared):
            raise AssertionError("fix would change data outside the paths it declared")
        if after.front_matter.yaml != old_fm.yaml:
            _check_yaml_1_2(old_fm.yaml, after.front_matter.yaml, declared)
    elif old_fm is not None and old_fm.syntax_error is not None:
        declared = frozenset(tuple(path) for applied in outcome.applied for path in applied.changes_data_at)
        rewritten = {str(value_at(after.data, path)) for path in declared}  # the later rounds' values
        _check_repair(old_fm.yaml, after.front_matter.yaml, old_fm.syntax_error.offset - old_fm.offset, rewritten)
    again, second = fix_text(outcome.fixed, before.path, unsafe=unsafe, config=CONFIG, rules=RULES)
    if again != outcome.fixed:
        raise AssertionError(f"fix is not idempotent: a second run applied {[a.code for a in second.applied]}")


_MARKDOWN = MarkdownIt("commonmark")


def _body(doc: Document) -> str:
    return doc.parts.body if doc.parts is not None else ""


def _code_of(body: str) -> list[str]:
    """The body's code, in order: Markdown's fenced and indented blocks, and the regions Jekyll
    and kramdown make code or mathematics (``{% highlight %}``, ``{% raw %}``, ``<pre>``, ``$$``)."""
    blocks = [token.content for token in _MARKDOWN.parse(body) if token.type in ("fence", "code_block")]
    return blocks + [body[start:end] for start, end in code_regions(body)]


def _check_yaml_1_2(before: str, after: str, declared: frozenset[tuple]) -> None:
    """The data ruamel.yaml's YAML 1.2 reader sees is the same outside the declared paths, and
    text at them, read alike by YAML 1.1 (Jekyll) and 1.2."""
    old, new = read_yaml_1_2_ruamel(before), read_yaml_1_2_ruamel(after)
    if not was_read(old):
        return
    if not was_read(new) or _masked(old, declared) != _masked(new, declared):
        raise AssertionError("fix would change the data YAML 1.2 reads outside the paths it declared")
    jekyll = Document("a.md", "---\n" + after + "---\n").data
    for path in declared:
        if type(value_at(new, path)) is not str or value_at(new, path) != value_at(jekyll, path):
            raise AssertionError(f"the value fix wrote at {path} is not the same text in YAML 1.1 and 1.2")


def _scalars(events: list, before: int | None = None) -> list[tuple[object, ...]]:
    return [
        (e.value, e.style, e.implicit)
        for e in events
        if isinstance(e, yaml.ScalarEvent) and (before is None or e.end_mark.index <= before)
    ]


def _check_repair(before: str, after: str, error: int, rewritten: set[str]) -> None:
    """A repair of YAML that did not parse leaves every scalar read before the mistake's line
    (``error``: its offset in ``before``) as it was, but for the values later rounds rewrote."""
    read = _scalars(events_before_error(before), line_start(before, error))
    now = _scalars(events_before_error(after))[: len(read)]
    if len(now) < len(read) or any(old != new and new[0] not in rewritten for old, new in zip(read, now, strict=True)):
        raise AssertionError("a repair changed a value read before the mistake it repairs")


def _check_report(outcome: FileOutcome) -> None:
    """What ``fix`` prints holds no character a terminal would obey."""
    report = io.StringIO()
    report_fix_run(RunOutcome([outcome]), report, would=False)
    for line in report.getvalue().split("\n"):
        if displayable(line) != line:
            raise AssertionError(f"an unsafe character in the fix report line {line!r}")


def fix_bytes(raw: bytes) -> None:
    """Raise if fixing ``raw`` (safe, then unsafe fixes) fails or would write a bad file;
    :class:`CaughtByVerification` if the fixer's verification refused a rule's fix."""
    for display in DISPLAY_PATHS:
        for unsafe in (False, True):
            doc = document_from_bytes(raw, display)
            check_fix_result(doc, fix_document(doc, CONFIG, RULES, unsafe), unsafe)


def fix_file(raw: bytes, folder: Path) -> None:
    """Write ``raw`` as a method document in ``folder`` and run ``fix`` on it, writes included:
    the file ends holding its original bytes or exactly the verified fixed text."""
    path = folder / "_outil" / "fuzz.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    run = fix_paths(discover([path]), CONFIG, rules=RULES)
    write_outcomes(run)
    (outcome,) = run.files
    check_fix_result(document_from_bytes(raw, outcome.path), outcome, unsafe=False)
    expected = outcome.fixed.encode("utf-8") if outcome.changed and not outcome.write_error else raw
    if path.read_bytes() != expected:
        raise AssertionError("the file on disk is neither the original nor the fixed text")
    if sorted(p.name for p in path.parent.iterdir()) != ["fuzz.md"]:
        raise AssertionError("fix left a file behind")
