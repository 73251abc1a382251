import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from methlint.yaml_text import DOUBLE, PLAIN, SINGLE, reads_as, render_scalar

TRAPS = [
    "yes",
    "no",
    "on",
    "off",
    "~",
    "null",
    "0755",
    "1:30",
    "a: b",
    "x #y",
    "",
    "True",
    "2019-01-15",
    "- a",
    "[a]",
    "{a}",
    "&x",
    "*x",
    "!x",
    "%x",
    "@x",
    "`x",
    " lead",
    "trail ",
    "1e3",
]


@pytest.mark.parametrize("value", TRAPS)
def test_traps_are_quoted_and_read_back_exactly(value):
    token = render_scalar(value)
    assert token[0] in "'\""
    assert reads_as(token, value)


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [
        ("L’atelier citoyen", PLAIN, "L’atelier citoyen"),
        ("L’atelier citoyen", SINGLE, "'L’atelier citoyen'"),
        ("L’atelier citoyen", DOUBLE, '"L’atelier citoyen"'),
        ("l'avis", SINGLE, "'l''avis'"),
        ('dit "oui"', DOUBLE, '"dit \\"oui\\""'),
        ("yes", PLAIN, "'yes'"),  # plain would be a boolean for Jekyll
        ("a\nb", SINGLE, '"a\\nb"'),  # only escapes keep a line break on one line
        ("Article 71 : projet", PLAIN, "'Article 71 : projet'"),
        ("Objectif\u202f: agir", PLAIN, "'Objectif\u202f: agir'"),
    ],
)
def test_keeps_the_style_when_it_reads_back(value, style, expected):
    assert render_scalar(value, style) == expected


def test_reads_as_rejects_yaml_1_1_only_traps():
    assert not reads_as("yes", "yes")  # YAML 1.1 reads True
    assert not reads_as("0755", "0755")  # both read a number
    assert not reads_as("x #y", "x #y")  # a comment
    assert reads_as("'yes'", "yes")


@pytest.mark.parametrize("value", ["---", "...", "é à ç", "50 %", "https://example.org/a#b"])
def test_harmless_values_stay_plain(value):
    assert render_scalar(value) == value
    assert reads_as(value, value)


YAML_12_TOKENS = [t for t in TRAPS if not t.startswith(("&", "*"))] + [
    "Null",
    "NULL",
    "0o17",
    "0x1F",
    "-0x1F",
    "0b101",
    "1_000",
    "12",
    "-3",
    "+4",
    "1.5",
    "1.5e-3",
    ".inf",
    "-.INF",
    ".nan",
    "TRUE",
    "tRue",
    "y",
    "n",
    "2019-01-15 09:29:08 +0000",
    "'x'",
    '"y"',
    "[a, 1]",
    "{k: v}",
    "-",
    "0",
    "00",
    "1.",
    ".5",
    "+.inf",
    "=",
    "<<",
    "L’atelier",
    "Qualité : bonne",
]


@pytest.mark.parametrize("token", YAML_12_TOKENS)
def test_the_fast_yaml_1_2_reader_agrees_with_ruamel(token: str) -> None:
    from methlint.yaml_text import read_yaml_1_2, read_yaml_1_2_ruamel

    document = f"_: {token}\nliste:\n- {token}\n"
    assert repr(read_yaml_1_2(document)) == repr(read_yaml_1_2_ruamel(document))


@pytest.mark.parametrize("flow", ["[?]]", "[? ]]", "[?]", "[?, b]", "{?}", "[Pourquoi ?, Comment ?]"])
def test_empty_explicit_keys_in_flow_are_read_as_ruamel_reads_them(flow: str) -> None:
    # libyaml once read "k: [?]]" as [{null: null}] where ruamel rejects it (found by hypothesis)
    from methlint.yaml_text import read_yaml_1_2, read_yaml_1_2_ruamel

    document = f"k: {flow}\n"
    assert repr(read_yaml_1_2(document)) == repr(read_yaml_1_2_ruamel(document))


@pytest.mark.parametrize("token", ['"\t#', "'\t#", '"a\t# b', "'\t'"])
def test_a_tab_inside_quotes_is_read_as_ruamel_reads_it(token: str) -> None:
    # a tab before '#' inside a quoted value spanning lines looked like a tab before a comment,
    # and libyaml kept it where ruamel reads a space (found by the property test below)
    from methlint.yaml_text import read_yaml_1_2, read_yaml_1_2_ruamel

    document = f"_: {token}\nk: [{token}]\n"
    assert repr(read_yaml_1_2(document)) == repr(read_yaml_1_2_ruamel(document))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789abexoOTtrueFlsnNY_.+-~:# '[]{}é\"\t|>%@,?=<\\")), max_size=10))
def test_the_fast_yaml_1_2_reader_is_never_more_lenient_than_ruamel(token: str) -> None:
    # tags ("!"), anchors and aliases ("&", "*") are left out: the fixer refuses documents with them
    from methlint.yaml_text import NOT_READ, read_yaml_1_2, read_yaml_1_2_ruamel

    document = f"_: {token}\nk: [{token}]\n"
    fast, reference = read_yaml_1_2(document), read_yaml_1_2_ruamel(document)
    assert fast is NOT_READ or repr(fast) == repr(reference)
