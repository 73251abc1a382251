"""The generated CMS configuration against Decap CMS itself: its own validation under Node, and its
admin page in headless Chromium against decap-server, on a laid-out copy of the real site.

Slow (they run real tools); skipped with the reason when Node or Chromium is missing. A
screenshot of the form is written under the test's tmp folder, and copied to
$METHLINT_ARTEFACTS when it is set.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from methlint.cli import cli
from methlint.schemas import format_checker, load_schema
from tests.cli_runner import cli_runner
from tests.decap_tools import SCRIPTS, chromium, node, node_modules
from tests.realsite import lay_out

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parent.parent
DECAP_VERSION = json.loads((SCRIPTS / "package.json").read_text(encoding="utf-8"))["dependencies"]["decap-cms"]
ADMIN_PAGE = f"""<!doctype html>
<html>
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1.0" />
  <title>Content Manager</title>
</head>
<body>
  <script src="https://unpkg.com/decap-cms@{DECAP_VERSION}/dist/decap-cms.js"></script>
</body>
</html>
"""


def _generate(site: Path, monkeypatch) -> Path:
    monkeypatch.chdir(site)
    result = cli_runner().invoke(cli, ["cms", "generate"])
    assert result.exit_code == 0, result.stderr
    return site / "admin" / "config.yml"


def _validate(*configs: Path) -> list[dict[str, object]]:
    """Decap's own verdict on each file (tests/decap/validate.cjs)."""
    modules = node_modules()
    command = [node(), str(SCRIPTS / "validate.cjs"), str(modules), *map(str, configs)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture()
def realsite(tmp_path) -> Path:
    return lay_out(tmp_path / "consultation.gouv.fr")


def test_decap_accepts_the_generated_configuration(realsite, tmp_path, monkeypatch) -> None:
    """The real site's configuration, generated; content/'s, written new; and, as a control, the
    site's own configuration and a generated one spoiled, which Decap refuses."""
    original = tmp_path / "original.yml"
    shutil.copyfile(realsite / "admin/config.yml", original)
    generated = _generate(realsite, monkeypatch)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    written = _generate(content, monkeypatch)
    spoiled = tmp_path / "spoiled.yml"
    spoiled.write_text(generated.read_text(encoding="utf-8").replace("search_fields: [title]", ""), encoding="utf-8")
    verdicts = _validate(generated, written, original, spoiled)
    assert [(v["valid"], v["errors"]) for v in verdicts[:2]] == [(True, ""), (True, "")]
    assert verdicts[2]["errors"].splitlines() == [
        "'collections[0]' must have required property 'files'",
        "'collections[0]' must have required property 'folder'",
        "'collections[0]' must match exactly one schema in oneOf",
        "'collections[2].fields' fields names must be unique",
    ]
    assert "must have required property 'search_fields'" in verdicts[3]["errors"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _SiteFiles(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture()
def served(realsite, tmp_path, monkeypatch) -> Iterator[tuple[Path, str]]:
    """The site with its generated configuration and Decap's admin page, served over HTTP, and
    decap-server (the local backend) writing into it."""
    chromium()  # skip before any set-up when it is missing
    modules = node_modules()
    backend_port = _free_port()
    config = realsite / "admin/config.yml"
    text = config.read_text(encoding="utf-8")
    # the team's own setting, which generate keeps: the local backend for editing on one's machine
    local = f"local_backend:\n  url: http://localhost:{backend_port}/api/v1\n"
    config.write_text(text.replace("media_folder:", local + "media_folder:", 1), encoding="utf-8")
    _generate(realsite, monkeypatch)
    (realsite / "admin/index.html").write_text(ADMIN_PAGE, encoding="utf-8")
    handler = functools.partial(_SiteFiles, directory=str(realsite))
    site_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=site_server.serve_forever, daemon=True).start()
    quiet = tmp_path / "backend"  # decap-server reads a .env from its working folder: an empty one
    quiet.mkdir()
    env = {**os.environ, "PORT": str(backend_port), "GIT_REPO_DIRECTORY": str(realsite), "MODE": "fs"}
    backend = subprocess.Popen(
        [node(), str(modules / "decap-server" / "dist" / "index.js")],
        cwd=quiet,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while "listening" not in (line := backend.stdout.readline()):
            assert line and time.monotonic() < deadline, "decap-server did not start"
        yield realsite, f"http://localhost:{site_server.server_address[1]}/admin/index.html"
    finally:
        backend.terminate()
        backend.wait(timeout=30)
        backend.stdout.close()
        site_server.shutdown()
        site_server.server_close()


def _expected_labels(kind: str) -> list[str]:
    """The form Decap should show for a kind, from its schema alone: each key's title in order,
    "(optional)" when an empty value passes the contract; constants are hidden; then the body."""
    schema = load_schema(kind)
    labels = []
    for key, prop in schema["properties"].items():
        if len(prop.get("enum", [None, None])) == 1:
            continue
        validator = jsonschema.Draft202012Validator({**prop, "$defs": schema["$defs"]}, format_checker=format_checker())
        optional = key not in schema["required"] or validator.is_valid("") or validator.is_valid(None)
        labels.append(prop["title"] + (" (optional)" if optional else ""))
    # a list of one text field shows the list's title again on its item; none added yet
    return [*labels, "Texte (optional)"]


def test_admin_page_shows_the_method_form_and_saves_a_valid_document(served, tmp_path) -> None:
    site, admin = served
    screenshot = tmp_path / "decap-method-form.png"
    plan = {
        "modules": str(node_modules()),
        "chromium": chromium(),
        "admin": admin,
        "collection": "methode",
        "screenshot": str(screenshot),
        "texts": {"Titre": "Atelier de test", "Accroche": "Une méthode pour vérifier le formulaire."},
        "image": {"file": "groupetable.png"},
        "date": {"label": "Date de publication", "value": "2024-05-01T10:00"},
        "lists": {
            "Priorités": "Faire émerger des idées",
            "Qualités requises": "Une animation neutre",
            "Atouts": "Simple à organiser",
            "Inconvénients": "Demande du temps",
        },
        "number": {"label": "Ordre d’affichage", "value": "99"},
    }
    (tmp_path / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    done = subprocess.run(
        [node(), str(SCRIPTS / "admin.cjs"), str(tmp_path / "plan.json")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if os.environ.get("METHLINT_ARTEFACTS") and screenshot.exists():
        Path(os.environ["METHLINT_ARTEFACTS"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, os.environ["METHLINT_ARTEFACTS"])
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["errors"] == []
    assert shown["labels"] == _expected_labels("method")
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    saved = site / "_outil" / "atelier-de-test.md"
    text = saved.read_text(encoding="utf-8")
    assert "categorie: methode\n" in text and "layout: methode\n" in text and "img-bg: groupetable.png\n" in text
    result = cli_runner().invoke(cli, ["check", str(saved)])
    assert (result.exit_code, result.stdout) == (0, "All good: 1 file checked.\n")
