"""Accuracy of the typography rules on the labelled corpus, kind by kind.

    python benchmarks/typography_accuracy.py [--select CODES] [--extend-select CODES] [--ignore CODES]
                                             [--profile default|french] [--only site|sentences]
                                             [--details KIND ...]

Without a selection or a profile it prints two tables: the default rules, then the rules of
``[typography] profile = "french"`` (every typography rule, the strict norm), which
tests/test_typography_accuracy.py holds to its thresholds. Each row gives the labels found
over the labels of the kind, the
precision and recall, the false positives and the traps hit (tests/typography_scorer.py
says how findings are matched; tests/fixtures/typography_corpus/README.md how the corpus was
labelled). ``--only`` keeps the documents of the vendored site, or our own. ``--details``
lists, for those kinds, the labels missed and the false positives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from methlint.config import Config, TypographyOptions  # noqa: E402
from tests.typography_scorer import KINDS, Score, load_corpus, run_methlint, score, table  # noqa: E402


def _codes(text: str | None) -> tuple[str, ...]:
    return tuple(code.strip() for code in (text or "").split(",") if code.strip())


def _details(result: Score, kinds: list[str]) -> str:
    lines = []
    for kind in kinds:
        tally = result.kinds[kind]
        lines.append(f"\n{kind}: {len(tally.missed)} missed, {len(tally.false_positives)} false positives")
        lines += [f"  missed  {m.path}:{m.line}:{m.column} {m.text!r} -> {m.note!r}" for m in tally.missed]
        lines += [f"  false+  {f.path}:{f.line}:{f.column} {f.code}" for f in tally.false_positives]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--select", help="rule codes or prefixes, as methlint check --select")
    parser.add_argument("--extend-select", help="rules added to the selection")
    parser.add_argument("--ignore", help="rules removed from the selection")
    parser.add_argument("--profile", choices=("default", "french"), help="the [typography] profile")
    parser.add_argument(
        "--details", nargs="+", choices=KINDS, default=[], metavar="KIND", help="list misses and false positives"
    )
    parser.add_argument("--only", choices=("site", "sentences"), help="measure on part of the corpus")
    args = parser.parse_args(argv)
    documents = load_corpus()
    if args.only:
        documents = [doc for doc in documents if doc.path.startswith("sentences/") == (args.only == "sentences")]
    sites = sum(1 for doc in documents if not doc.path.startswith("sentences/"))
    problems = sum(len(doc.problems) for doc in documents)
    traps = sum(len(doc.traps) for doc in documents)
    print(f"corpus: {len(documents)} documents ({sites} of the vendored site), {problems} problems, {traps} traps")
    flags = {
        "--select": args.select,
        "--extend-select": args.extend_select,
        "--ignore": args.ignore,
        "--profile": args.profile,
    }
    chosen = " ".join(f"{flag} {value}" for flag, value in flags.items() if value)
    runs = (
        [(chosen, args.profile or "default")]
        if chosen
        else [("default rules", "default"), ("--profile french", "french")]
    )
    for title, profile in runs:
        config = Config(
            select=_codes(args.select),
            extend_select=_codes(args.extend_select),
            ignore=_codes(args.ignore),
            typography=TypographyOptions(profile=profile),
        )
        result = score(documents, run_methlint(documents, config))
        print(f"\n{title}\n{table(result)}{_details(result, args.details)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
