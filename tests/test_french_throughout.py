"""Every command in French prints no English message: each output line is searched for the English
text of every catalogue message whose French differs (the literal parts of its msgid, between its
placeholders), so a message printed without going through the catalogue, or a help text or click
message left out of it, fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from methlint.cli import cli
from methlint.i18n_extract import PLURAL_SEPARATOR, PO_PATH, extract, parse_po
from methlint.rule_catalogue import RULES_MD
from methlint.rule_docs import blocks, fence_problems, paragraphs
from methlint.rules import ALL_RULES, Rule
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
# English no msgid holds whole: click's headings, metavars and help extras, plurals written (s),
# the rule docs' headings and opening words, jsonschema's own wording
ENGLISH_PATTERNS = [
    re.compile(pattern)
    for pattern in (
        r"\b(errors?|warnings?|files?|documents?|findings?|erreurs?|avertissements?|fichiers?|corrigeables?)\(s\)",
        r"^\s*(Usage|Error|Options|Commands):",
        r"\[PATHS\]",
        r"COMMAND \[ARGS\]",
        r"\b(TEXT|INTEGER|FILES?|PATHS?|KIND)\b",  # metavars, and help texts naming them
        r"x>=0",
        r"\[default: ",
        r"\[required\]",
        r"Missing argument|No such option|Invalid value",
        r"^## (What it does|Why is this bad\?|Example|Fix safety)$",
        r"^(Use instead|Reports |No fix|Safe: |Unsafe: )",
        r"is not of type '|is (greater|less) than the (maximum|minimum)|should be non-empty|is too short",
    )
]


def english_lines(output: str) -> list[str]:
    return [
        line
        for line in output.splitlines()
        if any(fragment in line for fragment in FRAGMENTS) or any(p.search(line) for p in ENGLISH_PATTERNS)
    ]


def test_the_list_holds_the_messages_of_every_kind() -> None:
    assert {"Show this message and exit", "Try '", "Apply the safe fixes, verified, then report what remains"} & set(
        FRAGMENTS
    )
    assert "Show this message and exit" in FRAGMENTS  # click's own
    assert "Apply the safe fixes, verified, then report what remains" in FRAGMENTS  # a docstring
    assert "Write the report to this file instead of standard output" in FRAGMENTS  # a help= text
    assert "Found" not in FRAGMENTS  # too short to tell apart
    english_seen_once = [
        "Options:",
        "Usage: methlint check [OPTIONS] [PATHS]...",
        "  --select TEXT                   Only these rule codes",
        "  -j, --jobs INTEGER RANGE        Processes  [default: 0; x>=0]",
        "  --kind [methode|outil|usage]  Le type de document.  [required]",
        "Error: Missing argument 'CODE'.",
        "  Sans KIND, lister les schémas disponibles.",
        "## What it does",
        "Reports required keys missing from the front matter, all in one finding at the mapping.",
        "29 erreur(s), 415 avertissement(s) et 254 info(s) dans 55 fichier(s).",
        "methlint.toml:1:1: max-file-bytes: '1MB' is not of type 'integer'",
    ]
    assert [line for line in english_seen_once if not english_lines(line)] == []


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
    ["explain", "SCH001"],
    ["explain"],
    ["check", "-j", "-1"],
    ["check", "-j", "x"],
    ["check", "--color", "nope"],
    ["check", "--no-cache", "--diff-base", "nope"],
    ["check", "--help"],
    ["cms", "check"],
    ["new", "_outil/nouveau.md", "--kind", "methode", "--title", "Nouveau"],
    ["nope"],
]


@pytest.mark.parametrize("command", RUNS, ids=" ".join)
def test_every_command_in_french_on_the_real_site(site: Path, command: list[str]) -> None:
    result = cli_runner().invoke(cli, command)
    assert result.exit_code in (0, 1, 2)
    assert english_lines(result.stdout + result.stderr) == []


def _french_catalogue() -> dict[str, str]:
    return parse_po(PO_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_every_rule_documentation_has_french(rule: Rule) -> None:
    """Each prose paragraph of the docstring is translated; the French keeps the Markdown's
    shape (no paragraph turned into a heading, a list or a fence)."""
    catalogue = _french_catalogue()
    untranslated = [p for p in paragraphs(rule.doc.strip()) if not catalogue.get(p) or catalogue[p] == p]
    assert untranslated == []
    for paragraph in paragraphs(rule.doc.strip()):
        assert [block.kind for block in blocks(catalogue[paragraph])] == ["prose"], paragraph


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_every_rule_explained_in_french(rule: Rule) -> None:
    """Headings, summary and prose in French; the code blocks exactly as in English."""
    english = cli_runner().invoke(cli, ["--lang", "en", "explain", rule.code]).stdout
    french = cli_runner().invoke(cli, ["--lang", "fr", "explain", rule.code]).stdout
    lines = french.splitlines()
    headings = ["## Ce que fait la règle", "## Pourquoi est-ce un problème\u00a0?", "## Exemple"]
    assert [line for line in lines if line.startswith("## ")] == [*headings, "## Sûreté de la correction"]
    assert lines[2] != rule.summary  # the summary, translated
    english_prose = {line for p in paragraphs(rule.doc.strip()) for line in p.splitlines() if " " in line}
    assert [line for line in lines if line in english_prose] == []
    assert [b for b in blocks(french) if b.kind == "code"] == [b for b in blocks(english) if b.kind == "code"]
    assert english_lines(french) == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_explain_prints_well_formed_markdown(language: str) -> None:
    """Every fence on its own line, every code block closed (SCH001's example once had text after
    its closing fence), in both languages and in docs/rules.md."""
    for rule in ALL_RULES:
        shown = cli_runner().invoke(cli, ["--lang", language, "explain", rule.code]).stdout
        assert fence_problems(shown) == [], rule.code
    assert fence_problems(RULES_MD.read_text(encoding="utf-8")) == []


def test_fence_problems_finds_text_after_a_closing_fence() -> None:
    assert fence_problems("```yaml\ntitle: x\n```  (no `tagline`)\n") == [
        "line 3: text after a closing fence: '```  (no `tagline`)'",
        "a code fence is never closed",
    ]
    assert fence_problems("```yaml\ntitle: x\n```\n\n(no `tagline`)\n") == []


def test_no_message_writes_a_plural_with_s_in_brackets() -> None:
    """Counts go through ngettext: "1 file", "2 files", never "file(s)", in either language."""
    catalogue = _french_catalogue()
    written = [m for m in (*catalogue, *catalogue.values(), *extract()) if "(s)" in m]
    assert written == []
