"""Large runs split across processes give exactly the findings of one process."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from methlint.config import Config
from methlint.discovery import discover
from methlint.linter import lint_paths
from methlint.parallel import PARALLEL_MIN_FILES, chunks, worker_count

ROOT = Path(__file__).parent.parent


def make_site(root: Path, copies: int) -> Path:
    shutil.copytree(ROOT / "content", root)
    sources = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.md")) + sorted((root / "_outil").glob("*.md"))
    for index in range(copies):
        source = sources[index % len(sources)]
        text = source.read_text(encoding="utf-8")
        number = index + 100 if index % 50 else 100  # every 50th clashes with the first
        (root / "_outil" / f"copie-{index:04d}.md").write_text(re.sub(r"ordre: \d+", f"ordre: {number}", text))
    return root


def _fields(findings) -> list[tuple]:
    return [(d.path, d.span, d.code, d.message, d.severity, d.fixable) for d in findings]


def signature(result) -> tuple:
    """Everything a run reports: workers send their findings back as rows, not objects."""
    return _fields(result.diagnostics), {path: _fields(found) for path, found in result.by_document.items()}


def test_two_processes_find_exactly_what_one_finds(tmp_path: Path, monkeypatch) -> None:
    site = make_site(tmp_path / "site", PARALLEL_MIN_FILES + 20)
    monkeypatch.chdir(site)
    targets = list(discover([Path(".")]))
    one = lint_paths(targets, Config(), jobs=1)
    two = lint_paths(targets, Config(), jobs=2)
    assert one.files == two.files == len(targets)
    assert signature(one) == signature(two)
    assert {d.code for d in one.diagnostics} >= {"ORD001", "TYP002"}
    assert one.internal_errors == two.internal_errors == []


def test_progress_counts_every_file(tmp_path: Path, monkeypatch) -> None:
    site = make_site(tmp_path / "site", PARALLEL_MIN_FILES)
    monkeypatch.chdir(site)
    targets = list(discover([Path(".")]))
    for jobs in (1, 2):
        seen: list[int] = []
        lint_paths(targets, Config(), jobs=jobs, progress=seen.append)
        assert sum(seen) == len(targets)


def test_small_runs_stay_in_one_process() -> None:
    assert worker_count(0, PARALLEL_MIN_FILES - 1) == 1
    assert worker_count(1, 10_000) == 1
    assert worker_count(3, 10_000) == 3


def test_chunks_cover_every_index_once_in_order() -> None:
    for count in (0, 1, 16, 17, PARALLEL_MIN_FILES, 10_007):
        for workers in (1, 2, 8):
            parts = chunks(count, workers)
            assert [index for part in parts for index in part] == list(range(count))
            assert all(len(part) >= 1 for part in parts)


def test_siblings_indexed_in_parallel_give_the_same_findings(tmp_path: Path, monkeypatch) -> None:
    from methlint import collection

    site = make_site(tmp_path / "site", PARALLEL_MIN_FILES + 20)
    monkeypatch.chdir(site)
    targets = list(discover([Path(".")]))
    one = lint_paths(targets, Config(), jobs=1)
    monkeypatch.setattr(collection, "RETAIN_AT_MOST", 10)  # too many to keep: the index is built by workers
    parallel_indexes = []
    real = collection.Collection.index_in_parallel
    monkeypatch.setattr(
        collection.Collection,
        "index_in_parallel",
        lambda self, folders, workers: parallel_indexes.append(workers) or real(self, folders, workers),
    )
    two = lint_paths(targets, Config(), jobs=2)
    assert parallel_indexes == [2]
    assert signature(one) == signature(two)
    assert sum(d.code == "ORD001" for d in two.diagnostics) >= 7


def _decisions(run) -> list[tuple]:
    return [
        (f.path, f.fixed, [(a.code, a.span) for a in f.applied], _fields(f.remaining), f.refused, f.internal_error)
        for f in run.files
    ]


def test_fix_split_across_processes_decides_exactly_what_one_process_decides(tmp_path: Path, monkeypatch) -> None:
    from methlint.fix import fix_paths

    site = make_site(tmp_path / "site", PARALLEL_MIN_FILES + 20)
    monkeypatch.chdir(site)
    targets = list(discover([Path(".")]))
    one = fix_paths(targets, Config(), jobs=1)
    two = fix_paths(targets, Config(), jobs=2)
    assert _decisions(one) == _decisions(two)
    assert sum(f.changed for f in two.files) >= 50 and len(two.files) == len(targets)
