"""Every output format on the vendored real site (tests/fixtures/realsite), run as a team would run
it at the site's root, each checked against its consumer's schema and against the others."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from methlint.reporting import REPORTERS
from tests.realsite import lay_out
from tests.report_schemas import check_gitlab, check_json, check_junit, check_printable, check_sarif

ROOT = Path(__file__).resolve().parent.parent
TEXT_LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]+\d+) "
    r"\[(?P<severity>\w+)(?P<invisible>, invisible)?\] "
)


def methlint_check(site: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # English, and none of the CI host's variables of the machine the tests run on
    unset = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "CI", "NO_COLOR")
    environ = {k: v for k, v in os.environ.items() if k not in unset and not k.startswith(("GITHUB_", "CI_"))}
    environ.update(PYTHONPATH=str(ROOT), **(env or {}))
    command = [sys.executable, "-m", "methlint", "check", "--no-cache", *args]
    return subprocess.run(command, cwd=site, env=environ, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return lay_out(tmp_path_factory.mktemp("realsite") / "consultation.gouv.fr")


@pytest.fixture(scope="module")
def findings(site: Path) -> list[dict[str, object]]:
    """The run's findings as the JSON contract gives them: what every other format must show."""
    run = methlint_check(site, "--output-format", "json", ".")
    assert run.returncode == 1, run.stderr
    return check_json(run.stdout)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_is_valid_on_the_real_site(site: Path, findings: list[dict[str, object]], name: str) -> None:
    run = methlint_check(site, "--output-format", name, ".")
    assert run.returncode == 1, run.stderr
    check_printable(run.stdout)
    severities = [f["severity"] for f in findings]
    summary = (
        f"Found {severities.count('error')} errors, {severities.count('warning')} warnings"
        f" and {severities.count('info')} info in "
    )
    if name == "text":
        lines = [TEXT_LINE.match(line) for line in run.stdout.splitlines()[: len(findings)]]
        assert [(m["path"], int(m["line"]), m["code"], m["severity"], not m["invisible"]) for m in lines if m] == [
            (f["path"], f["line"], f["code"], f["severity"], f["visible"]) for f in findings
        ]
        assert run.stdout.splitlines()[-1].startswith(summary)
        return
    assert run.stderr.startswith(summary)
    if name == "json":
        assert check_json(run.stdout) == findings
    elif name == "github":
        assert run.stdout.count("\n") == len(findings)
    elif name == "gitlab":
        issues = check_gitlab(run.stdout)
        assert [(i["location"]["path"], i["check_name"]) for i in issues] == [(f["path"], f["code"]) for f in findings]
    elif name == "sarif":
        assert len(check_sarif(run.stdout)["runs"][0]["results"]) == len(findings)
    elif name == "junit":
        check_junit(run.stdout)
        failing = sum(f["severity"] != "info" for f in findings)
        assert f'<testsuites name="methlint" tests="{len(findings)}" failures="{failing}" errors="0">' in run.stdout


def test_text_sums_up_by_rule_on_the_real_site(site: Path, findings: list[dict[str, object]]) -> None:
    lines = methlint_check(site, ".").stdout.splitlines()
    table = lines[lines.index("Findings by rule:") + 1 : -1]
    counted = {}
    for row in table:
        count, severity, code = row.split()[:3]
        counted[code, severity] = int(count)
    # a rule's visible and invisible findings have two severities: one row each
    assert counted == Counter((f["code"], f["severity"]) for f in findings)
    order = [row.split()[1] for row in table]
    assert order == sorted(order, key=["error", "warning", "info"].index)


def test_github_on_the_real_site_puts_errors_first_and_writes_a_job_summary(
    site: Path, findings: list[dict[str, object]], tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(site.parent),  # a checkout with the site in a sub-folder
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "owner/repo",
        "GITHUB_SHA": "0123abc",
    }
    run = methlint_check(site, "--output-format", "github", ".", env=env)
    commands = [line.split(" ", 1)[0] for line in run.stdout.splitlines()]
    errors, warnings = (sum(f["severity"] == s for f in findings) for s in ("error", "warning"))
    assert commands == ["::error"] * errors + ["::warning"] * warnings + ["::notice"] * (
        len(findings) - errors - warnings
    )
    assert run.stdout.startswith(f"::error file={site.name}/")
    tokens = MarkdownIt("commonmark").enable("table").parse(summary.read_text(encoding="utf-8"))
    hrefs = [c.attrs["href"] for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "link_open"]
    assert len(hrefs) == 20
    assert all(href.startswith(f"https://github.com/owner/repo/blob/0123abc/{site.name}/") for href in hrefs)


def test_gitlab_fingerprints_survive_a_line_added_above(site: Path, tmp_path: Path) -> None:
    """GitLab tells new problems from old by fingerprint: a line added at the top of a document's
    body moves every problem below it, and none of them becomes new."""
    document = site / "_outil" / "decidim.md"
    original = document.read_text(encoding="utf-8")

    def issues() -> dict[str, int]:
        found = check_gitlab(methlint_check(site, "--output-format", "gitlab", "_outil/decidim.md").stdout)
        return {issue["fingerprint"]: issue["location"]["lines"]["begin"] for issue in found}

    before = issues()
    closing = original.index("\n---\n", 4) + len("\n---\n")
    body_line = original.count("\n", 0, closing) + 1
    try:
        document.write_text(original[:closing] + "Une phrase ajoutée en tête.\n" + original[closing:], encoding="utf-8")
        after = issues()
    finally:
        document.write_text(original, encoding="utf-8")
    assert len(before) > 20 and after.keys() == before.keys()
    assert after == {fp: line + (line >= body_line) for fp, line in before.items()}


def test_french_text_on_the_real_site(site: Path) -> None:
    lines = methlint_check(site, "--lang", "fr", ".").stdout.splitlines()
    words = {TEXT_LINE.match(line)["severity"] for line in lines if TEXT_LINE.match(line)}
    assert words == {"erreur", "avertissement", "info"}
    assert "Problèmes par règle\u00a0:" in lines
