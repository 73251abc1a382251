"""The cost of a check per document, for two or more source trees of methlint, in one run.

    python benchmarks/compare_trees.py --corpus /tmp/c1k BASE_TREE OTHER_TREE [...]
    python benchmarks/compare_trees.py --corpus /tmp/c1k --instructions BASE_TREE OTHER_TREE

Each tree is a folder holding a ``methlint/`` package and its ``schemas/`` (``git archive
COMMIT | tar -x -C DIR``, or a worktree). A process per tree reads the corpus, builds fresh
``Document`` objects (nothing cached on a document carries over) and checks them in one
process with every default rule (``lint_documents``: no file reading is measured).

By default, every round starts one such process per tree, in turn (A B A B …), each reporting
its best CPU time of ``--repeats`` checks; the table gives the median per-document time and the
ratio to the first tree, taken round by round. On this shared machine those ratios spread by
tens of percent: use ``--instructions`` to compare changes worth a few percent. It counts the
machine instructions of one check under valgrind (cachegrind), which other processes do not
change (stable to a few parts per thousand), minus those of the same process on no document.
Instructions are not time, but two versions of the same Python code compare well in them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

# What each process runs: the tree under test comes first on the import path.
_CHECK = """
import json, sys, time
from pathlib import Path
from methlint.config import Config
from methlint.discovery import discover
from methlint.document import Document
from methlint.linter import enabled_rules, lint_documents

corpus, repeats = Path(sys.argv[1]), int(sys.argv[2])
config = Config(root=corpus)
rules = enabled_rules(config)
texts = [(t.display, t.fs_path, t.fs_path.read_bytes().decode("utf-8", "replace")) for t in discover([corpus])]
best, findings = float("inf"), 0
for _ in range(repeats):
    documents = [Document(display, text, fs_path) for display, fs_path, text in texts]
    start = time.process_time()
    result = lint_documents(documents, config, rules)
    best, findings = min(best, time.process_time() - start), len(result.diagnostics)
    assert not result.internal_errors, result.internal_errors[:3]
print(json.dumps({"seconds": best, "documents": len(texts), "findings": findings}))
"""


def _environment(tree: Path) -> dict[str, str]:
    environment = {**os.environ, "PYTHONPATH": str(tree.resolve()), "PYTHONHASHSEED": "0"}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # a first run writes the caches; later ones never compile
    return environment


def run_check(tree: Path, corpus: Path, repeats: int, prefix: tuple[str, ...] = ()) -> tuple[dict[str, float], str]:
    """(what the check printed, valgrind's report on stderr)."""
    command = [*prefix, sys.executable, "-c", _CHECK, str(corpus), str(repeats)]
    out = subprocess.run(command, env=_environment(tree), capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{tree}: {out.stderr}")
    return json.loads(out.stdout), out.stderr


def instructions(tree: Path, corpus: Path) -> int:
    valgrind = ("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")
    _printed, report = run_check(tree, corpus, 1, valgrind)
    found = re.search(r"I\s+refs:\s+([\d,]+)", report)
    if found is None:
        sys.exit(f"{tree}: no instruction count in valgrind's report")
    return int(found.group(1).replace(",", ""))


def compare_instructions(trees: list[Path], corpus: Path) -> None:
    print("| tree | instructions per document | ratio to the first | findings |")
    print("|---|---|---|---|")
    first = None
    with tempfile.TemporaryDirectory() as empty:
        for tree in trees:
            printed, _report = run_check(tree, corpus, 1)  # writes the bytecode caches, counts the findings
            per_document = (instructions(tree, corpus) - instructions(tree, Path(empty))) / printed["documents"]
            first = first or per_document
            print(f"| {tree} | {per_document:,.0f} | {per_document / first:.4f} | {printed['findings']:.0f} |")


def compare_times(trees: list[Path], corpus: Path, rounds: int, repeats: int) -> None:
    times: dict[Path, list[float]] = {tree: [] for tree in trees}
    findings: dict[Path, float] = {}
    for _round in range(rounds):
        for tree in trees:
            printed, _report = run_check(tree, corpus, repeats)
            times[tree].append(printed["seconds"] / printed["documents"] * 1e6)
            findings[tree] = printed["findings"]
    print("| tree | µs per document, median [min–max] | ratio to the first, median [min–max] | findings |")
    print("|---|---|---|---|")
    for tree, values in times.items():
        ratios = [value / first for value, first in zip(values, times[trees[0]], strict=True)]
        print(
            f"| {tree} | {statistics.median(values):.1f} [{min(values):.1f}–{max(values):.1f}] "
            f"| {statistics.median(ratios):.4f} [{min(ratios):.4f}–{max(ratios):.4f}] | {findings[tree]:.0f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path, help="the first one is the baseline")
    parser.add_argument("--corpus", type=Path, required=True, help="e.g. benchmarks/gen_corpus.py --n 1000 output")
    parser.add_argument("--instructions", action="store_true", help="count instructions under valgrind")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.instructions:
        compare_instructions(args.trees, args.corpus)
    else:
        compare_times(args.trees, args.corpus, args.rounds, args.repeats)


if __name__ == "__main__":
    main()
