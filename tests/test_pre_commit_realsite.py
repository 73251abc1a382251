"""docs/pre-commit.md as pasted, with real pre-commit, in a git repository of the real site.

The configuration is the guide's own snippet, pointed at a clone of this checkout's HEAD (what
pre-commit installs is what is committed); `git commit` runs the hook as it runs for a team.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.realsite_repo import DECIDIM_USERS, GIT_ENV, ROOT, edit, git, listed, site_repository, snippets

GUIDE = ROOT / "docs" / "pre-commit.md"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def methlint_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A clone of the checkout's HEAD, and that commit."""
    if shutil.which("pre-commit") is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, check=False).returncode:
        pytest.skip("the project is not a git checkout: pre-commit needs a commit")
    clone = tmp_path_factory.mktemp("methlint-repo") / "methlint"
    git(ROOT, "clone", "--quiet", str(ROOT), str(clone))
    return clone, git(clone, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One hook environment for the module's runs; the user's pip configuration kept (the index)."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    git_env = {k: v for k, v in GIT_ENV.items() if k != "HOME"}
    return {**os.environ, **git_env, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "LANG": "C"}


def guarded_site(tmp_path: Path, methlint_repo: tuple[Path, str], env: dict[str, str], snippet: str) -> Path:
    """The real site in git, with the guide's .pre-commit-config.yaml installed as a git hook."""
    site = site_repository(tmp_path / "consultation.gouv.fr")
    repository, commit = methlint_repo
    config = snippet.replace("METHLINT_REPO", str(repository)).replace("TAG", commit)
    (site / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(site, "add", ".pre-commit-config.yaml")
    git(site, "commit", "--quiet", "--no-verify", "--message", "pre-commit")
    run(site, env, "pre-commit", "install")
    return site


def run(cwd: Path, env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=900)
    if "Could not find a version" in done.stdout + done.stderr or "Network is unreachable" in done.stdout:
        pytest.skip("pre-commit could not install the hook environment (no package index reachable)")
    return done


def commit(site: Path, env: dict[str, str]) -> tuple[int, str]:
    """``git commit``'s exit status and what the hooks printed (git shows it on stderr)."""
    done = run(site, env, "git", "commit", "--message", "A change")
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def site(tmp_path: Path, methlint_repo: tuple[Path, str], environment: dict[str, str]) -> Path:
    return guarded_site(tmp_path, methlint_repo, environment, snippets(GUIDE, "yaml")[0])


def test_a_renamed_title_is_blocked_listing_the_usage_documents(site: Path, environment: dict[str, str]) -> None:
    edit(site / "_outil" / "decidim.md", "title: Decidim\n", "title: Decidim (OSP)\n")
    git(site, "add", "--all")
    status, output = commit(site, environment)
    assert status == 1, output
    assert "methlint" in output and "Failed" in output
    for name in DECIDIM_USERS:
        assert (f"_usage/{name}.md", 8, 3, "REF001") in [finding[:4] for finding in listed(output)]
    assert git(site, "log", "--format=%s", "-1").strip() == "pre-commit"  # nothing committed


def test_deleting_a_document_runs_the_hook_and_is_blocked(site: Path, environment: dict[str, str]) -> None:
    git(site, "rm", "--quiet", "_outil/decidim.md")
    status, output = commit(site, environment)
    assert status == 1, output
    assert "Skipped" not in output
    assert [finding for finding in listed(output) if finding[3] == "REF001"] == [
        (f"_usage/{name}.md", 8, 3, "REF001", "'Decidim' in 'outil' is not the title of any tool document")
        for name in DECIDIM_USERS
    ]


def test_files_check_skips_pass(site: Path, environment: dict[str, str]) -> None:
    (site / "_includes" / "encart.md").write_text("Un encart, sans en-tête.\n", encoding="utf-8")
    (site / "notes").mkdir()
    (site / "notes" / "todo.md").write_text("# À faire\n", encoding="utf-8")
    git(site, "add", "--all")
    status, output = commit(site, environment)
    assert status == 0, output
    assert "Passed" in output


def test_with_the_guides_baseline_an_old_document_can_be_edited(
    tmp_path: Path, methlint_repo: tuple[Path, str], environment: dict[str, str]
) -> None:
    with_baseline = next(s for s in snippets(GUIDE, "yaml") if "--baseline" in s)
    site = guarded_site(tmp_path, methlint_repo, environment, with_baseline)
    path = f"{Path(sys.executable).parent}{os.pathsep}{environment['PATH']}"
    for command in snippets(GUIDE, "sh")[0].splitlines():
        assert run(site, {**environment, "PATH": path}, "bash", "-c", command).returncode == 0, command
    with (site / "_outil" / "decidim.md").open("a", encoding="utf-8") as document:
        document.write("\nUne ligne de plus.\n")
    git(site, "add", "--all")
    status, output = commit(site, environment)
    assert status == 0, output
    # a new problem the page shows (two spaces in the body would not: info, docs/visibility.md)
    edit(site / "_outil" / "decidim.md", "Une ligne de plus.", "Une 2ème ligne de plus.")
    git(site, "add", "--all")
    status, output = commit(site, environment)
    assert status == 1 and ("_outil/decidim.md", 68, 6, "TYP028") in [finding[:4] for finding in listed(output)]
