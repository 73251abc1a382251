"""What ``methlint fix`` would do with each finding's fix, for the reports: ``[*]`` marks only the
fixes it applies without ``--unsafe-fixes``.

The labels come from the fixer's own rules (:func:`applicable`, :mod:`methlint.fix.refusal`): a fix
changing a title waits for ``--unsafe-fixes`` whatever its rule says (unsafe); a fix in a document
the fixer refuses to rewrite, or in a front matter it refuses to rewrite, is never applied
(display-only). A document whose YAML does not parse keeps its labels: its repairs come first,
the other fixes once it parses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from methlint.diagnostics import Applicability, Diagnostic, Fix
from methlint.document import Document
from methlint.fix.loop import changes_title
from methlint.fix.outcome import RunOutcome
from methlint.fix.refusal import document_refusal, front_matter_refusal


def labelled_as_fixed(doc: Document, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` (of ``doc``), each fix labelled as ``methlint fix`` would treat it."""
    fixable = [d for d in diagnostics if d.fix is not None and d.fix.applicability is not Applicability.DISPLAY_ONLY]
    if not fixable:
        return list(diagnostics)
    if document_refusal(doc, structural_only=True) is not None:
        return [_labelled(d, Applicability.DISPLAY_ONLY) for d in diagnostics]
    body_offset = doc.parts.body_offset if doc.parts else 0
    front_matter_kept = front_matter_refusal(doc) is not None
    labelled = []
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is None or fix.applicability is Applicability.DISPLAY_ONLY or not fix.edits:
            labelled.append(diagnostic)
        elif front_matter_kept and min(edit.start for edit in fix.edits) < body_offset:
            labelled.append(_labelled(diagnostic, Applicability.DISPLAY_ONLY))
        elif changes_title(fix):
            labelled.append(_labelled(diagnostic, Applicability.UNSAFE))
        else:
            labelled.append(diagnostic)
    return labelled


def _labelled(diagnostic: Diagnostic, applicability: Applicability) -> Diagnostic:
    fix: Fix | None = diagnostic.fix
    if fix is None or fix.applicability is applicability:
        return diagnostic
    return dataclasses.replace(diagnostic, fix=fix._replace(applicability=applicability))


def label_remaining(run: RunOutcome) -> None:
    """What a fix run leaves, labelled as a next run of ``methlint fix`` would treat it."""
    for outcome in run.files:
        doc = Document(outcome.path, outcome.fixed, outcome.fs_path)
        own = iter(labelled_as_fixed(doc, [d for d in outcome.remaining if d.path == outcome.path]))
        outcome.remaining = [next(own) if d.path == outcome.path else d for d in outcome.remaining]
