"""`methlint hook`, what pre-commit runs, on the real site committed to git: what a commit breaks.

tests/test_pre_commit_realsite.py runs the same through real pre-commit; these run the command
itself, as pre-commit calls it (from the repository's top, the staged Markdown files named).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.realsite_repo import DECIDIM_USERS, edit, files_checked, git, listed, methlint, site_repository

CHECKED_SITE = "methlint: the staged change alters what other documents depend on: site '.' checked\n"
# the rules whose findings the examples below are about (the documents' old typography aside)
CONTRACT = ("--select", "SCH,REF,ORD,AST001,AST002,LAY,JEK")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return site_repository(tmp_path / "consultation.gouv.fr")


def test_a_body_edit_checks_the_staged_document_and_nothing_else(site: Path) -> None:
    edit(site / "_outil" / "decidim.md", "* suivi de l'avancement", "* 2ème suivi de l'avancement")
    git(site, "add", "--all")
    done = methlint(site, "hook", "--select", "TYP028", "_outil/decidim.md")
    assert done.returncode == 1
    assert listed(done.stdout) == [("_outil/decidim.md", 62, 4, "TYP028", "Ordinal written '2ème': write '2e'")]
    assert files_checked(done.stdout) == 1
    assert done.stderr == ""  # nothing other documents depend on changed: the site is not checked


def test_a_renamed_title_blocks_the_commit_listing_the_usage_documents(site: Path) -> None:
    edit(site / "_outil" / "decidim.md", "title: Decidim\n", "title: Decidim (OSP)\n")
    git(site, "add", "--all")
    done = methlint(site, "hook", *CONTRACT, "_outil/decidim.md")
    assert done.returncode == 1
    own = "/img//uploads/2017/08/02/videoAssembl.png: name a file of /img/ without it, or change the layout"
    assert listed(done.stdout)[0] == (  # the staged document's own finding, there before the change
        "_outil/decidim.md",
        22,
        22,
        "LAY002",
        f"'vignette_video_demo' is printed after '/img/' by _layouts/outil.html:52: the page asks for {own}",
    )
    assert listed(done.stdout)[1:] == [
        (
            f"_usage/{name}.md",
            8,
            3,
            "REF001",
            "'Decidim' in 'outil' is not the title of any tool document: did you mean 'Decidim (OSP)'?",
        )
        for name in DECIDIM_USERS
    ]
    assert files_checked(done.stdout) == 55
    assert done.stderr == CHECKED_SITE


def test_a_deleted_document_runs_the_hook_with_no_file_named(site: Path) -> None:
    git(site, "rm", "--quiet", "_outil/decidim.md")
    done = methlint(site, "hook", *CONTRACT)
    assert done.returncode == 1
    assert listed(done.stdout) == [
        (f"_usage/{name}.md", 8, 3, "REF001", "'Decidim' in 'outil' is not the title of any tool document")
        for name in DECIDIM_USERS
    ]
    assert files_checked(done.stdout) == 54


def test_a_deleted_image_reports_the_document_showing_it(site: Path) -> None:
    git(site, "rm", "--quiet", "img/cap-bg.jpg")
    done = methlint(site, "hook", *CONTRACT)
    assert (done.returncode, listed(done.stdout)) == (
        1,
        [("_outil/cap-collectif.md", 6, 9, "AST001", "'img-bg': no file /img/cap-bg.jpg in the site")],
    )


def test_a_new_ordre_clash_is_reported_in_the_untouched_document_too(site: Path) -> None:
    edit(site / "_outil" / "atelier-citoyen.md", "ordre: 7\n", "ordre: 5\n")
    git(site, "add", "--all")
    done = methlint(site, "hook", "--select", "ORD", "_outil/atelier-citoyen.md")
    assert done.returncode == 1
    assert listed(done.stdout) == [
        (
            "_outil/atelier-citoyen.md",
            37,
            8,
            "ORD001",
            "ordre 5 is also used in categorie 'methode' by _outil/conference-citoyen.md:34:"
            " give each document its own number",
        ),
        (
            "_outil/conference-citoyen.md",
            34,
            8,
            "ORD001",
            "ordre 5 is also used in categorie 'methode' by _outil/atelier-citoyen.md:37:"
            " give each document its own number",
        ),
    ]


def test_a_site_configuration_change_is_checked_for_every_document(site: Path) -> None:
    edit(site / "_config.yml", "      layout: usage\n", "      layout: usages\n")
    git(site, "add", "--all")
    done = methlint(site, "hook", *CONTRACT)
    assert done.returncode == 1
    assert [finding[:4] for finding in listed(done.stdout)] == [
        ("_config.yml", 39, 15, "LAY001"),
        ("_config.yml", 39, 15, "SCH003"),
    ]


def test_a_renamed_document_that_keeps_its_title_breaks_nothing(site: Path) -> None:
    git(site, "mv", "_outil/cap-collectif.md", "_outil/cap-collectif-osp.md")
    done = methlint(site, "hook", *CONTRACT, "_outil/cap-collectif-osp.md")
    assert (done.returncode, listed(done.stdout), files_checked(done.stdout)) == (0, [], 55)


def test_files_check_dot_skips_are_skipped(site: Path) -> None:
    (site / "notes").mkdir()
    (site / "notes" / "todo.md").write_text("# À faire\n", encoding="utf-8")
    (site / "_includes" / "encart.md").write_text("Un encart, sans en-tête.\n", encoding="utf-8")
    (site / "_includes" / "avec-en-tete.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    git(site, "add", "--all")
    named = ["notes/todo.md", "_includes/encart.md", "_includes/avec-en-tete.md", "README.md"]
    done = methlint(site, "hook", *named)
    assert (done.returncode, listed(done.stdout), files_checked(done.stdout)) == (0, [], 55)
    assert methlint(site, "check", "README.md").returncode == 1  # named to check, a file is taken as it is
    skipped = methlint(site, "check", "--force-exclude", *named)
    assert (skipped.returncode, files_checked(skipped.stdout)) == (0, 0)


def test_a_baseline_lets_old_debt_through(site: Path) -> None:
    assert methlint(site, "check", "--write-baseline", ".methlint-baseline.json").returncode == 0
    with (site / "_outil" / "decidim.md").open("a", encoding="utf-8") as document:
        document.write("\nUne ligne de plus.\n")
    git(site, "add", "_outil/decidim.md")
    assert methlint(site, "hook", "_outil/decidim.md").returncode == 1  # its old typography findings
    done = methlint(site, "hook", "--baseline", ".methlint-baseline.json", "_outil/decidim.md")
    assert (done.returncode, files_checked(done.stdout)) == (0, 1)
    # every finding of the old debt is recorded, infos too (TYP002's, and the apostrophes and
    # periods of the body that kramdown converts): none is listed again
    assert listed(done.stdout) == []


def test_the_first_commit_checks_the_staged_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site_repository(site)
    git(site, "update-ref", "-d", "HEAD")  # as before the first commit: everything staged, no HEAD
    done = methlint(site, "hook", *CONTRACT, "_usage/sante.md")
    assert done.returncode == 1 and listed(done.stdout)[0][:4] == ("_usage/sante.md", 2, 1, "SCH001")
    assert done.stderr == ""


def test_outside_a_git_repository_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    done = methlint(tmp_path, "hook", "x.md")
    assert done.returncode == 2 and "Error: " in done.stderr
