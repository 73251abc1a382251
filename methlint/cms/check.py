"""Run the CMS rules on a Decap configuration file, as the linter runs the others on documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from methlint.config import Config
from methlint.diagnostics import Diagnostic
from methlint.rules import Context, Rule


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)


def check_config(path: Path, config: Config, rules: Sequence[Rule]) -> Result:
    """The findings of ``rules`` on the configuration file ``path``; per-file-ignores and
    severities apply as for documents."""
    from methlint.discovery import display_path
    from methlint.document import read_document
    from methlint.linter import deduplicated, ignored_by_path, severity_for

    doc = read_document(path, display_path(path, Path.cwd()), config.max_file_bytes, limits=config.limits)
    ignored = ignored_by_path(doc, config)
    ctx = Context(config)
    result = Result()
    for rule in rules:
        if any(rule.code.startswith(prefix) for prefix in ignored):
            continue
        severity = severity_for(rule, config)
        try:
            for finding in rule.check(doc, ctx):
                result.diagnostics.append(Diagnostic(doc.path, finding.span, rule.code, finding.message, severity))
        except Exception as err:  # noqa: BLE001 - a rule bug must not hide the other findings
            result.internal_errors.append(f"{doc.path}: internal error in {rule.code} ({rule.name}): {err!r}")
    result.diagnostics = deduplicated(result.diagnostics)
    return result
