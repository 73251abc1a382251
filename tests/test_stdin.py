"""`-` with --stdin-filename: standard input checked and fixed as the document of that name (its
configuration, collection and siblings), the file on disk neither read nor written."""

from __future__ import annotations

from pathlib import Path

import pytest

from methlint.cli import cli
from tests.cli_runner import cli_runner

TEXT = "---\ntitle: L'outil\n---\nC'est  bien.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_config.yml").write_text("title: site\n", encoding="utf-8")
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_usage").mkdir()
    monkeypatch.chdir(tmp_path)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def run(*args: str, text: str | bytes = TEXT) -> tuple[int, bytes, str]:
    result = cli_runner().invoke(cli, list(args), input=text.encode("utf-8") if isinstance(text, str) else text)
    return result.exit_code, result.stdout_bytes, result.stderr


def test_check_reports_standard_input_under_its_name(site: Path) -> None:
    code, out, err = run("check", "--no-cache", "--select", "TYP", "-", "--stdin-filename", "_outil/neuf.md")
    assert (code, err) == (1, "")
    assert out.decode("utf-8") == (
        # the body goes through the site's kramdown: its apostrophe and spaces change nothing on the page
        "_outil/neuf.md:2:9: TYP010 [warning] apostrophe ' where the policy is ’: replace it\n"
        "_outil/neuf.md:4:2: TYP010 [info, invisible] apostrophe ' where the policy is ’: replace it [*]\n"
        "_outil/neuf.md:4:6: TYP001 [info, invisible] 2 spaces in a row: use one space [*]\n"
        "Findings by rule:\n"
        "  1  warning  TYP010  Apostrophe against the policy\n"
        "  1  info     TYP001  Several spaces in a row in prose\n"
        "  1  info     TYP010  Apostrophe against the policy\n"
        "Found 0 errors, 1 warning and 2 info in 1 file. 2 fixable with `methlint fix` (marked [*])."
        " 1 fixable with `methlint fix --unsafe-fixes`. 2 of 3 change nothing on the page (marked invisible).\n"
    )
    # --stdin-filename alone reads standard input too, as in ruff
    assert run("check", "--no-cache", "--select", "TYP", "--stdin-filename", "_outil/neuf.md")[1] == out


def test_the_name_chooses_the_schema_and_the_configuration(site: Path) -> None:
    text = "---\ntitle: Un outil\ncategorie: outil\n---\n"
    usage = run("check", "--no-cache", "--select", "SCH001", "-", "--stdin-filename", "_usage/u.md", text=text)
    assert b"_usage/u.md:2:1: SCH001 [error] missing required keys 'link', 'description'" in usage[1]
    outil = run("check", "--no-cache", "--select", "SCH001", "-", "--stdin-filename", "_outil/o.md", text=text)
    assert b"_outil/o.md:2:1: SCH001 [error] missing required keys 'tagline', 'lettre_engagement'" in outil[1]
    (site / "_usage" / "methlint.toml").write_text('ignore = ["SCH"]\n', encoding="utf-8")
    assert run("check", "--no-cache", "-", "--stdin-filename", "_usage/u.md", text=text)[:2] == (
        0,
        b"All good: 1 file checked.\n",
    )


def test_standard_input_replaces_the_file_of_its_name_among_its_siblings(site: Path) -> None:
    document = "---\ntitle: {title}\ncategorie: methode\nordre: {ordre}\n---\n"
    (site / "_outil" / "a.md").write_text(document.format(title="A", ordre=1), encoding="utf-8")
    (site / "_outil" / "b.md").write_text(document.format(title="B", ordre=1), encoding="utf-8")
    args = ("check", "--no-cache", "--select", "ORD001", "-", "--stdin-filename", "_outil/b.md")
    # on disk, b.md clashes with a.md; given ordre 2, it does not, and given ordre 1 it does
    assert run(*args, text=document.format(title="B", ordre=2))[0] == 0
    code, out, _err = run(*args, text=document.format(title="B", ordre=1))
    assert code == 1 and out.startswith(b"_outil/b.md:4:8: ORD001 [error] ")


def test_fix_writes_the_fixed_text_to_standard_output_and_nothing_to_disk(site: Path) -> None:
    on_disk = site / "_outil" / "neuf.md"
    on_disk.write_text("unchanged\n", encoding="utf-8")
    crlf = "---\r\ntitle: Outil\r\n---\r\nC'est  bien.\r\n"
    code, out, err = run("fix", "--show-fixes", "--select", "TYP", "-", "--stdin-filename", "_outil/neuf.md", text=crlf)
    assert (code, out) == (0, "---\r\ntitle: Outil\r\n---\r\nC’est bien.\r\n".encode())
    assert err.startswith("_outil/neuf.md:4:2: TYP010 fixed: Replace the apostrophe\n")
    assert on_disk.read_text(encoding="utf-8") == "unchanged\n"


def test_fix_passes_unreadable_input_through_unchanged(site: Path) -> None:
    raw = b"---\ntitle: caf\xe9\n---\n"
    code, out, err = run("fix", "-", "--stdin-filename", "_outil/x.md", text=raw)
    assert (code, out) == (1, raw)
    assert "FM" in err


def test_fix_diff_on_standard_input(site: Path) -> None:
    code, out, _err = run("fix", "--diff", "--select", "TYP001", "-", "--stdin-filename", "_outil/n.md")
    assert code == 1
    assert out.decode("utf-8").splitlines()[-2:] == ["-C'est  bien.", "+C'est bien."]


def test_force_exclude_leaves_an_excluded_name_out(site: Path) -> None:
    (site / "methlint.toml").write_text('extend-exclude = ["brouillons"]\n', encoding="utf-8")
    args = ("-", "--stdin-filename", "_outil/brouillons/n.md")
    assert run("check", "--no-cache", "--force-exclude", *args)[:2] == (0, b"All good: 0 files checked.\n")
    assert run("check", "--no-cache", *args)[0] == 1
    assert run("fix", "--force-exclude", *args) == (0, TEXT.encode("utf-8"), "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "-"), "`-` reads standard input: name the document with --stdin-filename"),
        (("check", "-", "_outil", "--stdin-filename", "a.md"), "`-` (standard input) is the only path of its run"),
        (("check", "_outil", "--stdin-filename", "a.md"), "--stdin-filename names standard input: give `-`"),
        (("fix", "--unsafe-fixes", "-", "--stdin-filename", "_outil/a.md"), "--unsafe-fixes renames references"),
    ],
)
def test_usage_errors(site: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, b"")
    assert f"Error: {message}" in err
