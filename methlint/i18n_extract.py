"""Keep the French catalogue in step with the code.

    python -m methlint.i18n_extract            list messages without a French translation
    python -m methlint.i18n_extract --update   add them to the .po (empty), compile the .mo

Messages are the string literals given to ``_()`` or ``N_()``, the two forms given to
``ngettext()`` (one key here, ``singular NUL plural``, as the .mo stores them; their
translation ``form0 NUL form1``), the summaries of ``Rule(...)`` and the prose paragraphs of every
rule's documentation (:mod:`methlint.rule_docs`; code blocks are not translated). The ``.mo`` is compiled
here rather than by GNU ``msgfmt`` so that no tool outside Python is needed, and a test checks
the committed ``.mo`` is current.
"""

from __future__ import annotations

import array
import ast
import sys
from pathlib import Path

from methlint.i18n import DOMAIN, LOCALE_DIR

PACKAGE = Path(__file__).parent
PO_PATH = LOCALE_DIR / "fr" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO_PATH = PO_PATH.with_suffix(".mo")
_SUMMARY_POSITION = 4  # Rule(code, name, check, doc, summary, ...)
PLURAL_SEPARATOR = "\0"  # between the forms of a plural message, as in the .mo


def extract(package: Path = PACKAGE) -> dict[str, str]:
    """Every message in the package -> ``file:line`` of its first use."""
    found: dict[str, str] = {}
    for source in sorted(package.rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            literal: ast.expr | None = None
            if node.func.id in ("_", "N_") and node.args:
                literal = node.args[0]
            elif node.func.id in ("ngettext", "N_plural") and len(node.args) >= 2:
                forms = [
                    arg.value for arg in node.args[:2] if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
                if len(forms) == 2:
                    where = f"{source.relative_to(package.parent)}:{node.lineno}"
                    found.setdefault(PLURAL_SEPARATOR.join(forms), where)
            elif node.func.id == "Rule":
                keywords = {k.arg: k.value for k in node.keywords}
                literal = (
                    node.args[_SUMMARY_POSITION] if len(node.args) > _SUMMARY_POSITION else keywords.get("summary")
                )
            if isinstance(literal, ast.Constant) and isinstance(literal.value, str) and literal.value:
                found.setdefault(literal.value, f"{source.relative_to(package.parent)}:{node.lineno}")
        if source.parent.name == "cli":
            for message, line in _help_texts(tree):
                found.setdefault(message, f"{source.relative_to(package.parent)}:{line}")
    for message, where in rule_doc_paragraphs().items():
        found.setdefault(message, where)
    return found


def rule_doc_paragraphs() -> dict[str, str]:
    """The prose of every registered rule's documentation -> ``file (CODE)`` of the rule.

    Read from the registry, not the source: a rule's documentation may be built (SCH001-SCH007
    share a template)."""
    import inspect

    from methlint.rule_docs import paragraphs
    from methlint.rules import ALL_RULES

    found: dict[str, str] = {}
    for rule in ALL_RULES:
        source = inspect.getsourcefile(rule.check) or "?"
        where = f"{Path(source).resolve().relative_to(PACKAGE.parent)} ({rule.code})"
        for paragraph in paragraphs(rule.doc.strip()):
            found.setdefault(paragraph, where)
    return found


def _help_texts(tree: ast.Module) -> list[tuple[str, int]]:
    """The help texts of the command line (methlint.cli.translation translates them): the
    ``help=`` of click's options, the docstrings of its commands (as click cleans them)."""
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                value = keyword.value
                if (
                    keyword.arg == "help"
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and value.value
                ):
                    found.append((value.value, node.lineno))
        elif isinstance(node, ast.FunctionDef) and any(_is_click_command(d) for d in node.decorator_list):
            docstring = ast.get_docstring(node, clean=True)
            if docstring:
                found.append((docstring, node.lineno))
    return found


def _is_click_command(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return name in ("command", "group")


def _unquote(token: str) -> str:
    text: str = ast.literal_eval(token)  # a PO string is a C string; these escapes match Python's
    return text


def parse_po(text: str) -> dict[str, str]:
    """msgid -> msgstr, skipping fuzzy entries (like msgfmt); a plural entry as
    ``singular NUL plural`` -> ``form0 NUL form1``. No contexts: unused here."""
    catalogue: dict[str, str] = {}
    msgid: list[str] = []
    msgstr: list[str] = []
    current: list[str] | None = None
    fuzzy = False

    def flush() -> None:
        if current is msgstr and not fuzzy:
            catalogue["".join(msgid)] = "".join(msgstr)

    for raw in text.splitlines() + [""]:
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            flush()
            msgid, msgstr, current, fuzzy = [], [], None, True
        elif line.startswith("msgid_plural "):
            msgid.append(PLURAL_SEPARATOR + _unquote(line[13:]))
            current = msgid
        elif line.startswith("msgstr["):
            index, _bracket, rest = line[7:].partition("] ")
            msgstr = msgstr + [PLURAL_SEPARATOR] if int(index) else []
            msgstr.append(_unquote(rest))
            current = msgstr
        elif line.startswith("msgid "):
            if current is msgstr:
                flush()
                fuzzy = False
            msgid, msgstr = [_unquote(line[6:])], []
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [_unquote(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(_unquote(line))
        elif not line:
            flush()
            msgid, msgstr, current, fuzzy = [], [], None, False
    return catalogue


def compile_mo(catalogue: dict[str, str]) -> bytes:
    """The GNU .mo format (no hash table, which readers treat as optional)."""
    entries = sorted((k.encode("utf-8"), v.encode("utf-8")) for k, v in catalogue.items() if v)
    count = len(entries)
    ids = strs = b""
    offsets: list[tuple[int, int, int, int]] = []
    for key, value in entries:
        offsets.append((len(ids), len(key), len(strs), len(value)))
        ids += key + b"\0"
        strs += value + b"\0"
    keys_start = 7 * 4 + 16 * count
    values_start = keys_start + len(ids)
    key_table: list[int] = []
    value_table: list[int] = []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_table += [id_length, keys_start + id_offset]
        value_table += [str_length, values_start + str_offset]
    header = array.array("I", [0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0])
    if sys.byteorder == "big":  # the .mo is committed: always write little-endian
        header.byteswap()
    tables = array.array("I", key_table + value_table)
    if sys.byteorder == "big":
        tables.byteswap()
    return header.tobytes() + tables.tobytes() + ids + strs


def _po_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def _po_entry(message: str) -> str:
    """An untranslated entry: ``msgid``/``msgstr``, or the plural's two forms of each."""
    if PLURAL_SEPARATOR not in message:
        return f'msgid {_po_string(message)}\nmsgstr ""\n'
    singular, plural = message.split(PLURAL_SEPARATOR)
    return f'msgid {_po_string(singular)}\nmsgid_plural {_po_string(plural)}\nmsgstr[0] ""\nmsgstr[1] ""\n'


def missing(po_text: str) -> dict[str, str]:
    """Messages of the code that the catalogue does not translate."""
    translated = {k for k, v in parse_po(po_text).items() if all(v.split(PLURAL_SEPARATOR))}
    return {m: where for m, where in extract().items() if m not in translated}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    po_text = PO_PATH.read_text(encoding="utf-8")
    absent = missing(po_text)
    if "--update" in args:
        known = parse_po(po_text)
        added = [m for m in absent if m not in known]
        if added:
            blocks = [f"#: {absent[m]}\n{_po_entry(m)}" for m in added]
            po_text = po_text.rstrip("\n") + "\n\n" + "\n".join(blocks)
            PO_PATH.write_text(po_text, encoding="utf-8")
        MO_PATH.write_bytes(compile_mo(parse_po(po_text)))
        print(f"{PO_PATH}: {len(added)} new {'message' if len(added) == 1 else 'messages'}; {MO_PATH.name} compiled")
    for message, where in absent.items():
        print(f"{where}: no French translation: {message!r}")
    return 1 if absent and "--update" not in args else 0


if __name__ == "__main__":
    sys.exit(main())
