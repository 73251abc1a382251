from pathlib import Path

import pytest

from methlint.config import Config
from methlint.linter import lint_text
from tests.collection_tree import method, usage

URL_LINE, ACCESS_LINE, CONTACT_LINE = 11, 10, 6  # lines in collection_tree.method()


def findings(text: str, path: str = "_outil/doc.md") -> list[tuple[int, int, str]]:
    config = Config(select=("URL001", "MAIL001", "SCH"))
    return [(d.span.line, d.span.column, d.code) for d in lint_text(text, path, config)]


def only_message(text: str) -> str:
    found = lint_text(text, config=Config(select=("URL001", "MAIL001")))
    assert len(found) == 1
    return found[0].message


@pytest.mark.parametrize(
    "value",
    [
        "https://www.dailymotion.com/embed/video/x711dei",
        "http://exemple.fr",
        "https://deploiement.participation-citoyenne.gouv.fr/outil/decidim?x=1#a",
        "'https://www.youtube.com/embed/NdjvAjnzqaQ'",
        "/laconsultation.html#choisir",
        "http://localhost:4000/",
        "https://démocratie.fr/",
        "''",
        "",
    ],
)
def test_well_formed_and_site_relative_links_pass(value: str) -> None:
    assert findings(method(url_video_demo=value)) == []


@pytest.mark.parametrize(
    "value, message",
    [
        ("hhttps://www.youtube.com/embed/x", "the scheme 'hhttps:' is misspelt: write https://"),
        ("htps://exemple.fr", "the scheme 'htps:' is misspelt: write https://"),
        ("https:/exemple.fr/video", "'https:' must be followed by '//': write https://…"),
        ("https:exemple.fr", "'https:' must be followed by '//': write https://…"),
        (
            "'https://www.youtube.com/embed/ NdjvAjnzqaQ'",
            "the web address contains a space or a line break: remove it (or write %20)",
        ),
        (
            "'https://exemple.fr/a\tb'",
            "the web address contains a space or a line break: remove it (or write %20)",
        ),
        ("www.exemple.fr", "the web address has no scheme: write it as https://www.exemple.fr"),
        ("ftp://exemple.fr", "only http and https web addresses are allowed here, found 'ftp:'"),
        ("https://", "the web address has no valid host name after '//'"),
        ("https://exemple", "the web address has no valid host name after '//'"),
        (
            "https://exemple.fr:port/",
            "the web address is malformed (host or port): check what follows '//'",
        ),
    ],
)
def test_each_link_mistake_is_explained_at_the_value(value: str, message: str) -> None:
    text = method(url_video_demo=value)
    assert findings(text) == [(URL_LINE, 17, "URL001")]  # once: SCH004 leaves uri to URL001
    assert only_message(text) == "'url_video_demo' is not a valid web address: " + message


def test_access_link_and_usage_link_format_uri_are_checked() -> None:
    assert findings(method(access_link="https:/x.fr")) == [(ACCESS_LINE, 14, "URL001")]
    # `link` has no fixed name here: its schema format (uri) makes it a link
    assert findings(usage(link="hhttps://x.fr"), "_usage/u.md") == [(3, 7, "URL001")]


def test_a_link_of_the_wrong_type_stays_a_schema_finding() -> None:
    assert findings(method(url_video_demo="12")) == [(URL_LINE, 17, "SCH002")]


@pytest.mark.parametrize(
    "value, message",
    [
        (
            "participationcitoyenne@modernisation",
            "the e-mail address's domain has no dot (example.fr)",
        ),
        ("participationcitoyenne.modernisation.gouv.fr", "the e-mail address has no '@'"),
        ("mailto:contact@exemple.fr", "remove 'mailto:': the layout adds it"),
        ("'contact @exemple.fr'", "the e-mail address contains a space: remove it"),
        ("a@exemple.fr, b@exemple.fr", "write only one e-mail address"),
        # the message once said "is not a valid e-mail address: this is not a valid e-mail address"
        ("a@exemple.f", "the domain 'exemple.f' does not end with a top-level domain (.fr, .org…)"),
        ("a@exemple.c0m", "the domain 'exemple.c0m' does not end with a top-level domain (.fr, .org…)"),
        ("'a(b)@exemple.fr'", "the address holds a character no address can hold (< > ( ) , ; :)"),
        (
            "a@exemple.fr?subject=Bonjour",
            "the address is followed by a mailto query ('?subject=Bonjour'): keep the address alone; a page that"
            " shows it, or a layout that adds its own '?subject=', breaks with the query",
        ),
    ],
)
def test_each_email_mistake_is_explained_at_the_value(value: str, message: str) -> None:
    text = method(contact=value)
    assert findings(text) == [(CONTACT_LINE, 10, "MAIL001")]  # once: SCH004 leaves email to MAIL001
    assert only_message(text) == "'contact' is not a valid e-mail address: " + message


@pytest.mark.parametrize("value", ["participationcitoyenne@modernisation.gouv.fr", "", "''"])
def test_good_or_empty_email_passes(value: str) -> None:
    assert findings(method(contact=value)) == []


def test_the_kind_of_address_is_translated_at_run_time() -> None:
    from methlint.i18n import activate
    from methlint.linter import lint_text

    text = (Path(__file__).parent / "fixtures" / "seeds" / "conference-de-citoyens.md").read_text(encoding="utf-8")
    text = text.replace("url_video_demo:", "url_video_demo: hhttps://exemple.fr")
    try:
        activate("fr")
        (diag,) = [d for d in lint_text(text) if d.code == "URL001"]
    finally:
        activate("en")
    assert diag.message.startswith("«\u00a0url_video_demo\u00a0» n’est pas une adresse web valide\u00a0: ")
