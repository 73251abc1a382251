"""Nothing a repository holds can make the results cache write outside it or trust a result.

The cache lives in the user's cache folder (here ``$METHLINT_CACHE_DIR``, a folder of the
test's own), is reached without following links, and every results file is signed with a key
of the user's (docs/design.md, "The results cache and what a repository can do"). Every case
runs the real command on real links and real tampered files.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from methlint.cache_store import FORMAT, Store
from tests.methlint_process import copy_of_the_example_site, methlint

BROKEN = "---\ntitle: Cassé\nordre:2\n---\nCorps.\n"  # YML003: the front matter does not parse


def cache_root() -> Path:
    return Path(os.environ["METHLINT_CACHE_DIR"])


def results_files() -> list[Path]:
    return sorted(cache_root().glob("*/results-*.json"))


def found(done: subprocess.CompletedProcess[str]) -> set[tuple[str, str]]:
    return {(d["path"], d["code"]) for d in json.loads(done.stdout)}


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return methlint(cwd, "check", "--output-format", "json", *args)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = copy_of_the_example_site(tmp_path)
    (root / "_outil" / "casse.md").write_text(BROKEN, encoding="utf-8")
    return root


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "precious.txt").write_text("do not touch\n")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


BROKEN_FINDING = ("_outil/casse.md", "YML003")


def test_a_committed_cache_folder_that_is_a_link_is_never_written_through(site, outside):
    """The issue's case: `.methlint_cache -> /somewhere` made methlint write there."""
    (site / ".methlint_cache").symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    for _run in range(2):
        assert BROKEN_FINDING in found(run(site, "."))
    assert snapshot(outside) == before


@pytest.mark.parametrize("marker", [".gitignore", "CACHEDIR.TAG"])
def test_committed_cache_markers_that_are_links_are_never_written_through(site, outside, marker):
    """The issue's case: a real `.methlint_cache/` folder holding a linked marker file."""
    (site / ".methlint_cache").mkdir()
    (site / ".methlint_cache" / marker).symlink_to(outside / "precious.txt")
    run(site, ".")
    assert (outside / "precious.txt").read_text() == "do not touch\n"
    assert sorted(p.name for p in outside.iterdir()) == ["precious.txt"]


def test_a_results_file_committed_in_the_repository_is_never_read(site):
    """The issue's case: a hand-made entry, in the old place, with the old (unkeyed) checksum."""
    first = run(site, ".")
    assert BROKEN_FINDING in found(first)
    (real,) = results_files()
    records = json.loads(real.read_bytes().partition(b"\n")[2])
    records["records"] = {
        path: [content, environment, 0, 0] for path, (content, environment, *_rows) in records["records"].items()
    }
    body = json.dumps(records).encode()
    planted = site / ".methlint_cache"
    planted.mkdir()
    header = json.dumps({"format": 3, "checksum": hashlib.sha256(body + b"\x1f").hexdigest()}).encode()
    (planted / real.name).write_bytes(header + b"\n" + body)
    shutil.rmtree(cache_root())
    assert found(run(site, ".")) == found(first)


def _forge(path: Path, change, key: bytes) -> None:
    """Rewrite a results file with ``change`` applied, signed with ``key``."""
    _header, _newline, body = path.read_bytes().partition(b"\n")
    payload = json.loads(body)
    change(payload)
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    run_key = path.name.removeprefix("results-").removesuffix(".json")
    message = f"{FORMAT}\x1f{path.parent.name}\x1f{run_key}\x1f".encode() + body
    path.write_bytes(f"methlint-cache {FORMAT} {hmac.new(key, message, hashlib.sha256).hexdigest()}\n".encode() + body)


def _no_finding_for_the_broken_file(payload: dict) -> None:
    content, environment, _start, _end = payload["records"]["_outil/casse.md"]
    payload["records"]["_outil/casse.md"] = [content, environment, 0, 0]


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(b"\0" * 32, id="a key of the forger's"),
        pytest.param(b"", id="no key"),
        pytest.param(None, id="the header kept, the content edited"),
    ],
)
def test_a_tampered_entry_is_ignored(site, key):
    first = run(site, ".")
    (path,) = results_files()
    if key is None:
        header, _newline, body = path.read_bytes().partition(b"\n")
        payload = json.loads(body)
        _no_finding_for_the_broken_file(payload)
        path.write_bytes(header + b"\n" + json.dumps(payload, separators=(",", ":")).encode())
    else:
        _forge(path, _no_finding_for_the_broken_file, key)
    again = run(site, ".")
    assert BROKEN_FINDING in found(again)
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)


def test_the_same_edit_signed_with_the_users_key_is_what_a_hit_looks_like(site):
    """The counterpart of the tampering tests: they fail because of the key, not the shape."""
    run(site, ".")
    (path,) = results_files()
    _forge(path, _no_finding_for_the_broken_file, (cache_root() / "key").read_bytes())
    assert BROKEN_FINDING not in found(run(site, "."))


def test_an_entry_signed_for_another_site_is_ignored(tmp_path):
    root = tmp_path / "cache"
    mine, other = Store(root, tmp_path / "one"), Store(root, tmp_path / "two")
    other.write("k", b'{"records": {}}')
    (root / mine.site).mkdir()
    shutil.copy(root / other.site / "results-k.json", root / mine.site / "results-k.json")
    assert other.read("k") == b'{"records": {}}'
    assert mine.read("k") is None


def test_a_site_folder_in_the_cache_that_is_a_link_is_not_followed(site, outside):
    from methlint.cache_store import site_folder_name

    cache_root().mkdir(parents=True, exist_ok=True)
    (cache_root() / site_folder_name(site)).symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    first, second = run(site, "."), run(site, ".")
    assert BROKEN_FINDING in found(first) and second.stdout == first.stdout
    assert snapshot(outside) == before


def test_a_key_that_is_a_link_is_neither_read_nor_replaced(site, outside):
    cache_root().mkdir(parents=True, exist_ok=True)
    (outside / "chosen-key").write_bytes(b"k" * 32)
    (cache_root() / "key").symlink_to(outside / "chosen-key")
    first = run(site, ".")
    assert BROKEN_FINDING in found(first)
    assert (outside / "chosen-key").read_bytes() == b"k" * 32
    assert (cache_root() / "key").is_symlink()
    assert results_files() == []  # no key of its own: no cache at all


def test_a_results_file_that_is_a_link_is_not_read_and_replaced_not_written_through(site, outside):
    run(site, ".")
    (path,) = results_files()
    shutil.copy(path, outside / "results.json")
    path.unlink()
    path.symlink_to(outside / "results.json")
    before = snapshot(outside)
    again = run(site, ".")
    assert BROKEN_FINDING in found(again)
    assert snapshot(outside) == before
    assert not path.is_symlink() and path.is_file()  # the link itself was replaced by the new results


@pytest.mark.parametrize("mode", [0o777, 0o775])
def test_a_cache_folder_others_can_write_to_is_not_used(site, mode):
    """Anyone who can write there could replace the key: the cache is then not used at all."""
    cache_root().mkdir(parents=True, exist_ok=True)
    cache_root().chmod(mode)
    first, second = run(site, "."), run(site, ".")
    assert BROKEN_FINDING in found(first) and second.stdout == first.stdout
    assert results_files() == [] and not (cache_root() / "key").exists()


def test_nothing_is_written_in_the_site(site):
    before = snapshot(site)
    run(site, ".")
    run(site, ".")
    assert snapshot(site) == before
    assert results_files()  # and the cache was used, elsewhere
