"""Adoption on a legacy repo: baseline round trip, pull-request mode, scaffolding, editor docs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from methlint.schema_docs import rows
from methlint.schemas import KINDS, load_schema

ROOT = Path(__file__).parent.parent
METHOD = (ROOT / "content" / "_outil" / "panel-citoyen.md").read_text(encoding="utf-8")
CONFIG = "collections:\n  outil:\n    output: true\n  usage:\n    output: true\n"


def methlint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C"}
    return subprocess.run(
        [sys.executable, "-m", "methlint", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


def findings(done: subprocess.CompletedProcess[str]) -> list[tuple[str, int, str]]:
    return [(d["path"], d["line"], d["code"]) for d in json.loads(done.stdout)]


def site(root: Path, docs: dict[str, str]) -> Path:
    (root / "img").mkdir(parents=True)
    (root / "img" / "panel-citoyen.jpg").write_bytes(b"x")
    (root / "_config.yml").write_text(CONFIG, encoding="utf-8")
    for name, text in docs.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args], cwd=cwd, check=True, capture_output=True
    )


def test_baseline_round_trip(tmp_path: Path) -> None:
    legacy = METHOD.replace("ordre: 2", "ordre: 0").replace("owner: DITP", "owner: 12")
    root = site(tmp_path, {"_outil/a.md": legacy})
    written = methlint(root, "check", "--write-baseline", "baseline.json", ".")
    assert written.returncode == 0 and "Wrote 2 findings" in written.stderr
    assert methlint(root, "check", "--baseline", "baseline.json", ".").returncode == 0

    # an unrelated edit above the baselined findings: still suppressed
    (root / "_outil/a.md").write_text(legacy.replace("priorites:\n", "priorites:\n- Une de plus\n"), encoding="utf-8")
    assert methlint(root, "check", "--baseline", "baseline.json", ".").returncode == 0

    # fix one (reported as fixed), add a new problem (reported)
    edited = legacy.replace("ordre: 0", "ordre: 2").replace("layout: methode", "layout: méthode")
    (root / "_outil/a.md").write_text(edited, encoding="utf-8")
    done = methlint(root, "check", "--output-format", "json", "--baseline", "baseline.json", ".")
    assert done.returncode == 1
    assert findings(done) == [("_outil/a.md", 27, "SCH003")]
    assert "1 baselined finding is fixed: run with --prune-baseline to drop it from" in done.stderr

    pruned = methlint(root, "check", "--baseline", "baseline.json", "--prune-baseline", ".")
    assert "Removed 1 fixed finding" in pruned.stderr
    assert [e["code"] for e in json.loads((root / "baseline.json").read_text())["findings"]] == ["SCH002"]


def test_a_baseline_of_the_real_site_leaves_nothing_to_print(tmp_path: Path) -> None:
    # issue 20: after --write-baseline, --baseline still printed the site's info findings
    # (trailing spaces, and every finding invisible on the page)
    from tests.realsite import lay_out

    root = lay_out(tmp_path / "site")
    before = methlint(root, "check", "--no-cache", "--output-format", "json")
    severities = {d["severity"] for d in json.loads(before.stdout)}
    assert severities == {"error", "warning", "info"}
    written = methlint(root, "check", "--no-cache", "--write-baseline", "baseline.json")
    assert f"Wrote {len(json.loads(before.stdout))} findings" in written.stderr
    after = methlint(root, "check", "--no-cache", "--baseline", "baseline.json")
    assert (after.returncode, after.stdout) == (0, "All good: 55 files checked.\n")


def test_a_broken_baseline_file_is_a_usage_error(tmp_path: Path) -> None:
    root = site(tmp_path, {"_outil/a.md": METHOD})
    (root / "baseline.json").write_text("{}", encoding="utf-8")
    done = methlint(root, "check", "--baseline", "baseline.json", ".")
    assert done.returncode == 2 and "not a methlint baseline" in done.stderr


def test_diff_base_reports_only_the_changed_line_and_a_new_clash(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {
            "_outil/a.md": METHOD.replace("owner: DITP", "owner: 12"),  # old debt on an unchanged line
            "_outil/b.md": METHOD.replace("ordre: 2", "ordre: 3"),
            "_outil/d.md": METHOD,  # an old clash with a (both ordre 2): stays hidden
        },
    )
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    changed = METHOD.replace("ordre: 2", "ordre: 2").replace("contract:\n", "contract: 7\n")
    (root / "_outil/c.md").write_text(changed.replace("ordre: 2", "ordre: 3"), encoding="utf-8")  # clash with b
    (root / "_outil/b.md").write_text(
        METHOD.replace("ordre: 2", "ordre: 3").replace("logo:\n", "logo: 5\n"), encoding="utf-8"
    )
    done = methlint(root, "check", "--output-format", "json", "--diff-base", "HEAD", ".")
    assert findings(done) == [
        ("_outil/b.md", 8, "SCH002"),  # the changed line of b
        ("_outil/b.md", 29, "ORD001"),  # b's unchanged line, in a clash the change created
        ("_outil/c.md", 7, "SCH002"),  # the new file: every line is changed
        ("_outil/c.md", 29, "ORD001"),
    ]
    everything = findings(methlint(root, "check", "--output-format", "json", "."))
    assert {("_outil/a.md", 9, "SCH002"), ("_outil/a.md", 29, "ORD001"), ("_outil/d.md", 29, "ORD001")} <= set(
        everything
    )  # old debt, hidden in pull-request mode


def test_diff_base_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    root = site(tmp_path, {"_outil/a.md": METHOD})
    done = methlint(root, "check", "--diff-base", "HEAD", ".")
    assert done.returncode == 2


@pytest.mark.parametrize(("kind", "folder"), [("methode", "_outil"), ("outil", "_outil"), ("usage", "_usage")])
def test_new_document_reports_only_placeholders_through_the_cli(tmp_path: Path, kind: str, folder: str) -> None:
    root = site(tmp_path, {"_outil/a.md": METHOD})
    (root / "_usage").mkdir()
    created = methlint(root, "new", f"{folder}/le-jury-citoyen.md", "--kind", kind, "--title", "Le jury citoyen")
    assert created.returncode == 0, created.stderr
    done = methlint(root, "check", "--output-format", "json", f"{folder}/le-jury-citoyen.md")
    assert done.returncode == 1
    assert {code for _path, _line, code in findings(done)} == {"PH001"}
    assert methlint(root, "new", f"{folder}/le-jury-citoyen.md", "--kind", kind, "--title", "X").returncode == 2


def test_schema_markdown_lists_every_key_of_each_schema(tmp_path: Path) -> None:
    done = methlint(tmp_path, "schema", "--format", "markdown")
    assert done.returncode == 0
    for kind in KINDS:
        schema = load_schema(kind)
        assert f"## {schema['title']}" in done.stdout
        for key in schema["properties"]:
            assert f"| `{key}` |" in done.stdout
    assert "| `details_techniques[].link` |" in done.stdout
    assert len(rows(load_schema("tool"))) == len(load_schema("tool")["properties"]) + 3


def test_the_editors_contract_in_docs_is_up_to_date(tmp_path: Path) -> None:
    generated = methlint(tmp_path, "schema", "--format", "markdown").stdout
    committed = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    generated_part = committed.split("\n", 2)[2].split("\n<!-- Fin de la partie générée.", 1)[0]
    assert generated_part == generated, "run: methlint schema --format markdown (docs/schema.md)"
