"""How much the typography (TYP) rules add to a check, measured in one run.

    python benchmarks/bench_typography.py [--corpus DIR] [--docs 1000] [--rounds 7]

Without ``--corpus`` it writes copies of the seeds, paragraphs shuffled, to a temporary
folder (``_outil/``, so the method schema applies): a quarter of the bodies get a code
span and a link, an eighth a table, which sends them through markdown-it (the seeds and
examples have no tables). Rounds alternate the two configurations so that machine noise
hits both alike; the medians are compared.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from methlint.config import Config  # noqa: E402
from methlint.discovery import discover  # noqa: E402
from methlint.linter import enabled_rules, lint_paths  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
INLINE_EXTRAS = "\nVoir `la commande  x` et [le guide](https://example.org/guide) .\n"
TABLE_EXTRAS = "\n| Étape | Durée |\n|---|---|\n| Recrutement | 3 semaines |\n"


def write_corpus(folder: Path, count: int) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.md"))]
    randomiser = random.Random(4)
    target = folder / "_outil"
    target.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        text = seeds[index % len(seeds)].replace("ordre: ", f"ordre: {index % 50 + 1}", 1)
        head, _sep, body = text.partition("\n---\n")
        paragraphs = body.split("\n\n")
        randomiser.shuffle(paragraphs)  # same size as the real documents, different order
        body = "\n\n".join(paragraphs)
        if index % 4 == 0:
            body += INLINE_EXTRAS
        if index % 8 == 0:  # block constructs send the body through markdown-it
            body += TABLE_EXTRAS
        (target / f"doc-{index:05d}.md").write_text(head + "\n---\n" + body, encoding="utf-8")


def time_check(paths: list[Path], config: Config, rules) -> float:
    start = time.perf_counter()
    result = lint_paths(discover(paths), config, rules)
    elapsed = time.perf_counter() - start
    assert not result.internal_errors, result.internal_errors[:3]
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of documents (default: generated)")
    parser.add_argument("--docs", type=int, default=1000, help="documents to generate")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    config = Config()
    with_typography = enabled_rules(config)
    without = [r for r in with_typography if not r.code.startswith("TYP")]
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch)
            write_corpus(corpus, args.docs)
        files = sum(1 for _ in discover([corpus]))
        time_check([corpus], config, with_typography)  # warm-up: imports, schema compilation, OS cache
        base, full = [], []
        for _round in range(args.rounds):
            base.append(time_check([corpus], config, without))
            full.append(time_check([corpus], config, with_typography))
    base_median, full_median = statistics.median(base), statistics.median(full)
    ratio = full_median / base_median
    print(f"{files} documents, {args.rounds} interleaved rounds")
    print(f"check without TYP: median {base_median * 1000:.0f} ms ({base_median / files * 1e6:.0f} µs/doc)")
    print(f"check with TYP:    median {full_median * 1000:.0f} ms ({full_median / files * 1e6:.0f} µs/doc)")
    print(f"typography adds {100 * (ratio - 1):.1f}% (ratio {ratio:.3f}; target <= 30%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
