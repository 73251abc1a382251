"""YAML that Jekyll cannot read, explained at the line the editor got wrong (YML001-YML003, YML005, YML006).

libyaml notices most mistakes one line late (a key without its colon is reported at the
next line). When the front matter does not parse, we look at the lines up to the
parser's mark for the editors' usual mistakes and report the first one at its own
line; only when none explains the error do we report the parser's words (YML001).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import yaml

from methlint.diagnostics import Applicability, Edit, Finding, Fix, FixAvailability
from methlint.document import Document
from methlint.front_matter import FrontMatter, SyntaxProblem
from methlint.i18n import _
from methlint.rules._base import Check, Context, Rule
from methlint.rules.yaml_parser_errors import Diagnosis, parser_error, unbuildable
from methlint.yaml_events import ReadPrefix, line_start, open_collection
from methlint.yaml_text import quoted, reads_as, reads_as_written, render_scalar

_KEY_WITHOUT_SPACE = re.compile(r"([A-Za-z_][\w-]*):(?=[^\s:/])")
_BARE_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*(#.*)?")
_KEY_VALUE = re.compile(r"([^\s'\"#\-\[\]{}][^:#]*?)[ \t]*:[ \t]+(.*)")
_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
_BLOCK_INDICATOR = re.compile(r"[|>][+-]?[0-9]?[+-]?[ \t]*(#.*)?$")


def _lines(text: str, base: int) -> Iterator[tuple[int, str]]:
    """(file offset, line without its ending) for each line of ``text``, lazily.

    Lazy because a 1 MB front matter of short lines would otherwise cost ~80 MB of tuples.
    """
    offset = base
    for raw in io.StringIO(text, newline=""):  # splits on LF, CRLF and CR, as YAML does
        yield offset, raw.rstrip("\r\n")
        offset += len(raw)


def _value_without_comment(value: str) -> str:
    cut = value.find(" #")
    return (value if cut == -1 else value[:cut]).rstrip(" \t")


def _space_after(colon: int, stripped: str, value_at: int, value: str) -> Edit:
    """The space after ``colon``; and the value as written, quoted if it would read otherwise."""
    written = _first_yaml_line(stripped[value_at:])
    if written == value:
        return Edit(colon + 1, colon + 1, " ")
    return Edit(colon + 1, colon + 1 + len(written), " " + value)


def _first_yaml_line(value: str) -> str:
    """The value without its comment, up to a line break only YAML sees (NEL, LS, PS)."""
    return _value_without_comment(_YAML_ONLY_BREAK.split(value, maxsplit=1)[0])


def _closes(value: str, quote: str) -> bool:
    """Whether a quoted scalar that starts ``value`` also ends on this line."""
    index = 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1 : index + 2] == "'":
                index += 2
                continue
            return True
        index += 1
    return False


def _explain(fm: FrontMatter, error: SyntaxProblem) -> Diagnosis | None:
    """The first editor mistake at or before the parser's mark (``error``), if any."""
    previous_indent = -1
    previous_open_value = False  # the previous key line has a value that may continue
    block_indent: int | None = None  # inside a | or > block scalar deeper than this
    past_error = False
    read = ReadPrefix.of(fm.yaml)  # a line inside a scalar read before the mistake is text, not YAML
    mistake_line = line_start(fm.yaml, error.offset - fm.offset)
    for offset, line in _lines(fm.yaml, fm.offset):
        if past_error:  # the line after the parser's mark was the last one to look at
            break
        past_error = offset > error.offset
        stripped = line.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        at = offset - fm.offset + indent
        content_end = offset - fm.offset + len(_value_without_comment(line))
        if read.inside_scalar(at) or (content_end <= mistake_line and read.ends_at(content_end)):
            continue  # text, or a line before the mistake's that parsed (`t:itle: x` is the key 't:itle')
        if block_indent is not None:
            if indent > block_indent:
                continue
            block_indent = None
        if "\t" in line[:indent]:
            tab = offset + line.index("\t")
            return Diagnosis(
                "YML006",
                tab,
                tab + 1,
                _("tab used for indentation: YAML allows only spaces here"),
                Fix(_("Replace the tab by spaces"), (Edit(tab, tab + 1, "  "),), Applicability.UNSAFE),
            )
        continuation = previous_open_value and indent > previous_indent
        if stripped.startswith("- ") or stripped == "-" or continuation:
            previous_open_value = False
            continue
        match = _KEY_WITHOUT_SPACE.match(stripped)
        if match:
            colon = offset + indent + match.end(1)
            key = match.group(1)
            value = _first_yaml_line(stripped[match.end(1) + 1 :])
            if not reads_as_written(value):  # `10:30`, `0755`, `yes`: what the editor wrote is text
                value = render_scalar(value)
            return Diagnosis(
                "YML003",
                offset + indent,
                colon + 1,
                _("no space after the colon of '{key}': write '{key}: {value}'").format(key=key, value=value),
                Fix(_("Add a space after the colon"), (_space_after(colon, stripped, match.end(1) + 1, value),)),
            )
        match = _BARE_KEY.fullmatch(stripped)
        if match:
            key = match.group(1)
            key_end = offset + indent + match.end(1)
            rest = _lines(fm.yaml[offset - fm.offset + len(line) :], 0)
            following = next((text for _o, text in rest if text.strip()), "")
            follows_block = following.lstrip().startswith("-") or (len(following) - len(following.lstrip()) > indent)
            # a line at the level of a list's items continues an item: made a key, it would end the list
            in_list = open_collection(fm.yaml, offset - fm.offset + indent) is yaml.SequenceStartEvent
            applicability = Applicability.SAFE if follows_block and not in_list else Applicability.DISPLAY_ONLY
            return Diagnosis(
                "YML002",
                offset + indent,
                key_end,
                _("the key '{key}' has no colon: write '{key}:'").format(key=key),
                Fix(_("Add the missing colon"), (Edit(key_end, key_end, ":"),), applicability),
            )
        match = _KEY_VALUE.fullmatch(stripped)
        if match:
            key, value = match.group(1), _value_without_comment(match.group(2))
            quote = value[:1]
            if quote in ("'", '"') and not _closes(value, quote):
                start = offset + indent + match.start(2)
                return Diagnosis(
                    "YML001",
                    start,
                    start + 1,
                    _("the quote that opens the value of '{key}' is not closed on this line").format(key=key),
                )
            plain = value and value[0] not in "'\"[{|>&*!"
            if plain and (": " in value or value.endswith(":")):
                value_start = offset + indent + match.start(2)
                return Diagnosis(
                    "YML005",
                    offset + indent,
                    value_start + len(value),
                    _(
                        "the value of '{key}' contains ': ', which YAML reads as a new key: put the value in quotes"
                    ).format(key=key),
                    Fix(
                        _("Put the value in quotes"),
                        (Edit(value_start, value_start + len(value), quoted(value)),),
                        changes_data_at=((key,),),
                    )
                    # the fix declares the path (key,): only true of a top-level key read as text
                    if indent == 0 and reads_as(key, key)
                    else None,
                )
            if _BLOCK_INDICATOR.match(value):
                block_indent = indent
            previous_indent, previous_open_value = indent, bool(value)
        else:
            previous_indent, previous_open_value = indent, False
    return None


def diagnosis(doc: Document, ctx: Context) -> Diagnosis | None:
    fm = doc.front_matter
    if fm is None:
        return None
    syntax_error, construct_error = fm.syntax_error, fm.construct_error
    if syntax_error is None:
        if construct_error is None:
            return None
        # parsed, but a value could not be built (`!!int abc`, `<<: 1`)
        found: Diagnosis = ctx.memo("yaml-syntax", doc, lambda: unbuildable(construct_error))
    else:
        found = ctx.memo("yaml-syntax", doc, lambda: _explain(fm, syntax_error) or parser_error(doc, syntax_error))
    return found


def _checker(code: str) -> Check:
    def check(doc: Document, ctx: Context) -> Iterator[Finding]:
        found = diagnosis(doc, ctx)
        if found is not None and found.code == code:
            yield Finding(doc.span(found.start, found.end), found.message, found.fix)

    return check


SYNTAX_DOC = """
## What it does
Reports front matter that YAML (as Jekyll reads it) cannot parse, when no more precise
rule (YML002, YML003, YML005, YML006) explains the mistake, and values that parse but
cannot be built (`!!int abc`, a merge key `<<:` on a plain value).

## Why is this bad?
Jekyll stops on the first YAML error: the page loses all its variables or the build fails.

## Example
```yaml
title: "L’atelier citoyen
tagline: Dispositif fondé sur…
```

Use instead:
```yaml
title: "L’atelier citoyen"
```

## Fix safety
No fix.
"""

MISSING_COLON_DOC = """
## What it does
Reports a key written without its colon (`priorites` followed by a list).

## Why is this bad?
YAML cannot parse the front matter; Jekyll drops every variable of the page.

## Example
```yaml
title: L’atelier citoyen
priorites
- Engager un processus collectif
```

Use instead:
```yaml
title: L’atelier citoyen
priorites:
- Engager un processus collectif
```

## Fix safety
Safe when the next line is a list item or an indented block (the colon is then the only
reading); otherwise shown as a suggestion only, as is a word at the column of a list's items
(`- un` / `deux` / `- trois`: a wrapped item, which a colon would make a key taking the list's
next items).
"""

NO_SPACE_DOC = """
## What it does
Reports `key:value` written without a space after the colon (`ordre:2`).

## Why is this bad?
YAML needs `: ` to separate a key from its value; `ordre:2` is a single word and the
front matter no longer parses.

## Example
```yaml
title: L’atelier citoyen
ordre:2
```

Use instead:
```yaml
title: L’atelier citoyen
ordre: 2
```

## Fix safety
Safe: inserting the space is the only reading that parses. A value that would then read as
something other than its text (`heure:10:30` is 630 for Jekyll, `0755` is 493, `yes` is true)
is quoted as well: `heure: '10:30'`.
"""

COLON_IN_VALUE_DOC = """
## What it does
Reports an unquoted value that contains `: ` (`title: Article 71 : projet`).

## Why is this bad?
YAML reads `: ` inside a plain value as the start of a new key, and the front matter no
longer parses.

## Example
```yaml
title: Article 71 : projet de loi
```

Use instead:
```yaml
title: "Article 71 : projet de loi"
```

## Fix safety
Safe: the value is quoted so that it reads back as exactly the text that was written.
Offered for top-level keys that read as text; a nested key (`contact:` then `  nom:`) is
reported without a fix.
"""

TAB_INDENT_DOC = """
## What it does
Reports a tab used to indent a YAML line.

## Why is this bad?
YAML forbids tabs in indentation; Jekyll cannot parse the front matter.

## Example
```yaml
priorites:
<TAB>- Engager un processus collectif
```

## Fix safety
Unsafe: how many spaces the tab stood for decides the nesting, so check the result. A tab in
a scalar's text (a block scalar's line, a value over lines) is the value's own: never reported.
"""

SYNTAX = Rule("YML001", "yaml-syntax-error", _checker("YML001"), SYNTAX_DOC, "YAML syntax error")
MISSING_COLON = Rule(
    "YML002",
    "key-without-colon",
    _checker("YML002"),
    MISSING_COLON_DOC,
    "Key written without its colon",
    fix=FixAvailability.SOMETIMES,
    repairs_syntax=True,
)
NO_SPACE = Rule(
    "YML003",
    "no-space-after-colon",
    _checker("YML003"),
    NO_SPACE_DOC,
    "No space after a key's colon",
    fix=FixAvailability.ALWAYS,
    repairs_syntax=True,
)
COLON_IN_VALUE = Rule(
    "YML005",
    "colon-in-plain-value",
    _checker("YML005"),
    COLON_IN_VALUE_DOC,
    "Unquoted value contains ': '",
    fix=FixAvailability.ALWAYS,
    repairs_syntax=True,
)
TAB_INDENT = Rule(
    "YML006",
    "tab-indentation",
    _checker("YML006"),
    TAB_INDENT_DOC,
    "Tab used for indentation",
    fix=FixAvailability.ALWAYS,
    repairs_syntax=True,
)
