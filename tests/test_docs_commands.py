"""docs/ci.md works as pasted on the real site: every command its snippets give is run here.

The snippets are read from the document itself (a changed command is tested as changed); only
what cannot run here is left out, and checked for its form: installing methlint from its
repository (the test runs the checkout's methlint), apt-get. docs/pre-commit.md is run through
real pre-commit in tests/test_pre_commit_realsite.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.realsite_repo import DECIDIM_USERS, GIT_ENV, ROOT, edit, git, site_repository, snippets

CI_GUIDE = ROOT / "docs" / "ci.md"


def shell(cwd: Path, command: str, **variables: str) -> subprocess.CompletedProcess[str]:
    """A command as a CI runner's shell runs it, with this checkout's methlint first on PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    env = {**os.environ, **GIT_ENV, "PATH": path, "PYTHONPATH": str(ROOT), "LANG": "C", **variables}
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def is_install(command: str) -> bool:
    if "pip install" in command:
        assert command == 'python -m pip install "methlint @ git+METHLINT_REPO@TAG"'
        return True
    return command.startswith("apt-get ")


def github_steps() -> list[list[str]]:
    """The `run:` commands of each GitHub snippet (a workflow, or a list of steps to put in one)."""
    found = []
    for snippet in snippets(CI_GUIDE, "yaml"):
        data = yaml.safe_load(snippet)
        if isinstance(data, dict) and "jobs" in data:
            steps = [step for job in data["jobs"].values() for step in job["steps"]]
        elif isinstance(data, list):
            steps = data
        else:
            continue
        found.append([step["run"] for step in steps if "run" in step and not is_install(step["run"])])
    return found


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A pull request's checkout, as actions/checkout leaves it with fetch-depth: 0: the base
    branch is origin/main, the branch renames a tool that usage documents name."""
    upstream = site_repository(tmp_path / "upstream")
    git(tmp_path, "clone", "--quiet", str(upstream), "checkout")
    checkout = tmp_path / "checkout"
    git(checkout, "switch", "--quiet", "--create", "rename-decidim")
    edit(checkout / "_outil" / "decidim.md", "title: Decidim\n", "title: Decidim (OSP)\n")
    git(checkout, "commit", "--quiet", "--all", "--message", "Rename Decidim")
    return checkout


def test_the_github_pull_request_job_reports_what_the_pull_request_breaks(pull_request: Path) -> None:
    (workflow, full_check) = github_steps()
    (command,) = workflow
    done = shell(pull_request, command, GITHUB_BASE_REF="main")
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        f"::error file=_usage/{name}.md,line=8,col=3,endLine=8,endColumn=10,title=REF001 Names a document"
        " that does not exist::'Decidim' in 'outil' is not the title of any tool document:"
        " did you mean 'Decidim (OSP)'?"
        for name in DECIDIM_USERS
    ]
    git(pull_request, "reset", "--quiet", "--hard", "origin/main")  # a pull request that breaks nothing
    assert shell(pull_request, command, GITHUB_BASE_REF="main").returncode == 0


def test_the_github_full_check_and_its_sarif_run_on_the_site_as_it_is(pull_request: Path) -> None:
    (_workflow, full_check) = github_steps()
    annotations, sarif = full_check
    done = shell(pull_request, annotations)
    assert done.returncode == 1 and done.stdout.startswith("::") and "Error" not in done.stderr
    written = shell(pull_request, sarif)
    assert written.returncode == 0, written.stderr  # exit 1, findings, is expected
    results = json.loads((pull_request / "methlint.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert {"REF001", "SCH001", "ORD001"} <= {result["ruleId"] for result in results}


def test_the_gitlab_job_writes_the_junit_report_of_the_merge_request(pull_request: Path) -> None:
    (snippet,) = [s for s in snippets(CI_GUIDE, "yaml") if "CI_PIPELINE_SOURCE" in s]
    job = yaml.safe_load(snippet)["methlint"]
    assert job["variables"]["GIT_DEPTH"] == 0
    assert all(is_install(command) for command in job["before_script"])
    variables = {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    fetch, quality, check = job["script"]
    assert shell(pull_request, fetch, **variables).returncode == 0
    assert shell(pull_request, quality, **variables).returncode == 0  # exit 1, findings, is expected
    every_finding = json.loads((pull_request / job["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8"))
    assert len(every_finding) > 5  # the site's old findings too: GitLab compares with the target branch's
    done = shell(pull_request, check, **variables)
    assert done.returncode == 1, done.stderr  # the merge request's own findings fail the job
    report = (pull_request / job["artifacts"]["reports"]["junit"]).read_text(encoding="utf-8")
    assert report.startswith("<?xml") and report.count("<failure") == 5 and "REF001" in report


def test_the_baseline_commands_run_in_order(pull_request: Path) -> None:
    commands = [line for snippet in snippets(CI_GUIDE, "sh") for line in snippet.splitlines() if line.strip()]
    assert commands == [
        "methlint check --write-baseline .methlint-baseline.json",
        "git add .methlint-baseline.json",
        "methlint check --baseline .methlint-baseline.json",
        "methlint check --baseline .methlint-baseline.json --prune-baseline",
    ]
    for command in commands:
        done = shell(pull_request, command)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    # a new problem is not in the baseline (one the page shows: two spaces in the body are info, docs/visibility.md)
    edit(pull_request / "_usage" / "sante.md", "* Durée: de juillet", "* Durée: de la 2ème semaine de juillet")
    assert shell(pull_request, commands[2]).returncode == 1


def test_the_site_in_a_subfolder_is_named(tmp_path: Path) -> None:
    repository = tmp_path / "repository"
    site_repository(repository / "docs")
    assert shell(repository, "methlint check").returncode == 2
    assert shell(repository, "methlint check docs").returncode == 1
