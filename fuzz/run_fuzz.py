"""The long fuzz run: mutate the seeds and fixtures for N seconds; save every crash.

    python fuzz/run_fuzz.py --seconds 600 [--seed 1] [--corpus DIR_OR_FILE ...]

Each execution applies 1-8 random mutations (fuzz/mutations.py) to a seed (or, one time in
five, builds front matter from YAML punctuation alone) and checks the
result as a method, a usage and an unclassified document (fuzz/harness.py). A crash is any
exception, a rule's internal error or an impossible span; its input is written to
fuzz/crashes/ (not committed) and the run goes on. Exit 1 if anything crashed.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz.harness import check_bytes  # noqa: E402
from fuzz.mutations import (  # noqa: E402
    apply,
    corpus,
    punctuation_document,
    random_mutations,
    random_tokens,
)


def main() -> int:
    parser = argparse.ArgumentParser(description="Fuzz methlint's check pipeline.")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from time)")
    parser.add_argument("--corpus", type=Path, nargs="*", default=[], help="extra seed files or folders")
    parser.add_argument("--crashes", type=Path, default=Path(__file__).parent / "crashes")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else time.time_ns() % 2**32
    rng = random.Random(seed)
    seeds = corpus(args.corpus)
    executions, crashes, signatures = 0, 0, set()
    start = time.monotonic()
    while time.monotonic() - start < args.seconds:
        if rng.random() < 0.2:
            data = punctuation_document(random_tokens(rng))
        else:
            data = rng.choice(seeds)
            for mutation in random_mutations(rng):
                data = apply(data, mutation)
        executions += 1
        try:
            check_bytes(data)
        except Exception as err:  # noqa: BLE001 - every failure is a finding to save
            crashes += 1
            signature = f"{type(err).__name__}: {str(err)[:200]}"
            args.crashes.mkdir(exist_ok=True)
            name = hashlib.sha1(data).hexdigest()[:16]
            (args.crashes / f"{name}.md").write_bytes(data)
            (args.crashes / f"{name}.txt").write_text(traceback.format_exc(), encoding="utf-8")
            if signature not in signatures:
                signatures.add(signature)
                print(f"crash {name}: {signature}", file=sys.stderr)
    elapsed = time.monotonic() - start
    print(
        f"seed {seed}: {executions} executions in {elapsed:.0f} s ({executions / elapsed:.0f}/s),"
        f" {len(seeds)} seeds, {crashes} crashing inputs, {len(signatures)} distinct crashes"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
