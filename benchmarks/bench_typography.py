"""How much the typography (TYP) rules add to a check, measured in one run.

    python benchmarks/bench_typography.py [--corpus DIR] [--docs 1000] [--rounds 7] [--per-rule] [--french-spacing]

A corpus from ``benchmarks/gen_corpus.py`` works as is (``--corpus /tmp/c1k``).

Without ``--corpus`` it writes copies of the seeds, paragraphs shuffled, to a temporary
folder (``_outil/``, so the method schema applies): a quarter of the bodies get a code
span and a link, an eighth a table, which sends them through markdown-it (the seeds and
examples have no tables). With ``--french-spacing`` every space before ``; : ! ?`` becomes a
no-break space, as in the documents of editors who follow the opt-in TYP008 policy. Rounds
alternate the two configurations so that machine noise hits both alike; the medians are
compared. ``--per-rule`` then times the prose extraction and each TYP rule alone (CPU time,
best of the rounds) on documents read beforehand.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from methlint.config import Config  # noqa: E402
from methlint.discovery import discover  # noqa: E402
from methlint.document import Document  # noqa: E402
from methlint.linter import enabled_rules, lint_paths  # noqa: E402
from methlint.rules import Context  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
INLINE_EXTRAS = "\nVoir `la commande  x` et [le guide](https://example.org/guide) .\n"
TABLE_EXTRAS = "\n| Étape | Durée |\n|---|---|\n| Recrutement | 3 semaines |\n"


def write_corpus(folder: Path, count: int, french_spacing: bool = False) -> None:
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
        if french_spacing:
            body = re.sub(r" (?=[;:!?])", "\u00a0", body)
        (target / f"doc-{index:05d}.md").write_text(head + "\n---\n" + body, encoding="utf-8")


def time_check(paths: list[Path], config: Config, rules) -> tuple[float, float]:
    """(wall, CPU) seconds: on a shared machine the CPU time is the steadier of the two."""
    start, start_cpu = time.perf_counter(), time.process_time()
    result = lint_paths(discover(paths), config, rules, jobs=1)  # one process: process_time sees it all
    elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    assert not result.internal_errors, result.internal_errors[:3]
    return elapsed, elapsed_cpu


def per_rule(paths: list[Path], config: Config, rules, rounds: int) -> dict[str, float]:
    """Seconds of CPU per document: the shared extraction (``Context.prose``), then each rule
    given it (what the prose computes once for several rules, its rare characters, is paid by
    the first rule that asks)."""
    texts = [(str(t.fs_path), t.fs_path.read_bytes().decode("utf-8", "replace")) for t in discover(paths)]
    best: dict[str, float] = {}
    for _round in range(rounds):
        documents = [Document(path, text) for path, text in texts]
        for doc in documents:  # paid by the rules without TYP: not typography's cost
            _ = doc.front_matter, doc.line_starts
        ctx = Context(config)
        start = time.process_time()
        for doc in documents:
            ctx.prose(doc)
        timings = {"prose extraction": time.process_time() - start}
        for rule in rules:
            start = time.process_time()
            for doc in documents:
                for _finding in rule.check(doc, ctx):
                    pass
            timings[rule.code] = time.process_time() - start
        for name, seconds in timings.items():
            best[name] = min(best.get(name, seconds), seconds)
    return {name: seconds / len(texts) for name, seconds in best.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of documents (default: generated)")
    parser.add_argument("--docs", type=int, default=1000, help="documents to generate")
    parser.add_argument("--french-spacing", action="store_true", help="generated: no-break spaces before ; : ! ?")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--per-rule", action="store_true", help="also time the extraction and each TYP rule")
    args = parser.parse_args()
    config = Config()
    with_typography = enabled_rules(config)
    without = [r for r in with_typography if not r.code.startswith("TYP")]
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch)
            write_corpus(corpus, args.docs, args.french_spacing)
        files = sum(1 for _ in discover([corpus]))
        time_check([corpus], config, with_typography)  # warm-up: imports, schema compilation, OS cache
        base, full = [], []
        for _round in range(args.rounds):
            base.append(time_check([corpus], config, without))
            full.append(time_check([corpus], config, with_typography))
        typography = [r for r in with_typography if r.code.startswith("TYP")]
        breakdown = per_rule([corpus], config, typography, args.rounds) if args.per_rule else {}
    print(f"{files} documents, {args.rounds} interleaved rounds (medians)")
    for clock, index in (("wall", 0), ("CPU", 1)):
        base_median = statistics.median(times[index] for times in base)
        full_median = statistics.median(times[index] for times in full)
        ratio = full_median / base_median
        print(
            f"{clock:>4}: without TYP {base_median / files * 1e6:.0f} µs/doc, with TYP {full_median / files * 1e6:.0f}"
            f" µs/doc; typography adds {100 * (ratio - 1):.1f}% (ratio {ratio:.3f}),"
            f" {(full_median - base_median) / files * 1e6:.0f} µs/doc"
        )
    for name, seconds in sorted(breakdown.items(), key=lambda item: -item[1]):
        print(f"  {name:<17} {seconds * 1e6:6.1f} µs/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
