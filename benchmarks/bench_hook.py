"""The pre-commit hook's time on a one-file commit, in a git repository of the real site (issue 17).

    python benchmarks/bench_hook.py              # 7 rounds
    python benchmarks/bench_hook.py --rounds 15

The repository is the vendored site (tests/fixtures/realsite/consultation.gouv.fr, 55
documents) laid out and committed. Each round stages one commit and runs ``methlint hook``
as pre-commit runs it: a fresh process, from the repository's top, the staged Markdown file
named, the results cache kept between commits as in a working copy. The commits:

- body: a line of a tool's body edited, differently each round (the everyday commit: nothing
  other documents read changes, so only the file is checked);
- title: the tool's title renamed (the site is checked with the cross-file rules, now and at HEAD);
- delete: a document deleted (no file named; the same site check).

Baseline, in the same run and round by round: ``methlint --version`` (the interpreter, click and
methlint's package: the floor of any methlint command). The machine is shared: times are
medians [min–max] of wall clock; CPU is the child's user + system time, which a loaded machine
inflates less. Bytecode is compiled, as in pre-commit's environment (pip compiles it at install).
Target: body ≤ 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.realsite import lay_out  # noqa: E402

TARGET_SECONDS = 0.5
TOOL = Path("_outil") / "decidim.md"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def methlint_command() -> list[str]:
    """The console script pre-commit would run, from this interpreter's environment."""
    script = Path(sys.executable).parent / "methlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "methlint"]


def git(repository: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repository, env={**os.environ, **GIT_ENV}, check=True, capture_output=True)


def child_environment() -> dict[str, str]:
    """As pre-commit's hook environment runs: bytecode compiled (pip compiles it at install)."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=child_environment(), capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def stage_body(repository: Path, round_number: int) -> list[str]:
    edit(repository / TOOL, "* suivi de l'avancement", f"* suivi ({round_number}) de l'avancement")
    git(repository, "add", str(TOOL))
    return [str(TOOL)]


def stage_title(repository: Path, round_number: int) -> list[str]:
    edit(repository / TOOL, "title: Decidim\n", f"title: Decidim {round_number}\n")
    git(repository, "add", str(TOOL))
    return [str(TOOL)]


def stage_deletion(repository: Path, round_number: int) -> list[str]:
    git(repository, "rm", "--quiet", str(TOOL))
    return []


COMMITS: dict[str, Callable[[Path, int], list[str]]] = {
    "body": stage_body,
    "title": stage_title,
    "delete": stage_deletion,
}


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} [{min(values):.3f}–{max(values):.3f}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    methlint = methlint_command()
    with tempfile.TemporaryDirectory(prefix="methlint-bench-hook-") as scratch:
        repository = lay_out(Path(scratch) / "consultation.gouv.fr")
        git(repository, "init", "--quiet")
        git(repository, "add", "--all")
        git(repository, "commit", "--quiet", "--message", "The site as it is")
        timed([*methlint, "hook", str(TOOL)], repository)  # bytecode written; a working copy's cache exists
        walls: dict[str, list[float]] = {name: [] for name in ("floor", *COMMITS)}
        cpus: dict[str, list[float]] = {name: [] for name in walls}
        for round_number in range(args.rounds):
            for name, stage in COMMITS.items():
                wall, cpu = timed([*methlint, "--version"], repository)
                walls["floor"].append(wall)
                cpus["floor"].append(cpu)
                files = stage(repository, round_number)
                wall, cpu = timed([*methlint, "hook", *files], repository)
                walls[name].append(wall)
                cpus[name].append(cpu)
                git(repository, "reset", "--quiet", "--hard")
        shutil.rmtree(repository / ".methlint_cache", ignore_errors=True)
    floor = statistics.median(walls["floor"])
    print(f"methlint hook on a one-file commit, real site (55 documents), {args.rounds} rounds")
    print(f"{'commit':<8} {'wall s, median [min–max]':<26} {'CPU s':<7} {'× floor':<8} target")
    for name in walls:
        ratio = statistics.median(walls[name]) / floor
        target = f"≤ {TARGET_SECONDS} s" if name == "body" else ""
        if name == "body":
            target += " met" if statistics.median(walls[name]) <= TARGET_SECONDS else " MISSED"
        print(f"{name:<8} {summary(walls[name]):<26} {statistics.median(cpus[name]):<7.3f} {ratio:<8.2f} {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
