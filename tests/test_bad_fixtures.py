"""Every hostile or broken document of tests/fixtures/bad/ gives exactly its expected diagnostics.

The expectations live in tests/fixtures/bad/EXPECTED.toml ("line:column CODE"); failure
modes that need the file system (symlinks, folders, permissions, races, huge files) are
built here in tmp_path instead of being committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from methlint.config import Config
from methlint.discovery import discover
from methlint.linter import lint_paths

BAD = Path(__file__).parent / "fixtures" / "bad"
EXPECTED = tomllib.loads((BAD / "EXPECTED.toml").read_text(encoding="utf-8"))
REPO = Path(__file__).parent.parent
CONFIG = Config(root=REPO, ignore=("SCH007",))


def _found(paths: list[Path], config: Config = CONFIG) -> list[tuple[str, str]]:
    """(``"line:column CODE"``, message) for each diagnostic; a rule crash fails the test."""
    result = lint_paths(discover(paths), config)
    assert result.internal_errors == []
    return [(f"{d.span.line}:{d.span.column} {d.code}", d.message) for d in result.diagnostics]


def test_every_fixture_is_declared_and_there_are_at_least_40():
    on_disk = {p.name for p in BAD.iterdir() if p.name != "EXPECTED.toml"}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_its_expected_diagnostics(name):
    found = _found([BAD / name])
    assert [where for where, _message in found] == EXPECTED[name]["expect"]
    for word in EXPECTED[name].get("message", []):
        assert word in found[0][1]


def test_python_tag_is_never_constructed(tmp_path):
    document = tmp_path / "python-tag.md"
    shutil.copy(BAD / "python-tag.md", document)
    marker = tmp_path / "methlint-pwned-marker"
    front_matter = document.read_text(encoding="utf-8").split("---\n")[1]
    # The fixture is armed: an unsafe loader does run the command...
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        yaml.unsafe_load(front_matter)
    finally:
        os.chdir(cwd)
    assert marker.exists()
    marker.unlink()
    # ...and methlint, run for real in the same folder, does not.
    run = subprocess.run(
        [sys.executable, "-m", "methlint", "check", str(document)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
    )
    assert "YML010" in run.stdout
    assert not marker.exists()


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def test_cli_over_the_whole_bad_folder_reports_without_traceback():
    run = subprocess.run(
        [sys.executable, "-m", "methlint", "check", str(BAD)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    assert "internal error" not in run.stderr
    # walked, not named: outside the collections, a file opening no front matter is not a
    # document (Jekyll copies it as is), with or without a _config.yml around
    not_pages = {"binary-png.md", "empty.md", "utf16-bom.md"}
    assert f"in {len(EXPECTED) - len(not_pages)} files." in run.stdout
    assert not any(f"/{name}:" in run.stdout for name in not_pages)


def test_cli_usage_error_exits_2_without_traceback(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "methlint", "check", str(tmp_path / "nowhere.md")],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
    )
    assert run.returncode == 2
    assert "does not exist" in run.stderr
    assert "Traceback" not in run.stderr


# Failure modes built at test time -------------------------------------------------------


def test_five_megabyte_file_is_refused_after_reading_one_megabyte(tmp_path, monkeypatch):
    big = tmp_path / "big.md"
    big.write_text("---\ntitle: x\n---\n" + ("Le texte du dispositif. " * 40 + "\n") * 5300)
    assert big.stat().st_size > 5_000_000
    read_sizes: list[int] = []
    real_read = os.read

    def counting_read(descriptor: int, size: int) -> bytes:
        chunk = real_read(descriptor, size)
        read_sizes.append(len(chunk))
        return chunk

    monkeypatch.setattr(os, "read", counting_read)
    found = _found([big], Config(root=tmp_path))
    assert found == [("1:1 FM012", "the file is larger than 1000000 bytes: not checked")]
    assert sum(read_sizes) == 1_000_001


def test_five_megabyte_file_within_a_raised_limit_is_checked(tmp_path):
    big = tmp_path / "big.md"
    body = ("Le texte du dispositif. " * 40 + "\n") * 5300
    big.write_text("---\ntitle: x\nordre:2\n---\n" + body)
    config = Config(root=tmp_path, max_file_bytes=10_000_000, ignore=("SCH007", "TYP"))
    assert [where for where, _m in _found([big], config)] == ["3:1 YML003"]


def test_line_of_100k_characters(tmp_path):
    long = tmp_path / "long.md"
    long.write_text("---\ntitle: " + "é" * 100_000 + "\nordre:2\n---\n" + "x" * 100_000 + "\n")
    config = Config(root=tmp_path, ignore=("SCH007",))
    assert [where for where, _m in _found([long], config)] == ["3:1 YML003"]


def test_key_of_100k_characters_is_reported_at_its_end(tmp_path):
    long = tmp_path / "long.md"
    long.write_text("---\n" + "k" * 100_000 + "\n---\n")
    config = Config(root=tmp_path, ignore=("SCH007",))
    assert [where for where, _m in _found([long], config)] == ["2:1 FM005"]


def test_symlink_to_outside_the_site_is_not_followed(tmp_path):
    site, outside = tmp_path / "site", tmp_path / "secret"
    site.mkdir()
    outside.mkdir()
    (outside / "passwords.txt").write_text("root:x:0:0\n")
    (site / "lien.md").symlink_to(outside / "passwords.txt")
    found = _found([site], Config(root=site))
    reason = "it is a symbolic link to outside the site"
    assert found == [("1:1 FM010", f"cannot read the file: {reason}")]


def test_symlink_inside_the_site_is_followed(tmp_path):
    (tmp_path / "vrai.txt").write_text("---\ntitle: x\nordre:2\n---\n")
    (tmp_path / "lien.md").symlink_to(tmp_path / "vrai.txt")
    config = Config(root=tmp_path, ignore=("SCH007",))
    assert [where for where, _m in _found([tmp_path], config)] == ["3:1 YML003"]


def test_directory_named_like_a_document(tmp_path):
    (tmp_path / "x.md").mkdir()
    found = _found([tmp_path], Config(root=tmp_path))
    assert found == [("1:1 FM010", "cannot read the file: it is a folder, not a file")]


def test_fifo_named_like_a_document_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "tube.md")
    found = _found([tmp_path], Config(root=tmp_path))
    assert found == [("1:1 FM010", "cannot read the file: it is not a regular file")]


def test_unreadable_file(tmp_path, monkeypatch):
    document = tmp_path / "ferme.md"
    document.write_text("---\ntitle: x\n---\n")
    document.chmod(0)
    if os.access(document, os.R_OK):  # root reads anything: simulate what a user gets
        real_open = os.open

        def refuse(path, *args, **kwargs):
            if Path(path) == document:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    found = _found([document], Config(root=tmp_path))
    assert found == [("1:1 FM010", "cannot read the file: Permission denied")]


def test_file_deleted_between_listing_and_reading(tmp_path):
    (tmp_path / "parti.md").write_text("---\ntitle: x\n---\n")
    targets = list(discover([tmp_path]))
    (tmp_path / "parti.md").unlink()
    result = lint_paths(targets, Config(root=tmp_path))
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("FM010", "cannot read the file: No such file or directory")
    ]


def test_key_without_colon_looks_ahead_past_blank_lines_and_crlf():
    # _explain reads lines lazily (1 MB front matter); the look-ahead must still see the list
    from methlint.diagnostics import Applicability
    from methlint.linter import lint_text

    [block] = lint_text("---\r\ntitle: x\r\npriorites\r\n\r\n- Engager\r\n---\r\n", "autre/a.md")
    assert (block.span.line, block.span.column, block.code) == (3, 1, "YML002")
    assert block.fix.applicability is Applicability.SAFE
    [alone] = lint_text("---\ntitle: x\npriorites\nordre: 2\n---\n", "autre/a.md")
    assert (alone.span.line, alone.code) == (3, "YML002")
    assert alone.fix.applicability is Applicability.DISPLAY_ONLY
