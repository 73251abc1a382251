"""The vendored real site as a team has it: a git repository, and methlint run in it as a process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.realsite import lay_out

ROOT = Path(__file__).resolve().parent.parent
# the usage documents of the real site that name the tool titled 'Decidim' (_outil/decidim.md)
DECIDIM_USERS = ["Nanterre", "convention-climat", "decidim-angers", "decidim-cndp", "decidim-lille"]
_FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
GIT_ENV = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": os.devnull,  # no user configuration (hooks, templates, signing) leaks in
}


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def site_repository(dest: Path) -> Path:
    """A working copy of the real site, committed on branch ``main``."""
    lay_out(dest)
    git(dest, "init", "--quiet", "--initial-branch=main")
    git(dest, "add", "--all")
    git(dest, "commit", "--quiet", "--message", "The site as it is")
    return dest


def methlint(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``methlint ARGS`` in ``cwd``, as a user runs it (messages in English)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C", "LANGUAGE": "", "LC_ALL": "", **(env or {})}
    environment.pop("CI", None)
    return subprocess.run(
        [sys.executable, "-m", "methlint", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def found(done: subprocess.CompletedProcess[str]) -> list[tuple[str, int, int, str]]:
    """(path, line, column, code) of each finding of a ``--output-format json`` run."""
    return [(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(done.stdout)]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


_TEXT_FINDING = re.compile(
    r"^(.+?):(\d+):(\d+): ([A-Z]{1,4}\d{3}) (?:\[(?:error|warning|info)(?:, invisible)?\] )?(.*?)(?: \[\*\])?$"
)
_CHECKED = re.compile(r"\bin (\d+) files?\.|All good: (\d+) files? checked")


def listed(text: str) -> list[tuple[str, int, int, str, str]]:
    """(path, line, column, code, message) of each finding line of the text output."""
    found_lines = []
    for line in text.splitlines():
        match = _TEXT_FINDING.match(line)
        if match:
            path, number, column, code, message = match.groups()
            found_lines.append((path, int(number), int(column), code, message))
    return found_lines


def files_checked(text: str) -> int:
    """The number of files the text output's summary says were checked."""
    (match,) = [m for m in map(_CHECKED.search, text.splitlines()) if m]
    return int(match.group(1) or match.group(2))


def snippets(document: Path, language: str) -> list[str]:
    """The fenced code blocks of a Markdown document in this language, in order."""
    return [body for lang, body in _FENCE.findall(document.read_text(encoding="utf-8")) if lang == language]
