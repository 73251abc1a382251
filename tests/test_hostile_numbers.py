"""No number in a document or a configuration can crash a run, hide findings or stop the cache.

Python refuses to convert integers of more than 4,300 digits to or from decimal text (a
guard against quadratic time); an integer built otherwise (hexadecimal, base 60) fails later,
wherever it is printed: in a message, a cache entry, a report. methlint bounds every integer
it reads (YML011) and every number of its configuration (exit 2, positioned).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from methlint.cache import lint_cached
from methlint.config import Config
from methlint.discovery import discover
from methlint.linter import enabled_rules, lint_paths
from tests.methlint_process import copy_of_the_example_site, methlint, set_value


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_of_the_example_site(tmp_path)


HUGE = {
    "decimal-4301": "1" * 4301,  # the case
    "hexadecimal-5000": "0x" + "f" * 5000,
    "binary-20000": "0b" + "1" * 20000,
    "with-commas": ",".join(["999"] * 2000),  # Jekyll reads 999999…: 6,000 digits
    "tagged": "!!int " + "7" * 5000,
}


@pytest.mark.parametrize("value", HUGE.values(), ids=HUGE.keys())
def test_a_sibling_with_a_huge_ordre_hides_no_finding(site, value):
    """The sibling is reported (YML011), every other document checked: cached or not, exit 1."""
    set_value(site / "_outil" / "atelier-citoyen.md", "ordre", value)
    panel = site / "_outil" / "panel-citoyen.md"
    panel.write_text(panel.read_text(encoding="utf-8") + "Deux  espaces.\n", encoding="utf-8")
    fresh, filling, warm = (methlint(site, "check", *flags, ".") for flags in (["--no-cache"], [], []))
    for done in (fresh, filling, warm):
        assert done.returncode == 1, done.stderr
        assert "internal error" not in done.stderr
        assert done.stdout == fresh.stdout
    assert "_outil/atelier-citoyen.md:37:8: YML011 [error] a number of more than 4300 digits" in fresh.stdout
    assert "_outil/panel-citoyen.md" in fresh.stdout and "TYP001" in fresh.stdout


def test_a_number_of_4300_digits_is_read_and_quoted_in_messages(site):
    """The bound is Python's: up to it, numbers are ordinary (here, a clash of two `ordre`)."""
    value = "9" * 4300
    for name in ("atelier-citoyen.md", "panel-citoyen.md"):
        set_value(site / "_outil" / name, "ordre", value)
        set_value(site / "_outil" / name, "categorie", "methode")
    done = methlint(site, "check", "--output-format", "json", ".")
    assert done.returncode == 1, done.stderr
    clashes = [d for d in json.loads(done.stdout) if d["code"] == "ORD001"]
    assert clashes and value in clashes[0]["message"]


@pytest.mark.parametrize(
    "value",
    [":".join(["59"] * 3000), "1" * 5000 + ".5", ".5" + "0" * 100_000],
    ids=["base-60-of-3000-parts", "float-of-5000-digits", "float-of-100000-decimals"],
)
def test_floats_of_any_size_are_read(site, value):
    """Floats overflow to infinity, as in Ruby: text of any length, never an error."""
    set_value(site / "_outil" / "atelier-citoyen.md", "ordre", value)
    done = methlint(site, "check", ".")
    assert done.returncode == 1 and "internal error" not in done.stderr
    assert "_outil/atelier-citoyen.md:37:8: SCH002 [error] 'ordre' must be a whole number" in done.stdout


@pytest.mark.parametrize(
    ("setting", "where"),
    [
        ("date-future-years = 100000", "1:1: date-future-years must be at most 1000, found the number 100000"),
        (
            "[yaml-limits]\nmax-depth = 100000000000000000000",
            "2:1: yaml-limits.max-depth must be at most 200, found the number 100000000000000000000",
        ),
        ("max-file-bytes = 10000000000000", "1:1: max-file-bytes must be at most"),
    ],
)
def test_configuration_numbers_are_bounded(site, setting, where):
    """A repository's configuration is input too: an absurd number is a positioned usage error."""
    (site / "methlint.toml").write_text(setting + "\n")
    done = methlint(site, "check", ".")
    assert done.returncode == 2
    assert f"methlint.toml:{where}" in done.stderr


def test_an_internal_error_in_the_cache_hides_no_finding(site, monkeypatch):
    """A bug in the cache (simulated: the site's fingerprint fails) is reported, and the files
    are checked without the cache: every finding is there."""
    from methlint import cache

    set_value(site / "_outil" / "atelier-citoyen.md", "ordre", "x")
    config = Config(root=site)
    targets = list(discover([site]))
    expected = lint_paths(targets, config).diagnostics

    def broken(root: str) -> str:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cache, "tree_fingerprint", broken)
    monkeypatch.chdir(site)
    result = lint_cached(targets, config, enabled_rules(config), "en")
    assert list(result.diagnostics) == list(expected) and expected
    assert result.internal_errors == [
        "methlint: internal error in the results cache (RuntimeError: a bug); checked without it"
    ]
