"""What the cross-file rules cost: a full check with and without them, in the same run.

    python benchmarks/gen_corpus.py --n 2000 --out /tmp/corpus --seed 1
    python benchmarks/bench_collection.py /tmp/corpus --rounds 7

Runs are interleaved, in an order rotated each round, so that a busy machine slows both alike;
the medians and their ratio are printed. "Cross-file" means the rules whose scope is
COLLECTION (they read the siblings through the index); the line "issue-3 rules" adds the
per-document rules of the same issue (dates, assets, links) for information.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from methlint.config import Config
from methlint.discovery import discover
from methlint.linter import enabled_rules, lint_paths
from methlint.rules import Scope

ISSUE_3 = ("ORD", "REF", "DAT", "AST", "URL", "MAIL")


def timed(corpus: Path, rules: list) -> tuple[float, int]:
    start = time.perf_counter()
    result = lint_paths(discover([corpus]), Config(), rules)
    return time.perf_counter() - start, len(result.diagnostics)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    every = enabled_rules(Config())
    variants = {
        "all rules": every,
        "without cross-file rules": [r for r in every if r.scope is not Scope.COLLECTION],
        "without issue-3 rules": [r for r in every if not r.code.startswith(ISSUE_3)],
    }
    timings: dict[str, list[float]] = {name: [] for name in variants}
    timed(args.corpus, every)  # warm the file cache and the imports
    names = list(variants)
    for round_ in range(args.rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:  # rotate the order
            gc.collect()
            seconds, _count = timed(args.corpus, variants[name])
            timings[name].append(seconds)
    files = sum(1 for _ in discover([args.corpus]))
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, median in medians.items():
        print(f"{name:28s} median {median:7.3f} s over {args.rounds} rounds ({files} files)")
    base = medians["without cross-file rules"]
    print(f"cross-file rules add {100 * (medians['all rules'] / base - 1):+.1f}%")
    base3 = medians["without issue-3 rules"]
    print(f"issue-3 rules add    {100 * (medians['all rules'] / base3 - 1):+.1f}%")


if __name__ == "__main__":
    main()
