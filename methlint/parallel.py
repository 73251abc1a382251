"""Large runs split across forked processes that inherit what the parent prepared.

The parent builds what every worker needs (the targets, the configuration, the rules, the
site index it has already read) and forks: each worker finds it in memory as the parent left
it, so nothing is pickled on the way in and the index is built once. Only the chunks' results
travel back, so they are best kept plain (the linter sends rows). ``fork`` is POSIX only:
elsewhere, and for small runs, everything stays in one process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

PARALLEL_MIN_FILES = 300  # below this, starting workers costs more than it saves (docs/performance.md)

Shared = TypeVar("Shared")
ChunkResult = TypeVar("ChunkResult")

# What the forked workers inherit: the work and its shared input (set just before the pool starts).
_inherited: tuple[Callable[[Any, range], Any], Any] | None = None


def worker_count(jobs: int, files: int) -> int:
    """The processes a run of ``files`` files uses: ``jobs`` (0: one per core), or 1 for a
    small run, for ``--jobs 1``, or where processes cannot be forked."""
    if jobs == 1 or files < PARALLEL_MIN_FILES:
        return 1
    import multiprocessing  # only large runs pay for it

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, jobs or os.cpu_count() or 1)


def chunks(count: int, workers: int) -> list[range]:
    """``range(count)`` cut into small chunks, so that the slowest worker finishes last."""
    size = max(16, count // (workers * 8))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _run_chunk(indices: range) -> Any:
    if _inherited is None:
        raise RuntimeError("a worker started without the work forked_map sets")
    work, shared = _inherited
    return work(shared, indices)


def forked_map(
    work: Callable[[Shared, range], ChunkResult], shared: Shared, count: int, workers: int
) -> Iterator[ChunkResult]:
    """``work(shared, chunk)`` for the chunks of ``range(count)`` in ``workers`` forked
    processes, each result as its chunk finishes (not in order)."""
    global _inherited
    import multiprocessing

    _inherited = (work, shared)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap_unordered(_run_chunk, chunks(count, workers))
    finally:
        _inherited = None
