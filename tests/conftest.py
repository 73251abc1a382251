"""Shared test set-up."""

from __future__ import annotations

import pytest

from methlint import i18n


@pytest.fixture(autouse=True)
def _methlint_english_messages(monkeypatch: pytest.MonkeyPatch):
    """Tests assert English messages whatever the machine's locale; French is tested explicitly.

    The language is process-wide state, so it is reset after each test too.
    """
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    i18n.activate("en")
    yield
    i18n.activate("en")


@pytest.fixture(autouse=True)
def _methlint_private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test's runs (and the commands they start) keep their results cache apart, never in
    the user's own cache folder."""
    monkeypatch.setenv("METHLINT_CACHE_DIR", str(tmp_path_factory.mktemp("methlint-cache")))
