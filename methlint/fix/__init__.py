"""``methlint fix``: apply the rules' span edits, prove they changed only that, write atomically.

The fixer never regenerates YAML: a fix is a list of :class:`~methlint.diagnostics.Edit`\\ s on
the exact source text, so every byte outside them survives (comments, quotes, trailing spaces,
CRLF, BOM, a missing final newline). Like ruff it applies the non-overlapping fixes of a round,
re-lints and repeats; like Black it re-reads the result and refuses to write anything whose data
(YAML 1.1, what Jekyll sees, and YAML 1.2) differs from the original other than at the paths the
fixes declared.

- :mod:`~methlint.fix.edits`: applying edits, choosing those that do not overlap;
- :mod:`~methlint.fix.verify`: the proof a fixed text is the original plus the intended changes;
- :mod:`~methlint.fix.refusal`: documents and front matter never rewritten;
- :mod:`~methlint.fix.loop`: one document, round by round (:func:`fix_document`, :func:`fix_text`);
- :mod:`~methlint.fix.titles`: title changes carried to the usage documents that name the title;
- :mod:`~methlint.fix.files`: reading for a later write, atomic writes, the diff;
- :mod:`~methlint.fix.run`: a whole run over paths, and the re-check after writing;
- :mod:`~methlint.fix.outcome`: what the run decided, file by file.
"""

from methlint.fix.edits import EditSet, apply_edits
from methlint.fix.files import ChangedOnDisk, read_target, unified_diff, write_atomic, write_outcomes
from methlint.fix.loop import MAX_ROUNDS, fix_document, fix_text
from methlint.fix.outcome import AppliedFix, FileOutcome, HeldBackTitleFix, RejectedFix, RunOutcome, TitleReference
from methlint.fix.refusal import refusal
from methlint.fix.run import fix_paths, recheck_written
from methlint.fix.titles import TitleIndex, rename_references
from methlint.fix.verify import verify

__all__ = [
    "MAX_ROUNDS",
    "AppliedFix",
    "ChangedOnDisk",
    "EditSet",
    "FileOutcome",
    "HeldBackTitleFix",
    "RejectedFix",
    "RunOutcome",
    "TitleIndex",
    "TitleReference",
    "apply_edits",
    "fix_document",
    "fix_paths",
    "fix_text",
    "read_target",
    "recheck_written",
    "refusal",
    "rename_references",
    "unified_diff",
    "verify",
    "write_atomic",
    "write_outcomes",
]
