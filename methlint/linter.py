"""Run the enabled rules over documents and stamp what they find.

Rules yield :class:`Finding`s; the linter owns identity (code), severity and selection,
so that rules stay small generators without I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from methlint.config import Config
from methlint.diagnostics import Diagnostic, Severity
from methlint.discovery import Target
from methlint.document import Document, read_document
from methlint.rules import ALL_RULES, Context, Rule


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(prefix.upper()) for prefix in prefixes if prefix)


def enabled_rules(config: Config, rules: Sequence[Rule] = ALL_RULES) -> list[Rule]:
    """ruff's semantics: ``select`` replaces the defaults, ``extend-select`` adds, ``ignore`` removes."""
    if config.select:
        chosen = [r for r in rules if _matches(r.code, config.select)]
    else:
        chosen = [r for r in rules if r.default_enabled]
    chosen += [r for r in rules if _matches(r.code, config.extend_select) and r not in chosen]
    return [r for r in chosen if not _matches(r.code, config.ignore)]


def severity_for(rule: Rule, config: Config) -> Severity:
    best: tuple[int, Severity] = (-1, rule.severity)
    for prefix, severity in config.severities:
        if rule.code.startswith(prefix) and len(prefix) > best[0]:
            best = (len(prefix), Severity(severity))
    return best[1]


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    files: int = 0


def lint_documents(documents: Iterable[Document], config: Config, rules: Sequence[Rule]) -> Result:
    result = Result()
    ctx = Context(config)
    severities = {rule.code: severity_for(rule, config) for rule in rules}
    for doc in documents:
        result.files += 1
        for rule in rules:
            try:
                for finding in rule.check(doc, ctx):
                    result.diagnostics.append(
                        Diagnostic(
                            finding.path or doc.path, finding.span, rule.code, finding.message,
                            severities[rule.code], finding.fix,
                        )
                    )
            except Exception as err:  # noqa: BLE001 - a rule bug must not hide other findings
                result.internal_errors.append(
                    f"{doc.path}: internal error in {rule.code} ({rule.name}): {type(err).__name__}: {err}"
                )
        ctx.cache.clear()  # per-document memos are keyed by id(); drop them with the document
    result.diagnostics.sort()
    return result


def lint_paths(targets: Iterable[Target], config: Config, rules: Sequence[Rule] | None = None) -> Result:
    chosen = enabled_rules(config) if rules is None else list(rules)
    documents = (
        read_document(t.fs_path, t.display, config.max_file_bytes, root=config.root)
        for t in targets
    )
    return lint_documents(documents, config, chosen)


def lint_text(text: str, path: str = "_outil/doc.md", config: Config | None = None,
              rules: Sequence[Rule] | None = None) -> list[Diagnostic]:
    """Lint a string as if it were the file ``path`` (for tests and editors)."""
    config = config or Config()
    chosen = enabled_rules(config) if rules is None else list(rules)
    result = lint_documents([Document(path, text)], config, chosen)
    if result.internal_errors:
        raise RuntimeError("; ".join(result.internal_errors))
    return result.diagnostics
