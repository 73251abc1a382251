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


def write_atomic(path: Path, data: bytes, expected: bytes, expected_mtime_ns: int | None) -> None:
    """Replace ``path`` by ``data`` through a temporary file in its folder, keeping its mode.

    Raises :class:`ChangedOnDisk` (and writes nothing) when the file no longer holds
    ``expected``: an editor saved it while we were fixing it.
    """
    if not os.path.lexists(path):  # os.access says "not writable" of a file that is gone
        raise FileNotFoundError(errno.ENOENT, _("the file was deleted during the run"))
    if not os.access(path, os.W_OK):
        raise PermissionError(_("the file is read-only"))
    mode = os.stat(path).st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(
        dir=os.path.dirname(os.path.abspath(path)), prefix="." + path.name + ".", suffix=".methlint"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        stat = os.stat(path)
        with open(path, "rb") as current:
            if current.read() != expected or (expected_mtime_ns is not None and stat.st_mtime_ns != expected_mtime_ns):
                raise ChangedOnDisk(_("the file changed on disk while it was being fixed"))
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def write_outcomes(run: RunOutcome) -> None:
    """Write every changed, verified file; failures are recorded on the outcome, never raised."""
    for outcome in run.files:
        if not outcome.changed or outcome.fs_path is None or outcome.raw is None:
            continue
        try:
            write_atomic(outcome.fs_path, outcome.fixed.encode("utf-8"), outcome.raw, outcome.mtime_ns)
        except (OSError, ChangedOnDisk) as err:
            outcome.write_error = getattr(err, "strerror", None) or str(err)


def unified_diff(outcome: FileOutcome) -> str:
    """A diff for ``git apply`` and ``patch -p1`` (``a/``, ``b/`` headers, no-newline markers)."""
    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True),
        outcome.fixed.splitlines(keepends=True),
        "a/" + outcome.path,
        "b/" + outcome.path,
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
