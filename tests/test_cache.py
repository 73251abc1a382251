"""The results cache: a re-run reuses findings, and every change that matters is seen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def run(cwd: Path, *args: str, lang: str = "C", source: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(source), "LANG": lang, "LANGUAGE": "", "LC_ALL": ""}
    return subprocess.run(
        [sys.executable, "-m", "methlint", "check", "--output-format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,  # a hang (a FIFO read without O_NONBLOCK) fails the test instead of blocking it
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(ROOT / "content", root)
    shutil.copy(ROOT / "tests" / "fixtures" / "seeds" / "atelier-citoyen.md", root / "_outil" / "seed.md")
    return root


def same_as_uncached(cwd: Path) -> list[dict]:
    cached, fresh = run(cwd, "."), run(cwd, "--no-cache", ".")
    assert cached.returncode == fresh.returncode and cached.stdout == fresh.stdout
    return json.loads(cached.stdout)


def cache_root() -> Path:
    return Path(os.environ["METHLINT_CACHE_DIR"])


def cache_file(site: Path | None = None) -> Path:
    """The one results file (the tests run one site each, in a cache folder of their own)."""
    (found,) = cache_root().glob("*/results-*.json")
    return found


def test_a_rerun_reuses_the_findings_and_gives_the_same_output(site: Path) -> None:
    first = run(site, ".")
    assert (cache_root() / "CACHEDIR.TAG").is_file()
    assert (cache_root() / ".gitignore").read_text().endswith("*\n")
    stamp = cache_file(site).stat().st_mtime_ns
    second = run(site, ".")
    assert second.stdout == first.stdout and json.loads(second.stdout)
    assert cache_file(site).stat().st_mtime_ns == stamp  # nothing changed: nothing written


def test_an_edited_body_is_checked_again(site: Path) -> None:
    run(site, ".")
    doc = site / "_outil" / "panel-citoyen.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "Une ligne  avec deux espaces.\n", encoding="utf-8")
    found = same_as_uncached(site)
    assert any(d["path"] == "_outil/panel-citoyen.md" and d["code"] == "TYP001" for d in found)


def test_an_ordre_changed_elsewhere_reaches_the_unchanged_documents(site: Path) -> None:
    run(site, ".")
    doc = site / "_outil" / "jury-citoyen.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("ordre: 6", "ordre: 2"), encoding="utf-8")
    found = same_as_uncached(site)
    clashing = {d["path"] for d in found if d["code"] == "ORD001"}
    assert {"_outil/jury-citoyen.md", "_outil/panel-citoyen.md"} <= clashing


def test_a_new_image_is_seen(site: Path) -> None:
    (site / "img" / "jury-citoyen.png").unlink()
    assert any(d["code"] == "AST001" for d in json.loads(run(site, ".").stdout))
    (site / "img" / "jury-citoyen.png").write_bytes(b"x")
    assert not any(d["code"] == "AST001" for d in same_as_uncached(site))


def test_a_changed_site_config_is_seen(site: Path) -> None:
    run(site, ".")
    (site / "_config.yml").write_text("title: [pas fermé\n", encoding="utf-8")
    assert any(d["code"] == "JEK001" for d in same_as_uncached(site))


def test_the_language_is_part_of_the_key(site: Path) -> None:
    english = run(site, ".")
    french = run(site, ".", lang="fr_FR.UTF-8")
    assert english.stdout != french.stdout
    assert "espaces en fin de ligne" in french.stdout


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: text.replace("TYP002", "TYP001", 1),  # altered: the checksum no longer matches
        lambda text: "not json at all",
        lambda text: json.dumps({"format": 1, "checksum": "x", "payload": []}),
    ],
)
def test_a_damaged_cache_is_ignored_never_trusted(site: Path, damage) -> None:
    first = run(site, ".")
    path = cache_file(site)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    again = run(site, ".")
    assert again.returncode == first.returncode and again.stdout == first.stdout
    assert "Traceback" not in again.stderr


def test_no_cache_neither_reads_nor_writes(site: Path) -> None:
    run(site, "--no-cache", ".")
    assert not cache_root().exists() or not list(cache_root().iterdir())


def test_an_old_cache_folder_in_the_site_is_never_checked_as_documents(site: Path) -> None:
    """Earlier versions kept the cache in `.methlint_cache/` beside the configuration."""
    (site / ".methlint_cache").mkdir()
    (site / ".methlint_cache" / "piège.md").write_text("pas de front matter", encoding="utf-8")
    assert not any(".methlint_cache" in d["path"] for d in json.loads(run(site, ".").stdout))


def test_a_fifo_in_a_collection_does_not_hang_the_cached_run(site: Path) -> None:
    os.mkfifo(site / "_outil" / "tube.md")
    done = run(site, ".")
    assert ("_outil/tube.md", "FM010") in {(d["path"], d["code"]) for d in json.loads(done.stdout)}


def run_format(cwd: Path, output_format: str, *args: str) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C", "LANGUAGE": "", "LC_ALL": "", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "methlint", "check", "--output-format", output_format, *args, "."],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif", "junit"])
def test_a_warm_run_prints_the_same_bytes_as_a_cold_one(site: Path, output_format: str) -> None:
    cold = run_format(site, output_format, "--no-cache")
    filling = run_format(site, output_format)
    stamp = cache_file(site).stat().st_mtime_ns
    warm = run_format(site, output_format)
    assert cache_file(site).stat().st_mtime_ns == stamp  # every finding came from the cache
    assert cold[0] == 1 and cold[1]
    assert filling == cold
    assert warm == cold


def test_a_sibling_whose_ordre_moved_updates_the_line_quoted_in_a_clash(site: Path) -> None:
    clashing = site / "_outil" / "jury-citoyen.md"
    clashing.write_text(clashing.read_text(encoding="utf-8").replace("ordre: 6", "ordre: 2"), encoding="utf-8")
    run(site, ".")
    sibling = site / "_outil" / "panel-citoyen.md"
    # same value, two lines lower: only the position quoted by the other document changes
    moved = sibling.read_text(encoding="utf-8").replace("ordre: 2", "# un\n# deux\nordre: 2")
    sibling.write_text(moved, encoding="utf-8")
    found = same_as_uncached(site)
    (message,) = [d["message"] for d in found if d["code"] == "ORD001" and d["path"] == "_outil/jury-citoyen.md"]
    assert "_outil/panel-citoyen.md:31" in message  # was 29


def test_a_file_added_outside_the_asset_folders_is_seen(site: Path) -> None:
    doc = site / "_outil" / "panel-citoyen.md"
    doc.write_text(
        doc.read_text(encoding="utf-8").replace("vignette_video_demo:\n", "vignette_video_demo: /docs/panel.png\n"),
        encoding="utf-8",
    )
    assert any(d["code"] == "AST001" and "panel.png" in d["message"] for d in json.loads(run(site, ".").stdout))
    (site / "docs").mkdir()
    (site / "docs" / "panel.png").write_bytes(b"png")
    assert not any("panel.png" in d["message"] for d in same_as_uncached(site))


def test_a_deleted_cache_folder_is_rebuilt_with_the_same_output(site: Path) -> None:
    first = run(site, ".")
    shutil.rmtree(cache_root())
    again = run(site, ".")
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
    assert cache_file(site).is_file()


def test_a_cache_folder_deleted_during_the_run_is_not_an_error(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from methlint.cache import ResultsCache
    from methlint.cache_store import Store

    run(site, ".")
    store = Store(cache_root(), site)
    cache = ResultsCache.load(store, cache_file(site).name.removeprefix("results-").removesuffix(".json"))
    assert cache.records
    shutil.rmtree(cache_root())
    cache.save()
    assert ResultsCache.load(store, cache.key).records == cache.records


def rewritten_with_a_valid_signature(site: Path, path: Path, change) -> None:
    """A cache file of the wrong shape that methlint's own key signs (as a bug would write it):
    the shape is still checked."""
    from methlint.cache_store import Store

    _header, _newline, body = path.read_bytes().partition(b"\n")
    payload = json.loads(body)
    change(payload)
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    Store(cache_root(), site).write(path.name.removeprefix("results-").removesuffix(".json"), body)


def _bool_as_line(payload: dict) -> None:
    payload["rows"][1] = True


def _unknown_severity(payload: dict) -> None:
    payload["rows"][7] = "fatal"


def _row_cut_short(payload: dict) -> None:
    del payload["rows"][-1]


def _record_beyond_the_rows(payload: dict) -> None:
    first = next(iter(payload["records"]))
    payload["records"][first][3] = 10**6


def _records_not_a_mapping(payload: dict) -> None:
    payload["records"] = ["x"]


@pytest.mark.parametrize(
    "change", [_bool_as_line, _unknown_severity, _row_cut_short, _record_beyond_the_rows, _records_not_a_mapping]
)
def test_a_cache_file_of_the_wrong_shape_is_ignored_even_with_a_valid_signature(site: Path, change) -> None:
    first = run(site, ".")
    rewritten_with_a_valid_signature(site, cache_file(site), change)
    again = run(site, ".")
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
    assert again.stderr == first.stderr and "Traceback" not in again.stderr


def test_records_of_another_site_do_not_make_every_run_write(tmp_path: Path) -> None:
    for name in ("one", "other"):
        shutil.copytree(ROOT / "content", tmp_path / name)
    only_in_one = tmp_path / "one" / "_outil" / "panel-citoyen.md"
    only_in_one.write_text(only_in_one.read_text(encoding="utf-8") + "Une ligne de plus.\n", encoding="utf-8")
    run(tmp_path, str(only_in_one.relative_to(tmp_path)))
    run(tmp_path, "other")
    from methlint.cache_store import site_folder_name

    # each site has its own results, whatever folder methlint ran from
    assert len(list(cache_root().glob("*/results-*.json"))) == 2
    (found,) = (cache_root() / site_folder_name(tmp_path / "other")).glob("results-*.json")
    stamp = found.stat().st_mtime_ns
    run(tmp_path, "other")
    assert found.stat().st_mtime_ns == stamp


def test_the_schemas_are_part_of_the_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from methlint import schemas
    from methlint.cache import run_key
    from methlint.config import Config

    copied = tmp_path / "schemas"
    shutil.copytree(schemas.schema_dir(), copied)
    monkeypatch.setattr(schemas, "schema_dir", lambda: copied)
    before = run_key(Config(), [], "en", "2024-01-01")
    (copied / "method.schema.json").write_text("{}", encoding="utf-8")
    assert run_key(Config(), [], "en", "2024-01-01") != before


def test_what_the_page_shows_follows_the_templates_and_the_markdown_settings(tmp_path: Path) -> None:
    """Whether a finding is visible (methlint.page_effect) depends on the site's layouts and its
    _config.yml's kramdown options: a change to either is a change of the environment."""
    site = tmp_path / "site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_notes").mkdir()
    config = (
        "collections:\n  notes:\n    output: true\ndefaults:\n  - scope: {type: notes}\n    values: {layout: note}\n"
    )
    (site / "_config.yml").write_text(config, encoding="utf-8")
    layout = site / "_layouts" / "note.html"
    layout.write_text("<p>{{ page.tagline }}</p>{{ content }}", encoding="utf-8")
    (site / "_notes" / "a.md").write_text("---\ntitle: T\ntagline: L'idée\n---\nL'avis.\n", encoding="utf-8")

    def shown() -> list[tuple[int, bool, str]]:
        return [(d["line"], d["visible"], d["severity"]) for d in same_as_uncached(site) if d["code"] == "TYP010"]

    assert shown() == [(3, True, "warning"), (5, False, "info")]
    layout.write_text("{{ page.tagline | markdownify }}{{ content }}", encoding="utf-8")
    assert shown() == [(3, False, "info"), (5, False, "info")]
    (site / "_config.yml").write_text(config + "kramdown:\n  smart_quotes: apos,apos,quot,quot\n", encoding="utf-8")
    assert shown() == [(3, True, "warning"), (5, True, "warning")]


def test_a_rule_edited_in_a_source_checkout_is_not_served_from_the_cache(site: Path, tmp_path: Path) -> None:
    """The version number stays while a checkout's rules change: findings cached before the edit
    were once shown after it (a fixed false positive still reported until the cache was cleared)."""
    source = tmp_path / "checkout"
    shutil.copytree(ROOT / "methlint", source / "methlint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "schemas", source / "schemas")  # found beside the package in a checkout

    def messages() -> set[str]:
        findings = json.loads(run(site, ".", source=source).stdout)
        return {finding["message"] for finding in findings if finding["code"] == "TYP002"}

    assert "trailing whitespace: remove it" in messages()
    rule = source / "methlint" / "rules" / "typography" / "trailing_whitespace.py"
    rule.write_text(
        rule.read_text(encoding="utf-8").replace('"trailing whitespace: remove it"', '"edited message"'),
        encoding="utf-8",
    )
    assert "edited message" in messages()
