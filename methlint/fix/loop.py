"""Fix one document in memory, round by round, as ruff does; nothing is written here.

Each round lints the current text, chooses the applicable fixes whose edits do not overlap,
applies them all in one pass and verifies the result once. A round whose result fails
verification sets its culprits aside and tries again without them; an overlapping fix waits
for the next round. The loop stops when no fix is left, and gives up (the file keeps its
bytes and its findings) when the document cannot be rewritten safely or does not converge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from methlint.collection import Collection
from methlint.config import Config
from methlint.diagnostics import Applicability, Diagnostic, Edit, Fix
from methlint.document import Document
from methlint.fix.edits import EditSet, apply_edits
from methlint.fix.outcome import AppliedFix, DataPath, FileOutcome, HeldBackTitleFix, RejectedFix
from methlint.fix.refusal import document_refusal, front_matter_refusal, refusal
from methlint.fix.verify import value_at, verify
from methlint.front_matter import SyntaxProblem
from methlint.i18n import _
from methlint.linter import enabled_rules, lint_documents
from methlint.rules import Rule

MAX_ROUNDS = 10
TITLE_PATH: DataPath = ("title",)  # titles are identifiers: usage documents name methods and tools by title


def repair_codes(rules: Sequence[Rule]) -> frozenset[str]:
    """The codes whose fixes mend YAML that does not parse."""
    return frozenset(rule.code for rule in rules if rule.repairs_syntax)


def changes_title(fix: Fix) -> bool:
    return TITLE_PATH in fix.changes_data_at


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    """Whether ``fix`` may be applied (a title change needs ``unsafe``, whatever its label)."""
    if fix is None or not fix.edits or fix.applicability is Applicability.DISPLAY_ONLY:
        return False
    if changes_title(fix):  # titles are identifiers: see fix_paths
        return unsafe
    return fix.applicability is Applicability.SAFE or unsafe


def _changes_text(fix: Fix, text: str) -> bool:
    """A fix that rewrites bytes with themselves would be offered forever."""
    return any(text[e.start : e.end] != e.replacement for e in fix.edits)


def _identity(diagnostic: Diagnostic, text: str) -> tuple[object, ...]:
    """A fix as it will be offered again in later rounds, whose other edits move its offsets."""
    edits = tuple((text[e.start : e.end], e.replacement) for e in diagnostic.fix.edits) if diagnostic.fix else ()
    return diagnostic.code, diagnostic.message, edits


@dataclass
class _Choice:
    """The fixes one round applies, and whether others wait for the YAML to parse."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    blocked: bool = False

    @property
    def data_paths(self) -> list[DataPath]:
        return [path for d in self.diagnostics if d.fix for path in d.fix.changes_data_at]


class _GiveUp(Exception):
    """Stop fixing the document: nothing of it is written, its findings stay as they were."""

    def __init__(self, *, refused: str | None = None, internal_error: str | None = None) -> None:
        super().__init__(refused or internal_error)
        self.refused, self.internal_error = refused, internal_error


class _DocumentFix:
    """One document's fix in progress: its text so far, and what was applied or set aside."""

    def __init__(
        self, doc: Document, config: Config, rules: Sequence[Rule], unsafe: bool, collection: Collection
    ) -> None:
        self.original = self.current = doc
        self.config, self.rules, self.unsafe, self.collection = config, rules, unsafe, collection
        self.repairs = repair_codes(rules)
        self.bom_removers = frozenset(rule.code for rule in rules if rule.removes_bom)
        self.outcome = FileOutcome(doc.path, doc.text, doc.text, doc.fs_path)
        self.rejected: set[tuple[object, ...]] = set()  # fixes whose result failed verification

    @property
    def syntax_error(self) -> SyntaxProblem | None:
        """Where the YAML does not parse, if it does not: then only repairs of its syntax are due."""
        fm = self.current.front_matter
        return None if fm is None else fm.syntax_error

    @property
    def structural_only(self) -> bool:
        return self.syntax_error is not None

    def run(self) -> None:
        for round_number in range(MAX_ROUNDS + 1):
            diagnostics = self._lint(first=round_number == 0)
            if round_number == 0 and not self.unsafe:
                self.outcome.held_back = self._held_back_titles(diagnostics)
            choice = self._choose(diagnostics)
            if not choice.diagnostics:
                if choice.blocked:
                    raise _GiveUp(refused=_("the YAML does not parse"))
                break
            if round_number == MAX_ROUNDS:
                raise _GiveUp(internal_error=_("the fixes did not converge after {n} rounds").format(n=MAX_ROUNDS))
            allowed = self._allowed(choice)
            if allowed is None:
                break
            self._apply(allowed)
        self._finish()

    def _lint(self, first: bool) -> Sequence[Diagnostic]:
        result = lint_documents([self.current], self.config, self.rules, self.collection)
        if result.internal_errors:
            raise _GiveUp(internal_error="; ".join(result.internal_errors))
        self.outcome.remaining = result.diagnostics
        if first:
            self.outcome.original_diagnostics = result.diagnostics
        return result.diagnostics

    def _held_back_titles(self, diagnostics: Sequence[Diagnostic]) -> list[HeldBackTitleFix]:
        """The title fixes that need ``--unsafe-fixes`` (fix_paths lists the references they would break)."""
        old_title = value_at(self.original.data, TITLE_PATH)
        return [
            HeldBackTitleFix(d, old_title if isinstance(old_title, str) else None, ())
            for d in diagnostics
            if d.fix is not None and changes_title(d.fix) and d.fix.applicability is not Applicability.DISPLAY_ONLY
        ]

    def _choose(self, diagnostics: Sequence[Diagnostic]) -> _Choice:
        """The applicable fixes, in order, each unless it overlaps one chosen before it."""
        choice, taken, text = _Choice(), EditSet(), self.current.text
        for diagnostic in diagnostics:
            fix = diagnostic.fix
            if fix is None or not applicable(fix, self.unsafe) or not _changes_text(fix, text):
                continue
            if self.rejected and _identity(diagnostic, text) in self.rejected:
                continue
            if self.structural_only and diagnostic.code not in self.repairs:
                choice.blocked = True  # must wait until the YAML parses
                continue
            if taken.add_all(fix.edits):  # else the next round picks it up
                choice.diagnostics.append(diagnostic)
        choice.edits = taken.edits
        return choice

    def _allowed(self, choice: _Choice) -> _Choice | None:
        """The chosen fixes this document lets us apply: None if none (and the loop ends)."""
        error = self.syntax_error
        reason = document_refusal(self.current, structural_only=error is not None)
        if reason is not None:
            raise _GiveUp(refused=reason)
        if error is not None:
            if error.forbidden_character:
                raise _GiveUp(refused=_("the YAML does not parse"))  # no repair of the syntax helps
            return choice
        reason = front_matter_refusal(self.current)
        return choice if reason is None else self._body_only(choice, reason)

    def _body_only(self, choice: _Choice, reason: str) -> _Choice | None:
        """The front matter may not be rewritten: the body's fixes are applied, the front
        matter's left (each round leaves them again), unless nothing was applied at all."""
        body_offset = self.current.parts.body_offset if self.current.parts else 0
        in_body = [d for d in choice.diagnostics if d.fix and min(e.start for e in d.fix.edits) >= body_offset]
        if not in_body and not self.outcome.applied:
            raise _GiveUp(refused=reason)
        if len(in_body) < len(choice.diagnostics):
            self.outcome.front_matter_refused = reason
        if not in_body:
            return None
        return _Choice(in_body, [edit for d in in_body if d.fix for edit in d.fix.edits])

    def _apply(self, choice: _Choice) -> None:
        """Apply the round's fixes in one pass and verify the result once."""
        new_text = apply_edits(self.current.text, choice.edits)
        if self.structural_only:
            self._check_repair(new_text, choice.edits)
        problem = verify(
            self.current,
            new_text,
            choice.edits,
            choice.data_paths,
            bom_removed=any(d.code in self.bom_removers for d in choice.diagnostics),
        )
        if problem is not None:
            # Like Black, never write what does not verify; unlike a crash, the other fixes go on.
            for diagnostic, why in self._culprits(choice.diagnostics, problem):
                self.rejected.add(_identity(diagnostic, self.current.text))
                self.outcome.rejected.append(RejectedFix(diagnostic, why))
            return
        self.outcome.applied += [
            AppliedFix(d.code, d.span, d.fix.title, d.fix.changes_data_at) for d in choice.diagnostics if d.fix
        ]
        self.current = Document(self.original.path, new_text, self.original.fs_path)

    def _check_repair(self, new_text: str, edits: list[Edit]) -> None:
        """A repair must leave YAML we may rewrite, with no mistake before the repairs left."""
        repaired = Document(self.original.path, new_text, self.original.fs_path)
        # what the repair lets us read may be what we never rewrite (duplicate keys, anchors)
        reason = refusal(repaired, structural_only=True)
        error = repaired.front_matter.syntax_error if reason is None and repaired.front_matter else None
        if error is not None and error.offset < min(edit.start for edit in edits):
            reason = _("the YAML does not parse")  # a mistake before the repairs: not theirs to fix
        if reason is not None:
            raise _GiveUp(refused=reason)

    def _culprits(self, chosen: list[Diagnostic], problem: str) -> list[tuple[Diagnostic, str]]:
        """The fixes of a refused round that fail verification alone (all of them if none does:
        then only their combination fails)."""
        if len(chosen) == 1:
            return [(chosen[0], problem)]
        alone = []
        for diagnostic in chosen:
            edits = list(diagnostic.fix.edits) if diagnostic.fix else []
            why = verify(
                self.current,
                apply_edits(self.current.text, edits),
                edits,
                list(diagnostic.fix.changes_data_at) if diagnostic.fix else [],
                bom_removed=diagnostic.code in self.bom_removers,
            )
            if why is not None:
                alone.append((diagnostic, why))
        return alone or [(diagnostic, problem) for diagnostic in chosen]

    def _finish(self) -> None:
        """The fixed text, unless repairs left YAML that still does not parse; a changed title."""
        outcome, original = self.outcome, self.original
        outcome.fixed = self.current.text
        if not outcome.applied:
            return
        old_fm, new_fm = original.front_matter, self.current.front_matter
        if old_fm is not None and old_fm.syntax_error is not None and (new_fm is None or not new_fm.ok):
            raise _GiveUp(refused=_("the YAML still does not parse after the structural fixes"))
        old_title, new_title = value_at(original.data, TITLE_PATH), value_at(self.current.data, TITLE_PATH)
        if isinstance(old_title, str) and old_title != new_title:
            outcome.renamed_title = (old_title, str(new_title))


def fix_document(
    doc: Document,
    config: Config,
    rules: Sequence[Rule],
    unsafe: bool = False,
    collection: Collection | None = None,
) -> FileOutcome:
    """Fix one document in memory; nothing is written.

    ``collection``: the run's index of the other documents as they are on disk. Sharing it
    across a run's documents keeps ``fix`` linear; a fresh index per lint re-read the whole
    site for every round of every file.
    """
    fixing = _DocumentFix(doc, config, rules, unsafe, collection or Collection(config))
    try:
        fixing.run()
    except _GiveUp as stop:
        return fixing.outcome.give_up(refused=stop.refused, internal_error=stop.internal_error)
    return fixing.outcome


def fix_text(
    text: str,
    path: str = "_outil/doc.md",
    unsafe: bool = False,
    config: Config | None = None,
    rules: Sequence[Rule] | None = None,
) -> tuple[str, FileOutcome]:
    """Fix a string as if it were the file ``path`` (tests, editors); no reference is renamed."""
    config = config or Config()
    chosen = enabled_rules(config) if rules is None else list(rules)
    outcome = fix_document(Document(path, text), config, chosen, unsafe)
    return outcome.fixed, outcome
