"""
## What it does
Reports characters in prose that the reader cannot see or that compare differently:
- TYP015: text not in Unicode NFC (a decomposed `é` = `e` + U+0301, from macOS file
  names or copy-paste);
- TYP016: invisible characters: zero-width space, word joiner, soft hyphen, a BOM
  inside the text, zero-width (non-)joiners, bidirectional controls, C0 controls;
- TYP017: tabs inside prose (Markdown indentation and list-marker tabs are syntax and are
  not read).

## Why is this bad?
They break search, sorting and comparisons (`title` values are joined on by usage
documents), and invisible characters hide in copied text. Values that name files are
never prose, so an NFD file name is left alone.

## Example
```markdown
Une re\u0301union de\u200b travail
```

Use instead:
```markdown
Une réunion de travail
```

## Fix safety
NFC: safe, canonically equivalent text. Zero-width space, word joiner, soft hyphen, BOM
and C0 controls are removed safely. Joiners and bidirectional controls are only reported:
they can be deliberate (emoji sequences, other scripts) or a "Trojan source" risk that a
human must look at. A tab becomes one space (safe).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from methlint.diagnostics import Edit, Finding, FixAvailability, Severity
from methlint.document import Document
from methlint.i18n import _
from methlint.prose import prose, unit_fix
from methlint.rules._base import Context, Rule

# Every byte of printable ASCII, tab, line feed and carriage return: without them the UTF-8 of
# the prose keeps only the characters these rules look for (C0 controls, DEL, non-ASCII).
_PLAIN_ASCII = bytes((0x09, 0x0A, 0x0D, *range(0x20, 0x7F)))


def rare_characters(doc: Document, ctx: Context) -> str:
    """The prose's characters other than printable ASCII, tab and line ends, in order, computed
    once per document: one bytes.translate drops nine bytes in ten (only ASCII, so the rest is
    still UTF-8), where ``str.isprintable``, ``is_normalized`` or a regex class over the whole
    prose cost 10 to 30 instructions per character. A rule then searches these few characters."""
    cache = getattr(ctx, "cache", None)
    key = ("rare characters", id(doc))
    found = None if cache is None else cache.get(key)
    if found is None:
        found = prose(doc, ctx).utf8.translate(None, _PLAIN_ASCII).decode("utf-8", "surrogatepass")
        if cache is not None:
            cache[key] = found
    return found


_COMBINING_MARKS = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff"
# The UTF-8 of every character of _COMBINING_MARKS holds one of these bytes (a test checks),
# which French text seldom holds: a text without them has nothing to compose, and 4 memchrs
# decide it (bytes.find: `in` first tries the bytes as an integer, and that raises).
_COMBINING_MARK_UTF8_BYTES = (b"\xcc", b"\xcd", b"\xe1", b"\x83")


# The patterns below are compiled on first use: a class of characters beyond Latin-1 takes
# 0.2 to 0.3 ms to compile, a cost only the runs that meet such characters pay.
@functools.cache
def _decomposed() -> re.Pattern[str]:
    return re.compile(f"[^\\W\\d_\\ue000][{_COMBINING_MARKS}]+")


_REMOVABLE = "\u200b\u2060\u00ad\ufeff"
# Zero-width characters, soft hyphen, BOM, bidirectional controls, C0 controls but tab,
# line feed and carriage return, DEL.
_INVISIBLE_CHARACTERS = "".join(
    map(
        chr,
        (
            *range(0x00, 0x09),
            0x0B,
            0x0C,
            *range(0x0E, 0x20),
            0x7F,
            0xAD,
            0xFEFF,
            *range(0x200B, 0x2010),
            0x2060,
            *range(0x202A, 0x202F),
            *range(0x2066, 0x206A),
        ),
    )
)


@functools.cache
def _invisible() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(_INVISIBLE_CHARACTERS)}]")


_NAMES = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\u00ad": "soft hyphen",
    "\ufeff": "byte order mark",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
}
_TABS = re.compile(r" *\t[ \t]*")


def check_nfc(doc: Document, ctx: Context) -> Iterator[Finding]:
    extracted = prose(doc, ctx)
    if max(map(extracted.utf8.find, _COMBINING_MARK_UTF8_BYTES)) == -1:
        return
    if unicodedata.is_normalized("NFC", extracted.text):
        return
    for unit, match in extracted.find(_decomposed()):
        composed = unicodedata.normalize("NFC", match.group())
        if composed != match.group():
            start, end = match.span()
            yield Finding(
                doc.span(start, end),
                _("decomposed characters (not NFC): compose them"),
                unit_fix(doc, unit, _("Normalise to NFC"), (Edit(start, end, composed),)),
            )


def check_invisible(doc: Document, ctx: Context) -> Iterator[Finding]:
    # every invisible character is unprintable (a test checks): most texts need no regex pass
    rare = rare_characters(doc, ctx)
    if rare.isprintable() or not _invisible().search(rare):
        return
    for unit, match in prose(doc, ctx).find(_invisible()):
        char = match.group()
        at = match.start()
        name = _NAMES.get(char) or unicodedata.name(char, f"U+{ord(char):04X}").lower()
        fix = None
        if char in _REMOVABLE or ord(char) < 0x20 or char == "\x7f":
            fix = unit_fix(doc, unit, _("Remove the character"), (Edit(at, at + 1, ""),))
        yield Finding(
            doc.span(at, at + 1),
            _("invisible character ({name}) in the text: remove it").format(name=name),
            fix,
        )


def check_tabs(doc: Document, ctx: Context) -> Iterator[Finding]:
    extracted = prose(doc, ctx)
    if "\t" not in extracted.text:  # one memchr; most texts have no tab
        return
    for unit, match in extracted.find(_TABS):
        start, end = match.span()
        yield Finding(
            doc.span(start, end),
            _("tab in the text: use one space"),
            unit_fix(doc, unit, _("Replace by one space"), (Edit(start, end, " "),)),
        )


NFC = Rule(
    "TYP015",
    "unicode-nfc",
    check_nfc,
    __doc__,
    "Text not in Unicode NFC",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
INVISIBLE = Rule(
    "TYP016",
    "invisible-characters",
    check_invisible,
    __doc__,
    "Invisible or control character in the text",
    severity=Severity.ERROR,
    fix=FixAvailability.SOMETIMES,
)
TABS = Rule(
    "TYP017",
    "tab-in-prose",
    check_tabs,
    __doc__,
    "Tab inside the text",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
