"""The explicit registry: every rule, in code order. Adding a rule = its module + one line here + its tests."""

from __future__ import annotations

from methlint.cms.rules import (
    body_field,
    collection_source,
    default_value,
    duplicate_field,
    missing_field,
    required_field,
    structure,
    unknown_widget,
    unused_field,
    widget_type,
)
from methlint.rules import (
    assets,
    dates,
    duplicate_keys,
    file_read,
    framing,
    jekyll_site,
    link_targets,
    links,
    list_item_mapping,
    ordre_unique,
    placeholder,
    references,
    schema_contract,
    tab_whitespace,
    typo_apostrophe,
    typo_characters,
    typo_ellipsis,
    typo_escape_artifacts,
    typo_lowercase_after_period,
    typo_missing_space_after,
    typo_multiple_spaces,
    typo_nbsp_high_punct,
    typo_repeated_word,
    typo_space_inside,
    typo_stray_period,
    typo_trailing_whitespace,
    typo_unpaired,
    unused_suppression,
    yaml_features,
    yaml_syntax,
)
from methlint.rules._base import Context, Rule, Scope

ALL_RULES: tuple[Rule, ...] = (
    framing.MISSING,
    framing.UNCLOSED,
    framing.BOM_RULE,
    framing.EMPTY,
    framing.NOT_MAPPING,
    file_read.UNREADABLE,
    file_read.NOT_UTF8,
    file_read.TOO_LARGE,
    yaml_syntax.SYNTAX,
    yaml_syntax.MISSING_COLON,
    yaml_syntax.NO_SPACE,
    list_item_mapping.RULE,
    yaml_syntax.COLON_IN_VALUE,
    yaml_syntax.TAB_INDENT,
    tab_whitespace.RULE,
    duplicate_keys.RULE,
    yaml_features.ANCHORS,
    yaml_features.FOREIGN_TAG,
    yaml_features.LIMITS,
    yaml_features.KEY_TYPE,
    schema_contract.MISSING_KEY,
    schema_contract.WRONG_TYPE,
    schema_contract.NOT_ALLOWED,
    schema_contract.BAD_FORMAT,
    schema_contract.UNKNOWN_KEY,
    schema_contract.CONSTRAINT,
    schema_contract.NO_SCHEMA,
    typo_multiple_spaces.RULE,
    typo_trailing_whitespace.RULE,
    typo_stray_period.RULE,
    typo_missing_space_after.RULE,
    typo_space_inside.COMMA_PERIOD,
    typo_space_inside.BRACKETS,
    typo_nbsp_high_punct.RULE,
    typo_apostrophe.RULE,
    typo_ellipsis.ELLIPSIS,
    typo_ellipsis.ETC,
    typo_lowercase_after_period.RULE,
    typo_repeated_word.RULE,
    typo_characters.NFC,
    typo_characters.INVISIBLE,
    typo_characters.TABS,
    typo_unpaired.RULE,
    typo_escape_artifacts.RULE,
    ordre_unique.RULE,
    dates.RULE,
    links.URL_RULE,
    links.MAIL_RULE,
    link_targets.SITE_LINK,
    link_targets.HTTP_LINK,
    references.RULE,
    assets.MISSING,
    assets.OUTSIDE,
    assets.UNREFERENCED,
    placeholder.RULE,
    jekyll_site.CONFIG,
    jekyll_site.LAYOUT,
    unused_suppression.RULE,
    # `methlint cms check`: a Decap CMS configuration against the contracts and the documents
    structure.RULE,
    unknown_widget.RULE,
    collection_source.RULE,
    duplicate_field.RULE,
    body_field.RULE,
    missing_field.RULE,
    unused_field.RULE,
    widget_type.RULE,
    required_field.RULE,
    default_value.RULE,
)
# What `methlint check` and `fix` run on documents, and what `methlint cms check` runs on a CMS configuration.
DOCUMENT_RULES = tuple(rule for rule in ALL_RULES if rule.scope is not Scope.CMS_CONFIG)
CMS_RULES = tuple(rule for rule in ALL_RULES if rule.scope is Scope.CMS_CONFIG)

_BY_CODE = {rule.code: rule for rule in ALL_RULES}
_BY_NAME = {rule.name: rule for rule in ALL_RULES}


def get(code_or_name: str) -> Rule:
    rule = _BY_CODE.get(code_or_name.upper()) or _BY_NAME.get(code_or_name.lower())
    if rule is None:
        raise KeyError(f"no such rule: {code_or_name!r}")
    return rule


__all__ = ["ALL_RULES", "CMS_RULES", "DOCUMENT_RULES", "Context", "Rule", "Scope", "get"]
