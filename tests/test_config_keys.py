"""Every documented configuration key takes effect: each one, written in a real methlint.toml at
the root of the real site, changes what `methlint check` (or `fix`) does. (A site's own contracts in
[collections] are tested in test_site_contracts.py.)"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from methlint.schemas import load_schema
from tests.realsite import lay_out
from tests.realsite_repo import edit, found, methlint

TESTED_HERE = {
    "content",
    "collections",
    "assets",
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "severities",
    "lower-invisible",
    "ordre-scope",
    "date-future-years",
    "max-file-bytes",
    "exclude",
    "extend-exclude",
    "respect-gitignore",
    "lang",
    "yaml-limits.max-depth",
    "yaml-limits.max-aliases",
    "yaml-limits.max-events",
    "typography.apostrophe",
    "typography.nbsp",
    "typography.hard-break-spaces",
    "typography.prose-keys",
    "typography.unknown-keys-are-prose",
    "typography.profile",
    "typography.language",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return lay_out(tmp_path / "consultation.gouv.fr")


def check(site: Path, *args: str, toml: str | None = None) -> list[tuple[str, int, int, str]]:
    """The findings of ``methlint check ARGS`` at the site root, with this methlint.toml (or none)."""
    configuration = site / "methlint.toml"
    configuration.unlink(missing_ok=True)
    if toml is not None:
        configuration.write_text(toml, encoding="utf-8")
    done = methlint(site, "check", "--output-format", "json", "--no-cache", *args)
    assert done.returncode in (0, 1), done.stderr
    return found(done)


def codes(findings: list[tuple[str, int, int, str]]) -> set[str]:
    return {code for _path, _line, _column, code in findings}


def test_every_documented_key_is_tested_here() -> None:
    properties = load_schema("config.schema.json")["properties"]
    tables = ("typography", "yaml-limits")
    documented = {key for key in properties if key not in tables}
    documented |= {f"{table}.{key}" for table in tables for key in properties[table]["properties"]}
    assert documented == TESTED_HERE


def test_content(site: Path) -> None:
    everything = {path.split("/")[0] for path, *_rest in check(site)}
    assert {"_outil", "_usage", "_usage_citoyens"} <= everything
    configured = check(site, toml='content = "_usage_citoyens"\n')
    assert {path.split("/")[0] for path, *_rest in configured} == {"_usage_citoyens"}


def test_collections(site: Path) -> None:
    document = "_usage_citoyens/afb.md"
    assert check(site, "--select", "SCH", document) == [(document, 1, 1, "SCH007")]  # no schema applies
    configured = check(site, "--select", "SCH", document, toml='[collections]\n"_usage_citoyens" = "usage"\n')
    assert "SCH007" not in codes(configured) and "SCH001" in codes(configured)  # the usage schema applies


def folders(findings: list[tuple[str, int, int, str]]) -> set[str]:
    return {path.split("/")[0] for path, *_rest in findings}


def test_exclude(site: Path) -> None:
    assert folders(check(site, toml='exclude = ["_usage"]\n')) == {"_outil", "_usage_citoyens", "civocracy-lyon.md"}


def test_extend_exclude(site: Path) -> None:
    assert folders(check(site, toml='extend-exclude = ["_usage*"]\n')) == {"_outil", "civocracy-lyon.md"}


def test_respect_gitignore(site: Path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(site)], check=True)
    with (site / ".gitignore").open("a", encoding="utf-8") as gitignore:
        gitignore.write("_usage_citoyens/\n")
    assert folders(check(site)) == {"_outil", "_usage", "civocracy-lyon.md"}
    assert folders(check(site, toml="respect-gitignore = false\n")) == {
        "_outil",
        "_usage",
        "_usage_citoyens",
        "civocracy-lyon.md",
    }


def test_lang(site: Path) -> None:
    """A CI runner's LANG=C reports in the site's language; --lang still wins."""
    (site / "methlint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    french = methlint(site, "check", "--no-cache", "--quiet", "_outil/decidim.md")
    assert french.stdout.startswith("Problèmes par règle\u00a0:\n"), french.stdout
    english = methlint(site, "check", "--no-cache", "--quiet", "--lang", "en", "_outil/decidim.md")
    assert english.stdout.startswith("Findings by rule:\n")
    github = methlint(site, "check", "--no-cache", "--output-format", "github", "_outil/decidim.md")
    assert "title=TYP" in github.stdout and "::warning" in github.stdout
    assert re.search(r"^\d+ erreurs?, \d+ avertissements? et", github.stderr, re.M), github.stderr


def test_assets(site: Path) -> None:
    """The shorthand for x-asset: it wins over the tool contract's own x-asset on img-bg (folder img)."""
    document = "_outil/cap-collectif.md"
    assert check(site, "--select", "AST001", document) == []
    configured = check(site, "--select", "AST001", document, toml='[assets]\nimg-bg = "uploads"\n')
    assert configured == [(document, 6, 9, "AST001")]  # img-bg now names a file of uploads/


def test_select(site: Path) -> None:
    assert len(codes(check(site, "_usage"))) > 1
    assert codes(check(site, "_usage", toml='select = ["REF"]\n')) == {"REF001"}


def test_extend_select(site: Path) -> None:
    assert "AST003" not in codes(check(site, "_outil/cap-collectif.md"))
    assert "AST003" in codes(check(site, "_outil/cap-collectif.md", toml='extend-select = ["AST003"]\n'))


def test_ignore(site: Path) -> None:
    assert "TYP010" in codes(check(site, "_outil"))
    assert not any(code.startswith("TYP") for code in codes(check(site, "_outil", toml='ignore = ["TYP"]\n')))


def test_per_file_ignores(site: Path) -> None:
    def with_sch001(findings: list[tuple[str, int, int, str]]) -> set[str]:
        return {path for path, _line, _column, code in findings if code == "SCH001"}

    assert {"_usage/sante.md", "_usage/sante2.md", "_usage/DREAL-bourgogne.md"} <= with_sch001(check(site, "_usage"))
    configured = with_sch001(check(site, "_usage", toml='[per-file-ignores]\n"_usage/sante*.md" = ["SCH001"]\n'))
    assert "_usage/DREAL-bourgogne.md" in configured and not {"_usage/sante.md", "_usage/sante2.md"} & configured


def test_severities(site: Path) -> None:
    document = site / "_usage" / "sante.md"
    plain = methlint(site, "check", "--output-format", "json", "--no-cache", "--select", "SCH001", str(document))
    assert plain.returncode == 1
    (site / "methlint.toml").write_text('[severities]\nSCH001 = "info"\n', encoding="utf-8")
    softened = methlint(site, "check", "--output-format", "json", "--no-cache", "--select", "SCH001", str(document))
    assert softened.returncode == 0 and '"severity": "info"' in softened.stdout


def test_lower_invisible(site: Path) -> None:
    # the runs of spaces of this document collapse on the page (docs/visibility.md): info by default,
    # so the run passes; lower-invisible = false keeps TYP001's warning, and the run fails
    arguments = ("check", "--output-format", "json", "--no-cache", "--select", "TYP001", "_outil/atelier du futur.md")
    lowered = methlint(site, *arguments)
    assert lowered.returncode == 0
    assert {(d["severity"], d["visible"]) for d in json.loads(lowered.stdout)} == {("info", False)}
    (site / "methlint.toml").write_text("lower-invisible = false\n", encoding="utf-8")
    kept = methlint(site, *arguments)
    assert kept.returncode == 1
    assert {(d["severity"], d["visible"]) for d in json.loads(kept.stdout)} == {("warning", False)}
    assert found(kept) == found(lowered) and len(found(kept)) == 1


def test_ordre_scope(site: Path) -> None:
    """The shorthand for x-unique on ordre: it wins over the contracts' own within categorie."""
    # a tool given the methods' layout: ordre 5 in another categorie, but the same layout
    edit(site / "_outil" / "cap-collectif.md", "layout: outil\n", "layout: methode\n")
    assert check(site, "--select", "ORD", "_outil") == []
    configured = check(site, "--select", "ORD", "_outil", toml='ordre-scope = "layout"\n')
    assert configured == [
        ("_outil/cap-collectif.md", 46, 8, "ORD001"),
        ("_outil/conference-citoyen.md", 34, 8, "ORD001"),
    ]


def test_date_future_years(site: Path) -> None:
    soon = (datetime.date.today() + datetime.timedelta(days=200)).isoformat()
    edit(site / "_usage" / "sante.md", "date: 2019-01-15 09:29:08 +0000\n", f"date: {soon}\n")
    assert check(site, "--select", "DAT", "_usage/sante.md") == []
    configured = check(site, "--select", "DAT", "_usage/sante.md", toml="date-future-years = 0\n")
    assert configured == [("_usage/sante.md", 9, 7, "DAT001")]


def test_max_file_bytes(site: Path) -> None:
    assert check(site, "--select", "FM", "_outil/decidim.md") == []
    assert check(site, "--select", "FM", "_outil/decidim.md", toml="max-file-bytes = 2000\n") == [
        ("_outil/decidim.md", 1, 1, "FM012")
    ]


def test_yaml_limits_max_depth(site: Path) -> None:
    assert check(site, "--select", "YML011", "_outil/decidim.md") == []
    configured = check(site, "--select", "YML011", "_outil/decidim.md", toml="[yaml-limits]\nmax-depth = 2\n")
    assert codes(configured) == {"YML011"}


def test_yaml_limits_max_aliases(site: Path) -> None:
    edit(site / "_outil" / "decidim.md", "ordre: 3\n", "ordre: &ordre 3\nrang: *ordre\n")
    assert check(site, "--select", "YML011", "_outil/decidim.md") == []
    configured = check(site, "--select", "YML011", "_outil/decidim.md", toml="[yaml-limits]\nmax-aliases = 0\n")
    assert codes(configured) == {"YML011"}


def test_yaml_limits_max_events(site: Path) -> None:
    assert check(site, "--select", "YML011", "_outil/decidim.md") == []
    configured = check(site, "--select", "YML011", "_outil/decidim.md", toml="[yaml-limits]\nmax-events = 50\n")
    assert codes(configured) == {"YML011"}


def test_typography_apostrophe(site: Path) -> None:
    """With the straight apostrophe as the policy, TYP010 reports the typographic ones instead."""
    default = check(site, "--select", "TYP010")
    configured = check(site, "--select", "TYP010", toml='[typography]\napostrophe = "\'"\n')
    assert default and configured and not set(default) & set(configured)
    for path, line, column, _code in default[:5] + configured[:5]:
        text = (site / path).read_text(encoding="utf-8").splitlines()[line - 1]
        assert text[column - 1] == ("\u2019" if (path, line, column, _code) in configured else "'")


def test_typography_nbsp(site: Path) -> None:
    """TYP008's fix inserts the configured no-break space."""

    def inserted(toml: str | None) -> set[str]:
        configuration = site / "methlint.toml"
        configuration.unlink(missing_ok=True)
        if toml is not None:
            configuration.write_text(toml, encoding="utf-8")
        done = methlint(site, "fix", "--diff", "--select", "TYP008", "_outil/decidim.md")
        added = [line for line in done.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")]
        return {char for line in added for char in line if char in "\u00a0\u202f"}

    assert inserted(None) == {"\u00a0"}
    assert inserted('[typography]\nnbsp = "\\u202f"\n') == {"\u202f"}


def test_typography_hard_break_spaces(site: Path) -> None:
    """Two trailing spaces before a text line are a Markdown hard break, kept unless set to 0."""
    default = check(site, "--select", "TYP002")
    configured = check(site, "--select", "TYP002", toml="[typography]\nhard-break-spaces = 0\n")
    assert set(default) < set(configured)


def test_typography_prose_keys(site: Path) -> None:
    """Only the listed keys' values are read as prose: the taglines' apostrophes are no longer reported."""
    tagline = 3  # decidim.md's tagline line holds a straight apostrophe (n'a jamais)
    default = check(site, "--select", "TYP010", "_outil/decidim.md")
    configured = check(site, "--select", "TYP010", "_outil/decidim.md", toml='[typography]\nprose-keys = ["title"]\n')
    assert any(line == tagline for _path, line, _column, _code in default)
    assert not any(line == tagline for _path, line, _column, _code in configured)
    assert set(configured) < set(default)


def test_typography_unknown_keys_are_prose(site: Path) -> None:
    """The _usage_citoyens pages' values are under keys no schema knows: prose, unless turned off."""
    default = check(site, "--select", "TYP001", "_usage_citoyens")
    configured = check(
        site, "--select", "TYP001", "_usage_citoyens", toml="[typography]\nunknown-keys-are-prose = false\n"
    )
    assert set(configured) < set(default)


def test_typography_profile(site: Path) -> None:
    """The french profile turns on French spacing (TYP008) and the spacing of numbers (TYP025)."""
    default = check(site, "_usage")
    configured = check(site, "_usage", toml='[typography]\nprofile = "french"\n')
    assert not codes(default) & {"TYP008", "TYP025"}
    assert codes(configured) >= {"TYP008", "TYP025"} and set(default) < set(configured)


def test_typography_language(site: Path) -> None:
    """The real site declares no language in Jekyll: the configured one decides, and the French-only
    typography rules (TYP024 « », TYP027 dashes…) do not run on a site configured in English."""
    french_only = {"TYP008", "TYP014", "TYP024", "TYP025", "TYP026", "TYP027", "TYP028", "TYP029", "TYP030"}
    default = check(site, "--select", "TYP", "_usage")
    configured = check(site, "--select", "TYP", "_usage", toml='[typography]\nlanguage = "en-GB"\n')
    assert codes(default) & french_only >= {"TYP024", "TYP027"}
    assert not codes(configured) & french_only
    assert set(configured) == {finding for finding in default if finding[3] not in french_only}
