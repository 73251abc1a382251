"""French and English messages: language choice, catalogue completeness, the committed .mo."""

from __future__ import annotations

import gettext
import io
import json
import os
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest

from methlint import i18n
from methlint.cli import cli
from methlint.i18n_extract import MO_PATH, PLURAL_SEPARATOR, PO_PATH, compile_mo, extract, missing, parse_po
from methlint.linter import lint_text
from tests.cli_runner import cli_runner

ROOT = Path(__file__).parent.parent
NOT_TEXT = "---\ntitle: 1\ncategorie: methode\n---\n"


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr"}, "fr"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "fr_CA.UTF-8@euro"}, "fr"),
        ({"LC_ALL": "fr_BE.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "de:fr:en", "LANG": "en_US.UTF-8"}, "fr"),  # first language we have
        ({"LANGUAGE": "", "LC_ALL": "", "LANG": "fr_FR.UTF-8"}, "fr"),  # empty means unset
        ({"LANGUAGE": "en_US", "LC_ALL": "fr_FR.UTF-8"}, "en"),  # LANGUAGE comes first
    ],
)
def test_language_from_environment(environ: dict[str, str], language: str) -> None:
    assert i18n.language_from_environment(environ) == language


MISSING_TOOL_KEYS = [
    "tagline",
    "img-bg",
    "contact",
    "contract",
    "logo",
    "owner",
    "access_link",
    "url_video_demo",
    "vignette_video_demo",
    "date",
    "priorites",
    "qualites",
    "atouts",
    "inconvenients",
    "layout",
    "ordre",
]


def test_activate_switches_rule_messages() -> None:
    assert lint_text(NOT_TEXT)[1].message == "'title' must be text, found the number 1"
    i18n.activate("fr")
    assert lint_text(NOT_TEXT)[1].message == "«\u00a0title\u00a0» doit être du texte, trouvé le nombre 1"


def test_lang_option_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_outil" / "a.md").write_text(NOT_TEXT, encoding="utf-8")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    english = cli_runner().invoke(cli, ["check", "--lang", "en", str(tmp_path / "_outil")])
    assert "must be text" in english.stdout
    french = cli_runner().invoke(cli, ["--lang", "fr", "check", str(tmp_path / "_outil")])
    assert "doit être du texte" in french.stdout


def test_lang_fr_env_prints_french_and_keeps_codes_and_json_keys(tmp_path: Path) -> None:
    """The acceptance test: `LANG=fr_FR.UTF-8 methlint check` in a real process."""
    (tmp_path / "_outil").mkdir()
    (tmp_path / "_outil" / "a.md").write_text(NOT_TEXT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="fr_FR.UTF-8", PYTHONPATH=str(ROOT))
    text = subprocess.run(
        [sys.executable, "-m", "methlint", "check", "_outil"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert text.returncode == 1
    assert text.stdout.splitlines() == [
        "_outil/a.md:2:1: SCH001 [erreur] clés obligatoires absentes\u00a0: "
        + ", ".join(f"«\u00a0{key}\u00a0»" for key in MISSING_TOOL_KEYS),
        "_outil/a.md:2:8: SCH002 [erreur] «\u00a0title\u00a0» doit être du texte, trouvé le nombre 1",
        "Problèmes par règle\u00a0:",
        "  1  erreur  SCH001  Clé obligatoire absente",
        "  1  erreur  SCH002  Valeur du mauvais type",
        "2 erreurs, 0 avertissement et 0 info dans 1 fichier.",
    ]
    as_json = subprocess.run(
        [sys.executable, "-m", "methlint", "check", "--output-format", "json", "_outil"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    first = json.loads(as_json.stdout)[0]
    assert set(first) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "severity",
        "message",
        "fixable",
        "visible",
    }
    assert (first["code"], first["severity"]) == ("SCH001", "error")


def test_every_message_has_a_french_translation() -> None:
    """On failure run `python -m methlint.i18n_extract --update`, then translate the empty msgstr."""
    absent = missing(PO_PATH.read_text(encoding="utf-8"))
    assert absent == {}, "untranslated: " + "; ".join(f"{where} {msg!r}" for msg, where in absent.items())


def _fields(message: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(message) if field is not None}


def test_translations_keep_the_placeholders() -> None:
    catalogue = parse_po(PO_PATH.read_text(encoding="utf-8"))
    wrong = {m: t for m, t in catalogue.items() if m and t and _fields(m) != _fields(t)}
    assert wrong == {}


def test_committed_mo_is_compiled_from_the_po() -> None:
    """On failure run `python -m methlint.i18n_extract --update`."""
    assert MO_PATH.read_bytes() == compile_mo(parse_po(PO_PATH.read_text(encoding="utf-8")))


def test_compiled_mo_reads_back_through_gettext() -> None:
    catalogue = parse_po(PO_PATH.read_text(encoding="utf-8"))
    translation = gettext.GNUTranslations(io.BytesIO(compile_mo(catalogue)))
    for message, translated in catalogue.items():
        if PLURAL_SEPARATOR in message:
            (singular, plural), forms = message.split(PLURAL_SEPARATOR), translated.split(PLURAL_SEPARATOR)
            assert [translation.ngettext(singular, plural, n) for n in (0, 1, 2, 10)] == [forms[0]] * 2 + [forms[1]] * 2
        elif message:
            assert translation.gettext(message) == translated


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
def test_po_passes_gnu_msgfmt_and_agrees_with_our_compiler(tmp_path: Path) -> None:
    subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "gnu.mo"), str(PO_PATH)], check=True)
    with open(tmp_path / "gnu.mo", "rb") as handle:
        gnu = gettext.GNUTranslations(handle)
    ours = gettext.GNUTranslations(io.BytesIO(MO_PATH.read_bytes()))
    for message in extract():
        if PLURAL_SEPARATOR in message:
            singular, plural = message.split(PLURAL_SEPARATOR)
            assert [ours.ngettext(singular, plural, n) for n in (1, 2)] == [
                gnu.ngettext(singular, plural, n) for n in (1, 2)
            ]
        else:
            assert ours.gettext(message) == gnu.gettext(message)


def test_po_parser_handles_continuations_escapes_and_fuzzy() -> None:
    po = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: a.py:1\nmsgid "two "\n"lines"\nmsgstr "deux "\n"lignes \\"ok\\""\n\n'
        '#, fuzzy\nmsgid "guess"\nmsgstr "devine"\n\n'
        'msgid "empty"\nmsgstr ""\n'
    )
    assert parse_po(po) == {
        "": "Content-Type: text/plain; charset=UTF-8\n",
        "two lines": 'deux lignes "ok"',
        "empty": "",
    }


def test_extraction_finds_messages_summaries_and_deferred_marks() -> None:
    found = extract()
    assert "unused suppression: no {code} finding here; remove it" in found  # _("...")
    assert "Suppression comment that hid nothing" in found  # Rule(..., summary)
    assert "a whole number" in found  # N_("...")
    assert all(not re.fullmatch(r"\s*", message) for message in found)


def test_extract_script_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    from methlint.i18n_extract import main

    assert main([]) == 0
    assert capsys.readouterr().out == ""
