"""Every command in French prints no English message: each output line is searched for the English
text of every catalogue message whose French differs (the literal parts of its msgid, between its
placeholders), so a message printed without going through the catalogue, or a help text or click
message left out of it, fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from methlint.cli import cli
from methlint.i18n_extract import PLURAL_SEPARATOR, PO_PATH, parse_po
from tests.cli_runner import cli_runner
from tests.realsite import lay_out

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z]+\)s")


def english_fragments() -> list[str]:
    """The English pieces methlint can print: the literal runs of each msgid translated
    differently, long enough (12 characters, two words) not to be a French word too."""
    fragments = set()
    for msgid, msgstr in parse_po(PO_PATH.read_text(encoding="utf-8")).items():
        if not msgid or not msgstr:
            continue
        for english, french in zip(msgid.split(PLURAL_SEPARATOR), msgstr.split(PLURAL_SEPARATOR), strict=False):
            if english == french:
                continue
            for line in english.splitlines():
                for piece in _PLACEHOLDER.split(line):
                    piece = piece.strip(" .:;,()'\"`")
                    if len(piece) >= 12 and " " in piece and piece not in french:
                        fragments.add(piece)
    return sorted(fragments, key=len, reverse=True)


FRAGMENTS = english_fragments()


def english_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if any(fragment in line for fragment in FRAGMENTS)]


def test_the_list_holds_the_messages_of_every_kind() -> None:
    assert {"Show this message and exit", "Try '", "Apply the safe fixes, verified, then report what remains"} & set(
        FRAGMENTS
    )
    assert "Show this message and exit" in FRAGMENTS  # click's own
    assert "Apply the safe fixes, verified, then report what remains" in FRAGMENTS  # a docstring
    assert "Write the report to this file instead of standard output" in FRAGMENTS  # a help= text
    assert "Found" not in FRAGMENTS  # too short to tell apart


COMMANDS = [
    [],
    ["check"],
    ["fix"],
    ["hook"],
    ["config"],
    ["rules"],
    ["explain"],
    ["schema"],
    ["new"],
    ["cms"],
    ["cms", "check"],
    ["cms", "generate"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "methlint")
def test_every_help_in_french(command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for how in (["--lang", "fr", *command, "--help"], [*command, "--help", "--lang", "fr"]):
        result = cli_runner().invoke(cli, how)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Utilisation\u00a0: ")
        assert english_lines(result.stdout) == []
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert english_lines(cli_runner().invoke(cli, [*command, "--help"]).stdout) == []


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = lay_out(tmp_path / "site")
    monkeypatch.chdir(root)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    return root


RUNS = [
    ["check", "--no-cache"],
    ["check", "--no-cache", "--statistics"],
    ["check", "--no-cache", "--quiet"],
    ["check", "--no-cache", "--output-format", "github"],
    ["check", "--no-cache", "nope"],
    ["check", "--bad-option"],
    ["check", "--quiet", "--statistics"],
    ["check", "-"],
    ["fix", "--diff"],
    ["fix", "--show-fixes"],
    ["rules"],
    ["config"],
    ["schema"],
    ["schema", "nope"],
    ["explain", "nope"],
    ["cms", "check"],
    ["new", "_outil/nouveau.md", "--kind", "methode", "--title", "Nouveau"],
    ["nope"],
]


@pytest.mark.parametrize("command", RUNS, ids=" ".join)
def test_every_command_in_french_on_the_real_site(site: Path, command: list[str]) -> None:
    result = cli_runner().invoke(cli, command)
    assert result.exit_code in (0, 1, 2)
    assert english_lines(result.stdout + result.stderr) == []


def test_every_rule_explained_in_french() -> None:
    """The summary and the headings; the documentation's text itself is English (README)."""
    from methlint.rules import ALL_RULES

    headings = ["## Ce que fait la règle", "## Pourquoi est-ce un problème\u00a0?", "## Exemple"]
    for rule in ALL_RULES:
        lines = cli_runner().invoke(cli, ["--lang", "fr", "explain", rule.code]).stdout.splitlines()
        assert [line for line in lines if line.startswith("## ")][:3] == headings, rule.code
        assert "## Sûreté de la correction" in lines
        assert not any(line.startswith("Use instead") for line in lines)
        assert lines[2] != rule.summary, rule.code  # the summary, translated
