"""French beyond the catalogue's sentences: click's own words (headings, metavars, errors), the
messages of git and jsonschema wrapped in French, and one way of quoting values: « value », with
no-break spaces inside, as the French catalogue writes them. Exact bytes, in both languages."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from methlint.cli import cli
from methlint.i18n_extract import PO_PATH, parse_po
from tests.cli_runner import cli_runner

NB = "\u00a0"


def run(*args: str) -> tuple[int, str, str]:
    result = cli_runner().invoke(cli, list(args), prog_name="methlint")
    return result.exit_code, result.stdout, result.stderr


def test_help_headings_and_metavars_in_french() -> None:
    _code, root, _err = run("--lang", "fr", "--help")
    assert root.startswith(f"Utilisation{NB}: methlint [OPTIONS] COMMANDE [ARGUMENTS]...\n")
    assert f"\nOptions{NB}:\n" in root and f"\nCommandes{NB}:\n" in root
    _code, check, _err = run("--lang", "fr", "check", "--help")
    assert check.startswith(f"Utilisation{NB}: methlint check [OPTIONS] [CHEMINS]...\n")
    assert re.search(r"^  --select TEXTE +Seulement ces codes", check, re.M)
    assert re.search(r"^  -j, --jobs ENTIER +Processus pour", check, re.M)
    assert f"[par défaut{NB}: 0]" in check and "x>=0" not in check
    _code, new, _err = run("--lang", "fr", "new", "--help")
    assert new.startswith(f"Utilisation{NB}: methlint new [OPTIONS] CHEMIN\n")
    assert re.search(r"^  --title TEXTE +Le titre du document", new, re.M)
    assert new.count("[obligatoire]") == 2


def test_help_headings_and_metavars_stay_clicks_in_english() -> None:
    _code, check, _err = run("--lang", "en", "check", "--help")
    assert check.startswith("Usage: methlint check [OPTIONS] [PATHS]...\n")
    assert "\nOptions:\n" in check
    assert re.search(r"^  --select TEXT +Only these rule codes", check, re.M)
    assert re.search(r"^  -j, --jobs INTEGER +Processes for large runs", check, re.M)
    assert run("--lang", "en", "new", "--help")[1].count("[required]") == 2


# the help option click names in its hint: `--help`, or the first of help_option_names before click 8.2
HELP = re.search(r"Try 'methlint check (\S+)' for help", run("--lang", "en", "check", "--bad")[2])[1]  # type: ignore[index]


def _usage_error(command: str, usage: str) -> str:
    return f"Utilisation{NB}: methlint {command} {usage}\nEssayez «{NB}methlint {command} {HELP}{NB}» pour l’aide.\n\n"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["check", "-j", "-1"],
            f"Valeur invalide pour «{NB}--jobs{NB}» / «{NB}-j{NB}»{NB}: "
            f"-1 est inférieur à 0 (0{NB}: un processus par cœur)",
        ),
        (
            ["check", "-j", "x"],
            f"Valeur invalide pour «{NB}--jobs{NB}» / «{NB}-j{NB}»{NB}: «{NB}x{NB}» n’est pas un nombre entier",
        ),
        (["check", "--bad"], f"Option inconnue «{NB}--bad{NB}»."),
        (
            ["check", "--color", "nope"],
            f"Valeur invalide pour «{NB}--color{NB}»{NB}: «{NB}nope{NB}» n’est pas l’une de ces valeurs{NB}: "
            f"«{NB}auto{NB}», «{NB}always{NB}», «{NB}never{NB}».",
        ),
        (
            ["check", "nope"],
            f"Valeur invalide pour «{NB}[CHEMINS]...{NB}»{NB}: Chemin «{NB}nope{NB}» n’existe pas.",
        ),
    ],
)
def test_click_errors_in_french_exact_bytes(args: list[str], error: str) -> None:
    code, stdout, stderr = run("--lang", "fr", *args)
    assert (code, stdout, stderr) == (2, "", _usage_error("check", "[OPTIONS] [CHEMINS]...") + f"Erreur{NB}: {error}\n")


def test_a_missing_argument_in_french_and_in_english() -> None:
    assert run("--lang", "fr", "explain")[2] == (
        _usage_error("explain", "[OPTIONS] CODE") + f"Erreur{NB}: Argument manquant «{NB}CODE{NB}».\n"
    )
    assert run("--lang", "en", "explain")[2] == (
        f"Usage: methlint explain [OPTIONS] CODE\nTry 'methlint explain {HELP}' for help.\n\n"
        "Error: Missing argument 'CODE'.\n"
    )


def test_click_errors_keep_their_english_quotes_in_english() -> None:
    assert run("--lang", "en", "check", "-j", "-1")[2].endswith(
        "Error: Invalid value for '--jobs' / '-j': -1 is below 0 (0: one process per core)\n"
    )


def test_git_failure_is_a_french_sentence_with_gits_words_as_detail(tmp_path: Path) -> None:
    """Outside a repository: what happened and what to do in French, git's own text after it."""
    site = tmp_path / "site"
    (site / "_outil").mkdir(parents=True)
    (site / "_config.yml").write_text("title: x\n", encoding="utf-8")
    (site / "_outil" / "a.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    said = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=site, capture_output=True, text=True)
    assert said.returncode != 0
    detail = " ".join(said.stderr.split())
    result = cli_runner().invoke(cli, ["--lang", "fr", "check", "--no-cache", "--diff-base", "main", str(site)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Erreur{NB}: «{NB}{site}{NB}» n’est pas dans un dépôt git, et ce qui a changé se lit dans "
        f"l’historique de git{NB}: lancez methlint dans le dépôt du site (git dit{NB}: «{NB}{detail}{NB}»)"
    )
    english = cli_runner().invoke(cli, ["--lang", "en", "check", "--no-cache", "--diff-base", "main", str(site)])
    assert english.stderr.splitlines()[-1] == (
        f"Error: '{site}' is not inside a git repository, and what changed is read from git's history: "
        f"run methlint in the site's repository (git says: {detail})"
    )


@pytest.mark.parametrize(
    ("toml", "english", "french"),
    [
        (
            'max-file-bytes = "1MB"\n',
            "max-file-bytes must be a whole number, found the text '1MB'",
            f"max-file-bytes doit être un nombre entier, trouvé le texte «{NB}1MB{NB}»",
        ),
        (
            "date-future-years = 100000\n",
            "date-future-years must be at most 1000, found the number 100000",
            "date-future-years doit valoir au plus 1000, trouvé le nombre 100000",
        ),
        (
            "[typography]\nhard-break-spaces = -1\n",
            "typography.hard-break-spaces must be at least 0, found the number -1",
            "typography.hard-break-spaces doit valoir au moins 0, trouvé le nombre -1",
        ),
    ],
)
def test_configuration_schema_errors_in_methlints_words(tmp_path: Path, toml: str, english: str, french: str) -> None:
    """jsonschema's own English ("is not of type 'integer'") no longer reaches the user."""
    (tmp_path / "methlint.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "content").mkdir()
    line = toml.count("\n")
    for language, words in (("en", english), ("fr", french)):
        result = cli_runner().invoke(cli, ["--lang", language, "check", str(tmp_path / "content")])
        assert (result.exit_code, result.stderr) == (2, f"{tmp_path / 'methlint.toml'}:{line}:1: {words}\n")


def test_a_schema_keyword_methlint_does_not_word_wraps_the_validators_text(tmp_path: Path) -> None:
    """A checkout whose schema uses a keyword methlint has no words for (``maxLength``): the
    finding says which rule of the schema, in French, and quotes the validator's text as the detail."""
    import json
    import shutil
    import sys

    import methlint
    from tests.realsite import lay_out

    source = Path(methlint.__file__).parent.parent
    checkout = tmp_path / "checkout"
    shutil.copytree(source / "methlint", checkout / "methlint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(source / "schemas", checkout / "schemas")
    schema_path = checkout / "schemas" / "method.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["tagline"]["maxLength"] = 40
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    site = lay_out(tmp_path / "site")
    tagline = "Produire un plan d’action avec les citoyens et les parties prenantes"
    detail = next(Draft202012Validator({"maxLength": 40}).iter_errors(tagline)).message
    expected = {
        "en": f"'tagline' breaks the schema rule 'maxLength' (the validator says: {detail})",
        "fr": f"«{NB}tagline{NB}» enfreint la règle de schéma «{NB}maxLength{NB}» "
        f"(le validateur dit{NB}: «{NB}{detail}{NB}»)",
    }
    for language, message in expected.items():
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "methlint",
                "--lang",
                language,
                "check",
                "--no-cache",
                "--select",
                "SCH006",
                "--output-format",
                "json",
                "_outil/atelier du futur.md",
            ],
            cwd=site,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(checkout)},
            check=False,
        )
        assert [f["message"] for f in json.loads(done.stdout)] == [message], done.stderr


# --- one way of quoting, in the catalogue and on the real site --------------------------------

# TYP008's summary lists the signs themselves (« » among them), not a quotation
_LISTS_THE_SIGNS = "Pas d’espace insécable avant ; : ! ? » ou après «"


def _prose(text: str) -> str:
    return re.sub(r"`[^`]*`", "", text)  # code spans show what the editor writes, quotes included


def test_the_french_catalogue_quotes_values_one_way() -> None:
    """« value » with no-break spaces inside; never 'value' nor a repr ({value!r}); a no-break
    space before : ; ? ! as everywhere in the catalogue."""
    offending = []
    for msgid, msgstr in parse_po(PO_PATH.read_text(encoding="utf-8")).items():
        french = _prose(msgstr)
        if not msgid or french == _LISTS_THE_SIGNS:
            continue
        if (
            "!r}" in french
            or re.search(r"'[^'\n]*'", french)
            or re.search(r"«(?!\u00a0)|(?<!\u00a0)»", french)
            or re.search(r" [:;?!]", french)
        ):
            offending.append(msgstr)
    assert offending == []


def test_real_site_findings_quote_keys_and_values_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.realsite import lay_out

    monkeypatch.chdir(lay_out(tmp_path / "site"))
    stdout = cli_runner().invoke(cli, ["--lang", "fr", "check", "--no-cache", "--select", "SCH,AST001"]).stdout
    lines = stdout.splitlines()
    assert (
        f"_usage/consultation-europe.md:2:1: SCH001 [erreur] clés obligatoires absentes{NB}: "
        f"«{NB}outil{NB}», «{NB}methodes{NB}»"
    ) in lines
    assert (
        f"_usage/conference-regionale-gd.md:9:1: SCH005 [avertissement] clé inconnue «{NB}methode{NB}»{NB}: "
        f"vouliez-vous dire «{NB}methodes{NB}»\u202f?"
    ) in lines
    assert (
        f"_outil/civocracy.md:6:9: AST001 [erreur] «{NB}img-bg{NB}»{NB}: aucun fichier /img/Etalab_Civocracy dans "
        f"le site{NB}: vouliez-vous dire «{NB}Etalab_Civocracy.jpg{NB}»{NB}? (il manque l’extension)"
    ) in lines
    findings = [line for line in lines if re.match(r"^\S.*:\d+:\d+: ", line)]
    assert findings and not [line for line in findings if "'" in line]
