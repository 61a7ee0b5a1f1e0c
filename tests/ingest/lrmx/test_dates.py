from datetime import date

import pytest

from ingest.lrmx.dates import month_error, month_or_none, months_between, parse_month


@pytest.mark.parametrize(("text", "expected"), [
    ("199001", date(1990, 1, 1)),
    ("19900115", date(1990, 1, 1)),
    ("1990.01", date(1990, 1, 1)),
    ("1990.1", date(1990, 1, 1)),
    ("1990.10", date(1990, 10, 1)),
    ("1990-03", date(1990, 3, 1)),
    ("1990/3", date(1990, 3, 1)),
    ("1990.03.15", date(1990, 3, 1)),
    ("1990年3月", date(1990, 3, 1)),
    ("1990年03月15日", date(1990, 3, 1)),
    ("１９９０．０３", date(1990, 3, 1)),
    (" 1990.03 ", date(1990, 3, 1)),
])
def test_parse_month_accepts_the_forms_in_use(text: str, expected: date) -> None:
    assert parse_month(text) == expected


@pytest.mark.parametrize(("text", "reason"), [
    ("1990.13", "month 13 is out of range"),
    ("199013", "month 13 is out of range"),
    ("1990.00", "month 0 is out of range"),
    ("1990.02.30", "day 30 does not exist"),
    ("1700.01", "year 1700 is out of range"),
    ("19901", "unrecognised date"),
    ("90.01", "unrecognised date"),
    ("1990", "unrecognised date"),
    ("群众", "unrecognised date"),
])
def test_parse_month_names_the_problem(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_month(text)


def test_year_only_needs_permission() -> None:
    assert parse_month("1978", allow_year_only=True) == date(1978, 1, 1)
    assert parse_month("1978年", allow_year_only=True) == date(1978, 1, 1)


def test_lenient_helpers() -> None:
    assert month_or_none(None) is None
    assert month_or_none("  ") is None
    assert month_or_none("1990.13") is None
    assert month_or_none("199003") == date(1990, 3, 1)
    assert month_error("") is None
    assert month_error("199003") is None
    assert "month 13" in (month_error("1990.13") or "")


def test_months_between() -> None:
    assert months_between(date(1990, 7, 1), date(1990, 9, 1)) == 2
    assert months_between(date(1991, 1, 1), date(1990, 12, 1)) == -1
