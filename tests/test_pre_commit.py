"""The pre-commit hooks, declared and run for real with `pre-commit try-repo` on a content repo."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
GOOD = (ROOT / "content" / "_outil" / "panel-citoyen.md").read_text(encoding="utf-8")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def test_hooks_are_declared_deliberately() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"methlint", "methlint-fix"}
    assert hooks["methlint"]["entry"] == "methlint hook"
    assert hooks["methlint"]["always_run"] is True  # a deletion names no Markdown file
    assert hooks["methlint-fix"]["entry"] == "methlint fix --force-exclude"
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["types"] == ["markdown"]
        assert hook["require_serial"] is True
        assert hook.get("pass_filenames", True) is True
        assert "exclude" not in hook  # which files are documents is discovery's call, as for check


def test_project_config_runs_methlint_on_content_and_ruff() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hook_ids = [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]
    assert hook_ids == ["ruff-check", "ruff-format", "methlint-content"]
    local = config["repos"][1]["hooks"][0]
    assert local["entry"] == "python -m methlint check content" and local["pass_filenames"] is False


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


@pytest.fixture(scope="module")
def methlint_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of the checkout's HEAD: try-repo installs what is committed."""
    if shutil.which("pre-commit") is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, check=False).returncode:
        pytest.skip("the project is not a git checkout: try-repo needs a commit")
    clone = tmp_path_factory.mktemp("methlint-repo")
    _git(ROOT, "clone", "--quiet", str(ROOT), str(clone))
    return clone


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")  # one hook environment for the module's runs


def content_repo(folder: Path, files: dict[str, str | bytes]) -> Path:
    files = {"img/panel-citoyen.jpg": b"\xff\xd8\xff\xd9", **files}  # the image the documents name
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    _git(folder, "init", "--quiet")
    _git(folder, "add", "-A")
    return folder


def try_repo(repo: Path, hook: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    result = subprocess.run(
        ["pre-commit", "try-repo", str(repo), hook, "--all-files", "--color", "never"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if "Could not find a version" in result.stdout + result.stderr or "Network is unreachable" in result.stdout:
        pytest.skip("pre-commit could not install the hook environment (no package index reachable)")
    return result


@pytest.mark.slow
def test_try_repo_methlint_fails_on_defects_and_passes_once_fixed(
    methlint_repo: Path, pre_commit_home: Path, tmp_path: Path
) -> None:
    repo = content_repo(tmp_path, {"_outil/good.md": GOOD, "_outil/bad.md": GOOD.replace("ordre:", "ordre: [", 1)})
    failed = try_repo(methlint_repo, "methlint", repo, pre_commit_home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "methlint" in failed.stdout and "Failed" in failed.stdout
    assert "_outil/bad.md:" in failed.stdout and "YML001" in failed.stdout
    assert "_outil/good.md:" not in failed.stdout

    (repo / "_outil" / "bad.md").write_text(GOOD.replace("ordre: 2", "ordre: 3"), encoding="utf-8")
    _git(repo, "add", "-A")
    passed = try_repo(methlint_repo, "methlint", repo, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


@pytest.mark.slow
def test_try_repo_methlint_fix_rewrites_the_file(methlint_repo: Path, pre_commit_home: Path, tmp_path: Path) -> None:
    repo = content_repo(tmp_path, {"_outil/bom.md": "\ufeff" + GOOD})
    result = try_repo(methlint_repo, "methlint-fix", repo, pre_commit_home)
    assert result.returncode == 1  # pre-commit fails a hook that modified files, by design
    assert "files were modified by this hook" in result.stdout
    assert (repo / "_outil" / "bom.md").read_text(encoding="utf-8") == GOOD
