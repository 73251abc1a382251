"""'Did you mean': the existing file names an editor probably meant by a name that is not there.

Used by AST001 (:mod:`methlint.rules.assets`) on the listing of a folder: the same name but for
the accents' encoding, the case or the extension first, then the closest names by edit distance.
"""

from __future__ import annotations

import functools
import heapq
import operator
import unicodedata

from methlint.i18n import N_

# "did you mean": a name further than this many edits is no suggestion, and the exact distance
# is computed for this many candidates at most (a folder of 20,000 long names: milliseconds)
MAX_EDITS = 12
MAX_EXACT = 64


def to_nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def stem_of(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name[1:] else name


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, bit-parallel (Myers 1999, in Hyyrö's formulation): one pass over
    ``b`` of a few operations on integers of ``len(a)`` bits, not ``len(a) * len(b)`` steps."""
    if not a:
        return len(b)
    positions: dict[str, int] = {}
    for index, char in enumerate(a):
        positions[char] = positions.get(char, 0) | (1 << index)
    mask, last = (1 << len(a)) - 1, 1 << (len(a) - 1)
    plus, minus, score = mask, 0, len(a)  # the column's vertical steps of +1 and of -1
    for char in b:
        equal = positions.get(char, 0)
        x_vertical = equal | minus
        x_horizontal = (((equal & plus) + plus) ^ plus) | equal
        h_plus = minus | ~(x_horizontal | plus)
        h_minus = plus & x_horizontal
        if h_plus & last:
            score += 1
        elif h_minus & last:
            score -= 1
        h_plus = (h_plus << 1) | 1
        h_minus <<= 1
        plus = (h_minus | ~(x_vertical | h_plus)) & mask
        minus = h_plus & x_vertical & mask
    return score


def bigrams_of(text: str) -> frozenset[str]:
    return frozenset(map(operator.add, text, text[1:]))


@functools.lru_cache(maxsize=256)
def _normalised(names: frozenset[str]) -> tuple[tuple[str, str, str, str, frozenset[str], frozenset[str]], ...]:
    """(name, NFC, NFC casefolded, NFC casefolded stem, and the bigrams of the last two)
    for a listing, once per listing."""
    rows = []
    for name in sorted(names):
        nfc = to_nfc(name)
        folded = nfc.casefold()
        stem = stem_of(folded) if nfc == name else to_nfc(stem_of(name)).casefold()
        stem_bigrams = bigrams_of(stem)
        if folded.startswith(stem):  # the name's bigrams: the stem's and those of the extension
            bigrams = stem_bigrams | bigrams_of(folded[max(0, len(stem) - 1) :])
        else:
            bigrams = bigrams_of(folded)
        rows.append((name, nfc, folded, stem, bigrams, stem_bigrams))
    return tuple(rows)


WHY = {
    "nfc": N_("same name with accents encoded differently (NFC/NFD)"),
    "case": N_("only the case differs; the server is case-sensitive"),
    "extension": N_("the extension is missing"),
}


@functools.lru_cache(maxsize=4096)
def suggestions(wanted: str, names: frozenset[str]) -> tuple[tuple[str, ...], str]:
    """Existing names an editor probably meant, all equally close, and why (a key of WHY)."""
    target = to_nfc(wanted)
    folded = target.casefold()
    listing = _normalised(names)
    tiers = (
        ([n for n, nfc, *_ in listing if nfc == target], "nfc"),
        ([n for n, _n, cf, *_ in listing if cf == folded], "case"),
        ([n for n, _n, _f, stem, *_ in listing if stem == folded], "extension"),
    )
    for found, why in tiers:
        if found:
            return tuple(sorted(found)), why
    limit = min(MAX_EDITS, max(1, len(wanted) // 4))
    wanted_bigrams = bigrams_of(folded)
    # Cheap bounds first: lengths, then bigrams (an edit touches at most two bigrams of either
    # name, so ``limit`` edits explain at most ``4 * limit`` bigrams the two do not share). The
    # exact distance only for the closest few, ranked by those unshared bigrams.
    ranked: list[tuple[int, str, str]] = []
    for name, _nfc_name, cf, stem, cf_bigrams, stem_bigrams in listing:
        for candidate, bigrams in ((cf, cf_bigrams), (stem, stem_bigrams)):
            if abs(len(candidate) - len(folded)) <= limit:
                unshared = len(wanted_bigrams ^ bigrams)
                if unshared <= 4 * limit:
                    ranked.append((unshared, name, candidate))
    scored: dict[str, int] = {}
    for _rank, name, candidate in heapq.nsmallest(MAX_EXACT, ranked):
        scored[name] = min(scored.get(name, limit + 1), edit_distance(folded, candidate))
    best = min(scored.values(), default=limit + 1)
    if best > limit:
        return (), ""
    return tuple(sorted(n for n, d in scored.items() if d == best)), ""
