"""PENDING until `methlint fix` exists: kill -9 a fixer mid-run, check no file is damaged.

    python fuzz/kill9_fix.py --fix-cmd "python -m methlint fix" --runs 50 --files 200

1. Build a tree of ``--files`` documents with fixable defects (BOM, ``ordre:2``, a tab
   before a comment, an unquoted ': ' in a value), from fuzz/seeds.
2. Run the fixer to completion once on a copy: that gives each file's *fixed* bytes and
   the run's duration.
3. ``--runs`` times: copy the original tree, start the fixer on it, ``kill -9`` its whole
   process group at a random moment within that duration, then compare every file to its
   original and fixed bytes. Any other content is damage.

Exit 1 if any file is damaged (or missing). The two demo fixers let the script prove it
detects damage today: ``--fix-cmd "python fuzz/kill9_fix.py --demo-fixer atomic"`` must
report none, ``--demo-fixer in-place`` (truncate, then write) must report some.
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFECTS = (
    lambda text: "\ufeff" + text,
    lambda text: text.replace("ordre: 3", "ordre:3", 1),
    lambda text: text.replace("title: ", "title: Article 71 : ", 1),
    lambda text: text.replace("owner: Exemple", "owner: Exemple\t# tab", 1),
)


def build_tree(folder: Path, count: int, rng: random.Random) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((HERE / "seeds").glob("*.md"))]
    for index in range(count):
        text = rng.choice(seeds)
        for defect in rng.sample(DEFECTS, rng.randint(1, len(DEFECTS))):
            text = defect(text)
        path = folder / "_outil" / f"doc-{index:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def snapshot(folder: Path) -> dict[str, bytes]:
    files = (p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def run_fixer(command: list[str], folder: Path, kill_after: float | None) -> bool:
    """Run the fixer on ``folder``; True if it was killed while still running."""
    process = subprocess.Popen(
        [*command, str(folder)],
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if kill_after is None:
        process.wait()
        return False
    time.sleep(kill_after)
    alive = process.poll() is None
    if alive:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return alive


def main() -> int:
    parser = argparse.ArgumentParser(description="kill -9 a fixer at random moments.")
    parser.add_argument("--fix-cmd", default=f"{sys.executable} -m methlint fix")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--demo-fixer",
        choices=["atomic", "in-place"],
        help="act as a toy fixer over the folder given last (for self-checks)",
    )
    args, rest = parser.parse_known_args()
    if args.demo_fixer:
        return demo_fixer(Path(rest[-1]), atomic=args.demo_fixer == "atomic")
    command = shlex.split(args.fix_cmd)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        original_tree = Path(scratch) / "original"
        build_tree(original_tree, args.files, rng)
        original = snapshot(original_tree)
        reference_tree = Path(scratch) / "reference"
        shutil.copytree(original_tree, reference_tree)
        start = time.monotonic()
        run_fixer(command, reference_tree, None)
        duration = time.monotonic() - start
        fixed = snapshot(reference_tree)
        changed = sum(fixed.get(name) != data for name, data in original.items())
        print(f"fixer: {' '.join(command)}; full run {duration:.2f} s, {changed}/{len(original)} files changed")
        if not changed:
            print("the fixer changed nothing: is the command right?", file=sys.stderr)
            return 2
        totals: Counter[str] = Counter()
        killed_mid_run = 0
        for run in range(args.runs):
            tree = Path(scratch) / f"run-{run}"
            shutil.copytree(original_tree, tree)
            killed_mid_run += run_fixer(command, tree, rng.uniform(0, duration))
            after = snapshot(tree)
            for name, data in original.items():
                now = after.get(name)
                if now is None:
                    totals["missing"] += 1
                elif now == data:
                    totals["original"] += 1
                elif now == fixed.get(name):
                    totals["fixed"] += 1
                else:
                    totals["damaged"] += 1
                    print(f"run {run}: {name} is neither original nor fixed", file=sys.stderr)
            totals["stray files"] += len(set(after) - set(original))
            shutil.rmtree(tree)
    kinds = ("original", "fixed", "damaged", "missing", "stray files")
    print(f"{args.runs} runs, {killed_mid_run} killed mid-run: " + ", ".join(f"{totals[k]} {k}" for k in kinds))
    return 1 if totals["damaged"] or totals["missing"] else 0


def demo_fixer(folder: Path, atomic: bool) -> int:
    """A toy fixer (``ordre:3`` -> ``ordre: 3``), writing atomically or in place, slowly."""
    for path in sorted(folder.rglob("*.md")):
        data = path.read_bytes()
        new = data.replace(b"ordre:3", b"ordre: 3")
        if new == data:
            continue
        if atomic:
            temporary = path.with_name(f".{path.name}.methlint-tmp")
            temporary.write_bytes(new)
            os.replace(temporary, path)
        else:
            with open(path, "wb") as handle:
                handle.write(new[: len(new) // 2])
                handle.flush()
                time.sleep(0.002)  # widen the window a kill can land in
                handle.write(new[len(new) // 2 :])
    return 0


if __name__ == "__main__":
    sys.exit(main())
