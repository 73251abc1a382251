"""Typography's share of a check in machine instructions, which other processes do not change.

    python benchmarks/typography_instructions.py --corpus DIR [--perfect-gate] [--code SRC]

On a shared machine CPU times drift by a third from run to run; valgrind's instruction count
for the same work is stable to a few parts per thousand. This runs a full check in one process
(``lint_paths``, ``jobs=1``) under cachegrind three times: on no document (start-up), without
the TYP rules and with them, and prints instructions per document. It needs ``valgrind``.
Instructions are not time (a regex loop runs more of them per second than the interpreter),
so use it to compare two versions of the code, and ``bench_typography.py`` for the time.

``--perfect-gate`` adds a third run: the prose extracted for every document as now, then each
TYP rule run only on the documents where it finds something (known from a first, uncounted
check). No gate, however fast, skips more: what remains is the least typography can cost
without making extraction, the rules that do find something, or their findings cheaper.

``--code SRC`` counts the methlint of another source tree (a folder holding ``methlint/`` and
``schemas/``: ``git archive COMMIT``, or a copy with one change), the way docs/performance.md
measured what each fast path of the typography saves.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def check(mode: str, corpus: Path, found: Path | None = None) -> None:
    from methlint.config import Config
    from methlint.discovery import discover
    from methlint.linter import enabled_rules, lint_paths

    config = Config()
    rules = [r for r in enabled_rules(config) if mode != "without" or not r.code.startswith("TYP")]
    if mode == "gated":
        codes_found = {path: frozenset(codes) for path, codes in json.loads(found.read_text()).items()}
        rules = [_gated(rule, codes_found) if rule.code.startswith("TYP") else rule for rule in rules]
    lint_paths(discover([corpus]), config, rules, jobs=1)


def _gated(rule, codes_found: dict[str, frozenset[str]]):
    """``rule`` run only on the documents where it finds something, after the extraction."""

    def check(doc, ctx):
        ctx.prose(doc)
        return rule.check(doc, ctx) if rule.code in codes_found.get(doc.path, ()) else ()

    return dataclasses.replace(rule, check=check)


def _codes_found(corpus: Path) -> dict[str, list[str]]:
    from methlint.config import Config
    from methlint.discovery import discover
    from methlint.linter import lint_paths

    result = lint_paths(discover([corpus]), Config(), jobs=1)
    return {path: sorted({d.code for d in found}) for path, found in result.by_document.items()}


def _environment() -> dict[str, str]:
    environment = {**os.environ, "PYTHONHASHSEED": "0"}  # the same dict layouts in every run
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # else every run counts compiling the code
    return environment


def _command(mode: str, corpus: Path, found: Path | None = None, code: Path | None = None) -> list[str]:
    return [
        sys.executable,
        __file__,
        "--run",
        mode,
        "--corpus",
        str(corpus),
        *(["--found", str(found)] if found else []),
        *(["--code", str(code)] if code else []),
    ]


def instructions(mode: str, corpus: Path, found: Path | None = None, code: Path | None = None) -> int:
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    command += _command(mode, corpus, found, code)
    report = subprocess.run(command, capture_output=True, text=True, env=_environment(), check=True).stderr
    return int(re.search(r"I\s+refs:\s+([\d,]+)", report).group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a folder of documents")
    parser.add_argument("--perfect-gate", action="store_true", help="also count TYP rules run only where they find")
    parser.add_argument("--run", choices=("with", "without", "gated"), help=argparse.SUPPRESS)
    parser.add_argument("--found", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, help="count the methlint of this source tree instead")
    args = parser.parse_args()
    if args.code:  # before the first import of methlint
        sys.path.insert(0, str(args.code.resolve()))
    if args.run:
        check(args.run, args.corpus, args.found)
        return 0
    from methlint.discovery import discover

    documents = sum(1 for _ in discover([args.corpus]))
    # writes the bytecode caches before counting: in a child with the counted runs' environment,
    # since this process may have PYTHONDONTWRITEBYTECODE (the start-up run would then pay the
    # compilation and be subtracted from the others)
    code = args.code.resolve() if args.code else None
    subprocess.run(_command("with", args.corpus, code=code), env=_environment(), check=True)
    with tempfile.TemporaryDirectory() as empty:
        start_up = instructions("without", Path(empty), code=code)
    without = instructions("without", args.corpus, code=code) - start_up
    with_typography = instructions("with", args.corpus, code=code) - start_up
    added = with_typography - without
    print(
        f"{documents} documents: without TYP {without // documents:,} instructions/doc, with TYP"
        f" {with_typography // documents:,}; typography adds {100 * added / without:.1f}%"
        f" ({added // documents:,} instructions/doc)"
    )
    if args.perfect_gate:
        with tempfile.TemporaryDirectory() as scratch:
            found = Path(scratch) / "found.json"
            found.write_text(json.dumps(_codes_found(args.corpus)))
            gated = instructions("gated", args.corpus, found, code) - start_up
        added = gated - without
        print(
            f"each TYP rule only where it finds something (a perfect gate): {gated // documents:,}"
            f" instructions/doc; typography adds {100 * added / without:.1f}% ({added // documents:,} instructions/doc)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
