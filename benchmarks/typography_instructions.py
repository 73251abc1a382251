"""Typography's share of a check in machine instructions, which other processes do not change.

    python benchmarks/typography_instructions.py --corpus DIR

On a shared machine CPU times drift by a third from run to run; valgrind's instruction count
for the same work is stable to a few parts per thousand. This runs a full check in one process
(``lint_paths``, ``jobs=1``) under cachegrind three times: on no document (start-up), without
the TYP rules and with them, and prints instructions per document. It needs ``valgrind``.
Instructions are not time (a regex loop runs more of them per second than the interpreter),
so use it to compare two versions of the code, and ``bench_typography.py`` for the time.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def check(mode: str, corpus: Path) -> None:
    from methlint.config import Config
    from methlint.discovery import discover
    from methlint.linter import enabled_rules, lint_paths

    config = Config()
    rules = [r for r in enabled_rules(config) if mode == "with" or not r.code.startswith("TYP")]
    lint_paths(discover([corpus]), config, rules, jobs=1)


def _environment() -> dict[str, str]:
    environment = {**os.environ, "PYTHONHASHSEED": "0"}  # the same dict layouts in every run
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # else every run counts compiling the code
    return environment


def _command(mode: str, corpus: Path) -> list[str]:
    return [sys.executable, __file__, "--run", mode, "--corpus", str(corpus)]


def instructions(mode: str, corpus: Path) -> int:
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    command += _command(mode, corpus)
    report = subprocess.run(command, capture_output=True, text=True, env=_environment(), check=True).stderr
    return int(re.search(r"I\s+refs:\s+([\d,]+)", report).group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a folder of documents")
    parser.add_argument("--run", choices=("with", "without"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        check(args.run, args.corpus)
        return 0
    from methlint.discovery import discover

    documents = sum(1 for _ in discover([args.corpus]))
    # writes the bytecode caches before counting: in a child with the counted runs' environment,
    # since this process may have PYTHONDONTWRITEBYTECODE (the start-up run would then pay the
    # compilation and be subtracted from the others)
    subprocess.run(_command("with", args.corpus), env=_environment(), check=True)
    with tempfile.TemporaryDirectory() as empty:
        start_up = instructions("without", Path(empty))
    without = instructions("without", args.corpus) - start_up
    with_typography = instructions("with", args.corpus) - start_up
    added = with_typography - without
    print(
        f"{documents} documents: without TYP {without // documents:,} instructions/doc, with TYP"
        f" {with_typography // documents:,}; typography adds {100 * added / without:.1f}%"
        f" ({added // documents:,} instructions/doc)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
