"""Typography: the prose engine and the TYP rules that read it.

The engine reads a document's prose once (``Context.prose``), rules search it:

- ``units.py``: a unit of prose (a front-matter value, a body paragraph, heading or cell);
- ``values.py``: the front-matter values under prose keys;
- ``body.py``: the body's paragraphs, line by line; ``tables.py``: its standalone tables;
  ``markdown.py``: markdown-it's reading, the reference and the fallback of both;
- ``masks.py``: what is not prose inside prose (code, markup, URLs…), in one place;
- ``view.py``: :class:`~methlint.rules.typography.view.Prose`, its one search API, ``extract``;
- ``fixes.py``: a fix of prose made valid for the YAML scalar that holds it.

Every other module is one rule, named after it (``multiple_spaces.py`` holds
``multiple-spaces``). Adding a rule: its module (docstring, ``check``, ``RULE``), one line
in ``RULE_MODULES``, its test.
"""

from __future__ import annotations

from importlib import import_module

from methlint.rules._base import Rule

# One line per rule, in code order: the order of `methlint rules` and of SARIF's rule index.
RULE_MODULES = (
    "multiple_spaces",  # TYP001
    "trailing_whitespace",  # TYP002
    "stray_period",  # TYP003
    "missing_space_after",  # TYP004
    "space_before_comma_period",  # TYP005
    "space_inside_brackets",  # TYP006
    "french_spacing",  # TYP008
    "apostrophe_consistency",  # TYP010
    "ellipsis",  # TYP011
    "etc_ellipsis",  # TYP012
    "lowercase_after_period",  # TYP013
    "repeated_word",  # TYP014
    "unicode_nfc",  # TYP015
    "invisible_characters",  # TYP016
    "tab_in_prose",  # TYP017
    "unpaired_brackets",  # TYP021
    "colon_escape_artifact",  # TYP023
    "english_quotes",  # TYP024
    "number_spacing",  # TYP025
    "accented_capitals",  # TYP026
    "hyphen_as_dash",  # TYP027
    "ordinals",  # TYP028
    "oe_ligature",  # TYP029
    "etc_comma",  # TYP030
    "words_run_together",  # TYP031
)

RULES: tuple[Rule, ...] = tuple(import_module(f"{__name__}.{name}").RULE for name in RULE_MODULES)
