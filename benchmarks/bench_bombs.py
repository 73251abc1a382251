"""How much time and memory each hostile front matter costs methlint (issue 8).

Each bomb is written to a file and checked by the real pipeline (read, split, parse,
every default rule) in a fresh subprocess, after a warm-up that imports everything:

- ``seconds``: wall time of the check alone;
- ``traced_mb``: peak of Python allocations during the check (tracemalloc, second run);
- ``rss_mb``: growth of the process's peak resident memory (ru_maxrss) during the check.

Target: every bomb under 1 s and 100 MB. Run: ``python benchmarks/bench_bombs.py``
(``--json`` for machine-readable output). tests/test_bombs.py asserts the same bombs loosely.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

SECONDS_TARGET = 1.0
MEGABYTES_TARGET = 100.0
_ONE_MB = 1_000_000  # the default max_file_bytes: the biggest file methlint parses


def _front_matter(yaml_text: str) -> str:
    return "---\n" + yaml_text + "\n---\nLe texte.\n"


def _billion_laughs() -> str:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return _front_matter("\n".join(lines))


def _lines(count: int, line: Callable[[int], str]) -> str:
    return "\n".join(line(i) for i in range(count))


def _fill(unit: str) -> int:
    """How many ``unit`` fit in a file just under the 1 MB methlint accepts by default."""
    return (_ONE_MB - 100) // len(unit.encode("utf-8"))


BOMBS: dict[str, Callable[[], str]] = {
    "billion-laughs": _billion_laughs,
    "alias-fan-out": lambda: _front_matter(
        "a: &a [" + ", ".join(["x"] * 9000) + "]\n" + _lines(99, lambda i: f"b{i}: *a")
    ),
    "self-containing-alias": lambda: _front_matter("a: &a [*a, *a]"),
    "deep-flow-10k": lambda: _front_matter("a: " + "[" * 10_000 + "]" * 10_000),
    "deep-flow-1mb": lambda: _front_matter("a: " + "[" * _fill("[")),
    "deep-block-mapping-1k": lambda: _front_matter(_lines(1000, lambda i: " " * i + f"k{i}:")),
    "deep-block-sequence-10k": lambda: _front_matter("a:\n" + "- " * 10_000 + "x"),
    "many-keys-1mb": lambda: _front_matter(_lines(_fill("cle99999: valeur\n"), lambda i: f"cle{i}: valeur")),
    "many-unknown-keys-under-limit": lambda: _front_matter(_lines(4990, lambda i: f"cle{i}: v")),
    "long-list-under-limit": lambda: _front_matter("priorites:\n" + _lines(9990, lambda i: f"- item {i}")),
    "huge-flow-mapping-1mb": lambda: _front_matter(
        "a: {" + ", ".join(f"k{i}: {i}" for i in range(_fill("k99999: 99999, "))) + "}"
    ),
    "line-1mb-value": lambda: _front_matter("title: " + "x" * _fill("x")),
    "line-1mb-key": lambda: _front_matter("k" * _fill("k") + ": 1"),
    "line-1mb-syntax-error": lambda: _front_matter("title: " + "a: " * _fill("a: ")),
    "integer-1mb-digits": lambda: _front_matter("ordre: " + "9" * _fill("9")),
    "newlines-1mb": lambda: _front_matter("title: x" + "\n" * _fill("\n")),
    "unclosed-quote-1mb": lambda: _front_matter("title: '" + "x\n" * _fill("x\n")),
    "syntax-error-after-4000-keys": lambda: _front_matter(_lines(4000, lambda i: f"k{i}: v") + "\n- oops"),
    "file-5mb": lambda: "---\ntitle: x\n---\n" + "Le texte du dispositif. " * 210_000,
}


def measure(name: str) -> dict[str, float | str]:
    """Check one bomb in this process; call it in a fresh interpreter (see ``main``)."""
    from methlint.config import CollectionRule, Config
    from methlint.discovery import discover
    from methlint.linter import lint_paths

    with tempfile.TemporaryDirectory() as folder:
        warm_up = Path(folder) / "warm.md"
        warm_up.write_text(_front_matter("title: x"), encoding="utf-8")
        # in _outil/ so that the method schema applies and its rules pay their share
        bomb = Path(folder) / "_outil" / f"{name}.md"
        bomb.parent.mkdir()
        bomb.write_text(BOMBS[name](), encoding="utf-8")
        # the bombs say no categorie: _outil follows the method contract alone here
        config = Config(root=Path(folder), collections=(CollectionRule("_outil", "method"),))

        def check(path: Path) -> list[str]:
            result = lint_paths(discover([path]), config)
            assert not result.internal_errors, result.internal_errors
            return sorted({d.code for d in result.diagnostics})

        check(warm_up)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        codes = check(bomb)
        seconds = time.perf_counter() - start
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        check(bomb)
        traced_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return {
            "bomb": name,
            "bytes": bomb.stat().st_size,
            "seconds": round(seconds, 4),
            "traced_mb": round(traced_peak / 1e6, 2),
            "rss_mb": round((rss_after - rss_before) / 1024, 2),  # ru_maxrss is in KiB on Linux
            "codes": " ".join(codes),
        }


def measure_in_subprocess(name: str) -> dict[str, float | str]:
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--one", name],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=300,
        check=False,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )
    if run.returncode != 0:
        last_line = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "failed"
        return {"bomb": name, "error": last_line}
    return json.loads(run.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--one", help="measure one bomb in this process (used internally)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("bombs", nargs="*", help="bomb names (default: all)")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    rows = [measure_in_subprocess(name) for name in args.bombs or BOMBS]
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(f"{'bomb':32} {'bytes':>9} {'seconds':>8} {'traced MB':>10} {'rss MB':>7}  codes")
        for row in rows:
            if "error" in row:
                print(f"{row['bomb']:32} ERROR {row['error']}")
                continue
            print(
                f"{row['bomb']:32} {row['bytes']:>9} {row['seconds']:>8.3f}"
                f" {row['traced_mb']:>10.2f} {row['rss_mb']:>7.2f}  {row['codes']}"
            )
    over = [
        r["bomb"]
        for r in rows
        if "error" in r or r["seconds"] >= SECONDS_TARGET or max(r["traced_mb"], r["rss_mb"]) >= MEGABYTES_TARGET
    ]
    if over:
        targets = f"{SECONDS_TARGET} s, {MEGABYTES_TARGET} MB"
        print(f"over target ({targets}): {', '.join(over)}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
