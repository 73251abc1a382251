"""`methlint cms check`: a Decap CMS configuration against the contracts and the documents (CMS001…)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from methlint.cli import cli
from tests.cli_runner import cli_runner
from tests.realsite import lay_out

# The real site's admin/config.yml, as its editors left it (issue 21): each drift, at its line and column.
# The real site's admin/config.yml, as its editors left it (issue 21): each drift, at its line and column.
REALSITE_OTHER = [
    (9, 5, "CMS003 collection 'pages' has neither 'folder' nor 'files': Decap CMS refuses the configuration"),
    (14, 47, "CMS002 unknown widget 'mardown': did you mean 'markdown'?"),
    (
        22,
        70,
        "CMS010 default 'default' of 'layout' is not allowed in the 'method' and 'tool' contracts "
        "(allowed: methode, outil): every document saved with the form gets it",
    ),
    (35, 53, "CMS008 widget 'markdown' writes text; 'clients' takes a list in the 'tool' contract: use widget 'list'"),
    (
        66,
        70,
        "CMS010 default 'default' of 'layout' is not allowed in the 'usage' contract (allowed: usage): "
        "every document saved with the form gets it",
    ),
]
# Fields the form requires though a contract lets them be empty: (line, column, name, contracts)
REALSITE_REQUIRED = [
    (27, 35, "doc_tech", "the 'tool' contract"),
    (30, 41, "url_video_demo", "the 'method' and 'tool' contracts"),
    (31, 46, "vignette_video_demo", "the 'method' and 'tool' contracts"),
    (32, 34, "contact", "the 'method' contract"),
    (33, 35, "contract", "the 'method' and 'tool' contracts"),
    (34, 31, "logo", "the 'method' and 'tool' contracts"),
    (36, 32, "owner", "the 'method' and 'tool' contracts"),
    (37, 38, "access_link", "the 'method' and 'tool' contracts"),
]
MISSING = (
    "CMS006 '{key}' is in {count} documents of {folder} (such as {example}) but the form has no field for it: "
    "editors cannot see or change it, and Netlify CMS releases before March 2020 delete it on save"
)
MISSING_ONE = MISSING.replace("documents", "document").replace("such as ", "")
# 14 keys the _outil documents use (count, first document) and 14 the _usage documents use
OUTIL_MISSING = [
    ("accompagnement_inclus", 5, "cap-collectif.md"),
    ("accompagnement_plusloin", 5, "cap-collectif.md"),
    ("atouts", 12, "atelier de prospective.md"),
    ("categorie", 12, "atelier de prospective.md"),
    ("default_logo", 12, "atelier de prospective.md"),
    ("demo_link", 1, "decidim.md"),
    ("details_techniques", 5, "cap-collectif.md"),
    ("feature_inclus", 5, "cap-collectif.md"),
    ("feature_plusloin", 5, "cap-collectif.md"),
    ("inconvenients", 7, "atelier de prospective.md"),
    ("lettre_engagement", 5, "cap-collectif.md"),
    ("ordre", 12, "atelier de prospective.md"),
    ("priorites", 7, "atelier de prospective.md"),
    ("qualites", 7, "atelier de prospective.md"),
]
USAGE_MISSING = [
    ("date", 40, "DREAL-bourgogne.md"),
    ("description", 40, "DREAL-bourgogne.md"),
    ("in_progress", 40, "DREAL-bourgogne.md"),
    ("link", 40, "DREAL-bourgogne.md"),
    ("methode", 2, "conference-regionale-gd.md"),
    ("methodes", 36, "DREAL-bourgogne.md"),
    ("note-citoyenne", 24, "DREAL-bourgogne.md"),
    ("note-decidee", 24, "DREAL-bourgogne.md"),
    ("opendata", 19, "DREAL-bourgogne.md"),
    ("ordre", 13, "addiction.md"),
    ("organisateur", 39, "Nanterre.md"),
    ("outil", 36, "DREAL-bourgogne.md"),
    ("parameters", 1, "cnnum-ambition-numerique.md"),
    ("screenshot", 40, "DREAL-bourgogne.md"),
]
# 21 fields no _outil document uses: (line, column of the name, name, "did you mean")
OUTIL_UNUSED = [(29, 31, "demo", None), (38, 36, "developer", None), (39, 47, "programming_language", None)]
OUTIL_UNUSED += [(40, 36, "languages", None), (41, 37, "opensource", None), (42, 33, "source", None)]
OUTIL_UNUSED += [(44 + i, 33, f"atout{i + 1}", "atouts") for i in range(3)]
OUTIL_UNUSED += [(47 + i, 42, f"feature_inclus{i + 1}", "feature_inclus") for i in range(3)]
OUTIL_UNUSED += [(50 + i, 44, f"feature_plusloin{i + 1}", "feature_plusloin") for i in range(3)]
OUTIL_UNUSED += [(53 + i, 49, f"accompagnement_inclus{i + 1}", "accompagnement_inclus") for i in range(3)]
OUTIL_UNUSED += [(56 + i, 51, f"accompagnement_plusloin{i + 1}", "accompagnement_plusloin") for i in range(3)]
# 5 of the 8 usage fields are named body: (line, column of the name, label, widget)
USAGE_BODY = [(69, 31, "link", "string"), (70, 38, "description", "string"), (71, 32, "outil", "select")]
USAGE_BODY += [(72, 37, "screenshot", "image"), (73, 31, "date", "datetime")]


REALSITE_TABLE = """\
Findings by rule:
  28  error    CMS006  Documents' key the form has no field for
   8  error    CMS009  Field's required disagrees with the contract
   5  error    CMS004  Two fields with the same name
   5  error    CMS005  Field that is not the body writes into the body
   2  error    CMS010  Field's default the contract rejects
   1  error    CMS002  Widget unknown to Decap CMS
   1  error    CMS003  Collection with no documents to edit
   1  error    CMS008  Widget writes what the contract rejects
  21  warning  CMS007  Form field no document or contract uses
Found 51 errors, 21 warnings and 0 info in 1 file.
"""


def _realsite_expected() -> str:
    """Every finding, in the order `methlint cms check` prints them: by line, column, then code."""
    rows = list(REALSITE_OTHER)
    for rows_missing, folder, line in ((OUTIL_MISSING, "_outil", 21), (USAGE_MISSING, "_usage", 65)):
        for key, count, example in rows_missing:
            message = MISSING if count > 1 else MISSING_ONE
            rows.append((line, 5, message.format(key=key, count=count, folder=folder, example=f"{folder}/{example}")))
    for line, column, name, contracts in REALSITE_REQUIRED:
        rows.append(
            (
                line,
                column,
                f"CMS009 the form requires '{name}', which may be empty in {contracts}: editors cannot save a "
                "document that rightly leaves it empty; write 'required: false'",
            )
        )
    for line, column, name, meant in OUTIL_UNUSED:
        message = f"CMS007 field '{name}' is used by no document of _outil and no contract knows it"
        rows.append((line, column, message + (f": did you mean '{meant}'?" if meant else "")))
    for line, column, label, widget in USAGE_BODY:
        rows.append((line, column, "CMS004 another field is named 'body' (line 68): both write the same key"))
        rows.append(
            (
                line,
                column,
                f"CMS005 field '{label}' (widget '{widget}') is named 'body': it writes into the Markdown body: "
                f"name it '{label}'",
            )
        )
    rows.sort(key=lambda row: (row[0], row[1], row[2][:6]))
    lines = []
    for line, column, message in rows:
        code, text = message.split(" ", 1)
        severity = "warning" if code == "CMS007" else "error"
        lines.append(f"admin/config.yml:{line}:{column}: {code} [{severity}] {text}\n")
    return "".join(lines) + REALSITE_TABLE


@pytest.fixture(scope="module")
def realsite(tmp_path_factory) -> Path:
    return lay_out(tmp_path_factory.mktemp("real") / "consultation.gouv.fr")


def test_real_site_config_every_drift_at_its_position(realsite, monkeypatch) -> None:
    monkeypatch.chdir(realsite)
    result = cli_runner().invoke(cli, ["cms", "check", "admin/config.yml"])
    assert result.exit_code == 1, result.stderr
    assert result.stdout == _realsite_expected()
    assert len(OUTIL_MISSING) == len(USAGE_MISSING) == 14 and len(OUTIL_UNUSED) == 21 and len(USAGE_BODY) == 5


def test_real_site_positions_are_the_values_named(realsite) -> None:
    """The columns above point at what the messages name, in the file itself."""
    lines = (realsite / "admin/config.yml").read_text(encoding="utf-8").splitlines()
    assert lines[13][46:].startswith('"mardown"')
    assert lines[8][4:].startswith('name: "pages"')
    assert lines[20][4:].startswith("fields:") and lines[64][4:].startswith("fields:")
    for line, column, name, _meant in OUTIL_UNUSED:
        assert lines[line - 1][column - 1 :].startswith(f'"{name}"')
    for line, column, label, _widget in USAGE_BODY:
        assert lines[line - 1][column - 1 :].startswith('"body"') and f'label: "{label}"' in lines[line - 1]


def test_default_path_select_and_json(realsite, monkeypatch) -> None:
    monkeypatch.chdir(realsite)
    result = cli_runner().invoke(cli, ["cms", "check", "--select", "CMS002,CMS003", "--output-format", "json"])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert [(r["code"], r["line"], r["column"], r["severity"]) for r in rows] == [
        ("CMS003", 9, 5, "error"),
        ("CMS002", 14, 47, "error"),
    ]
    result = cli_runner().invoke(cli, ["cms", "check", "--ignore", "CMS"])
    assert result.exit_code == 2
    assert "no CMS rule is selected" in result.stderr


def test_french_messages(realsite, monkeypatch) -> None:
    monkeypatch.chdir(realsite)
    result = cli_runner().invoke(cli, ["--lang", "fr", "cms", "check", "--select", "CMS002,CMS009"])
    lines = result.stdout.replace("\u00a0", "~").replace("\u202f", "^").splitlines()
    assert lines[0] == (
        "admin/config.yml:14:47: CMS002 [erreur] widget inconnu «~mardown~»~: vouliez-vous dire «~markdown~»^?"
    )
    assert lines[2] == (
        "admin/config.yml:30:41: CMS009 [erreur] le formulaire exige «~url_video_demo~», qui peut être vide selon les "
        "contrats «~method~» et «~tool~»~: les rédacteurs ne peuvent pas enregistrer un document qui la laisse "
        "vide à bon droit^; écrivez «~required: false~»"
    )


def test_missing_configuration_is_a_usage_error(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli_runner().invoke(cli, ["cms", "check"])
    assert result.exit_code == 2
    assert "no CMS configuration at 'admin/config.yml'" in result.stderr


# --- each rule on a small site --------------------------------------------------------------

METHOD = """\
---
title: L'atelier
tagline: Une accroche
categorie: methode
img-bg: atelier.png
contact: ''
contract:
logo:
owner:
access_link:
url_video_demo:
vignette_video_demo:
date: 2019-01-15
priorites: [a]
qualites: [b]
atouts: [c]
inconvenients: [d]
layout: methode
ordre: 1
extra: 3
---
Texte.
"""


def _check(tmp_path: Path, config: str, files: dict[str, str] | None = None, *args: str) -> list[str]:
    """``line:column: CODE message`` of each finding (from the JSON report)."""
    (tmp_path / "_config.yml").write_text("collections: [outil]\n", encoding="utf-8")
    (tmp_path / "admin").mkdir(exist_ok=True)
    (tmp_path / "admin/config.yml").write_text(textwrap.dedent(config), encoding="utf-8")
    for name, text in (files or {}).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    command = ["cms", "check", str(tmp_path / "admin/config.yml"), "--output-format", "json", *args]
    result = cli_runner().invoke(cli, command)
    assert result.exit_code in (0, 1), result.stderr
    return [f"{r['line']}:{r['column']}: {r['code']} {r['message']}" for r in json.loads(result.stdout)]


def test_structure_problems(tmp_path) -> None:
    assert _check(tmp_path, "collections: [a\n") == ["2:1: CMS001 not valid YAML: did not find expected ',' or ']'"]
    assert _check(tmp_path, "collections:\n  outil: {folder: _outil}\n") == [
        "1:1: CMS001 'collections' must be a list of collections"
    ]
    config = """\
    collections:
      - x
      - name: a
        folder: _a
        fields: {name: title}
      - name: b
        files:
          - {name: f, file: f.md, fields: [{label: T}, 3]}
    """
    found = _check(tmp_path, config, {"_a/doc.md": "---\ntitle: x\n---\n", "f.md": "---\na: 1\n---\n"})
    assert [line for line in found if "CMS001" in line] == [
        "2:5: CMS001 a collection must be a mapping",
        "5:13: CMS001 'fields' must be a list of fields",
        "8:40: CMS001 a field must be a mapping with a 'name'",
        "8:52: CMS001 a field must be a mapping with a 'name'",
    ]
    # what could be read is still checked: the collection whose fields are unreadable has none
    missing = [line.split(" is in")[0] for line in found if "CMS006" in line]
    assert missing == ["5:5: CMS006 'title'", "8:31: CMS006 'a'"]


def test_widgets_known_registered_and_unknown(tmp_path) -> None:
    config = """\
    collections:
      - name: a
        folder: _a
        fields:
          - {name: title, widget: strng}
          - {name: color, widget: chart}
          - {name: sub, widget: list, fields: [{name: x, widget: objekt}, {name: y, widget: map}]}
    """
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin/index.html").write_text("<script>CMS.registerWidget('chart', Chart);</script>")
    found = _check(tmp_path, config, {"_a/doc.md": "---\ntitle: x\ncolor: red\nsub: []\n---\n"}, "--select", "CMS002")
    assert found == [
        "5:31: CMS002 unknown widget 'strng': did you mean 'string'?",
        "7:62: CMS002 unknown widget 'objekt': did you mean 'object'?",
    ]


def test_folder_and_file_not_in_the_site(tmp_path) -> None:
    config = """\
    collections:
      - {name: a, folder: _nope, fields: [{name: title}]}
      - {name: b, files: [{name: f, file: _data/nope.yml, fields: [{name: x}]}]}
      - {name: c, folder: ../outside, fields: [{name: title}]}
    """
    assert _check(tmp_path, config, {}, "--select", "CMS003") == [
        "2:23: CMS003 '_nope' is not a folder of the site: the collection 'a' shows no document",
        "3:39: CMS003 '_data/nope.yml' is not a file of the site: the collection 'b' shows no document",
        "4:23: CMS003 '../outside' is not a folder of the site: the collection 'c' shows no document",
    ]


def test_duplicates_in_nested_fields_and_files(tmp_path) -> None:
    config = """\
    collections:
      - name: a
        folder: _a
        fields:
          - {name: items, widget: list, fields: [{name: x}, {name: y}, {name: x}]}
          - {name: items, widget: string}
    """
    assert _check(tmp_path, config, {"_a/d.md": "---\nitems: []\n---\n"}, "--select", "CMS004") == [
        "5:75: CMS004 another field is named 'x' (line 5): both write the same key",
        "6:16: CMS004 another field is named 'items' (line 5): both write the same key",
    ]


def test_body_editors_may_be_named_body(tmp_path) -> None:
    config = """\
    collections:
      - name: a
        folder: _a
        fields: [{name: body, widget: text}, {label: Lien, name: body, widget: string}]
      - {name: b, files: [{name: f, file: _data/f.yml, fields: [{name: body, widget: string}]}]}
    """
    files = {"_a/d.md": "---\nlien: x\n---\n", "_data/f.yml": "body: 1\n"}
    assert _check(tmp_path, config, files, "--select", "CMS005") == [
        "4:62: CMS005 field 'Lien' (widget 'string') is named 'body': it writes into the Markdown body: name it 'lien'"
    ]


def test_missing_keys_unused_fields_and_contract_requirements(tmp_path) -> None:
    """A method folder: the documents' keys, the contract's required keys, fields nobody uses."""
    config = """\
    collections:
      - name: m
        folder: _outil
        filter: {field: categorie, value: methode}
        fields:
          - {name: title}
          - {name: tagline}
          - {name: atout, widget: list}
          - {name: body, widget: markdown}
    """
    outil = {"_outil/m.md": METHOD, "_outil/t.md": "---\ncategorie: outil\nsecret: 1\n---\n"}
    found = _check(tmp_path, config, outil, "--select", "CMS006,CMS007")
    assert [line.split("'")[1] for line in found if "CMS006" in line] == [
        "access_link",
        "atouts",
        "categorie",
        "contact",
        "contract",
        "date",
        "extra",
        "img-bg",
        "inconvenients",
        "layout",
        "logo",
        "ordre",
        "owner",
        "priorites",
        "qualites",
        "url_video_demo",
        "vignette_video_demo",
    ]
    assert all("is in 1 document of _outil (_outil/m.md)" in line for line in found if "CMS006" in line)
    assert [line for line in found if "CMS007" in line] == [
        "8:16: CMS007 field 'atout' is used by no document of _outil and no contract knows it: did you mean 'atouts'?"
    ]
    assert not any("'secret'" in line for line in found), "the tool document is filtered out"


def test_required_keys_the_form_and_the_documents_lack(tmp_path) -> None:
    config = """\
    collections:
      - {name: u, folder: _usage, fields: [{name: title}, {name: link, required: false}]}
    """
    found = _check(tmp_path, config, {"_usage/.keep": ""}, "--select", "CMS006")
    assert found[0] == (
        "2:31: CMS006 'date' is required in the 'usage' contract but the form has no field for it: "
        "documents created with the form lack it"
    )
    assert [line.split("'")[1] for line in found] == [
        "date",
        "description",
        "in_progress",
        "methodes",
        "organisateur",
        "outil",
        "screenshot",
    ]


def test_widget_types_against_the_contract(tmp_path) -> None:
    config = """\
    collections:
      - name: u
        folder: _usage
        fields:
          - {name: title, widget: list}
          - {name: outil, widget: relation, multiple: true, collection: o, value_field: title, search_fields: [title]}
          - {name: methodes, widget: select, options: [a, b]}
          - {name: note-citoyenne, widget: number, value_type: float}
          - {name: ordre, widget: number}
          - {name: in_progress, widget: boolean}
          - {name: opendata, widget: string}
          - {name: link, widget: code}
          - {name: layout, widget: hidden}
    """
    assert _check(tmp_path, config, {"_usage/.keep": ""}, "--select", "CMS008") == [
        "5:31: CMS008 widget 'list' writes a list; 'title' takes text in the 'usage' contract: use widget 'string'",
        "7:34: CMS008 widget 'select' writes text; 'methodes' takes a list in the 'usage' contract: use widget 'list'",
        "8:40: CMS008 widget 'number' writes a number; 'note-citoyenne' takes a whole number in the 'usage' "
        "contract: use widget 'number'",
        "12:30: CMS008 widget 'code' writes a mapping; 'link' takes text in the 'usage' contract: use widget 'string'",
    ]


def test_required_both_ways_and_defaults(tmp_path) -> None:
    config = """\
    collections:
      - name: u
        folder: _usage
        fields:
          - {name: title, required: false}
          - {name: outil, widget: list}
          - {name: link, required: false}
          - {name: description, required: false, default: ""}
          - {name: layout, widget: hidden, default: usage}
          - {name: in_progress, widget: boolean, default: "yes"}
          - {name: free, default: 1}
    """
    assert _check(tmp_path, config, {"_usage/.keep": ""}, "--select", "CMS009,CMS010") == [
        "5:33: CMS009 'title' needs a value in the 'usage' contract, but 'required: false' lets editors save it empty",
        "6:16: CMS009 the form requires 'outil', which may be empty in the 'usage' contract: editors cannot save a "
        "document that rightly leaves it empty; write 'required: false'",
        "7:32: CMS009 'link' must be present in the 'usage' contract, even empty: without a 'default', documents "
        "created with the form lack it",
        "8:39: CMS009 'description' needs a value in the 'usage' contract, but 'required: false' lets editors save "
        "it empty",
        "8:55: CMS010 default '' of 'description' is not allowed in the 'usage' contract: every document saved "
        "with the form gets it",
        "10:55: CMS010 default 'yes' of 'in_progress' is not allowed in the 'usage' contract: every document saved "
        "with the form gets it",
    ]


def test_cms_rules_never_run_on_documents(tmp_path) -> None:
    """`methlint check --select CMS` has nothing to run: the CMS rules read a CMS configuration only."""
    from methlint.config import Config
    from methlint.linter import enabled_rules
    from methlint.rules import CMS_RULES

    assert enabled_rules(Config(select=("CMS",))) == []
    assert [rule.code for rule in enabled_rules(Config(), CMS_RULES)] == [f"CMS{n:03}" for n in range(1, 11)]


def test_explain_a_cms_rule() -> None:
    result = cli_runner().invoke(cli, ["explain", "CMS002"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# CMS002 (unknown-widget)\n\nWidget unknown to Decap CMS\n")


HOSTILE_CONFIGS = {
    "binary": (b"\x00\xff\xfe binary", "1:1: CMS001 not UTF-8 text (line 1, column 2): save it as UTF-8"),
    "too-large": (b"# x\n" * 300_000, "1:1: CMS001 larger than 1000000 bytes: not read"),
    "alias-bomb": (
        b"a: &a [x, x, x, x, x, x, x, x, x]\n"
        + b"".join(
            b"a%d: &a%d [*a%s, *a%s, *a%s]\n" % (i, i, *(b"" if i == 1 else b"%d" % (i - 1),) * 3) for i in range(1, 12)
        )
        + b"collections: [*a11]\n",
        "7:20: CMS001 beyond methlint's YAML limits (aliases: 100)",
    ),
    "deep": (
        b"collections: " + b"[" * 5000 + b"]" * 5000 + b"\n",
        "1:63: CMS001 beyond methlint's YAML limits (depth: 50)",
    ),
    "python-tag": (
        b'collections: !!python/object/apply:os.system ["echo hi"]\n',
        "1:14: CMS001 a YAML tag methlint never reads: tag:yaml.org,2002:python/object/apply:os.system",
    ),
    "not-a-mapping": (b"- a\n", "1:1: CMS001 the configuration must be a mapping"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_CONFIGS))
def test_hostile_configurations_are_findings_and_never_rewritten(tmp_path, monkeypatch, name: str) -> None:
    raw, finding = HOSTILE_CONFIGS[name]
    (tmp_path / "_config.yml").write_text("collections: [outil]\n", encoding="utf-8")
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin/config.yml").write_bytes(raw)
    monkeypatch.chdir(tmp_path)
    result = cli_runner().invoke(cli, ["cms", "check"])
    shown = "admin/config.yml:" + finding.replace(" CMS001 ", " CMS001 [error] ")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (1, shown)
    result = cli_runner().invoke(cli, ["cms", "generate"])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"admin/config.yml: not changed: {finding.split(' CMS001 ')[1]} (`methlint cms check` says where)\n"
    )
    assert (tmp_path / "admin/config.yml").read_bytes() == raw
