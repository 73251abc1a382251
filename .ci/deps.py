"""The project's direct dependencies, read from pyproject.toml, for CI's two resolutions.

    python .ci/deps.py lowest     constraints pinning every direct dependency to its lower bound
    python .ci/deps.py installed  the version of each direct dependency installed here

The lowest resolution pins only the direct dependencies (like uv's ``lowest-direct``):
their own dependencies resolve as pip chooses.
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")
_LOWER_BOUND = re.compile(r">=\s*([0-9][^,;\s]*)")


def requirements() -> list[tuple[str, str]]:
    """(name, version specifier) of the runtime and test dependencies."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    lines = project["dependencies"] + project["optional-dependencies"]["test"]
    found = []
    for line in lines:
        match = _REQUIREMENT.match(line)
        if match is None:
            raise SystemExit(f"pyproject.toml: cannot read the requirement {line!r}")
        found.append((match[1], match[2]))
    return found


def lowest() -> str:
    pins = []
    for name, specifier in requirements():
        bound = _LOWER_BOUND.search(specifier)
        if bound is None:
            raise SystemExit(f"pyproject.toml: {name} has no lower bound (>=): CI cannot test the oldest version")
        pins.append(f"{name}=={bound[1]}")
    return "\n".join(pins) + "\n"


def installed() -> str:
    return "\n".join(f"{name} {metadata.version(name)}" for name, _ in requirements()) + "\n"


if __name__ == "__main__":
    commands = {"lowest": lowest, "installed": installed}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        raise SystemExit(f"usage: python {sys.argv[0]} lowest|installed")
    sys.stdout.write(commands[sys.argv[1]]())
