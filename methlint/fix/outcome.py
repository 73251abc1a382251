"""What a fix run decides, file by file: what it applied, held back, set aside or refused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from methlint.diagnostics import Diagnostic, Severity, Span

DataPath = tuple[str | int, ...]  # a key path into the front matter's data: ("methodes", 1)


@dataclass(frozen=True)
class AppliedFix:
    code: str
    span: Span  # in the text the fix was applied to (the previous round's output)
    title: str
    changes_data_at: tuple[DataPath, ...] = ()  # as the fix declared them


@dataclass(frozen=True)
class TitleReference:
    path: str  # display path of the usage document
    line: int
    column: int
    data_path: DataPath


@dataclass(frozen=True)
class HeldBackTitleFix:
    """A fix that would change a title, not applied because it needs ``--unsafe-fixes``."""

    diagnostic: Diagnostic
    old_title: str | None  # None: no title could be read before the fix
    references: tuple[TitleReference, ...]


@dataclass(frozen=True)
class RejectedFix:
    """A fix whose result failed verification: never applied, its finding stays reported."""

    diagnostic: Diagnostic
    problem: str


@dataclass
class FileOutcome:
    path: str
    original: str
    fixed: str
    fs_path: Path | None = None
    raw: bytes | None = None  # the bytes read, to detect a change on disk before writing
    mtime_ns: int | None = None
    applied: list[AppliedFix] = field(default_factory=list)
    remaining: Sequence[Diagnostic] = field(default_factory=list)
    original_diagnostics: Sequence[Diagnostic] = field(default_factory=list)
    held_back: list[HeldBackTitleFix] = field(default_factory=list)
    rejected: list[RejectedFix] = field(default_factory=list)
    renamed_title: tuple[str, str] | None = None  # (old, new) when a title fix was applied
    refused: str | None = None  # not safe to rewrite: reported, nothing written
    front_matter_refused: str | None = None  # why the front matter's fixes were left; the body's applied
    internal_error: str | None = None  # a rule failed or the fixes did not converge
    write_error: str | None = None
    root: Path | None = None  # the site: a symbolic link is written through only to a document inside it
    # the files written all or none with this one (a renamed title and its references)
    written_with: list[FileOutcome] = field(default_factory=list, repr=False, compare=False)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def give_up(self, *, refused: str | None = None, internal_error: str | None = None) -> FileOutcome:
        """Nothing of this file is written: its findings are those it had before the run."""
        self.fixed, self.applied, self.renamed_title = self.original, [], None
        self.remaining = self.original_diagnostics
        self.refused, self.internal_error = refused, internal_error
        self.front_matter_refused = None
        return self


@dataclass
class RunOutcome:
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def internal_errors(self) -> list[FileOutcome]:
        return [f for f in self.files if f.internal_error]

    @property
    def problems_remain(self) -> bool:
        return any(
            f.refused
            or f.front_matter_refused
            or f.write_error
            or f.held_back
            or any(d.severity is not Severity.INFO for d in f.remaining)
            for f in self.files
        )
