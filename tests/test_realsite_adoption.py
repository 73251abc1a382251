"""Adoption on the real site as it is (issue 17): each observation made there, as a regression test.

The site is tests/fixtures/realsite/consultation.gouv.fr, laid out and committed to git in the
test; methlint runs as a process, from the folders a team runs it from.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from tests.realsite_repo import DECIDIM_USERS, edit, found, git, listed, methlint, site_repository

# the site's collections as methlint describes them when it finds the site by itself
COLLECTIONS = "_outil (method or tool, by categorie), _usage (usage), _usage_citoyens (no schema)"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return site_repository(tmp_path / "consultation.gouv.fr")


def real(cwd: Path, findings: list[tuple[str, int, int, str]]) -> list[tuple[str, int, int, str]]:
    """Findings with their paths as real absolute paths, to compare runs made from different folders."""
    return sorted((os.path.realpath(cwd / path), *rest) for path, *rest in findings)


# --- observation 1: zero configuration at the site root -----------------------------------------


def test_no_path_at_the_site_root_checks_the_site_as_check_dot_does(site: Path) -> None:
    bare = methlint(site, "check", "--output-format", "json", "--no-cache")
    dot = methlint(site, "check", "--output-format", "json", "--no-cache", ".")
    assert (bare.returncode, dot.returncode) == (1, 1)
    assert bare.stdout == dot.stdout
    contract = Counter(code for _path, _line, _column, code in found(bare) if not code.startswith("TYP"))
    assert contract == {
        "AST001": 7,
        "ORD001": 4,
        "REF001": 6,
        "SCH001": 8,
        "SCH002": 2,
        "SCH005": 2,  # not 'parameters': _layouts/usage.html prints page.parameters
        "SCH006": 1,
        "SCH007": 3,  # _usage_citoyens/ (2) and civocracy-lyon.md: no schema, an info
        "LAY002": 7,  # vignette_video_demo: /uploads/… printed after /img/ by the layouts
    }
    announced, summary = bare.stderr.splitlines()
    assert announced == f"methlint: checking the Jekyll site '.', collections {COLLECTIONS}: 55 documents"
    assert dot.stderr.splitlines() == [summary]  # a path given: nothing to announce


def test_no_path_inside_a_collection_checks_the_whole_site(site: Path) -> None:
    inside = methlint(site / "_outil", "check", "--output-format", "json")
    assert inside.returncode == 1
    announced = inside.stderr.splitlines()[0]
    assert announced == f"methlint: checking the Jekyll site '..', collections {COLLECTIONS}: 55 documents"
    at_root = methlint(site, "check", "--output-format", "json", ".")
    assert real(site / "_outil", found(inside)) == real(site, found(at_root))
    assert ("decidim.md", 3, 25, "TYP010") in found(inside)  # shown from where it ran
    assert ("../_usage/sante.md", 2, 1, "SCH001") in found(inside)


def test_a_configured_content_folder_wins_over_the_site(site: Path) -> None:
    (site / "methlint.toml").write_text('content = "_usage"\n', encoding="utf-8")
    done = methlint(site, "check", "--output-format", "json")
    assert done.returncode == 1
    announced = done.stderr.splitlines()[0]
    assert announced == "methlint: checking the content folder '_usage' configured in methlint.toml: 40 documents"
    assert {path.split("/")[0] for path, *_rest in found(done)} == {"_usage"}


def test_no_site_here_or_above_names_the_sites_below(site: Path) -> None:
    done = methlint(site.parent, "check")
    assert done.returncode == 2
    assert done.stderr.endswith(
        "Error: no path given, and no Jekyll site (_config.yml) here or above, nor a content folder:"
        " name the site to check, as in `methlint check consultation.gouv.fr`"
        " (sites found: consultation.gouv.fr)\n"
    )


def test_a_broken_site_configuration_is_a_finding_not_a_failure(site: Path) -> None:
    edit(site / "_config.yml", "collections:\n", "collections: [\n")
    done = methlint(site, "check", "--output-format", "json", "--select", "JEK,SCH001")
    assert done.returncode == 1
    # the collections _config.yml declares are unknown: _usage_citoyens/ is a folder Jekyll skips
    assert done.stderr.splitlines()[0] == (
        "methlint: checking the Jekyll site '.', collections _outil (method or tool, by categorie), _usage (usage):"
        " 53 documents"
    )
    assert found(done)[0] == ("_config.yml", 19, 11, "JEK001")
    assert ("_usage/sante.md", 2, 1, "SCH001") in found(done)  # the documents are still checked


# --- observation 2: one answer from anywhere ----------------------------------------------------

BROKEN_TOOL = [  # cap-collectif.md without its tagline, with `categorie: outill`: no contract applies (issue 21)
    (3, 12, "SCH008"),  # not checked as a method: no unknown tool keys, no missing method keys
]


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["cached", "uncached"])
def test_the_same_file_gets_the_same_findings_from_every_folder(site: Path, tmp_path: Path, cache: list[str]) -> None:
    tool = site / "_outil" / "cap-collectif.md"
    edit(tool, "tagline: Une plateforme d’intelligence collective complète et polyvalente.\n", "")
    edit(tool, "categorie: outil\n", "categorie: outill\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    ways = [
        (site, "_outil/cap-collectif.md"),
        (site, "./_outil/../_outil/cap-collectif.md"),
        (site / "_outil", "cap-collectif.md"),
        (site / "_outil", str(tool)),
        (site / "_usage", "../_outil/cap-collectif.md"),
        (elsewhere, str(tool)),
        (elsewhere, os.path.relpath(tool, elsewhere)),
    ]
    expected = [(os.path.realpath(tool), *position) for position in BROKEN_TOOL]
    for cwd, given in ways:
        done = methlint(cwd, "check", "--output-format", "json", "--select", "SCH", *cache, given)
        assert (done.returncode, real(cwd, found(done))) == (1, expected), (cwd, given)


def test_fix_gives_the_same_answer_from_inside_the_collection(site: Path) -> None:
    edit(site / "_outil" / "cap-collectif.md", "categorie: outil\n", "categorie: outill\n")
    from_root = methlint(site, "fix", "--diff", "_outil/cap-collectif.md")
    inside = methlint(site / "_outil", "fix", "--diff", "cap-collectif.md")
    assert from_root.returncode == inside.returncode
    assert inside.stdout == from_root.stdout.replace("_outil/cap-collectif.md", "cap-collectif.md")
    assert inside.stderr == from_root.stderr.replace("_outil/cap-collectif.md", "cap-collectif.md")
    assert ("cap-collectif.md", 4, 12, "SCH008") in [finding[:4] for finding in listed(inside.stderr)]


def test_cross_file_findings_from_inside_the_usage_collection(site: Path) -> None:
    edit(site / "_outil" / "decidim.md", "title: Decidim\n", "title: Decidim (OSP)\n")
    inside = methlint(site / "_usage", "check", "--output-format", "json", "--select", "REF", "Nanterre.md")
    assert (inside.returncode, found(inside)) == (1, [("Nanterre.md", 8, 3, "REF001")])


def test_two_sites_of_one_repository_are_each_checked_with_their_own_configuration(tmp_path: Path) -> None:
    repository = tmp_path / "repository"
    site_repository(repository / "site-a")
    site_repository(repository / "site-b")
    (repository / "site-b" / "methlint.toml").write_text('select = ["SCH001"]\n', encoding="utf-8")
    done = methlint(repository, "check", "--output-format", "json", "site-a/_usage", "site-b/_usage")
    codes = {(path.split("/")[0], code) for path, _line, _column, code in found(done)}
    assert {code for site, code in codes if site == "site-b"} == {"SCH001"}
    assert {"SCH001", "TYP010", "REF001", "ORD001"} <= {code for site, code in codes if site == "site-a"}
    from methlint.cache_store import site_folder_name

    # each site keeps its own results: site-a's runs are anchored at the site, not at the current folder
    cache = Path(os.environ["METHLINT_CACHE_DIR"])
    assert list((cache / site_folder_name(repository / "site-a")).glob("results-*.json"))
    assert list((cache / site_folder_name(repository / "site-b")).glob("results-*.json"))


# --- observation 3: changed-lines mode blames only the change ----------------------------------


def diff_base(site: Path, *args: str) -> tuple[int, list[tuple[str, int, int, str]]]:
    done = methlint(site, "check", "--output-format", "json", "--diff-base", *args)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, found(done)


def test_a_clean_tree_reports_nothing(site: Path) -> None:
    assert diff_base(site, "HEAD") == (0, [])
    assert len(found(methlint(site, "check", "--output-format", "json", "--select", "ORD,REF"))) == 10  # old debt


def test_one_body_line_changed_reports_only_that_line(site: Path) -> None:
    git(site, "switch", "--quiet", "--create", "edit-one-line")
    edit(
        site / "_outil" / "cap-collectif.md",
        "* Cap Collectif est une plateforme",
        "* Cap Collectif est la 2ème plateforme",
    )
    git(site, "commit", "--quiet", "--all", "--message", "One body line")
    # a problem the page shows: two spaces in the body would be info, which never fails (docs/visibility.md)
    assert diff_base(site, "main") == (1, [("_outil/cap-collectif.md", 50, 25, "TYP028")])


def test_a_renamed_title_reports_the_dangling_references_it_creates_and_only_those(site: Path) -> None:
    edit(site / "_outil" / "decidim.md", "title: Decidim\n", "title: Decidim (OSP)\n")
    code, findings = diff_base(site, "HEAD")
    assert code == 1
    assert findings == [(f"_usage/{name}.md", 8, 3, "REF001") for name in DECIDIM_USERS]


def test_a_deleted_document_reports_the_references_it_breaks(site: Path) -> None:
    git(site, "rm", "--quiet", "_outil/decidim.md")
    assert diff_base(site, "HEAD") == (1, [(f"_usage/{name}.md", 8, 3, "REF001") for name in DECIDIM_USERS])


def test_a_deleted_key_reports_the_finding_it_leaves_on_an_untouched_line(site: Path) -> None:
    edit(
        site / "_outil" / "cap-collectif.md",
        "tagline: Une plateforme d’intelligence collective complète et polyvalente.\n",
        "",
    )
    assert diff_base(site, "HEAD") == (1, [("_outil/cap-collectif.md", 2, 1, "SCH001")])


def test_a_renamed_heading_does_not_bring_back_the_old_findings_below_it(site: Path) -> None:
    edit(site / "_usage" / "sante.md", "**Information sur la démarche**", "**Informations sur la démarche**")
    assert diff_base(site, "HEAD") == (0, [])
    assert any(
        path == "_usage/sante.md" and line > 16
        for path, line, _c, _code in found(methlint(site, "check", "--output-format", "json", "_usage/sante.md"))
    )


def test_what_the_base_branch_gained_since_is_not_blamed_on_the_change(site: Path) -> None:
    git(site, "switch", "--quiet", "--create", "feature")
    edit(site / "_outil" / "decidim.md", "title: Decidim\n", "title: Decidim (OSP)\n")
    git(site, "commit", "--quiet", "--all", "--message", "Rename a tool")
    git(site, "switch", "--quiet", "main")
    edit(site / "_usage" / "sante.md", "* Durée: de juillet", "* Durée:  de juillet")  # a new problem, on main only
    git(site, "commit", "--quiet", "--all", "--message", "Meanwhile on main")
    git(site, "switch", "--quiet", "feature")
    assert diff_base(site, "main") == (1, [(f"_usage/{name}.md", 8, 3, "REF001") for name in DECIDIM_USERS])


def test_a_shallow_clone_says_to_fetch_the_whole_history(site: Path, tmp_path: Path) -> None:
    edit(site / "_outil" / "decidim.md", "title: Decidim\n", "title: Decidim (OSP)\n")
    git(site, "commit", "--quiet", "--all", "--message", "Rename a tool")
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{site}", "shallow")
    done = methlint(tmp_path / "shallow", "check", "--diff-base", "HEAD~1")
    assert done.returncode == 2
    assert done.stderr.endswith(
        "Error: --diff-base HEAD~1: the history needed is not in this clone, which is shallow (the default in CI):"
        " fetch it whole, with `fetch-depth: 0` on actions/checkout or `git fetch --unshallow`\n"
    )


# --- observation 5: nothing silently ignored ----------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--select", "FOO", "--select: no rule code starts with 'FOO' (`methlint rules` lists them)"),
        ("--select", "TYPO10", "--select: no rule code starts with 'TYPO10': did you mean 'TYP010'?"),
        ("--extend-select", "TYP,MTL01", "--extend-select: no rule code starts with 'MTL01': did you mean 'MTL001'?"),
        ("--ignore", "SCH01", "--ignore: no rule code starts with 'SCH01': did you mean 'SCH001'?"),
    ],
)
def test_an_unknown_rule_selector_is_a_usage_error(site: Path, option: str, value: str, message: str) -> None:
    for command in ("check", "fix", "hook"):
        done = methlint(site, command, option, value)
        assert (done.returncode, done.stdout) == (2, ""), command
        assert done.stderr.endswith(f"Error: {message}\n"), command


def test_an_unknown_code_in_a_suppression_comment_is_reported(site: Path) -> None:
    tool = site / "_outil" / "decidim.md"
    edit(
        tool,
        "tagline: La démocratie n'a jamais été aussi réelle\n",
        "tagline: La démocratie n'a jamais été aussi réelle  # methlint: ignore[TYP10]\n",
    )
    edit(tool, "* suivi de l'avancement", "<!-- methlint-disable-next-line TYPO10 -->\n* suivi de l'avancement")
    done = methlint(site, "check", "--select", "TYP010,MTL002", "_outil/decidim.md")
    assert done.returncode == 1
    unknown = [finding for finding in listed(done.stdout) if finding[3] == "MTL002"]
    assert unknown == [
        (
            "_outil/decidim.md",
            3,
            72,
            "MTL002",
            "no rule code starts with 'TYP10': this suppression hides nothing; did you mean 'TYP010'?",
        ),
        (
            "_outil/decidim.md",
            62,
            33,
            "MTL002",
            "no rule code starts with 'TYPO10': this suppression hides nothing; did you mean 'TYP010'?",
        ),
    ]
    # the findings they were meant to hide are still there
    assert {(3, 25), (63, 13)} <= {(line, column) for _p, line, column, code, _m in listed(done.stdout)}


@pytest.mark.parametrize(
    ("toml", "position", "message"),
    [
        ('select = ["SCH", "TYPO10"]\n', "1:18", "no rule code starts with 'TYPO10': did you mean 'TYP010'?"),
        (
            '[per-file-ignores]\n"_usage/*.md" = ["SCH01"]\n',
            "2:18",
            "no rule code starts with 'SCH01': did you mean 'SCH001'?",
        ),
        ('[severities]\nTYPO10 = "info"\n', "2:1", "no rule code starts with 'TYPO10': did you mean 'TYP010'?"),
    ],
)
def test_an_unknown_code_in_the_configuration_is_a_usage_error(
    site: Path, toml: str, position: str, message: str
) -> None:
    (site / "methlint.toml").write_text(toml, encoding="utf-8")
    for folder in (site, site / "_outil"):  # the configuration of the files, wherever methlint runs
        done = methlint(folder, "check")
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == f"{site / 'methlint.toml'}:{position}: {message}\n"
