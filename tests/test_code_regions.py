"""Code and mathematics inside what Markdown reads as prose are never typography (issue 19).

Each class: a Liquid ``{% highlight %}`` block, ``{% raw %}``, an HTML ``<pre>`` block (also
indented, which Markdown can read as a paragraph), a ``$$`` math block. Inside them, every
typography rule is silent and ``fix`` changes nothing; around them, prose is still checked.
"""

from __future__ import annotations

import pytest

from methlint.rules.typography.code_regions import code_regions
from tests.typography_helpers import ALL_TYP, fixed, fm, positions

# Inside each region: double spaces, straight apostrophes, a space before ":" and "?", a space
# before a comma, "...", a tab, trailing spaces: what a rule would report in prose.
CODE = "x  =  'l''idee' ; y ?  a , b...\tc  "

REGIONS = {
    "highlight": f"{{% highlight python %}}\n{CODE}\n\n{CODE}\n{{% endhighlight %}}",
    "highlight-whitespace-control": f"{{%- highlight ruby linenos -%}}\n* {CODE}\n  {CODE}\n{{%- endhighlight -%}}",
    "highlight-inside-a-list-item": f"* Exemple\u00a0:\n  {{% highlight js %}}\n  {CODE}\n  {{% endhighlight %}}",
    "raw": f"{{% raw %}}\n{CODE}\n{{{{ page.title }}}}  '\n{{% endraw %}}",
    "raw-inline": f"Écrire {{% raw %}}{CODE}{{% endraw %}} dans le gabarit.",
    "raw-across-paragraphs": f"{{% raw %}}{CODE}\n\n{CODE}\n\n{CODE}{{% endraw %}}",
    "pre": f"<pre>\n{CODE}\n</pre>",
    "pre-indented-one-space": f" <pre>\n {CODE}\n </pre>",
    "pre-indented-two-spaces-with-a-blank-line": f'  <pre class="code">\n{CODE}\n\n{CODE}\n  </pre>',
    "pre-upper-case": f"<PRE>{CODE}\n{CODE}</PRE>",
    "code-inline-html": f"Taper <code>{CODE}</code> puis valider.",
    "math-block": f"$$\n{CODE}\n$$",
    "math-inline": f"La formule $${CODE}$$ vaut pour tous.",
    "math-with-text": f"$$\n\\text{{l'indice : {CODE}}}\n$$",
}


@pytest.mark.parametrize("name", sorted(REGIONS))
def test_no_typography_finding_and_no_fix_inside_a_code_region(name):
    text = fm("title: Essai", "\n" + REGIONS[name] + "\n")
    assert positions(text) == []
    assert fixed(text, ALL_TYP) == text


@pytest.mark.parametrize("name", sorted(REGIONS))
def test_prose_around_a_code_region_is_still_checked(name):
    text = fm("title: Essai", "\nAvant  le code.\n\n" + REGIONS[name] + "\n\nAprès  le code.\n")
    after = 7 + REGIONS[name].count("\n") + 2
    assert positions(text, {"TYP001"}) == [(5, 6, "TYP001"), (after, 6, "TYP001")]


def test_the_exact_findings_of_a_body_mixing_code_regions_and_prose():
    body = (
        "\nTexte  un.\n\n{% highlight python %}\nx  =  'a'  # l'idee : oui\n{% endhighlight %}\n\n"
        "Voir {% raw %}{{ a  b }}'x' ;{% endraw %} puis  fin.\n\n <pre>\n a  b 'c' : d\n </pre>\n\n"
        "$$\na  :  b'\n$$\nL'été.\n"
    )
    assert positions(fm("title: Essai", body)) == [
        (5, 6, "TYP001"),
        (11, 47, "TYP001"),
        (20, 2, "TYP010"),
    ]


def test_an_unclosed_region_is_prose_and_closes_no_later_one():
    assert code_regions("{% raw %} a  b {% raw %} c {% endcomment %}") == []
    assert code_regions("<pre> a <code>b</code>") == [(8, 22)]
    assert code_regions("$$ a $$ b $$") == [(0, 7)]


def test_a_region_that_is_not_code_is_not_masked():
    assert code_regions("{% include note.html %} et {% if a %}b{% endif %}, <p>t</p>, 20 $ et 30 $") == []
