"""Every bomb of benchmarks/bench_bombs.py is refused cheaply.

Asserted loosely here; the script measures precisely, each bomb in a fresh process.
"""

from __future__ import annotations

import pytest

from benchmarks.bench_bombs import BOMBS, MEGABYTES_TARGET, SECONDS_TARGET, measure

# What each bomb must be reported as: the limit that stopped it, or what it really is.
EXPECTED_CODE = {
    "billion-laughs": "YML011",
    "alias-fan-out": "YML011",
    "self-containing-alias": "YML011",
    "deep-flow-10k": "YML011",
    "deep-flow-1mb": "YML011",
    "deep-block-mapping-1k": "YML011",
    "deep-block-sequence-10k": "YML011",
    "many-keys-1mb": "YML011",
    "many-unknown-keys-under-limit": "SCH005",
    "long-list-under-limit": "SCH001",
    "huge-flow-mapping-1mb": "YML011",
    "line-1mb-value": "SCH001",
    "line-1mb-key": "YML001",
    "line-1mb-syntax-error": "YML005",
    "integer-1mb-digits": "YML011",
    "newlines-1mb": "SCH001",
    "unclosed-quote-1mb": "YML001",
    "syntax-error-after-4000-keys": "YML001",
    "file-5mb": "FM012",
}


def test_every_bomb_has_an_expected_code():
    assert set(EXPECTED_CODE) == set(BOMBS)


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_bomb_is_cheap_and_reported(name):
    row = measure(name)
    assert EXPECTED_CODE[name] in row["codes"].split()
    # 3x the target in time (CI machines are shared), 1.5x in memory
    assert row["seconds"] < 3 * SECONDS_TARGET
    assert row["traced_mb"] < 1.5 * MEGABYTES_TARGET
