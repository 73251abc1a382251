"""The long fuzz run: mutate the seeds and fixtures for N seconds; save every crash.

    python fuzz/run_fuzz.py --seconds 600 [--seed 1] [--corpus DIR_OR_FILE ...] [--fix]

Each execution applies 1-8 random mutations (fuzz/mutations.py) to a seed (or, one time in
five, builds front matter from YAML punctuation alone) and checks the
result as a method, a usage and an unclassified document (fuzz/harness.py). A crash is any
exception, a rule's internal error or an impossible span; its input is written to
fuzz/crashes/ (not committed) and the run goes on. Exit 1 if anything crashed.

With ``--fix``, each input is fixed instead (safe, then unsafe fixes, in memory), and one
in ``--write-every`` is also written as a file and fixed on disk. A crash is then an
exception, or a result ``fix`` would write that does not parse, changes data it did not
declare, or changes again when fixed twice. A rule's fix refused by the fixer's own
verification (nothing written, exit 2) is counted apart, as "caught", and saved too.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz.harness import CaughtByVerification, check_bytes, fix_bytes, fix_file  # noqa: E402
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
    parser.add_argument("--fix", action="store_true", help="fuzz fix instead of check")
    parser.add_argument("--write-every", type=int, default=20, help="with --fix: fix one input in N on disk")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else time.time_ns() % 2**32
    rng = random.Random(seed)
    seeds = corpus(args.corpus)
    executions, crashes, signatures = 0, 0, set()
    caught, caught_signatures, written = 0, set(), 0
    scratch = Path(tempfile.mkdtemp(prefix="methlint-fuzz-"))
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
            if not args.fix:
                check_bytes(data)
            else:
                fix_bytes(data)
                if executions % args.write_every == 0:
                    written += 1
                    folder = Path(tempfile.mkdtemp(dir=scratch))
                    fix_file(data, folder)
                    shutil.rmtree(folder)
        except CaughtByVerification as err:
            caught += 1
            signature = str(err)[:200]
            save(args.crashes, "caught-", data, traceback.format_exc())
            if signature not in caught_signatures:
                caught_signatures.add(signature)
                print(f"caught by verification: {signature}", file=sys.stderr)
        except Exception as err:  # noqa: BLE001 - every failure is a finding to save
            crashes += 1
            signature = f"{type(err).__name__}: {str(err)[:200]}"
            name = save(args.crashes, "", data, traceback.format_exc())
            if signature not in signatures:
                signatures.add(signature)
                print(f"crash {name}: {signature}", file=sys.stderr)
    elapsed = time.monotonic() - start
    shutil.rmtree(scratch)
    mode = f"fix ({written} on disk)" if args.fix else "check"
    print(
        f"seed {seed}, {mode}: {executions} executions in {elapsed:.0f} s ({executions / elapsed:.0f}/s),"
        f" {len(seeds)} seeds, {crashes} crashing inputs, {len(signatures)} distinct crashes"
        + (f", {caught} caught by verification ({len(caught_signatures)} distinct)" if args.fix else "")
    )
    return 1 if crashes else 0


def save(folder: Path, prefix: str, data: bytes, report: str) -> str:
    """Keep a failing input and its traceback; the name is the input's hash."""
    folder.mkdir(exist_ok=True)
    name = prefix + hashlib.sha1(data).hexdigest()[:16]
    (folder / f"{name}.md").write_bytes(data)
    (folder / f"{name}.txt").write_text(report, encoding="utf-8")
    return name


if __name__ == "__main__":
    sys.exit(main())
