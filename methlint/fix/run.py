"""``methlint fix`` over paths: every document fixed in memory, title renames carried across
files, and after writing, what remains as ``check`` now sees it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from methlint.collection import INDEXED_KEYS, Collection, confining_root
from methlint.config import Config
from methlint.discovery import Target
from methlint.fix.files import read_target
from methlint.fix.loop import fix_document, repair_codes
from methlint.fix.outcome import FileOutcome, RunOutcome
from methlint.fix.titles import TitleIndex, carry_rename, locate_held_back
from methlint.linter import deduplicated, enabled_rules, lint_paths
from methlint.parallel import forked_map, worker_count
from methlint.rules import Rule

# What each forked worker of a fix run inherits: the targets, the configuration, the rules,
# whether unsafe fixes apply, and the site index the parent has read.
_FixJob = tuple[list[Target], Config, Sequence[Rule], bool, Collection]


def fix_paths(
    targets: Iterable[Target],
    config: Config,
    unsafe: bool = False,
    rules: Sequence[Rule] | None = None,
    jobs: int = 0,
) -> RunOutcome:
    """Fix every target in memory, then carry title renames to usage documents. Writes nothing."""
    chosen = enabled_rules(config) if rules is None else list(rules)
    listed = list(targets)
    collection = Collection(config, tuple(os.path.abspath(t.fs_path) for t in listed))
    run = RunOutcome(_fix_all((listed, config, chosen, unsafe, collection), jobs))
    by_fs_path = {os.path.abspath(t.fs_path): outcome for t, outcome in zip(listed, run.files, strict=True)}
    titles = TitleIndex(config, collection, by_fs_path)
    for outcome in list(run.files):
        carry_rename(outcome, titles, run)
        locate_held_back(outcome, titles)
    return run


def _fix_one(job: _FixJob, index: int) -> FileOutcome:
    targets, config, rules, unsafe, collection = job
    read = read_target(targets[index], config)
    outcome = fix_document(read.document, config, rules, unsafe, collection)
    outcome.raw, outcome.mtime_ns = read.raw, read.mtime_ns
    outcome.root = confining_root(targets[index].fs_path, config)
    return outcome


def _fix_chunk(job: _FixJob, indices: range) -> list[tuple[int, FileOutcome]]:
    return [(index, _fix_one(job, index)) for index in indices]


def _fix_all(job: _FixJob, jobs: int) -> list[FileOutcome]:
    """Every target fixed in memory; large runs are split across forked processes, like check."""
    targets, _config, _rules, _unsafe, collection = job
    workers = worker_count(jobs, len(targets))
    if workers == 1:
        return [_fix_one(job, index) for index in range(len(targets))]
    collection.prefetch([t.fs_path for t in targets])  # once, inherited by every worker
    outcomes: dict[int, FileOutcome] = {}
    for part in forked_map(_fix_chunk, job, len(targets), workers):
        outcomes.update(part)
    return [outcomes[index] for index in range(len(targets))]


def recheck_written(run: RunOutcome, config: Config, rules: Sequence[Rule] | None = None, jobs: int = 0) -> None:
    """After writing, what remains as ``check`` now sees the files.

    Each file's findings were computed against its siblings as they were before the run: a
    renamed title or a repaired ``ordre`` changes what the cross-file rules say of the others.
    """
    chosen = enabled_rules(config) if rules is None else list(rules)
    repairs = repair_codes(chosen)
    written = [outcome for outcome in run.files if outcome.changed and outcome.write_error is None]
    if not any(_may_change_siblings(outcome, repairs) for outcome in written):
        return
    targets = [Target(outcome.fs_path, outcome.path) for outcome in run.files if outcome.fs_path is not None]
    result = lint_paths(targets, config, chosen, jobs)
    for outcome in run.files:
        if outcome.path in result.by_document:
            outcome.remaining = deduplicated(result.by_document[outcome.path])


def _may_change_siblings(outcome: FileOutcome, repairs: frozenset[str]) -> bool:
    """Whether the fixes may change what the cross-file rules say: they read only the indexed
    keys, and a structural repair may make them readable."""
    indexed = {path[0] for applied in outcome.applied for path in applied.changes_data_at if path}
    return (
        outcome.renamed_title is not None
        or not indexed.isdisjoint(INDEXED_KEYS)
        or any(applied.code in repairs for applied in outcome.applied)
    )
