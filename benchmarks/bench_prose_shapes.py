"""How the check's time grows with the size of hostile prose (issue 19): every scan must be linear.

    python benchmarks/bench_prose_shapes.py [--sizes 10000,100000,1000000] [--shape NAME ...]

Each shape is a body of one paragraph built by repeating a piece of text that once made a prose
scan super-linear (a search started at every occurrence of a sign and ran to the end of the
text). It is checked with every rule (the default ones and all typography rules) through
``lint_text``, the best of three runs at each size. The last column is the time at the largest
size over the time at the previous one: about 10 when sizes grow tenfold and the scans are
linear, about 100 when one is quadratic.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from methlint.config import Config  # noqa: E402
from methlint.linter import lint_text  # noqa: E402


def _repeat(piece: str, head: str = "") -> Callable[[int], str]:
    return lambda size: head + piece * max(1, (size - len(head)) // len(piece))


def _growing_backtick_runs(size: int) -> str:
    parts, length, total = [], 1, 0
    while total < size:
        part = "`" * length + " mot "
        parts.append(part)
        total += len(part)
        length += 1
    return "".join(parts)


SHAPES: dict[str, Callable[[int], str]] = {
    "colons-after-a-letter": _repeat(":", "a"),
    "unclosed-mustaches": _repeat("{{ a "),
    "growing-backtick-runs": _growing_backtick_runs,
    "repeated-link-middles": _repeat("]("),
    "unclosed-html-comments": _repeat("<!-- a "),
    "unclosed-liquid-tags": _repeat("{% a "),
    "unclosed-kramdown-comments": _repeat("{::comment} a "),
    "closing-parentheses": _repeat(") "),
    "opening-brackets": _repeat("[a "),
    "unclosed-angle-brackets": _repeat("<a "),
    "unclosed-link-titles": _repeat('](x "a '),
    "colons-in-words": _repeat("mot:mot "),
    "dots-in-words": _repeat("a.pdf."),
    "slashes": _repeat("a/"),
    "quotes": _repeat('« " “ '),
    "english-quotes": _repeat('"mot" '),
    "glued-asides": _repeat(" -a b- "),
    "numbers": _repeat("1 000 20% 18h 123456 "),
    "words-run-together": _repeat("phase1 Jean-PaulDelevoye motMot "),
}

CONFIG = Config(extend_select=("TYP",))


def document(body: str) -> str:
    return "---\ntitle: Essai\n---\n\n" + body + "\n"


def seconds(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        lint_text(text, config=CONFIG)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="body sizes in characters, comma-separated")
    parser.add_argument("--shape", nargs="+", choices=sorted(SHAPES), default=sorted(SHAPES))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    lint_text(document("Un mot."), config=CONFIG)  # imports and caches
    print("shape".ljust(28) + "".join(f"{size:>12,}" for size in sizes) + "   ratio")
    for name in args.shape:
        times = [seconds(document(SHAPES[name](size)), args.runs) for size in sizes]
        ratio = times[-1] / times[-2] if len(times) > 1 and times[-2] else float("nan")
        print(name.ljust(28) + "".join(f"{t:>11.3f}s" for t in times) + f"   {ratio:5.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
