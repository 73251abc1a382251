"""Run the enabled rules over documents and stamp what they find.

Rules yield :class:`Finding`s; the linter owns identity (code), severity and selection,
so that rules stay small generators without I/O.
"""

from __future__ import annotations

import fnmatch
import itertools
import operator
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from methlint.collection import Collection
from methlint.config import Config
from methlint.diagnostic_rows import DiagnosticRows, Row, deduplicated_rows, row_of
from methlint.diagnostics import Diagnostic, Difference, Severity
from methlint.discovery import Target
from methlint.document import Document
from methlint.parallel import forked_map, worker_count
from methlint.rules import DOCUMENT_RULES, Context, Rule, Scope, unused_suppression
from methlint.suppressions import Suppression, apply, read_suppressions


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(prefix.upper()) for prefix in prefixes if prefix)


def enabled_rules(config: Config, rules: Sequence[Rule] = DOCUMENT_RULES) -> list[Rule]:
    """ruff's semantics: ``select`` replaces the defaults, ``extend-select`` adds, ``ignore`` removes."""
    if config.select:
        chosen = [r for r in rules if _matches(r.code, config.select)]
    else:
        strict = config.typography.profile == "french"  # the typography profile turns the opt-in TYP rules on
        chosen = [r for r in rules if r.default_enabled or (strict and r.code.startswith("TYP"))]
    chosen += [r for r in rules if _matches(r.code, config.extend_select) and r not in chosen]
    return [r for r in chosen if not _matches(r.code, config.ignore)]


def severity_for(rule: Rule, config: Config) -> Severity:
    best: tuple[int, Severity] = (-1, rule.severity)
    for prefix, severity in config.severities:
        if rule.code.startswith(prefix) and len(prefix) > best[0]:
            best = (len(prefix), Severity(severity))
    return best[1]


_ONE_LOWER = {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO, Severity.INFO: Severity.INFO}


def invisible_severity(rule: Rule, config: Config) -> Severity:
    """The severity of a finding invisible on the page: one lower than the rule's, unless the
    configuration names the code in ``severities`` (what it says wins) or sets ``lower-invisible`` false."""
    if not config.lower_invisible or any(rule.code.startswith(prefix) for prefix, _severity in config.severities):
        return severity_for(rule, config)
    return _ONE_LOWER[rule.severity]


def ignored_by_path(doc: Document, config: Config) -> tuple[str, ...]:
    """The ``per-file-ignores`` prefixes for a document: globs match its path relative to the
    configuration's folder, or its file name when the glob has no ``/`` (as in ruff)."""
    relative = doc.path
    if doc.fs_path is not None:
        try:
            relative = Path(os.path.abspath(doc.fs_path)).relative_to(os.path.abspath(config.root)).as_posix()
        except ValueError:
            pass
    name = relative.rsplit("/", 1)[-1]
    return tuple(
        code
        for glob, codes in config.per_file_ignores
        if fnmatch.fnmatchcase(relative, glob) or ("/" not in glob and fnmatch.fnmatchcase(name, glob))
        for code in codes
    )


def _filter(
    diagnostics: list[Diagnostic], ignored: dict[str, tuple[str, ...]], suppressions: dict[str, list[Suppression]]
) -> list[Diagnostic]:
    """Drop per-file-ignored and suppressed diagnostics, marking the suppressions used."""
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if not _matches(diagnostic.code, ignored.get(diagnostic.path, ())):
            by_path.setdefault(diagnostic.path, []).append(diagnostic)
    kept: list[Diagnostic] = []
    for path, found in by_path.items():
        kept += apply(found, suppressions[path]) if path in suppressions else found
    return kept


@dataclass
class Result:
    """Findings to report. After a run split across processes they are rows
    (:class:`DiagnosticRows`), whose fixes tell how far they apply but hold no edits: the
    fixer computes the fixes it applies itself."""

    diagnostics: Sequence[Diagnostic] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    files: int = 0
    # what checking each document produced (its path as shown -> findings, whatever their path)
    by_document: dict[str, Sequence[Diagnostic]] = field(default_factory=dict)


# Documents checked together, rule by rule: each rule runs over the whole group before the
# next one, so its code and data stay in the processor's caches. A check takes a quarter
# less time than rule after rule on each document in turn (docs/performance.md).
GROUP_SIZE = 64


def lint_documents(
    documents: Iterable[Document],
    config: Config,
    rules: Sequence[Rule],
    collection: Collection | None = None,
    label_fixes: bool = False,
) -> Result:
    """The findings of ``documents``. With ``label_fixes`` (for reports, not for the fixer's own
    rounds), each fix is labelled as ``methlint fix`` would treat it (methlint.fix.verdict)."""
    from methlint.page_effect import visible  # reads the rules' context: imported once they are

    label: Callable[[Document, Sequence[Diagnostic]], list[Diagnostic]] | None = None
    if label_fixes:
        from methlint.fix.verdict import labelled_as_fixed

        label = labelled_as_fixed
    result = Result()
    diagnostics: list[Diagnostic] = []
    by_document: dict[str, list[Diagnostic]] = {}
    # the index reads nothing until a rule asks for siblings, so it is always there
    ctx = Context(config, collection=collection or Collection(config))
    severities = {rule.code: severity_for(rule, config) for rule in rules}
    lowered = {rule.code: invisible_severity(rule, config) for rule in rules}
    any_french_only = any(rule.french_only for rule in rules)
    ignored: dict[str, tuple[str, ...]] = {}
    suppressions: dict[str, list[Suppression]] = {}
    origin: dict[int, str] = {}  # id(diagnostic) -> the document whose check produced it
    documents = iter(documents)
    while group := list(itertools.islice(documents, GROUP_SIZE)):
        for doc in group:
            result.files += 1
            by_document.setdefault(doc.path, [])
            if config.per_file_ignores:
                ignored[doc.path] = ignored_by_path(doc, config)
            if read := read_suppressions(doc):
                suppressions[doc.path] = read
        # what each document produced, kept apart so that findings and errors come out in the
        # order of a check document by document
        produced: list[list[Diagnostic]] = [[] for _doc in group]
        errors: list[list[str]] = [[] for _doc in group]
        # a rule of French typography skips the documents the site declares in another language
        french = [not any_french_only or ctx.writes_french(doc) for doc in group]
        for rule in rules:
            code, severity, check, french_only = rule.code, severities[rule.code], rule.check, rule.french_only
            for doc, found, failures, in_french in zip(group, produced, errors, french, strict=True):
                if french_only and not in_french:
                    continue
                try:
                    for finding in check(doc, ctx):
                        difference = finding.difference or rule.difference
                        if difference is Difference.SHOWN or finding.path is not None:
                            shown = True
                        else:
                            offset = doc.line_starts[finding.span.line - 1] + finding.span.column - 1
                            shown = visible(doc, ctx, offset, difference)
                        found.append(
                            Diagnostic(
                                finding.path or doc.path,
                                finding.span,
                                code,
                                finding.message,
                                severity if shown else lowered[code],
                                finding.fix,
                                shown,
                            )
                        )
                except Exception as err:  # noqa: BLE001 - a rule bug must not hide other findings
                    failures.append(f"{doc.path}: internal error in {code} ({rule.name}): {type(err).__name__}: {err}")
        for doc, found, failures in zip(group, produced, errors, strict=True):
            if label is not None:
                found[:] = label(doc, found)
            for diagnostic in found:
                origin[id(diagnostic)] = doc.path
            diagnostics += found
            result.internal_errors += failures
        ctx.cache.clear()  # memos are keyed by id(document): drop them with the group
        ctx.collection.checked()
    diagnostics = _filter(diagnostics, ignored, suppressions)
    if any(rule.code == unused_suppression.CODE for rule in rules):
        severity = severities[unused_suppression.CODE]
        for path, listed in suppressions.items():
            for f in unused_suppression.unused_findings(listed):
                if not _matches(unused_suppression.CODE, ignored.get(path, ())):
                    diagnostic = Diagnostic(path, f.span, unused_suppression.CODE, f.message, severity)
                    origin[id(diagnostic)] = path
                    diagnostics.append(diagnostic)
    for diagnostic in diagnostics:
        by_document[origin[id(diagnostic)]].append(diagnostic)
    result.diagnostics = deduplicated(diagnostics)
    result.by_document = dict(by_document)  # the Result's type: read-only sequences per document
    return result


def deduplicated(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted, each finding once (a finding about _config.yml comes from every document of its site)."""
    unique = {_IDENTITY(d): d for d in diagnostics}  # the last one wins
    return sorted(unique.values(), key=_ORDER)


# The dataclass order (path, span, code) and identity (plus the message) as keys built in C: a
# Span is a named tuple, so it hashes and compares as the plain tuple of its fields.
_ORDER = operator.attrgetter("path", "span", "code")
_IDENTITY = operator.attrgetter("path", "span", "code", "message")


# What each forked worker of lint_paths inherits: the targets, the configuration, the rules and
# the site index the parent has read.
_LintJob = tuple[list[Target], Config, list[Rule], Collection]


def _lint_chunk(job: _LintJob, indices: range) -> tuple[int, list[str], list[Row], dict[str, list[Row]]]:
    """A chunk's result as it travels back to the parent: its findings as rows (plain tuples).

    Pickling the objects costs ~25 µs a finding between the two processes (a reduce call per
    dataclass and named tuple, a constructor call per object to load them); a row, ~3 µs.
    Typography makes ~3.8 findings per document. The parent reports rows, or caches them,
    without ever needing the fixes' edits.
    """
    targets, config, rules, collection = job
    documents = (collection.read(targets[i].fs_path, targets[i].display) for i in indices)
    result = lint_documents(documents, config, rules, collection, label_fixes=True)
    row = {id(d): row_of(d) for found in result.by_document.values() for d in found}  # one row per object
    by_document = {path: [row[id(d)] for d in found] for path, found in result.by_document.items()}
    return result.files, result.internal_errors, [row[id(d)] for d in result.diagnostics], by_document


def lint_paths(
    targets: Iterable[Target],
    config: Config,
    rules: Sequence[Rule] | None = None,
    jobs: int = 0,
    progress: Callable[[int], None] | None = None,
) -> Result:
    """Lint files; large runs are split across processes (``jobs``: 0 = one per core)."""
    chosen = enabled_rules(config) if rules is None else list(rules)
    targets = list(targets)
    # the index reads siblings ahead; reading through it keeps every file read once
    collection = Collection(config, tuple(os.path.abspath(t.fs_path) for t in targets))
    workers = worker_count(jobs, len(targets))
    if workers == 1:

        def documents() -> Iterator[Document]:
            for target in targets:
                yield collection.read(target.fs_path, target.display)
                if progress is not None:
                    progress(1)

        return lint_documents(documents(), config, chosen, collection, label_fixes=True)
    if any(rule.scope is Scope.COLLECTION for rule in chosen):
        collection.prefetch([t.fs_path for t in targets], workers)  # once, inherited by every worker
    merged = Result()
    rows: list[Row] = []
    job: _LintJob = (targets, config, chosen, collection)
    for files, internal_errors, found, by_document in forked_map(_lint_chunk, job, len(targets), workers):
        rows += found
        merged.internal_errors += internal_errors
        merged.files += files
        merged.by_document.update((path, DiagnosticRows(found)) for path, found in by_document.items())
        if progress is not None:
            progress(files)
    merged.diagnostics = DiagnosticRows(deduplicated_rows(rows))
    return merged


def lint_text(
    text: str, path: str = "_outil/doc.md", config: Config | None = None, rules: Sequence[Rule] | None = None
) -> list[Diagnostic]:
    """Lint a string as if it were the file ``path`` (for tests and editors)."""
    config = config or Config()
    chosen = enabled_rules(config) if rules is None else list(rules)
    result = lint_documents([Document(path, text, limits=config.limits)], config, chosen)
    if result.internal_errors:
        raise RuntimeError("; ".join(result.internal_errors))
    return list(result.diagnostics)
