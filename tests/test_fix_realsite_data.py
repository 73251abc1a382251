"""``fix`` on the vendored real site changes no front-matter data but the typography it means to
(issue 19): every other value reads the same, as Jekyll reads it (safe_yaml's rules over
libyaml, :mod:`methlint.jekyll_scalars`; Jekyll itself is not installed here) and as YAML 1.2
(ruamel.yaml) reads it, and each rewritten value is its old text up to the typography.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from methlint.cli import cli
from methlint.document import Document
from methlint.fix.verify import shape, value_at
from methlint.yaml_text import read_yaml_1_2_ruamel, was_read
from tests.cli_runner import cli_runner
from tests.realsite import lay_out

# what the typography rules change: apostrophes, ellipses, dashes (TYP027), the œ ligature
# (TYP029), ordinals (TYP028), a comma before etc. (TYP030), the Unicode normal form and spaces
# (French spacing, several spaces, trailing spaces, spaces inside brackets): the letters and
# the rest of the punctuation stay
_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2026": "...", "\u2013": "-", "\u2014": "-", "œ": "oe", "Œ": "OE"})
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_ORDINAL = re.compile(r"(?<=[0-9IVXLC])(?:ème|eme|ère|ere|re|nde|de)\b")  # 1ère and 1re both read 1e
_ETC_COMMA = re.compile(r",(?=\s*etc\.)")


def _untypeset(value: str) -> str:
    text = unicodedata.normalize("NFC", value).translate(_TYPOGRAPHY)
    return _SPACES.sub("", _ETC_COMMA.sub("", _ORDINAL.sub("e", text)))


def _front_matters(site: Path) -> dict[str, Document]:
    return {str(path.relative_to(site)): Document(path.name, path.read_text()) for path in sorted(site.rglob("*.md"))}


@pytest.fixture(scope="module")
def fixed_site(tmp_path_factory) -> tuple[dict[str, Document], dict[str, Document], str]:
    site = lay_out(tmp_path_factory.mktemp("realsite") / "consultation.gouv.fr")
    before = _front_matters(site)
    result = cli_runner().invoke(cli, ["fix", str(site)])
    return before, _front_matters(site), result.output


def _changed_paths(old: object, new: object, here: tuple = ()) -> list[tuple]:
    """The paths of the scalars that differ, when the two have the same shape of collections."""
    if isinstance(old, dict) and isinstance(new, dict) and list(old) == list(new):
        return [path for key in old for path in _changed_paths(old[key], new[key], (*here, key))]
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [
            path for i, (a, b) in enumerate(zip(old, new, strict=True)) for path in _changed_paths(a, b, (*here, i))
        ]
    return [] if (type(old), old) == (type(new), new) else [here]


def test_fix_changes_the_real_site(fixed_site):
    before, after, output = fixed_site
    assert sum(before[name].text != after[name].text for name in before) >= 20, output
    assert "TYP010" in output


def test_fix_on_the_real_site_changes_only_typography_in_the_data(fixed_site):
    before, after, _output = fixed_site
    rewritten = compared_12 = 0
    for name, old in before.items():
        new = after[name]
        if old.front_matter is None or not old.front_matter.ok:
            assert new.text == old.text or new.front_matter.yaml == old.front_matter.yaml, name
            continue
        changed = _changed_paths(old.data, new.data)
        for path in changed:
            old_value, new_value = value_at(old.data, path), value_at(new.data, path)
            assert isinstance(old_value, str) and isinstance(new_value, str), (name, path)
            assert _untypeset(new_value) == _untypeset(old_value), (name, path, old_value, new_value)
        masked = frozenset(changed)
        assert shape(old.data, masked) == shape(new.data, masked), name  # Jekyll's reading
        old_12 = read_yaml_1_2_ruamel(old.front_matter.yaml)
        new_12 = read_yaml_1_2_ruamel(new.front_matter.yaml)
        assert was_read(new_12), name
        if was_read(old_12):  # ruamel refuses what libyaml reads (a tab ending a value): then only the new
            assert shape(old_12, masked) == shape(new_12, masked), name  # YAML 1.2's
            compared_12 += 1
        assert all(value_at(new_12, path) == value_at(new.data, path) for path in changed), name
        rewritten += len(changed)
    assert rewritten >= 10 and compared_12 >= 40  # the test compared real rewrites
