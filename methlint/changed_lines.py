"""What git knows about a change: the lines it touched, the files it staged, a tree at a revision.

Paths are absolute and resolved (``os.path.realpath``): the repository is found from the
site, not from the current folder, and a finding is matched with a changed line by the real
file it is about, however the file was named on the command line.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from methlint.i18n import _, quoted

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
# blobs larger than this are laid out empty at the base: the rules look at such files' names
# only (images, PDFs), and a document this large is refused anyway (max-file-bytes)
LARGEST_BLOB_COPIED = 4_000_000


class GitError(Exception):
    """git is missing, the folder is not in a repository, or the base cannot be used."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail  # what git said, if it ran


class GitMissing(GitError):
    """git itself could not be run."""


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """git's output; its failure in methlint's words, git's own (English) text after them as the detail."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except OSError as err:
        raise GitMissing(
            _("git cannot be run ({error}): install git, or leave out the option that needs it").format(error=err)
        ) from err
    if done.returncode != 0:
        said = " ".join(done.stderr.decode("utf-8", "replace").split())
        said = said or f"exit {done.returncode}"
        raise GitError(_("git {command} failed (git says: {detail})").format(command=args[0], detail=said), said)
    return done.stdout


def parse_unified_diff(diff: str) -> dict[str, set[int]]:
    """New-side line numbers of every hunk, per file (``+++ b/path`` headers)."""
    result: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = _header_path(line[4:])
            current = None if target is None else result.setdefault(target, set())
        elif line.startswith("@@") and current is not None:
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                current.update(range(start, start + count))
    return result


def _header_path(header: str) -> str | None:
    """The path of a ``+++`` header: ``b/x.md``, ``b/a b.md<TAB>`` (a name with a space),
    ``"b/r\\303\\251f.md"`` (git quotes unusual names, C-style, bytes in octal); None for /dev/null."""
    header = header.rstrip("\t")
    if header == "/dev/null":
        return None
    if header.startswith('"') and header.endswith('"'):
        header = ast.literal_eval("b" + header).decode("utf-8", "surrogateescape")
    return header[2:]


@dataclass
class ChangedLines:
    lines: dict[str, set[int]] = field(default_factory=dict)  # real absolute path -> changed line numbers
    whole_files: set[str] = field(default_factory=set)  # new or untracked files, real absolute paths

    def touches(self, real_path: str, line: int) -> bool:
        return real_path in self.whole_files or line in self.lines.get(real_path, ())

    def update(self, other: ChangedLines) -> None:
        self.lines.update(other.lines)
        self.whole_files |= other.whole_files


@dataclass(frozen=True)
class StagedFile:
    status: str  # git's letter: A, M, D, T…
    path: Path  # absolute, in the work tree


class Repository:
    """A git work tree, found from a folder inside it."""

    def __init__(self, top: Path) -> None:
        self.top = top

    @classmethod
    def around(cls, folder: Path) -> Repository:
        try:
            top = _git(["rev-parse", "--show-toplevel"], folder).decode("utf-8", "surrogateescape").strip()
        except GitMissing:
            raise
        except GitError as err:
            raise GitError(
                _(
                    "{folder} is not inside a git repository, and what changed is read from git's history:"
                    " run methlint in the site's repository (git says: {detail})"
                ).format(folder=quoted(folder), detail=err.detail)
            ) from None
        return cls(Path(os.path.realpath(top)))

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        return _git(list(args), self.top, stdin)

    def has_head(self) -> bool:
        try:
            self.git("rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        except GitError:
            return False
        return True

    def _is_shallow(self) -> bool:
        try:
            return self.git("rev-parse", "--is-shallow-repository").strip() == b"true"
        except GitError:
            return False

    def _shallow_error(self, ref: str) -> GitError:
        return GitError(
            _(
                "--diff-base {ref}: the history needed is not in this clone, which is shallow (the default in CI):"
                " fetch it whole, with `fetch-depth: 0` on actions/checkout or `git fetch --unshallow`"
            ).format(ref=ref)
        )

    def change_base(self, ref: str) -> str:
        """The commit a change made since ``ref`` starts from: where the current branch left ``ref``
        (their merge base), so that what ``ref`` gained since is not taken for the change."""
        try:
            commit = self.git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
        except GitError:
            if self._is_shallow():
                raise self._shallow_error(ref) from None
            raise GitError(_("--diff-base {ref}: no such commit in this repository").format(ref=ref)) from None
        if not self.has_head():
            return commit
        try:
            return self.git("merge-base", commit, "HEAD").decode().strip()
        except GitError:
            if self._is_shallow():
                raise self._shallow_error(ref) from None
            raise GitError(_("--diff-base {ref}: it has no history in common with HEAD").format(ref=ref)) from None

    def changed_lines(self, commit: str) -> ChangedLines:
        """The lines changed in the work tree since ``commit`` (staged or not), and the untracked files."""
        diff = self.git("diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", commit, "--")
        untracked = self.git("ls-files", "--others", "--exclude-standard", "-z").split(b"\0")
        result = ChangedLines()
        for path, lines in parse_unified_diff(diff.decode("utf-8", "surrogateescape")).items():
            result.lines[self._real(path)] = lines
        result.whole_files = {self._real(os.fsdecode(p)) for p in untracked if p}
        return result

    def _real(self, relative: str) -> str:
        return os.path.realpath(self.top / relative)

    def staged(self) -> list[StagedFile]:
        """What the next commit changes (renames as a deletion and an addition); nothing before
        the first commit, when every file is new."""
        try:
            out = self.git("diff", "--cached", "--name-status", "--no-renames", "-z", "HEAD", "--").split(b"\0")
        except GitError:
            if self.has_head():
                raise
            return []
        return [
            StagedFile(os.fsdecode(status)[:1], self.top / os.fsdecode(path))
            for status, path in zip(out[0::2], out[1::2], strict=False)
            if path
        ]

    def blobs(self, *specs: str) -> list[bytes | None]:
        """Blobs (``HEAD:path``, ``:path`` for the index) read by one git process; None for one
        that does not exist."""
        out = self.git("cat-file", "--batch", stdin="".join(f"{spec}\n" for spec in specs).encode())
        found: list[bytes | None] = []
        position = 0
        for _spec in specs:
            header_end = out.index(b"\n", position)
            header = out[position:header_end].split()
            if header[-1] in (b"missing", b"ambiguous"):  # "<spec> missing": no content follows
                found.append(None)
                position = header_end + 1
                continue
            size = int(header[2])
            found.append(out[header_end + 1 : header_end + 1 + size])
            position = header_end + 1 + size + 1  # each content is followed by a newline
        return found

    def lay_out(self, commit: str, folder: Path, dest: Path) -> Path:
        """The files of ``folder`` (in the work tree) as they were at ``commit``, written below
        ``dest`` at the same place relative to the top; returns where ``folder`` is there."""
        relative = Path(os.path.relpath(os.path.realpath(folder), self.top))
        spec = [] if relative == Path(".") else [relative.as_posix()]
        listing = self.git("ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", *spec).split(b"\0")
        wanted: list[tuple[str, Path, bool]] = []  # (blob, where, is a symbolic link)
        for line in filter(None, listing):
            meta, _tab, name = line.partition(b"\t")
            mode, kind, blob, size = meta.split()
            if kind != b"blob":
                continue  # a submodule: not part of this site's files
            path = dest / os.fsdecode(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            if mode == b"120000" or int(size) <= LARGEST_BLOB_COPIED:
                wanted.append((blob.decode(), path, mode == b"120000"))
            else:
                path.write_bytes(b"")
        self._write_blobs(wanted)
        target = dest / relative
        target.mkdir(parents=True, exist_ok=True)
        return target

    def _write_blobs(self, wanted: list[tuple[str, Path, bool]]) -> None:
        """Every blob read by one git process, written in turn (a link as a link)."""
        if not wanted:
            return
        for (_blob, path, is_link), content in zip(wanted, self.blobs(*(blob for blob, _p, _l in wanted)), strict=True):
            if is_link:
                os.symlink(os.fsdecode(content or b""), path)
            else:
                path.write_bytes(content or b"")
