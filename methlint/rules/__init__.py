"""The explicit registry: every rule, in code order. Adding a rule = its module + its import and its line in
ALL_RULES here + its test (a typography rule: one line in methlint/rules/typography/__init__.py); CONTRIBUTING.md
walks through it."""

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
    document_kind,
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
    rendered,
    schema_contract,
    tab_whitespace,
    typography,
    unknown_suppression,
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
    document_kind.RULE,
    rendered.PREFIXED,
    rendered.UNRENDERED,
    *typography.RULES,  # TYP001…TYP031, listed in methlint/rules/typography/__init__.py
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
    unknown_suppression.RULE,
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
