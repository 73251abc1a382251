"""What "did you mean" costs in an asset folder of many long names (issue 19: 40 s for one value).

    python benchmarks/bench_suggestions.py [--rounds 5] [--sizes 2000,20000]

A one-document site whose `img/` holds N files named like
`photographie-atelier-citoyen-quartier-nord-00042-version-finale-haute-resolution-retouchee.jpg`
(95 characters, all alike but for five digits: every cheap bound lets them all through). Its
`img-bg` names either one of them (the baseline: the folder is listed, nothing is suggested)
or one of them with two typos (the folder is listed, and the closest name is looked for). Both
are checked by the real pipeline in this process, interleaved, the suggestion caches cleared
each round; the medians and their ratio are printed. Target: the ratio stays under 5 at 2,000
names and the suggestion under a second at 20,000 (it was 30 s at 2,000).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from methlint.config import Config
from methlint.discovery import discover
from methlint.linter import lint_paths
from methlint.rules import assets


def name(index: int) -> str:
    return f"photographie-atelier-citoyen-quartier-nord-{index:05d}-version-finale-haute-resolution-retouchee.jpg"


def site(root: Path, size: int, value: str) -> Path:
    (root / "img").mkdir(parents=True)
    (root / "_outil").mkdir()
    (root / "_config.yml").write_text("collections:\n  outil:\n    output: true\n")
    for index in range(size):
        (root / "img" / name(index)).touch()
    (root / "_outil" / "doc.md").write_text(f"---\ntitle: Doc\nordre: 1\nimg-bg: {value}\n---\nCorps.\n")
    return root


def timed(root: Path) -> tuple[float, str]:
    assets.suggestions.cache_clear()
    assets._normalised.cache_clear()
    config = Config(root=root, select=("AST001",))
    start = time.perf_counter()
    found = lint_paths(discover([root]), config, jobs=1).diagnostics
    return time.perf_counter() - start, found[0].message if found else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="2000,20000")
    args = parser.parse_args()
    wanted = name(1234)
    typo = wanted.replace("atelier", "ateleir").replace("finale", "finalle")
    with tempfile.TemporaryDirectory() as scratch:
        for size in map(int, args.sizes.split(",")):
            present = site(Path(scratch, f"present-{size}"), size, wanted)
            missing = site(Path(scratch, f"missing-{size}"), size, typo)
            times: dict[str, list[float]] = {"present": [], "missing": []}
            for round_ in range(args.rounds):
                order = [("present", present), ("missing", missing)][:: 1 if round_ % 2 else -1]
                for label, root in order:
                    seconds, message = timed(root)
                    times[label].append(seconds)
                    if label == "missing" and f"did you mean '{wanted}'" not in message:
                        raise SystemExit(f"wrong suggestion: {message}")
            base, cost = statistics.median(times["present"]), statistics.median(times["missing"])
            print(
                f"{size:>6} names: listed {base:.3f} s, listed + did you mean {cost:.3f} s, "
                f"ratio {cost / base:.2f} (suggestion alone {cost - base:.3f} s)"
            )


if __name__ == "__main__":
    main()
