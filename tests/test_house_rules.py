"""The house rules a reader relies on: no module over 400 lines; tests use only public names of other modules."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parent.parent
MAX_LINES = 400


def _python_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.py") if "fixtures" not in path.relative_to(folder).parts)


def test_no_module_is_over_400_lines() -> None:
    lines = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in _python_files(ROOT / "methlint")
    }
    assert {path: count for path, count in lines.items() if count > MAX_LINES} == {}


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_names_reached(source: str) -> list[tuple[int, str]]:
    """(line, what) for each private name a test module takes from another module: imported
    (``from m import _x``, or from a private module: ``import _sre``), read or patched through a
    module or object (``m._x``, ``obj._x``, ``setattr(m, "_x", …)``). Its own private helpers
    (``_levenshtein``) are its business, and names it binds itself (``self._x``) too."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):  # a private module: import _sre
            found += [(node.lineno, f"import {a.name}") for a in node.names if any(map(_private, a.name.split(".")))]
        elif isinstance(node, ast.ImportFrom):
            private_module = any(map(_private, (node.module or "").split(".")))
            found += [
                (node.lineno, f"from {node.module} import {a.name}")
                for a in node.names
                if private_module or _private(a.name)
            ]
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")) and node.attr != "_replace":
                found.append((node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "setattr":
            # setattr(module, "_x", …) or setattr("module._x", …)
            names = [arg.value for arg in node.args[:2] if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            found += [(node.lineno, f'setattr(…, "{name}")') for name in names if _private(name.rsplit(".", 1)[-1])]
    return sorted(found)


# A test may reach a private name only with a reason here, one line each: (file, what) -> why.
ALLOWED: dict[tuple[str, str], str] = {}


def test_tests_reach_no_private_name_of_another_module() -> None:
    reached = {
        (str(path.relative_to(ROOT)), what): line
        for path in _python_files(ROOT / "tests")
        for line, what in private_names_reached(path.read_text(encoding="utf-8"))
    }
    assert {key: line for key, line in reached.items() if key not in ALLOWED} == {}
    assert set(ALLOWED) <= set(reached), "an allowed reach is gone: remove it from ALLOWED"


def test_private_reaches_are_found_in_every_form() -> None:
    source = (
        "from m import _x, y\n"
        "import m\n"
        "m._y()\n"
        "monkeypatch.setattr(m, '_z', 1)\n"
        "monkeypatch.setattr('m._w', 1)\n"
        "self._own = 1\n"
        "span._replace(line=1)\n"
        "m.__name__\n"
        "import _sre, os.path\n"
        "from re._casefix import EXTRA\n"
    )
    assert private_names_reached(source) == [
        (1, "from m import _x"),
        (3, "._y"),
        (4, 'setattr(…, "_z")'),
        (5, 'setattr(…, "m._w")'),
        (9, "import _sre"),
        (10, "from re._casefix import EXTRA"),
    ]
