"""Properties of the fixer on generated front matter (French text, comments, quotes, CRLF...)."""

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from methlint.diagnostics import Finding, Fix, FixAvailability
from methlint.document import Document
from methlint.fix import apply_edits, fix_text, verify
from methlint.front_matter import iter_paths
from methlint.rules import ALL_RULES, Rule
from methlint.yaml_text import double_quoted, read_yaml_1_2, scalar_edit, single_quoted

LETTERS = "abcdefghijklmnopqrstuvwxyzéèêàçôùûœÉÀ"
WORD = st.text(LETTERS, min_size=1, max_size=8)
PLAIN = (
    st.lists(WORD, min_size=1, max_size=4)
    .map(" ".join)
    .flatmap(lambda text: st.sampled_from([text, text + ",", "L’" + text, text + " !", text + " 50 %"]))
)
ANY_TEXT = st.text(LETTERS + " ’'\":;!?«»…#-,.\u00a0\u202f", max_size=20)
SCALAR = st.one_of(PLAIN, ANY_TEXT.map(single_quoted), ANY_TEXT.map(double_quoted))
COMMENT = st.sampled_from(["", " # commentaire", "  # à revoir", " #"])
TRAILING = st.sampled_from(["", " ", "  "])
KEYS = [
    "title",
    "tagline",
    "contact",
    "logo",
    "ordre",
    "priorites",
    "qualites",
    "atouts",
    "lien",
    "note",
]


@st.composite
def front_matter(draw):
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=6, unique=True))
    lines = []
    for key in keys:
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["# note", "  # indentée", ""])))
        shape = draw(st.sampled_from(["scalar", "scalar", "empty", "list"]))
        if shape == "list":
            lines.append(key + ":" + draw(COMMENT))
            for item in draw(st.lists(SCALAR, min_size=1, max_size=3)):
                lines.append("- " + item + draw(COMMENT) + draw(TRAILING))
        elif shape == "empty":
            lines.append(key + ":" + draw(TRAILING))
        else:
            lines.append(key + ": " + draw(SCALAR) + draw(COMMENT) + draw(TRAILING))
    body = draw(st.sampled_from(["", "Corps du texte." + newline, "Sans fin de ligne"]))
    text = "---" + newline + newline.join(lines) + newline + "---" + newline + body
    doc = Document("_outil/doc.md", text)
    fm = doc.front_matter
    assume(fm is not None and fm.ok and isinstance(fm.data, dict))
    assume(isinstance(read_yaml_1_2(fm.yaml), dict))
    return text


def _scalars(doc):
    fm = doc.front_matter
    return [
        (path, node)
        for path, _key, node in iter_paths(fm.root)
        if path and isinstance(node, yaml.ScalarNode) and scalar_edit(fm, node, "x") is not None
    ]


def _edit_rule(path, new_value):
    def check(doc, ctx):
        fm = doc.front_matter
        if fm is None or not fm.ok:
            return
        for node_path, node in _scalars(doc):
            if node_path == path and (fm.data and _value(fm.data, path)) != new_value:
                edit = scalar_edit(fm, node, new_value)
                yield Finding(
                    doc.span(edit.start, edit.end),
                    "edit",
                    Fix("Edit", (edit,), changes_data_at=(path,)),
                )

    return Rule("TST100", "test-edit", check, "", "test", fix=FixAvailability.ALWAYS)


def _noop_rule():
    def check(doc, ctx):
        fm = doc.front_matter
        for path, node in _scalars(doc):
            if node.tag == "tag:yaml.org,2002:str":
                edit = scalar_edit(fm, node, node.value)
                yield Finding(
                    doc.span(edit.start, edit.end),
                    "no-op",
                    Fix("Keep", (edit,), changes_data_at=(path,)),
                )

    return Rule("TST101", "test-noop", check, "", "test", fix=FixAvailability.ALWAYS)


def _value(data, path):
    for step in path:
        data = data[step]
    return data


NEW_VALUES = st.one_of(
    ANY_TEXT,
    PLAIN,
    st.sampled_from(
        [
            "yes",
            "no",
            "on",
            "~",
            "null",
            "0755",
            "1:30",
            "a: b",
            "x #y",
            "",
            "- a",
            "[a]",
            "&x",
            "Objectif\u202f:",
            "« Citation »",
            "ligne\nsuivante",
            "tab\there",
            "'",
            '"',
            "---",
        ]
    ),
)
YAML_RULES = [r for r in ALL_RULES if r.code.startswith(("FM", "YML"))]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(front_matter())
def test_no_op_fixes_are_byte_identical(text):
    doc = Document("_outil/doc.md", text)
    edits = [f.fix.edits[0] for f in _noop_rule().check(doc, None)]
    paths = [f.fix.changes_data_at[0] for f in _noop_rule().check(doc, None)]
    assert apply_edits(text, edits) == text
    assert verify(doc, text, edits, paths) is None
    new_text, outcome = fix_text(text, rules=[_noop_rule()])
    assert outcome.internal_error is None and outcome.refused is None and outcome.applied == []
    assert new_text == text
    assert fix_text(text, rules=YAML_RULES)[0] == text  # clean input: nothing to fix, nothing changed


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(front_matter(), st.data(), NEW_VALUES)
def test_a_scalar_edit_changes_only_its_token_and_reads_back_exactly(text, data, new_value):
    doc = Document("_outil/doc.md", text)
    scalars = _scalars(doc)
    assume(scalars)
    path, node = data.draw(st.sampled_from(scalars))
    fm = doc.front_matter
    start, end = fm.file_offset(node.start_mark), fm.file_offset(node.end_mark)
    new_text, outcome = fix_text(text, unsafe=True, rules=[_edit_rule(path, new_value)])  # title too
    assert outcome.internal_error is None and outcome.refused is None
    after = len(new_text) - (len(text) - end)
    assert new_text[:start] == text[:start] and new_text[after:] == text[end:]
    new_doc = Document("_outil/doc.md", new_text)
    assert type(_value(new_doc.data, path)) is str and _value(new_doc.data, path) == new_value
    assert _value(read_yaml_1_2(new_doc.front_matter.yaml), path) == new_value
