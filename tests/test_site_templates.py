"""The template reader: which document keys a site's layouts, includes and pages use, and how."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from methlint.site_templates import MAX_TEMPLATE_BYTES, How, read_templates
from tests.realsite import VENDORED

REALSITE_USES_OF_OUTIL_LAYOUT = """\
_layouts/outil.html:7:39 page.img-bg read
_layouts/outil.html:7:139 page.img-bg printed url:/img/
_layouts/outil.html:10:12 page.title printed
_layouts/outil.html:13:12 page.tagline printed
_layouts/outil.html:17:15 page.doc_tech read
_layouts/outil.html:18:56 page.doc_tech printed url: <!--
_layouts/outil.html:24:15 page.demo_link read
_layouts/outil.html:25:51 page.demo_link printed url:
_layouts/outil.html:30:15 page.access_link read
_layouts/outil.html:31:51 page.access_link printed url:
_layouts/outil.html:44:13 page.logo read
_layouts/outil.html:45:27 page.logo printed url:/img/
_layouts/outil.html:45:49 page.title printed
_layouts/outil.html:47:27 page.default_logo printed url:/img/
_layouts/outil.html:47:57 page.title printed
_layouts/outil.html:50:13 page.url_video_demo read
_layouts/outil.html:52:55 page.url_video_demo printed url:
_layouts/outil.html:52:100 page.vignette_video_demo printed url:/img/
_layouts/outil.html:59:17 page.contract read
_layouts/outil.html:59:61 page.contract printed
_layouts/outil.html:61:30 page.clients read
_layouts/outil.html:62:20 page.clients printed
_layouts/outil.html:65:25 page.contract printed
_layouts/outil.html:68:13 page.domain read
_layouts/outil.html:73:23 page.domain printed url:
_layouts/outil.html:73:73 page.domain printed
_layouts/outil.html:77:13 page.contact read
_layouts/outil.html:82:17 page.contact read
_layouts/outil.html:83:46 page.contact printed url:mailto:
_layouts/outil.html:83:130 page.contact printed
_layouts/outil.html:85:39 page.contact printed url:
_layouts/outil.html:90:13 page.partners read
_layouts/outil.html:95:14 page.partners filtered |join
_layouts/outil.html:126:18 page.content printed
_layouts/outil.html:128:19 page.atouts read
_layouts/outil.html:132:33 page.atouts read
_layouts/outil.html:133:64 page.atouts printed
_layouts/outil.html:144:19 page.feature_inclus read
_layouts/outil.html:147:40 page.feature_inclus read
_layouts/outil.html:148:62 page.feature_inclus printed
_layouts/outil.html:153:19 page.accompagnement_inclus read
_layouts/outil.html:156:40 page.accompagnement_inclus read
_layouts/outil.html:157:62 page.accompagnement_inclus printed
_layouts/outil.html:164:19 page.feature_plusloin read
_layouts/outil.html:167:33 page.feature_plusloin read
_layouts/outil.html:168:62 page.feature_plusloin printed
_layouts/outil.html:173:19 page.accompagnement_plusloin read
_layouts/outil.html:176:40 page.accompagnement_plusloin read
_layouts/outil.html:177:62 page.accompagnement_plusloin printed
_layouts/outil.html:185:30 page.details_techniques read
_layouts/outil.html:187:37 page.details_techniques.name printed
_layouts/outil.html:188:21 page.details_techniques.link read
_layouts/outil.html:189:52 page.details_techniques.link printed url:
_layouts/outil.html:189:102 page.details_techniques.content printed
_layouts/outil.html:191:43 page.details_techniques.content printed
_layouts/outil.html:203:13 site.usage.outil read
_layouts/outil.html:203:34 page.title read
"""

# exemple-card.html is included with usage=usage from loops over site.usage (outil.html,
# methode.html, laconsultation.html): include.usage is a usage document; `outil` is an
# outil document found by `where: "title"`, still bound after its loops.
REALSITE_USES_OF_EXAMPLE_CARD = """\
_includes/exemple-card.html:5:36 site.usage.url printed url:
_includes/exemple-card.html:5:62 site.usage.title filtered |truncate
_includes/exemple-card.html:8:12 site.usage.organisateur printed
_includes/exemple-card.html:12:19 site.usage.url printed url:
_includes/exemple-card.html:12:79 site.usage.screenshot printed url:/img/
_includes/exemple-card.html:17:15 site.usage.methodes read
_includes/exemple-card.html:19:24 site.usage.methodes read
_includes/exemple-card.html:20:33 site.usage.methodes read
_includes/exemple-card.html:21:51 site.outil.title read
_includes/exemple-card.html:21:60 site.usage.methodes read
_includes/exemple-card.html:22:19 site.usage.methodes read
_includes/exemple-card.html:25:21 site.outil.title read
_includes/exemple-card.html:26:74 site.outil.url printed url:
_includes/exemple-card.html:26:91 site.outil.title printed
_includes/exemple-card.html:34:15 site.usage.outil read
_includes/exemple-card.html:36:32 site.usage.outil read
_includes/exemple-card.html:37:33 site.usage.outil read
_includes/exemple-card.html:38:53 site.outil.title read
_includes/exemple-card.html:38:62 site.usage.outil read
_includes/exemple-card.html:39:21 site.usage.outil read
_includes/exemple-card.html:42:23 site.outil.title read
_includes/exemple-card.html:43:76 site.outil.url printed url:
_includes/exemple-card.html:43:93 site.outil.title printed
_includes/exemple-card.html:50:34 site.outil.url printed url:
"""


@pytest.fixture(scope="module")
def realsite():
    return read_templates(VENDORED)


def _lines(uses, path: str) -> str:
    return "".join(f"{use}\n" for use in uses if use.path == path)


def test_real_outil_layout_every_use(realsite) -> None:
    assert _lines(realsite.uses, "_layouts/outil.html") == REALSITE_USES_OF_OUTIL_LAYOUT


def test_real_include_resolved_from_its_call_sites(realsite) -> None:
    assert _lines(realsite.uses, "_includes/exemple-card.html") == REALSITE_USES_OF_EXAMPLE_CARD


def test_real_positions_point_at_the_variable(realsite) -> None:
    """Each use's line and column are where its variable is written (checked by searching the text)."""
    for use in realsite.uses:
        line = (VENDORED / use.path).read_text(encoding="utf-8").splitlines()[use.line - 1]
        written = line[use.column - 1 :]
        assert written[:1].isalpha() or written[:1] in "\"'", (str(use), written[:20])


def test_real_img_bg_is_prefixed_with_img(realsite) -> None:
    """The layout renders url(/img/{{ page.img-bg }}): the prefix a value must not repeat."""
    shown = [u for u in realsite.for_layout("outil") if u.key == "img-bg" and u.how is How.PRINTED]
    assert [(u.path, u.url_prefix) for u in shown] == [("_layouts/outil.html", "/img/")]
    line = (VENDORED / "_layouts/outil.html").read_text(encoding="utf-8").splitlines()[shown[0].line - 1]
    assert line[shown[0].column - 1 :].startswith("page.img-bg }}")
    assert line[: shown[0].column - 1].endswith("url(/img/{{ ")


def test_real_layout_chain_and_what_it_renders(realsite) -> None:
    assert realsite.layout_chain("outil") == ["_layouts/outil.html", "_layouts/default.html"]
    assert realsite.layout_chain("nope") == []
    # outil.html, default.html and their includes (head.html, footer.html, analytics.html, exemple-card.html)
    assert sorted({u.key for u in realsite.for_layout("outil")}) == [
        "access_link",
        "accompagnement_inclus",
        "accompagnement_plusloin",
        "additional_css",
        "atouts",
        "clients",
        "contact",
        "content",
        "contract",
        "default_logo",
        "demo_link",
        "details_techniques",
        "doc_tech",
        "domain",
        "excerpt",
        "feature_inclus",
        "feature_plusloin",
        "img-bg",
        "layout",
        "logo",
        "nom",
        "partners",
        "tagline",
        "title",
        "url_video_demo",
        "vignette_video_demo",
    ]
    # the usage layout prints `parameters`, which the usage contract does not know
    assert {u.how for u in realsite.for_layout("usage") if u.key == "parameters"} == {How.READ, How.PRINTED}


def test_real_collection_keys_used_across_the_site(realsite) -> None:
    """Keys of usage documents read anywhere: cards, sorting (`sort: 'ordre'`), filters."""
    assert sorted({u.key for u in realsite.for_collection("usage")}) == [
        "description",
        "in_progress",
        "methodes",
        "note-citoyenne",
        "note-decidee",
        "ordre",
        "organisateur",
        "outil",
        "screenshot",
        "title",
        "url",
    ]
    ordre = [str(u) for u in realsite.for_collection("outil") if u.key == "ordre"]
    assert ordre == [
        "laconsultation.html:84:81 site.outil.ordre read",
        "laconsultation.html:103:77 site.outil.ordre read",
    ]


def test_real_site_reads_without_problems(realsite) -> None:
    assert realsite.problems == ()
    assert realsite.includes["_layouts/default.html"] == {
        "_includes/head.html",
        "_includes/footer.html",
        "_includes/analytics.html",
    }


# --- odd templates ------------------------------------------------------------------------


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def _uses(tmp_path: Path, files: dict[str, str]) -> list[str]:
    found = read_templates(_site(tmp_path, files), collections=("outil", "usage", "posts"))
    return [str(use) for use in found.uses]


def test_whitespace_control_raw_and_comments(tmp_path) -> None:
    layout = """\
    ---
    ---
    {{- page.a -}} {%- if page.b -%}x{%- endif -%}
    {% raw %}{{ page.not_read }}{% endraw %}
    {% comment %} {{ page.no }} {% comment %} nested {% endcomment %} {{ page.still_no }} {% endcomment %}
    {% # {{ page.inline_comment }} %}{{ page.c }}
    """
    assert _uses(tmp_path, {"_layouts/x.html": layout}) == [
        "_layouts/x.html:3:5 page.a printed",
        "_layouts/x.html:3:23 page.b read",
        "_layouts/x.html:6:37 page.c printed",
    ]


def test_filters_arguments_and_brackets(tmp_path) -> None:
    layout = """\
    {{ page.tagline | markdownify }} {{ page["img-bg"] | relative_url }}
    {{ page.title | truncate: 50, "…" | escape }} {{ "/css/" | append: page.css }}
    {{ page[key] }} {{ page.list | first }} {{ page.list.size }}
    """
    assert _uses(tmp_path, {"_includes/x.html": layout}) == [
        "_includes/x.html:1:4 page.tagline filtered |markdownify",
        "_includes/x.html:1:37 page.img-bg filtered |relative_url",
        "_includes/x.html:2:4 page.title filtered |truncate|escape",
        "_includes/x.html:2:68 page.css argument |append",
        "_includes/x.html:3:20 page.list printed",
        "_includes/x.html:3:44 page.list filtered |size",
    ]


def test_assign_alias_carries_its_origin_and_filters(tmp_path) -> None:
    layout = """\
    {% assign x = page.y %}{% assign up = page.z | upcase %}
    <img src="/img/{{ x }}">{{ up | escape }}
    {% capture x %}{{ page.w }}{% endcapture %}{{ x }}
    """
    assert _uses(tmp_path, {"_includes/x.html": layout}) == [
        "_includes/x.html:1:15 page.y read",
        "_includes/x.html:1:39 page.z read",
        "_includes/x.html:2:19 page.y printed url:/img/",
        "_includes/x.html:2:28 page.z filtered |upcase|escape",
        "_includes/x.html:3:19 page.w printed",
    ]


def test_loops_over_collections_where_sort_and_map(tmp_path) -> None:
    page = """\
    ---
    title: Home
    ---
    {{ page.title }}
    {% assign tools = site.outil | where: "categorie", "outil" | sort: "ordre" %}
    {% for tool in tools limit: page.n %}<a href="{{ tool.url }}">{{ tool.title }}</a>{% endfor %}
    {{ tool.title }}
    {{ site.usage | map: "title" | join: ", " }}
    {% assign going = site.usage | where_exp: "u", "u.in_progress == true" %}
    {% for p in site.posts %}{{ p.excerpt }}{% endfor %}{% for d in site.data.menu %}{{ d.x }}{% endfor %}
    """
    assert _uses(tmp_path, {"index.html": page}) == [
        "index.html:5:39 site.outil.categorie read",
        "index.html:5:68 site.outil.ordre read",
        "index.html:6:50 site.outil.url printed url:",
        "index.html:6:66 site.outil.title printed",
        "index.html:8:4 site.usage.title filtered |join",
        "index.html:8:22 site.usage.title read",
        "index.html:9:49 site.usage.in_progress read",
        "index.html:10:29 site.posts.excerpt printed",
    ]


def test_page_without_front_matter_is_not_a_template(tmp_path) -> None:
    assert _uses(tmp_path, {"static.html": "{{ site.outil.first.title }}"}) == []


def test_includes_get_their_arguments_and_their_callers_variables(tmp_path) -> None:
    files = {
        "_layouts/x.html": """\
        ---
        layout: base
        ---
        {% for u in site.usage %}{% include card.html doc=u owner=page.owner %}{% endfor %}
        {% include_relative ../_includes/rel.html doc=page %}
        """,
        "_layouts/base.html": "{{ content }}{% include never.html %}",
        "_includes/card.html": "{{ include.doc.title }} {{ include.owner }} {{ u.date }} {{ include.other.x }}",
        "_includes/rel.html": "{{ include.doc.tagline }}",
        "_includes/never.html": "{{ include.lonely.x }}",
    }
    assert _uses(tmp_path, files) == [
        "_includes/card.html:1:4 site.usage.title printed",
        "_includes/card.html:1:28 page.owner printed",
        "_includes/card.html:1:48 site.usage.date printed",
        "_includes/card.html:1:61 include.other.x printed",
        "_includes/never.html:1:4 include.lonely.x printed",
        "_includes/rel.html:1:4 page.tagline printed",
        "_layouts/base.html:1:4 page.content printed",
        "_layouts/x.html:4:59 page.owner read",
    ]
    found = read_templates(tmp_path, collections=("usage",))
    assert found.layout_chain("x") == ["_layouts/x.html", "_layouts/base.html"]
    # never.html is reached from base.html, but include.lonely is nobody's key
    assert sorted(str(u) for u in found.for_layout("x")) == [
        "_includes/card.html:1:28 page.owner printed",
        "_includes/rel.html:1:4 page.tagline printed",
        "_layouts/base.html:1:4 page.content printed",
        "_layouts/x.html:4:59 page.owner read",
    ]


def test_html_comment_and_url_contexts(tmp_path) -> None:
    layout = """\
    <!-- {{ page.hidden }} --> {{ page.shown }}
    <div style="background: url('/img/{{ page.bg }}')"></div><a title="{{ page.t }}" href="mailto:{{ page.m }}">
    <p>{{ page.p }}/x</p><iframe placeholder="/uploads/{{ page.v }}"></iframe>
    """
    assert _uses(tmp_path, {"_includes/x.html": layout}) == [
        "_includes/x.html:1:9 page.hidden printed <!--",
        "_includes/x.html:1:31 page.shown printed",
        "_includes/x.html:2:38 page.bg printed url:/img/",
        "_includes/x.html:2:71 page.t printed",
        "_includes/x.html:2:98 page.m printed url:mailto:",
        "_includes/x.html:3:7 page.p printed",
        "_includes/x.html:3:55 page.v printed url:/uploads/",
    ]


def test_liquid_tag_lines(tmp_path) -> None:
    layout = """\
    {% liquid
      assign x = page.a
      if page.b
        echo x
      endif
    %}
    """
    assert _uses(tmp_path, {"_includes/x.html": layout}) == [
        "_includes/x.html:2:14 page.a read",
        "_includes/x.html:3:6 page.b read",
        "_includes/x.html:4:10 page.a printed",
    ]


# --- hostile templates -----------------------------------------------------------------------


def test_unclosed_tags_are_problems_at_their_position(tmp_path) -> None:
    files = {
        "_layouts/a.html": "{{ page.a }}\n  {{ page.b",
        "_layouts/b.html": "x {% if page.c\n",
        "_layouts/c.html": "{% raw %}{{ page.d }}",
        "_layouts/d.html": "{% comment %}{{ page.e }}",
    }
    found = read_templates(_site(tmp_path, files))
    assert [str(u) for u in found.uses] == ["_layouts/a.html:1:4 page.a printed"]
    assert [(p.path, p.line, p.column, p.message) for p in found.problems] == [
        ("_layouts/a.html", 2, 3, "unclosed '{{'"),
        ("_layouts/b.html", 1, 3, "unclosed '{%'"),
        ("_layouts/c.html", 1, 1, "'{% raw %}' without '{% endraw %}'"),
        ("_layouts/d.html", 1, 1, "'{% comment %}' without '{% endcomment %}'"),
    ]


def test_binary_and_huge_templates_are_problems(tmp_path) -> None:
    _site(tmp_path, {})
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_includes/bin.html").write_bytes(b"\x00\xff{{ page.a }}\x89PNG")
    (tmp_path / "_includes/huge.html").write_text("x" * (MAX_TEMPLATE_BYTES + 1), encoding="utf-8")
    found = read_templates(tmp_path)
    assert [str(u) for u in found.uses] == ["_includes/bin.html:1:6 page.a printed"]
    assert [(p.path, p.message) for p in found.problems] == [
        ("_includes/bin.html", "not UTF-8 (byte 1): read with replacements"),
        ("_includes/huge.html", "template not read: larger than 1,000,000 bytes"),
    ]


# Each some 300 KB: tens of thousands of segments, where a quadratic scan would take hours.
HOSTILE = {
    "opening-braces": "{{" * 150_000,
    "opening-tags": "{%" * 150_000,
    "unclosed-comments": "{% comment %}" * 25_000,
    "unclosed-fors": "{% for x in page.a %}{{ x }}" * 10_000,
    "many-includes": "{% assign v = page.a %}{% include i.html p=v %}" * 6_000,
    "long-lookup": "{{ page" + ".a" * 150_000 + " }}",
    "long-prefix": '<img src="' + "/x" * 150_000 + '{{ page.a }}">',
    "where-exp": '{{ site.outil | where_exp: "o", "' + "o.a and " * 40_000 + '" }}',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_templates_are_read_in_linear_time(tmp_path, name) -> None:
    """Run in a child process with a generous limit, so that a regression fails instead of hanging."""
    _site(tmp_path, {"_layouts/x.html": HOSTILE[name], "_includes/i.html": "{{ include.p }}" + HOSTILE[name]})
    script = f"from methlint.site_templates import read_templates; print(len(read_templates({str(tmp_path)!r}).uses))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert int(done.stdout) >= 0
