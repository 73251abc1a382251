"""No file can make methlint wait forever: FIFOs, terminals and devices are never read.

Every case runs the real command on real FIFOs (``os.mkfifo``) and a real link to
``/dev/stdin`` (a pipe the test keeps open and never writes to), under a timeout: a read
that blocks fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.methlint_process import copy_of_the_example_site, environment

TIMEOUT = 60


def methlint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run methlint with a pipe on stdin that stays open and empty: reading it would block."""
    with subprocess.Popen(
        [sys.executable, "-m", "methlint", *args],
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=TIMEOUT)  # closes stdin only when done
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            pytest.fail(f"methlint {' '.join(args)} hung on a file that is not a regular file")
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_of_the_example_site(tmp_path)


NOT_REGULAR = "FM010 [error] cannot read the file: it is not a regular file"


@pytest.mark.parametrize(
    ("command", "exit_code"),
    [
        (("check", "--no-cache"), 1),
        (("check",), 1),
        (("fix", "-j1"), 1),
        (("fix", "--diff"), 0),  # exit 1 means "there is a diff to apply"; there is none
    ],
)
def test_a_fifo_page_at_the_site_root(site, command, exit_code):
    """The issue's case: discovery peeks at pages outside the collections (is it front matter?)."""
    os.mkfifo(site / "page.md")
    found = methlint(site, *command, ".")
    output = found.stdout + found.stderr
    assert f"page.md:1:1: {NOT_REGULAR}" in output
    assert found.returncode == exit_code


def test_a_link_to_dev_stdin_at_the_site_root(site):
    (site / "page.md").symlink_to("/dev/stdin")
    found = methlint(site, "check", "--no-cache", ".")
    assert "page.md:1:1: FM010 [error] cannot read the file: it is a symbolic link to outside the site" in found.stdout
    assert found.returncode == 1


def test_a_link_to_dev_stdin_named_explicitly(site):
    """Named on the command line, a link is the user's choice: still never read if not a file."""
    (site / "page.md").symlink_to("/dev/stdin")
    found = methlint(site, "check", "--no-cache", "page.md")
    assert "page.md:1:1: FM010" in found.stdout
    assert found.returncode == 1


@pytest.mark.parametrize("kind", ["fifo", "stdin"])
def test_a_config_that_is_not_a_regular_file_is_a_usage_error(site, kind):
    config = site / "methlint.toml"
    if kind == "fifo":
        os.mkfifo(config)
    else:
        config.symlink_to("/dev/stdin")
    found = methlint(site, "check", "--config", str(config), ".")
    assert found.returncode == 2
    assert found.stdout == ""
    assert f"{config}:1:1: cannot read the configuration: it is not a regular file" in found.stderr


def test_a_fifo_named_like_a_configuration_file_is_not_one(site):
    """Found by walking up, a FIFO methlint.toml is not a configuration: the defaults apply."""
    os.mkfifo(site / "methlint.toml")
    found = methlint(site, "config")
    assert found.returncode == 0
    assert "defaults: no configuration file found" in found.stdout


def test_a_fifo_named_config_yml_does_not_make_a_site(site):
    (site / "_config.yml").unlink()
    os.mkfifo(site / "_config.yml")
    found = methlint(site, "check", "--no-cache", ".")
    assert found.returncode in (0, 1)
    assert "Traceback" not in found.stderr


def test_a_fifo_sibling_is_not_waited_on_when_checking_one_document(site):
    """Cross-file rules index every sibling of the collection, named or not."""
    os.mkfifo(site / "_outil" / "tube.md")
    found = methlint(site, "check", "--no-cache", "_outil/atelier-citoyen.md")
    assert found.returncode == 0, found.stdout + found.stderr


def test_a_fifo_text_file_in_the_asset_scan(site):
    """AST003 reads every text file of the site to find the names used."""
    os.mkfifo(site / "img" / "notes.html")
    found = methlint(site, "check", "--no-cache", "--select", "AST003", ".")
    assert found.returncode in (0, 1)
    assert "Traceback" not in found.stderr


def test_a_baseline_of_a_fifo_finding(site, tmp_path):
    """Fingerprints read the lines of the files with findings: the FIFO's included."""
    os.mkfifo(site / "page.md")
    found = methlint(site, "check", "--no-cache", "--write-baseline", str(tmp_path / "baseline.json"), ".")
    assert found.returncode == 0
    assert (tmp_path / "baseline.json").is_file()


def test_new_next_to_a_fifo(site):
    """`methlint new` reads the folder's documents for the next `ordre`."""
    os.mkfifo(site / "_outil" / "tube.md")
    found = methlint(site, "new", "--kind", "outil", "--title", "Tube", "_outil/tube-neuf.md")
    assert found.returncode == 0
    assert (site / "_outil" / "tube-neuf.md").is_file()
