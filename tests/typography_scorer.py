"""Score methlint's typography findings against the hand-labelled corpus.

The corpus (tests/fixtures/typography_corpus, described in its README) holds TOML files, one
per document, listing every typography problem a proofreader marked in it (``problems``) and
places that look like a problem but are not (``traps``). This module loads and checks the
labels, runs methlint through its public API, maps each finding to a kind through
:data:`RULE_KINDS` and counts, per kind, the labels found, the labels missed and the false
positives. ``tests/test_typography_accuracy.py`` asserts thresholds on the result and
``benchmarks/typography_accuracy.py`` prints it.

A finding matches a label when it comes from a rule mapped to the label's kind, in the same
document, on the label's line, and its columns overlap the label's text (a finding of zero
width covers one column; one that runs onto later lines covers the rest of its first line).
Each finding of a mapped rule that matches no problem label of its kind is a false positive,
whether or not it lands on a trap; the traps it lands on are counted apart.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from methlint.config import Config
from methlint.discovery import Target
from methlint.linter import lint_paths

CORPUS = Path(__file__).resolve().parent / "fixtures" / "typography_corpus"
REALSITE = Path(__file__).resolve().parent / "fixtures" / "realsite" / "consultation.gouv.fr"

# The one table from a rule to the kind of problem it finds: a rule serves one kind. A new
# rule adds its line here; findings of rules absent from the table are ignored (and listed).
RULE_KINDS: dict[str, str] = {
    "TYP001": "multiple-spaces",
    "TYP002": "trailing-whitespace",
    "TYP003": "stray-period",
    "TYP004": "missing-space-after",
    "TYP005": "space-before-comma-period",
    "TYP006": "space-inside-brackets",
    "TYP008": "french-spacing",
    "TYP010": "apostrophes",
    "TYP011": "ellipsis",
    "TYP012": "etc-ellipsis",
    "TYP013": "lowercase-after-period",
    "TYP014": "repeated-word",
    "TYP015": "unicode-nfc",
    "TYP016": "invisible-characters",
    "TYP017": "tab-in-prose",
    "TYP021": "unpaired-brackets",
    "TYP023": "colon-escape-artifact",
    "TYP024": "english-quotes",
    "TYP025": "numbers",
    "TYP026": "accented-capitals",
    "TYP027": "hyphen-as-dash",
    "TYP028": "ordinals",
    "TYP029": "oe-ligature",
    "TYP030": "etc-comma",
    "TYP031": "words-run-together",
}

# Every kind a label may carry
KINDS: tuple[str, ...] = tuple(sorted(set(RULE_KINDS.values())))


class CorpusError(ValueError):
    """A label file that cannot be trusted: its message names the file and the label."""


@dataclass(frozen=True)
class Label:
    path: str  # the document as methlint shows it
    line: int
    column: int  # 1-based, in characters of the line, as methlint reports
    kind: str
    text: str  # the text at fault (a problem) or the text that must not be reported (a trap)
    note: str = ""  # the expected correction for a problem, why it is no problem for a trap

    @property
    def end_column(self) -> int:
        return self.column + max(1, len(self.text))


@dataclass(frozen=True)
class LabelledDocument:
    path: str  # as methlint shows it
    fs_path: Path
    problems: tuple[Label, ...]
    traps: tuple[Label, ...]


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str

    def overlaps(self, label: Label) -> bool:
        if self.path != label.path or self.line != label.line:
            return False
        end = self.end_column if self.end_line == self.line else 1 << 30
        return self.column < label.end_column and label.column < max(end, self.column + 1)


@dataclass
class KindScore:
    labelled: int = 0
    found: int = 0  # labels matched by at least one finding of the kind
    findings: int = 0  # findings of the rules mapped to the kind
    true_findings: int = 0  # those that match a label
    traps: int = 0
    trap_hits: int = 0  # findings landing on a trap of the kind (all of them false positives)
    false_positives: list[Finding] = field(default_factory=list)
    missed: list[Label] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.true_findings / self.findings if self.findings else None

    @property
    def recall(self) -> float | None:
        return self.found / self.labelled if self.labelled else None


@dataclass
class Score:
    kinds: dict[str, KindScore]
    ignored: Counter[str]  # findings of rules absent from the table, by code

    def total(self) -> KindScore:
        """All kinds summed (micro-average)."""
        total = KindScore()
        for kind in self.kinds.values():
            total.labelled += kind.labelled
            total.found += kind.found
            total.findings += kind.findings
            total.true_findings += kind.true_findings
            total.traps += kind.traps
            total.trap_hits += kind.trap_hits
            total.false_positives += kind.false_positives
            total.missed += kind.missed
        return total


def load_corpus(root: Path = CORPUS, realsite: Path = REALSITE) -> list[LabelledDocument]:
    """Every labelled document: the TOML files of ``realsite/`` point into the vendored site,
    those of another folder (``sentences/``) into that folder. Each label is checked against
    the text."""
    documents = []
    for toml in sorted(root.rglob("*.toml")):
        part = toml.relative_to(root).parts[0]
        if part == "realsite":
            documents.append(_load(toml, realsite, ""))
        else:
            documents.append(_load(toml, root / part, part + "/"))
    if not documents:
        raise CorpusError(f"{root}: no label file")
    return documents


def _load(toml: Path, base: Path, prefix: str) -> LabelledDocument:
    try:
        data = tomllib.loads(toml.read_text(encoding="utf-8"))
        relative = data["document"]
        lines = (base / relative).read_text(encoding="utf-8").split("\n")
        path = prefix + relative
        problems = tuple(_label(toml, lines, path, entry, "expected") for entry in data.get("problems", []))
        traps = tuple(_label(toml, lines, path, entry, "why") for entry in data.get("traps", []))
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as err:
        raise CorpusError(f"{toml}: {type(err).__name__}: {err}") from err
    keys = [(label.line, label.column, label.kind) for label in problems]
    if len(set(keys)) != len(keys):
        raise CorpusError(f"{toml}: two problems of one kind at the same place")
    return LabelledDocument(path, base / relative, problems, traps)


def _label(toml: Path, lines: Sequence[str], path: str, entry: Mapping[str, object], note_key: str) -> Label:
    where = f"{toml}: label {dict(entry)}"
    line, column, kind, text = entry["line"], entry["column"], entry["kind"], entry["text"]
    note = entry[note_key]
    if not (isinstance(line, int) and isinstance(column, int) and isinstance(text, str) and isinstance(note, str)):
        raise CorpusError(f"{where}: line and column are integers, text and {note_key} strings")
    if kind not in KINDS:
        raise CorpusError(f"{where}: unknown kind (known: {', '.join(KINDS)})")
    if not (1 <= line <= len(lines) and column >= 1 and lines[line - 1][column - 1 : column - 1 + len(text)] == text):
        raise CorpusError(f"{where}: the document does not have this text at {line}:{column}")
    return Label(path, line, column, str(kind), text, note)


def run_methlint(documents: Iterable[LabelledDocument], config: Config) -> list[Finding]:
    """Findings of every rule ``config`` enables, through the linter's public entry point."""
    targets = [Target(doc.fs_path, doc.path) for doc in documents]
    result = lint_paths(targets, config, jobs=1)
    if result.internal_errors:
        raise RuntimeError("; ".join(result.internal_errors))
    return [
        Finding(d.path, d.span.line, d.span.column, d.span.end_line, d.span.end_column, d.code)
        for d in result.diagnostics
    ]


def score(
    documents: Sequence[LabelledDocument], findings: Iterable[Finding], rule_kinds: Mapping[str, str] = RULE_KINDS
) -> Score:
    problems: dict[tuple[str, str, int], list[Label]] = {}  # (path, kind, line) -> labels
    traps: dict[tuple[str, str, int], list[Label]] = {}
    kinds = {kind: KindScore() for kind in KINDS}
    for doc in documents:
        for label in doc.problems:
            problems.setdefault((label.path, label.kind, label.line), []).append(label)
            kinds[label.kind].labelled += 1
        for label in doc.traps:
            traps.setdefault((label.path, label.kind, label.line), []).append(label)
            kinds[label.kind].traps += 1
    found: set[Label] = set()
    ignored: Counter[str] = Counter()
    for finding in findings:
        kind = rule_kinds.get(finding.code)
        if kind is None:
            ignored[finding.code] += 1
            continue
        tally = kinds.setdefault(kind, KindScore())
        tally.findings += 1
        key = (finding.path, kind, finding.line)
        matched = [label for label in problems.get(key, ()) if finding.overlaps(label)]
        if matched:
            tally.true_findings += 1
            found.update(matched)
            continue
        tally.false_positives.append(finding)
        if any(finding.overlaps(trap) for trap in traps.get(key, ())):
            tally.trap_hits += 1
    for labels in problems.values():
        for label in labels:
            if label in found:
                kinds[label.kind].found += 1
            else:
                kinds[label.kind].missed.append(label)
    return Score(kinds, ignored)


def measure(config: Config, root: Path = CORPUS) -> Score:
    documents = load_corpus(root)
    return score(documents, run_methlint(documents, config))


def wrong_corrections(config: Config, root: Path = CORPUS) -> list[str]:
    """Fixes that do not write what the proofreader wrote: for each finding of a mapped rule
    whose fix edits only inside a problem label of its kind, the label's text after the edits
    must equal the label's expected correction. One line per fix that does not."""
    documents = load_corpus(root)
    by_line: dict[tuple[str, str, int], list[Label]] = {}
    for doc in documents:
        for label in doc.problems:
            by_line.setdefault((label.path, label.kind, label.line), []).append(label)
    texts = {doc.path: doc.fs_path.read_text(encoding="utf-8") for doc in documents}
    result = lint_paths([Target(doc.fs_path, doc.path) for doc in documents], config, jobs=1)
    wrong = []
    for diagnostic in result.diagnostics:
        kind = RULE_KINDS.get(diagnostic.code)
        if kind is None or diagnostic.fix is None:
            continue
        text = texts[diagnostic.path]
        line_start = sum(len(line) + 1 for line in text.split("\n")[: diagnostic.span.line - 1])
        for label in by_line.get((diagnostic.path, kind, diagnostic.span.line), ()):
            start = line_start + label.column - 1
            end = start + len(label.text)
            edits = sorted(diagnostic.fix.edits)
            if not edits or edits[0].start < start or edits[-1].end > end:
                continue
            pieces, position = [], start
            for edit in edits:
                pieces += [text[position : edit.start], edit.replacement]
                position = edit.end
            written = "".join(pieces) + text[position:end]
            if written != label.note:
                wrong.append(
                    f"{label.path}:{label.line}:{label.column} {diagnostic.code} {label.text!r} -> {written!r},"
                    f" the proofreader wrote {label.note!r}"
                )
    return wrong


def table(result: Score) -> str:
    """Per kind: labels found / labelled, precision, recall, false positives and traps hit."""
    rows = [("kind", "rules", "found/labelled", "precision", "recall", "false+", "traps hit")]
    rules = {kind: [code for code, k in RULE_KINDS.items() if k == kind] for kind in result.kinds}
    for name, kind in sorted(result.kinds.items()):
        rows.append(_row(name, ",".join(rules[name]) or "-", kind))
    rows.append(_row("all kinds", "", result.total()))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    if result.ignored:
        ignored = ", ".join(f"{code} ×{count}" for code, count in sorted(result.ignored.items()))
        lines.append(f"ignored (rules outside the table): {ignored}")
    return "\n".join(lines)


def _row(name: str, rules: str, kind: KindScore) -> tuple[str, ...]:
    return (
        name,
        rules,
        f"{kind.found}/{kind.labelled}",
        _percent(kind.precision),
        _percent(kind.recall),
        str(len(kind.false_positives)),
        f"{kind.trap_hits}/{kind.traps}",
    )


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def find(document: Path, text: str) -> list[tuple[int, int]]:
    """Where ``text`` stands in ``document``: (line, column) as a label wants them."""
    places = []
    for number, line in enumerate(document.read_text(encoding="utf-8").split("\n"), 1):
        places += [(number, match.start() + 1) for match in re.finditer(re.escape(text), line)]
    return places


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Help for labelling the typography corpus.")
    commands = parser.add_subparsers(dest="command", required=True)
    where = commands.add_parser("find", help="print line:column of each occurrence of TEXT in DOCUMENT")
    where.add_argument("document", type=Path)
    where.add_argument("text", help="escapes allowed: \\u00A0, \\u202F, \\t")
    args = parser.parse_args(argv)
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), args.text).replace("\\t", "\t")
    for line, column in find(args.document, text):
        print(f"{args.document}:{line}:{column}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
