"""The fixer's files: read with what a later write compares against, written atomically, diffed."""

from __future__ import annotations

import difflib
import errno
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from methlint.collection import confining_root
from methlint.config import Config
from methlint.discovery import Target
from methlint.document import Document, document_from, read_raw
from methlint.fix.outcome import FileOutcome, RunOutcome
from methlint.i18n import _


@dataclass(frozen=True)
class ReadTarget:
    """A document, with the bytes and mtime its write checks against (None: nothing to write)."""

    document: Document
    raw: bytes | None
    mtime_ns: int | None


def read_target(target: Target, config: Config) -> ReadTarget:
    read = read_raw(target.fs_path, config.max_file_bytes, root=confining_root(target.fs_path, config))
    document = document_from(read, target.fs_path, target.display, config.limits)
    if document.load_problem is not None:
        return ReadTarget(document, None, None)
    return ReadTarget(document, read.raw, read.mtime_ns)


class ChangedOnDisk(Exception):
    pass


@dataclass
class _Pending:
    """A file's new bytes in a temporary file beside it, not yet put in its place."""

    destination: Path  # the file itself, or the document a symbolic link inside the site leads to
    temporary: str
    expected: bytes
    expected_mtime_ns: int | None


def _destination(path: Path, root: Path | None) -> Path:
    """Where ``path``'s bytes are: a link is kept, and the document it leads to written, if that
    is inside ``root``."""
    if not os.path.islink(path):
        return path
    target = Path(os.path.realpath(path))
    inside = root is None or target.is_relative_to(os.path.realpath(root))
    if not inside:
        raise PermissionError(_("it is a symbolic link to outside the site: not written"))
    return target


def _prepare(path: Path, data: bytes, expected: bytes, expected_mtime_ns: int | None, root: Path | None) -> _Pending:
    """The new bytes written and synced beside the file, with its mode and owner."""
    if not os.path.lexists(path):  # os.access says "not writable" of a file that is gone
        raise FileNotFoundError(errno.ENOENT, _("the file was deleted during the run"))
    destination = _destination(path, root)
    if not os.access(destination, os.W_OK):
        raise PermissionError(_("the file is read-only"))
    status = os.stat(destination)
    handle, temporary = tempfile.mkstemp(
        dir=os.path.dirname(os.path.abspath(destination)), prefix="." + destination.name + ".", suffix=".methlint"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if (status.st_uid, status.st_gid) != (os.geteuid(), os.getegid()):
            try:
                os.chown(temporary, status.st_uid, status.st_gid)
            except PermissionError:
                raise PermissionError(_("the file belongs to another user: it would become yours")) from None
        os.chmod(temporary, status.st_mode & 0o7777)
    except BaseException:
        _discard(temporary)
        raise
    return _Pending(destination, temporary, expected, expected_mtime_ns)


def _check_unchanged(pending: _Pending) -> None:
    stat = os.stat(pending.destination)
    with open(pending.destination, "rb") as current:
        changed = current.read() != pending.expected
    if changed or (pending.expected_mtime_ns is not None and stat.st_mtime_ns != pending.expected_mtime_ns):
        raise ChangedOnDisk(_("the file changed on disk while it was being fixed"))


def _discard(temporary: str) -> None:
    try:
        os.unlink(temporary)
    except FileNotFoundError:
        pass


def write_atomic(
    path: Path, data: bytes, expected: bytes, expected_mtime_ns: int | None, root: Path | None = None
) -> None:
    """Replace ``path`` by ``data`` through a temporary file in its folder, keeping its mode,
    its owner and, when it is a symbolic link, the link (its target is written).

    Raises :class:`ChangedOnDisk` (and writes nothing) when the file no longer holds
    ``expected``: an editor saved it while we were fixing it.
    """
    pending = _prepare(path, data, expected, expected_mtime_ns, root)
    try:
        _check_unchanged(pending)
        os.replace(pending.temporary, pending.destination)
    except BaseException:
        _discard(pending.temporary)
        raise


def _groups(run: RunOutcome) -> list[list[FileOutcome]]:
    """The changed files, in groups written all or none (a title and the usage documents naming it)."""
    seen: set[int] = set()
    groups = []
    for outcome in run.files:
        if id(outcome) in seen or not outcome.changed or outcome.fs_path is None or outcome.raw is None:
            continue
        group, stack = [], [outcome]
        seen.add(id(outcome))
        while stack:
            member = stack.pop()
            group.append(member)
            for other in member.written_with:
                if id(other) not in seen and other.changed:
                    seen.add(id(other))
                    stack.append(other)
        groups.append(group)
    return groups


def write_outcomes(run: RunOutcome) -> None:
    """Write every changed, verified file; failures are recorded on the outcome, never raised.

    Files that must change together (a renamed title and its references) are written all or
    none: each is prepared and checked before any is put in place.
    """
    for group in _groups(run):
        pending: list[_Pending] = []
        failed: tuple[FileOutcome, str] | None = None
        for outcome in group:
            try:
                data, expected = outcome.fixed.encode("utf-8"), outcome.raw or b""
                pending.append(
                    _prepare(
                        Path(outcome.path if outcome.fs_path is None else outcome.fs_path),
                        data,
                        expected,
                        outcome.mtime_ns,
                        outcome.root,
                    )
                )
                _check_unchanged(pending[-1])
            except (OSError, ChangedOnDisk) as err:
                failed = (outcome, getattr(err, "strerror", None) or str(err))
                break
        if failed is None:
            failed = _put_in_place(group, pending)
        if failed is not None:
            for item in pending:
                _discard(item.temporary)
            for outcome in group:
                outcome.write_error = (
                    failed[1]
                    if outcome is failed[0]
                    else _("not written: {path} could not be written ({problem}), and they change together").format(
                        path=failed[0].path, problem=failed[1]
                    )
                )


def _put_in_place(group: list[FileOutcome], pending: list[_Pending]) -> tuple[FileOutcome, str] | None:
    """Replace each file by its new bytes; if one fails, put back those already replaced."""
    for index, item in enumerate(pending):
        try:
            os.replace(item.temporary, item.destination)
        except OSError as err:
            for done in pending[:index]:
                restored = _prepare(done.destination, done.expected, b"", None, None)
                os.replace(restored.temporary, restored.destination)
            return group[index], err.strerror or str(err)
    return None


def unified_diff(outcome: FileOutcome) -> str:
    """A diff for ``git apply`` and ``patch -p1`` (``a/``, ``b/`` headers, no-newline markers)."""
    lines = difflib.unified_diff(
        _git_lines(outcome.original),
        _git_lines(outcome.fixed),
        "a/" + outcome.path,
        "b/" + outcome.path,
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _git_lines(text: str) -> list[str]:
    """Lines as git and patch see them: ended by LF only. ``str.splitlines`` also splits at a
    lone CR, a form feed, U+0085, U+2028…, which would make hunks ``git apply`` rejects."""
    lines = text.split("\n")
    ended = [line + "\n" for line in lines[:-1]]
    return ended + [lines[-1]] if lines[-1] else ended
