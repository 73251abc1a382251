"""Baselines: adopt methlint on a legacy repository without fixing years of debt at once.

A baseline records today's findings by *fingerprint*, not by line number: the rule code, the
path, the enclosing key (front matter) or section (body), and the offending line's text with
whitespace folded. Edits elsewhere in the file move lines without invalidating it; identical
fingerprints are counted, so a second identical problem is still new.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from methlint.diagnostics import Diagnostic
from methlint.document import read_raw

FORMAT_VERSION = 1
_TOP_LEVEL_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:")
_SECTION = re.compile(r"(#{1,6}\s|\*\*[^*]+\*\*\s*$)")


def _fold(text: str) -> str:
    return " ".join(text.split())


def _context(lines: Sequence[str], index: int) -> str:
    """The enclosing top-level key in front matter, or the enclosing section in the body."""
    in_front_matter = bool(lines) and lines[0].lstrip("\ufeff").rstrip() == "---"
    closing = None
    if in_front_matter:
        closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), len(lines))
    if closing is not None and 0 < index < closing:
        for i in range(index, 0, -1):
            match = _TOP_LEVEL_KEY.match(lines[i])
            if match:
                return "key:" + match.group(1)
        return "front-matter"
    for i in range(index, -1, -1):
        if _SECTION.match(lines[i]):
            return "section:" + _fold(lines[i])
    return "body"


def fingerprints(diagnostics: Iterable[Diagnostic], read_text: Callable[[str], str]) -> list[str]:
    """One fingerprint per diagnostic, in order. ``read_text(path)`` gives a file's text or ''."""
    cache: dict[str, list[str]] = {}
    result = []
    for diag in diagnostics:
        if diag.path not in cache:
            cache[diag.path] = read_text(diag.path).splitlines()
        lines = cache[diag.path]
        index = diag.span.line - 1
        line_text = _fold(lines[index]) if 0 <= index < len(lines) else ""
        context = _context(lines, index) if 0 <= index < len(lines) else ""
        # surrogatepass: a file name's undecodable byte (surrogateescape) is hashed, never an error
        key = "\x1f".join((diag.code, diag.path, context, line_text)).encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(key).hexdigest()
        result.append(digest[:20])
    return result


def read_file_text(path: str) -> str:
    """The text of a regular file, '' for anything else (a FIFO is never waited on)."""
    raw = read_raw(Path(path), max_bytes=sys.maxsize).raw
    return "" if raw is None else raw.decode("utf-8", "replace")


@dataclass
class Baseline:
    counts: Counter[tuple[str, str, str]]  # (path, code, fingerprint) -> how many

    @classmethod
    def from_diagnostics(
        cls, diagnostics: Sequence[Diagnostic], read_text: Callable[[str], str] = read_file_text
    ) -> Baseline:
        prints = fingerprints(diagnostics, read_text)
        return cls(Counter((d.path, d.code, fp) for d, fp in zip(diagnostics, prints, strict=True)))

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file; anything else is a ``ValueError`` naming the file."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
                raise ValueError("wrong version")
            counts: Counter[tuple[str, str, str]] = Counter()
            for entry in data["findings"]:
                counts[(str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))] += int(entry["count"])
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ValueError(f"{path}: not a methlint baseline (version {FORMAT_VERSION}): {err}") from err
        return cls(counts)

    def dump(self, path: Path) -> None:
        findings = [
            {"path": p, "code": c, "fingerprint": f, "count": n}
            for (p, c, f), n in sorted(self.counts.items())
            if n > 0
        ]
        text = json.dumps({"version": FORMAT_VERSION, "findings": findings}, indent=2, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")

    def filter(
        self, diagnostics: Sequence[Diagnostic], read_text: Callable[[str], str] = read_file_text
    ) -> tuple[list[Diagnostic], Baseline]:
        """(findings not in the baseline, the baseline entries no longer found = fixed since)."""
        remaining = Counter(self.counts)
        new = []
        for diag, fp in zip(diagnostics, fingerprints(diagnostics, read_text), strict=True):
            key = (diag.path, diag.code, fp)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                new.append(diag)
        return new, Baseline(+remaining)

    def without(self, fixed: Baseline) -> Baseline:
        return Baseline(+(self.counts - fixed.counts))

    def total(self) -> int:
        return sum(self.counts.values())
