"""What ``methlint fix`` reports: how many fixes each file got (each edit with ``--show-fixes``), what
it would not fix and why, a total, then what remains, as ``check``."""

from __future__ import annotations

from typing import TextIO

from methlint.fix.outcome import RunOutcome
from methlint.i18n import _, ngettext
from methlint.reporting.display import displayable
from methlint.reporting.text import TextReporter


def applied_count(count: int, would: bool) -> str:
    """``3 fixes applied`` (``3 fixes to apply`` with ``--diff``)."""
    if would:
        return ngettext("{count} fix to apply", "{count} fixes to apply", count).format(count=count)
    return ngettext("{count} fix applied", "{count} fixes applied", count).format(count=count)


def fix_total(run: RunOutcome, would: bool) -> str:
    """``5 fixes applied in 2 files.``"""
    fixes = sum(len(outcome.applied) for outcome in run.files)
    files = sum(1 for outcome in run.files if outcome.applied)
    in_files = ngettext("{count} file", "{count} files", files).format(count=files)
    return _("{fixes} in {files}.").format(fixes=applied_count(fixes, would), files=in_files)


def report_fix_run(run: RunOutcome, out: TextIO, would: bool, show_fixes: bool = False) -> None:
    """What ``methlint fix`` did (or would do, with ``--diff``), then what remains, as ``check``."""
    verb = _("would fix") if would else _("fixed")
    for outcome in run.files:
        if outcome.applied and not show_fixes:
            count = applied_count(len(outcome.applied), would)
            out.write(_("{path}: {fixes}").format(path=displayable(outcome.path), fixes=count) + "\n")
        for applied in outcome.applied if show_fixes else ():
            where = f"{displayable(outcome.path)}:{applied.span.line}:{applied.span.column}"
            out.write(f"{where}: {applied.code} {verb}: {displayable(applied.title)}\n")
        for held in outcome.held_back:
            d = held.diagnostic
            references = ", ".join(f"{displayable(r.path)}:{r.line}:{r.column}" for r in held.references)
            if held.old_title is None:
                message = _("not fixed: it gives the document a title; run with --unsafe-fixes to apply it")
            else:
                message = _(
                    "not fixed: it changes the title '{title}', referenced by {where};"
                    " run with --unsafe-fixes to rename the references too"
                ).format(title=displayable(held.old_title), where=references or _("no usage document"))
            out.write(f"{displayable(outcome.path)}:{d.span.line}:{d.span.column}: {d.code} {message}\n")
        for rejected in outcome.rejected:
            d = rejected.diagnostic
            message = _("not fixed: the fixed text failed verification ({problem}); fix it by hand").format(
                problem=displayable(rejected.problem)
            )
            out.write(f"{displayable(outcome.path)}:{d.span.line}:{d.span.column}: {d.code} {message}\n")
        problems = (
            (outcome.refused, _("not fixed")),
            (outcome.front_matter_refused, _("front matter not fixed, its findings left")),
            (outcome.internal_error, _("internal error")),
            (outcome.write_error, _("not written")),
        )
        for reason, label in problems:
            if reason:
                out.write(f"{displayable(outcome.path)}: {label}: {displayable(reason)}\n")
    out.write(fix_total(run, would) + "\n")
    remaining = sorted(d for outcome in run.files for d in outcome.remaining)
    TextReporter(out, out).report(remaining, len(run.files))
    out.flush()  # a wrapper around a pipe or a test runner's buffer may hold it (click 8.1's runner reads it unflushed)
