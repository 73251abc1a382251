"""No document or file name can write to the terminal through methlint, or forge its output.

Control characters (C0, C1, DEL, the bidirectional controls, the line and paragraph
separators) in values and file names reach every output escaped (``\\x1b``, ``\\u202e``),
and an output stream that cannot encode a character never makes the run fail.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.methlint_process import copy_of_the_example_site, methlint, set_value

ROOT = Path(__file__).parent.parent
ESCAPE_SEQUENCES = '"\\e]0;PWNED\\a\\e[2J\\e[31m"'  # YAML's escapes for ESC and BEL
UNSAFE = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + list("\u061c\u200e\u200f\u2028\u2029")
UNSAFE += [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


def controls(output: bytes) -> set[str]:
    """The control characters of an output, line feeds apart (they end its lines)."""
    text = output.decode("utf-8", "replace")
    return {char for char in text if char in UNSAFE and char != "\n"}


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return methlint(cwd, *args, text=False, **env)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_of_the_example_site(tmp_path)


ATELIER = "_outil/atelier-citoyen.md"


def test_terminal_escape_sequences_in_a_value_are_printed_escaped(site):
    """The issue's case: an `img-bg` whose value sets the window title and clears the screen."""
    set_value(site / ATELIER, "img-bg", ESCAPE_SEQUENCES)
    done = run(site, "check", "--no-cache", ATELIER)
    assert done.stdout.decode().splitlines()[0] == (
        f"{ATELIER}:5:9: AST001 [error] 'img-bg': no file /img/\\x1b]0;PWNED\\x07\\x1b[2J\\x1b[31m in the site"
    )
    assert controls(done.stdout + done.stderr) == set()


def test_a_file_name_holding_a_newline_forges_no_line(site):
    """The issue's case: `x.md<LF>forged.md:1:1: FM001 …` must stay one path on one line."""
    forged = site / "_outil" / "x.md\nforged.md:1:1: FM001 fake.md"
    forged.write_text("---\ntitle: x\nordre:2\n---\n")
    done = run(site, "check", "--no-cache", "--select", "YML003", ".")
    assert done.stdout.decode().splitlines()[0] == (
        "_outil/x.md\\nforged.md:1:1: FM001 fake.md:3:1: YML003 [error] no space after the colon of 'ordre': "
        "write 'ordre: 2' [*]"
    )
    assert sum(line.startswith("forged.md") for line in done.stdout.decode().splitlines()) == 0


def test_an_accented_path_on_an_ascii_stream_is_escaped_not_an_internal_error(site):
    """The issue's case: `LANG=C PYTHONIOENCODING=ascii` with an accented path."""
    (site / "_outil" / "réunion.md").write_text("---\ntitle: Réunion\nordre:2\n---\n", encoding="utf-8")
    done = run(site, "check", "--no-cache", "--select", "YML003", ".", LANG="C", PYTHONIOENCODING="ascii")
    assert done.returncode == 1, done.stderr
    assert done.stdout.decode("ascii").startswith("_outil/r\\xe9union.md:3:1: YML003 [error] no space after")
    for command in (["fix", "--diff"], ["fix"], ["config"]):  # every command writes through the same streams
        again = run(site, *command, ".", LANG="C", PYTHONIOENCODING="ascii")
        assert "internal error" not in again.stderr.decode("ascii"), command


HOSTILE_NAMES = {"_outil/a\u202etxt.md": "a\\u202etxt.md", "_outil/b\x85.md": "b\\x85.md"}


@pytest.mark.parametrize("output_format", ["text", "json", "github", "gitlab", "sarif", "junit"])
def test_a_right_to_left_override_in_a_file_name_in_every_format(site, output_format):
    """Our own: `\u202e` shows `dm.txt` as `txt.md`, the C1 NEL is a line break for some tools.
    Text formats show them escaped; JSON and SARIF keep the name (a JSON escape, a URI escape)."""
    for name in HOSTILE_NAMES:
        (site / name).write_text("---\ntitle: x\nordre:2\n---\n")
    done = run(site, "check", "--no-cache", "--select", "YML003", "--output-format", output_format, ".")
    assert controls(done.stdout) == set()
    if output_format == "json":
        assert {finding["path"] for finding in json.loads(done.stdout)} == set(HOSTILE_NAMES)
    elif output_format == "sarif":
        results = json.loads(done.stdout)["runs"][0]["results"]
        uris = {unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results}
        assert uris == set(HOSTILE_NAMES)
    elif output_format == "gitlab":  # a path GitLab shows as a link: escaped as in the text
        escaped = {"_outil/" + shown for shown in HOSTILE_NAMES.values()}
        assert {issue["location"]["path"] for issue in json.loads(done.stdout)} == escaped
    else:
        if output_format == "junit":
            ET.fromstring(done.stdout)  # well-formed XML
        assert all(escaped in done.stdout.decode() for escaped in HOSTILE_NAMES.values())


def test_a_key_with_control_characters_is_escaped_in_text_and_kept_in_json(site):
    """Our own: an unknown key written with YAML escapes, quoted by SCH005."""
    text = (site / ATELIER).read_text(encoding="utf-8").replace("ordre:", '"cl\\x1b[8m\\x00\\u2029": x\nordre:', 1)
    (site / ATELIER).write_text(text, encoding="utf-8")
    for output_format in ("text", "junit", "json"):
        done = run(site, "check", "--no-cache", "--output-format", output_format, ATELIER)
        assert controls(done.stdout + done.stderr) == set(), output_format
    assert "cl\x1b[8m\x00\u2029" in json.loads(done.stdout)[0]["message"]


def test_fix_reports_escape_what_they_quote(site):
    """Our own: `fix` prints paths and fix titles of its own."""
    (site / "_outil" / "t\x1b[2Jitre.md").write_text("---\ntitle: x\nordre:2\n---\n")
    done = run(site, "fix", "-j1", "--show-fixes", "--select", "YML003", ".")
    assert controls(done.stdout + done.stderr) == set()
    assert b"_outil/t\\x1b[2Jitre.md:3:1: YML003 fixed: Add a space after the colon" in done.stdout


def test_configuration_errors_and_usage_errors_escape_what_they_quote(tmp_path):
    """Our own: a folder name, and a configuration's `content`, are the repository's text too."""
    folder = tmp_path / "dossier\x1b]0;PWNED\x07"
    folder.mkdir()
    (folder / "methlint.toml").write_text("select = [\n")
    broken = run(folder, "check", ".")
    assert broken.returncode == 2 and controls(broken.stderr) == set()
    assert b"dossier\\x1b]0;PWNED\\x07/methlint.toml:" in broken.stderr
    (folder / "methlint.toml").write_text('content = "absent\\u001b[2J"\n')
    usage = run(folder, "check")
    assert usage.returncode == 2 and controls(usage.stderr) == set()
    assert b"no content folder at" in usage.stderr and b"absent\\x1b[2J" in usage.stderr


def test_the_fuzz_harness_checks_the_output_lines():
    """The harness's invariant holds on the issue's values (a message quoting them)."""
    sys.path.insert(0, str(ROOT))
    from fuzz.harness import check_bytes

    check_bytes(f"---\ntitle: Atelier\nordre: {ESCAPE_SEQUENCES}\ncategorie: \u202eabc\n---\n".encode())
