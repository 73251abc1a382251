"""kill -9 ``methlint fix`` at random moments; check no file is damaged and no stray file looks like a document.

    python fuzz/kill9_fix.py --runs 50 --files 2000

1. Build a tree of ``--files`` documents with fixable defects: by default the benchmark
   corpus (benchmarks/gen_corpus.py: typography slips, a few broken files), or with
   ``--tree seeds`` copies of fuzz/seeds with planted YAML defects (BOM, ``ordre:3``, a
   tab before a comment, an unquoted ': ' in a value).
2. Run the fixer to completion once on a copy: that gives each file's *fixed* bytes, the
   run's duration and, from the mtimes of the files it rewrote, the window in which it
   writes (``fix`` fixes everything in memory first, then writes).
3. ``--runs`` times: copy the original tree, start the fixer on it and ``kill -9`` its
   whole process group, half the time at a random moment of the run, half the time at a
   random moment of the write window (timed from its first write); then compare every
   file to its original and fixed bytes. Any other content is damage. Files the fixer
   left behind (its temporary files) must be hidden and never discovered as documents.

Exit 1 if any file is damaged or missing, or a stray file is discovered as a document.
The two demo fixers prove the script detects damage: ``--tree seeds --fix-cmd "python
fuzz/kill9_fix.py --demo-fixer atomic"`` must report none, ``--demo-fixer in-place``
(truncate, then write) must report some.
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
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # benchmarks/ and methlint/ of this checkout
DEFECTS = (
    lambda text: "\ufeff" + text,
    lambda text: text.replace("ordre: 3", "ordre:3", 1),
    lambda text: text.replace("title: ", "title: Article 71 : ", 1),
    lambda text: text.replace("owner: Exemple", "owner: Exemple\t# tab", 1),
)


def build_seed_tree(folder: Path, count: int, rng: random.Random) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((HERE / "seeds").glob("*.md"))]
    for index in range(count):
        text = rng.choice(seeds)
        for defect in rng.sample(DEFECTS, rng.randint(1, len(DEFECTS))):
            text = defect(text)
        path = folder / "_outil" / f"doc-{index:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def build_tree(kind: str, folder: Path, count: int, seed: int) -> None:
    if kind == "seeds":
        build_seed_tree(folder, count, random.Random(seed))
    else:
        from benchmarks.gen_corpus import generate

        generate(count, folder, seed)


def snapshot(folder: Path) -> dict[str, bytes]:
    files = (p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def write_window(folder: Path, names: Iterable[str], started_ns: int) -> tuple[float, float]:
    """Seconds after the start when the first and the last of these files were rewritten."""
    times = [((folder / name).stat().st_mtime_ns - started_ns) / 1e9 for name in names]
    return max(0.0, min(times)), max(0.0, max(times))


def _times(paths: Iterable[Path]) -> list[int]:
    return [os.stat(path).st_mtime_ns for path in paths]


def run_fixer(command: list[str], folder: Path, kill_after: float | None, once_written: Iterable[Path] = ()) -> bool:
    """Run the fixer on ``folder``; True if it was killed while still running.

    ``kill_after`` counts from the start, or from the fixer's first write when
    ``once_written`` names paths to watch: the folders (an atomic write creates a temporary
    file there, which changes the folder's mtime) and the first file to fix (a write in
    place changes only its mtime). Watching keeps the aim on the write phase however
    loaded the machine is.
    """
    watched = list(once_written)
    before = _times(watched)
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
    while watched and process.poll() is None and _times(watched) == before:
        time.sleep(0.001)
    time.sleep(kill_after)
    alive = process.poll() is None
    if alive:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return alive


def discovered_strays(tree: Path, strays: Iterable[str]) -> list[str]:
    """The stray files ``methlint`` would take for documents."""
    from methlint.discovery import discover

    found = {os.path.abspath(target.fs_path) for target in discover([tree])}
    return [name for name in strays if os.path.abspath(tree / name) in found]


def main() -> int:
    parser = argparse.ArgumentParser(description="kill -9 a fixer at random moments.")
    parser.add_argument("--fix-cmd", default=f"{sys.executable} -m methlint fix")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--tree", choices=["corpus", "seeds"], default="corpus")
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
        build_tree(args.tree, original_tree, args.files, args.seed)
        original = snapshot(original_tree)
        reference_tree = Path(scratch) / "reference"
        shutil.copytree(original_tree, reference_tree)
        started_ns = time.time_ns()
        start = time.monotonic()
        run_fixer(command, reference_tree, None)
        duration = time.monotonic() - start
        fixed = snapshot(reference_tree)
        changed = [name for name, data in original.items() if fixed.get(name) != data]
        if not changed:
            print("the fixer changed nothing: is the command right?", file=sys.stderr)
            return 2
        first_write, last_write = write_window(reference_tree, changed, started_ns)
        print(
            f"fixer: {' '.join(command)}; full run {duration:.2f} s, writes from {first_write:.2f} s"
            f" to {last_write:.2f} s, {len(changed)}/{len(original)} files changed"
        )
        totals: Counter[str] = Counter()
        killed_mid_run = killed_mid_write = 0
        for run in range(args.runs):
            tree = Path(scratch) / f"run-{run}"
            shutil.copytree(original_tree, tree)
            if run % 2:
                watched = {(tree / name).parent for name in changed} | {tree / min(changed)}
                killed = run_fixer(command, tree, rng.uniform(0, last_write - first_write), watched)
            else:
                killed = run_fixer(command, tree, rng.uniform(0, duration))
            killed_mid_run += killed
            after = snapshot(tree)
            fixed_now = 0
            for name, data in original.items():
                now = after.get(name)
                if now is None:
                    totals["missing"] += 1
                elif now == data:
                    totals["original"] += 1
                elif now == fixed.get(name):
                    totals["fixed"] += 1
                    fixed_now += now != data
                else:
                    totals["damaged"] += 1
                    print(f"run {run}: {name} is neither original nor fixed", file=sys.stderr)
            killed_mid_write += 0 < fixed_now < len(changed)
            strays = sorted(set(after) - set(original))
            totals["stray files"] += len(strays)
            for name in discovered_strays(tree, strays):
                totals["strays discovered"] += 1
                print(f"run {run}: stray file {name} is discovered as a document", file=sys.stderr)
            shutil.rmtree(tree)
    kinds = ("original", "fixed", "damaged", "missing", "stray files", "strays discovered")
    print(
        f"{args.runs} runs, {killed_mid_run} killed mid-run, {killed_mid_write} mid-write: "
        + ", ".join(f"{totals[k]} {k}" for k in kinds)
    )
    return 1 if totals["damaged"] or totals["missing"] or totals["strays discovered"] else 0


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
