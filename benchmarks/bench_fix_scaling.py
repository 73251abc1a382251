"""``methlint fix`` scales linearly (issue 17): per-document time from 1k to 10k documents, and
one file with many fixes.

    python benchmarks/bench_fix_scaling.py [--rounds 3] [--sizes 1000,10000] [--tree DIR] [--only corpus|file]

1. Corpora from ``gen_corpus.py`` (seed 1) in which a tenth of the method titles, and the usage
   documents naming them, get a straight apostrophe (``L'Atelier …``): each such title is a
   TYP010 fix that ``fix`` holds back, listing the usage documents it would break, and that
   ``fix --unsafe-fixes`` carries to them. Every round fixes a fresh copy of each size in turn
   (A B A B …, the machine's noise hits both); the figure is the per-document time of the largest
   corpus over that of the smallest, round by round (target: at most 1.3), in wall-clock time and
   in CPU time (the process and its workers: less sensitive to the other processes of the machine).
2. A 100 KB document with 40,000 fixes (lines ``l'a  d'a `` : two apostrophes, a double space,
   a trailing space) and a 10 KB one with 4,000: ``fix --diff`` on each (target: under 2 s for the
   large one, and ten times the fixes in about ten times the time).

``--tree`` runs another source tree of methlint (``git archive COMMIT | tar -x -C DIR``) to
compare with the code before a change; it needs the same command-line options. The corpora are
generated data: never commit them.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402

TITLE_SLIPS = 0.1  # the share of method titles written with a straight apostrophe
MANY_FIXES_LINE = "l'a  d'a \n"  # four fixes: TYP010 twice, TYP001, TYP002
HEAD = "---\ntitle: Essai\ntagline: Un essai\ncategorie: methode\n---\n"


def plant_title_slips(site: Path, share: float, seed: int = 1) -> int:
    """Give ``share`` of the method titles a straight apostrophe, in the usage documents naming
    them too; returns how many titles changed."""
    rng = random.Random(seed)
    renamed: dict[str, str] = {}
    for path in sorted((site / "_outil").glob("*.md")):
        text = path.read_bytes().decode("utf-8", "replace")
        if not text.startswith("---\ntitle: ") or rng.random() >= share:
            continue
        title = text[len("---\ntitle: ") : text.index("\n", len("---\ntitle: "))]
        renamed[title] = "L'" + title
        path.write_text(text.replace(f"title: {title}\n", f"title: {renamed[title]}\n", 1), encoding="utf-8")
    for path in sorted((site / "_usage").glob("*.md")):
        text = path.read_bytes().decode("utf-8", "replace")
        lines = [
            f"- {renamed[line[2:]]}" if line.startswith("- ") and line[2:] in renamed else line
            for line in text.split("\n")
        ]
        if "\n".join(lines) != text:
            path.write_text("\n".join(lines), encoding="utf-8")
    return len(renamed)


@dataclass
class Timing:
    wall: float
    cpu: float  # user + system time of the process and its workers


def run_timed(tree: Path, arguments: list[str], cwd: Path) -> Timing:
    env = {**os.environ, "PYTHONPATH": str(tree), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "methlint", *arguments], cwd=cwd, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"methlint {' '.join(arguments)} exited {done.returncode}: {done.stderr[-2000:]!r}")
    return Timing(wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def fmt(values: list[float], unit: str = "") -> str:
    return f"{statistics.median(values):.3f}{unit} [{min(values):.3f}–{max(values):.3f}]"


def corpus_scaling(tree: Path, work: Path, sizes: list[int], rounds: int, unsafe: bool) -> None:
    sources = {}
    for size in sizes:
        sources[size] = work / f"corpus-{size}"
        if not sources[size].is_dir():
            generate(size, sources[size], 1)
            planted = plant_title_slips(sources[size], TITLE_SLIPS)
            print(f"corpus of {size}: {planted} titles with a straight apostrophe", flush=True)
    arguments = ["fix", *(["--unsafe-fixes"] if unsafe else []), "site"]
    timings: dict[int, list[Timing]] = {size: [] for size in sizes}
    for _round in range(rounds):
        for size in sizes:
            shutil.rmtree(work / "site", ignore_errors=True)
            shutil.copytree(sources[size], work / "site")
            os.sync()  # the copy's own write-back must not slow the fixer's writes (each one is fsync'ed)
            timings[size].append(run_timed(tree, arguments, work))
    smallest, largest = min(sizes), max(sizes)
    mode = "fix --unsafe-fixes" if unsafe else "fix"
    for measure in ("wall", "cpu"):
        values = {size: [getattr(timing, measure) for timing in timings[size]] for size in sizes}
        ratios = [
            (big / largest) / (small / smallest) for big, small in zip(values[largest], values[smallest], strict=True)
        ]
        verdict = "met" if statistics.median(ratios) <= 1.3 else "MISSED (target 1.3)"
        cells = " | ".join(fmt(values[size], " s") for size in sizes)
        print(f"| {mode}, {measure} | {cells} | **{fmt(ratios)}** | {verdict} |", flush=True)


def many_fixes(tree: Path, work: Path, rounds: int) -> None:
    (work / "_outil").mkdir(parents=True, exist_ok=True)
    walls: dict[int, list[float]] = {}
    for lines in (1_000, 10_000):
        path = work / "_outil" / f"fixes-{lines * 4}.md"
        path.write_text(HEAD + MANY_FIXES_LINE * lines, encoding="utf-8")
        timings = [run_timed(tree, ["fix", "--diff", str(path.relative_to(work))], work) for _ in range(rounds)]
        walls[lines] = [timing.wall for timing in timings]
        size = path.stat().st_size / 1000
        verdict = "" if lines < 10_000 else ("met" if statistics.median(walls[lines]) < 2 else "MISSED (target 2 s)")
        cpu = fmt([timing.cpu for timing in timings], " s")
        print(f"| {size:.0f} KB, {lines * 4:,} fixes: fix --diff | {fmt(walls[lines], ' s')} | {cpu} | {verdict} |")
    ratio = statistics.median(walls[10_000]) / statistics.median(walls[1_000])
    print(f"| 40,000 fixes over 4,000 (wall medians) | {ratio:.2f} | | |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--tree", type=Path, default=HERE.parent, help="the methlint source tree to run")
    parser.add_argument("--only", choices=("corpus", "file"))
    parser.add_argument("--work", type=Path, help="where the corpora are kept (default: a temporary folder)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="methlint-fix-scaling-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"tree {args.tree.resolve()}, work {work}, {os.cpu_count()} cores\n")
    if args.only != "file":
        columns = " | ".join(f"{size:,} documents" for size in sizes)
        print(f"| mode | {columns} | per document, largest/smallest | target |")
        print(f"|---|{'---|' * len(sizes)}---|---|")
        for unsafe in (False, True):
            corpus_scaling(args.tree.resolve(), work, sizes, args.rounds, unsafe)
        print()
    if args.only != "corpus":
        print("| one file | wall, median [min–max] | CPU | target |")
        print("|---|---|---|---|")
        many_fixes(args.tree.resolve(), work / "many", args.rounds)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
