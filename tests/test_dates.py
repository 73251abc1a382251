import datetime

import pytest

from methlint.config import Config
from methlint.linter import lint_text
from methlint.rules import dates
from tests.collection_tree import method, usage

DATE_LINE = 13  # the line of `date:` in collection_tree.method()


def date_findings(value: str, future_years: int = 1) -> list[tuple[int, int, str]]:
    config = Config(select=("DAT001", "SCH"), date_future_years=future_years)
    text = method(date=value)
    return [(d.span.line, d.span.column, d.code) for d in lint_text(text, config=config)]


@pytest.mark.parametrize(
    "value",
    [
        "2017-04-04T15:57:58.478+00:00",
        "'2017-04-04T15:57:58.478+00:00'",
        "2019-05-22 09:29:08 +0000",
        '"2019-05-22 09:29:08 +0000"',
        "2019-05-22",
        "'2019-05-22'",
        "2020-02-29",
        "2019-05-22T09:29:08Z",
    ],
)
def test_every_jekyll_form_quoted_or_not_is_accepted(value: str) -> None:
    assert date_findings(value) == []


@pytest.mark.parametrize(
    "value, column",
    [
        ("2019-02-30", 7),
        ("'2019-02-30'", 7),
        ("2019-13-01", 7),
        ("2019-02-29", 7),
        ("2019-05-22 25:29:08 +0000", 7),
        ('"2017-04-04T15:61:58.478+00:00"', 7),
        ("22/05/2019", 7),
        ("2019-5-22x", 7),
        ("2019", 7),
        ("[2019-05-22]", 7),
    ],
)
def test_impossible_or_unreadable_dates_are_reported_once_at_the_value(value: str, column: int) -> None:
    # DAT001 owns dates: no SCH002/SCH004 beside it
    assert date_findings(value) == [(DATE_LINE, column, "DAT001")]


def test_empty_date_is_reported_at_the_key_with_the_accepted_forms() -> None:
    assert date_findings("") == [(DATE_LINE, 1, "DAT001")]
    message = lint_text(method(date=""), config=Config(select=("DAT001",)))[0].message
    assert message == (
        "'date' is empty: write a date such as 2019-05-22, 2019-05-22 09:29:08 +0000 or 2017-04-04T15:57:58.478+00:00"
    )


def test_impossible_date_message_names_the_value_and_forms() -> None:
    message = lint_text(method(date="2019-02-30"), config=Config(select=("DAT001",)))[0].message
    assert message == (
        "'date' is not a real date in a form Jekyll reads (2019-02-30): use 2019-05-22,"
        " 2019-05-22 09:29:08 +0000 or 2017-04-04T15:57:58.478+00:00"
    )


def test_far_future_is_reported_and_the_horizon_is_configurable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dates, "today", lambda: datetime.date(2024, 6, 15))
    assert date_findings("2025-06-01") == []
    assert date_findings("2025-07-01") == [(DATE_LINE, 7, "DAT001")]
    assert date_findings("'2091-01-01T00:00:00+00:00'") == [(DATE_LINE, 7, "DAT001")]
    assert date_findings("2025-07-01", future_years=2) == []


def test_usage_date_form_is_checked_too() -> None:
    config = Config(select=("DAT001",))
    assert lint_text(usage(date="2019-01-15 09:29:08 +0000"), "_usage/u.md", config) == []
    found = lint_text(usage(date="2019-01-32 09:29:08 +0000"), "_usage/u.md", config)
    assert [(d.span.line, d.span.column, d.code) for d in found] == [(9, 7, "DAT001")]


def test_missing_date_and_broken_yaml_are_left_to_other_rules() -> None:
    config = Config(select=("DAT001",))
    assert lint_text(method().replace("date: '2017-04-04T15:57:58.478+00:00'\n", ""), config=config) == []
    assert lint_text("---\ndate: [\n---\n", config=config) == []
