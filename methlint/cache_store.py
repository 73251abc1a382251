"""Where the results cache lives and how it is written: never in a repository, never through a
link, and never trusted unless methlint's own key signs it.

The threat model is in docs/design.md ("The results cache and what a repository can do"). In
short: a repository (a pull request checked in CI) controls its own files, names, links and
configuration, not the environment nor the user's home. So:

- the cache is in the user's cache folder (``$METHLINT_CACHE_DIR``, else
  ``$XDG_CACHE_HOME/methlint``, ``~/Library/Caches/methlint`` on macOS,
  ``~/.cache/methlint`` elsewhere), one subfolder per site named by a digest of the real path
  of the folder the run is anchored to: nothing a repository holds decides where it is;
- below the cache folder every file and folder is opened relative to its parent's descriptor
  with ``O_NOFOLLOW``: a link there is refused, never followed, never written through;
- the cache folder must belong to the user and be writable by no one else (as ssh asks of
  ``~/.ssh``), and each results file carries an HMAC-SHA256, under a random key kept in the
  cache folder (mode 0600), of its site, its run key and its content: an entry made or edited by
  anyone without the key, or moved from another site, is ignored;
- what a valid file holds is still checked field by field (:func:`rows_from_flat`).

A cache that cannot be opened, read or written is simply not used: the run checks every file.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FORMAT = 5  # 5: a row holds whether its finding is visible on the page
KEY_NAME = "key"
KEY_BYTES = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# everything below the cache folder is reached through descriptors: without that, no cache
SUPPORTED = bool(_NOFOLLOW and _DIRECTORY) and {os.open, os.mkdir, os.link, os.unlink, os.rename} <= os.supports_dir_fd
_MARKERS = {
    "CACHEDIR.TAG": b"Signature: 8a477f597d28d172789f06886806bc55\n# methlint's results cache: safe to delete\n",
    ".gitignore": b"# methlint's results cache: safe to delete\n*\n",
}


class Unusable(Exception):
    """The cache folder cannot be trusted or used: the run goes on without a cache."""


def cache_root(environ: dict[str, str] | os._Environ[str] = os.environ) -> Path | None:
    """The user's methlint cache folder, from the environment only (None: no cache)."""
    chosen = environ.get("METHLINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    xdg = environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg, "methlint")
    home = environ.get("HOME")
    if not home:
        return None
    if sys.platform == "darwin":
        return Path(home, "Library", "Caches", "methlint")
    return Path(home, ".cache", "methlint")


def site_folder_name(anchor: Path) -> str:
    """The subfolder of the results of runs anchored at ``anchor`` (its real path, digested)."""
    return hashlib.sha256(os.fsencode(os.path.realpath(anchor))).hexdigest()[:32]


@contextmanager
def _descriptor(path: str, flags: int, dir_fd: int | None = None, mode: int = 0o600) -> Iterator[int]:
    fd = os.open(path, flags | _NOFOLLOW, mode, dir_fd=dir_fd)
    try:
        yield fd
    finally:
        os.close(fd)


def _owned_and_private(fd: int, kind: int, private_bits: int) -> bool:
    status = os.fstat(fd)
    return stat.S_IFMT(status.st_mode) == kind and status.st_uid == os.geteuid() and not status.st_mode & private_bits


def _subfolder(parent: int, name: str) -> int:
    """A descriptor on ``parent/name``, a private folder made if absent; never a link."""
    try:
        os.mkdir(name, 0o700, dir_fd=parent)
    except FileExistsError:
        pass
    fd = os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=parent)
    if not _owned_and_private(fd, stat.S_IFDIR, 0o022):
        os.close(fd)
        raise Unusable(name)
    return fd


def _create(folder: int, name: str, data: bytes) -> None:
    """Write a new file, never replacing anything (a link or file of that name stays as it is)."""
    try:
        with _descriptor(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, folder) as fd:
            os.write(fd, data)
    except FileExistsError:
        pass


def _read_regular(folder: int, name: str) -> bytes:
    """A regular file's bytes (not a link, FIFO or device), or OSError."""
    with _descriptor(name, os.O_RDONLY | os.O_NONBLOCK, folder) as fd:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(f"{name} is not a regular file")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)


def _key(root: int) -> bytes:
    """The secret that signs this user's cache: made once, private, and never a link."""
    for _attempt in range(2):
        try:
            with _descriptor(KEY_NAME, os.O_RDONLY, root) as fd:
                if not _owned_and_private(fd, stat.S_IFREG, 0o077):
                    raise Unusable(KEY_NAME)
                key = os.read(fd, KEY_BYTES + 1)
            if len(key) != KEY_BYTES:
                raise Unusable(KEY_NAME)
            return key
        except FileNotFoundError:
            # written aside then linked in place: a concurrent run sees the whole key or none
            temporary = f".key-{secrets.token_hex(8)}"
            with _descriptor(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, root) as fd:
                os.write(fd, secrets.token_bytes(KEY_BYTES))
            try:
                os.link(temporary, KEY_NAME, src_dir_fd=root, dst_dir_fd=root, follow_symlinks=False)
            except FileExistsError:
                pass  # another run made it first: read theirs
            finally:
                os.unlink(temporary, dir_fd=root)
    raise Unusable(KEY_NAME)


class Store:
    """The results files of one site's runs, in the user's cache folder."""

    def __init__(self, root: Path, anchor: Path) -> None:
        self.root = root
        self.site = site_folder_name(anchor)

    @contextmanager
    def _folders(self) -> Iterator[tuple[int, int]]:
        """(cache folder, site folder) descriptors; ``Unusable`` or OSError when not usable."""
        if not SUPPORTED:
            raise Unusable("no O_NOFOLLOW or dir_fd on this platform")
        os.makedirs(self.root, mode=0o700, exist_ok=True)
        with _descriptor(str(self.root), os.O_RDONLY | _DIRECTORY) as root:
            if not _owned_and_private(root, stat.S_IFDIR, 0o022):
                raise Unusable(str(self.root))
            for name, content in _MARKERS.items():
                _create(root, name, content)
            site = _subfolder(root, self.site)
            try:
                yield root, site
            finally:
                os.close(site)

    def _signature(self, key: bytes, run_key: str, body: bytes) -> str:
        return hmac.new(key, f"{FORMAT}\x1f{self.site}\x1f{run_key}\x1f".encode() + body, hashlib.sha256).hexdigest()

    def read(self, run_key: str) -> bytes | None:
        """The body saved for this run key, if methlint's key signs it for this site; else None."""
        try:
            with self._folders() as (root, site):
                key = _key(root)
                header, _newline, body = _read_regular(site, f"results-{run_key}.json").partition(b"\n")
        except (OSError, Unusable):
            return None
        expected = f"methlint-cache {FORMAT} {self._signature(key, run_key, body)}".encode()
        return body if hmac.compare_digest(header, expected) else None

    def write(self, run_key: str, body: bytes) -> None:
        """Save atomically, signed; drop the site's other results. Failing is not an error."""
        name = f"results-{run_key}.json"
        try:
            with self._folders() as (root, site):
                key = _key(root)
                header = f"methlint-cache {FORMAT} {self._signature(key, run_key, body)}\n".encode()
                temporary = f".results-{secrets.token_hex(8)}.tmp"
                fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=site)
                try:
                    with os.fdopen(fd, "wb") as out:
                        out.write(header)
                        out.write(body)
                    # POSIX rename: atomic, and it replaces a link of that name, never what it points to
                    os.rename(temporary, name, src_dir_fd=site, dst_dir_fd=site)
                except BaseException:
                    os.unlink(temporary, dir_fd=site)
                    raise
                for entry in os.listdir(site):
                    if entry.startswith("results-") and entry != name:
                        os.unlink(entry, dir_fd=site)  # another configuration's results
        except (OSError, Unusable):
            pass
