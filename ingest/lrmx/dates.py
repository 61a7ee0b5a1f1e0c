"""Year-month values as the organisation software and its users write them."""

from __future__ import annotations

import re
from datetime import date

# Full-width digits and punctuation typed with a Chinese input method.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－／", "0123456789.-/")

_FORMS = (
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})?"),
    re.compile(r"(?P<y>\d{4})[.\-/](?P<m>\d{1,2})(?:[.\-/](?P<d>\d{1,2}))?"),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*(?:月(?:\s*(?P<d>\d{1,2})\s*日)?)?"),
)
_YEAR_ONLY = re.compile(r"(?P<y>\d{4})\s*年?")
_EXPECTED = "expected yyyyMM, yyyy.MM, yyyy.M or yyyy年MM月"

MIN_YEAR = 1880
MAX_YEAR = 2100


def normalise(text: str) -> str:
    """Full-width digits and separators to ASCII, surrounding whitespace removed."""
    return text.translate(_FULL_WIDTH).strip()


def parse_month(text: str, *, allow_year_only: bool = False) -> date:
    """The first day of the month written in `text`; raises ValueError naming the problem.

    Accepts `yyyyMM`, `yyyyMMdd`, `yyyy.M`, `yyyy.MM`, `yyyy-MM`, `yyyy/MM` (optionally with a
    day), `yyyy年M月` and `yyyy年M月d日`; with `allow_year_only`, also `yyyy` and `yyyy年`
    (January is assumed). A day, when written, is checked but not kept.
    """
    value = normalise(text)
    for form in _FORMS:
        m = form.fullmatch(value)
        if m:
            return _build(text, int(m["y"]), int(m["m"]), m["d"])
    if allow_year_only:
        m = _YEAR_ONLY.fullmatch(value)
        if m:
            return _build(text, int(m["y"]), 1, None)
    raise ValueError(f"unrecognised date {text!r} ({_EXPECTED})")


def _build(text: str, year: int, month: int, day: str | None) -> date:
    if not 1 <= month <= 12:
        raise ValueError(f"invalid date {text!r}: month {month} is out of range 1-12")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"invalid date {text!r}: year {year} is out of range")
    if day is not None:
        try:
            date(year, month, int(day))
        except ValueError:
            raise ValueError(f"invalid date {text!r}: day {int(day)} does not exist") from None
    return date(year, month, 1)


def month_or_none(raw: str | None) -> date | None:
    """The parsed month, or None when `raw` is missing, blank or not a valid date."""
    if raw is None or not raw.strip():
        return None
    try:
        return parse_month(raw)
    except ValueError:
        return None


def month_error(raw: str | None) -> str | None:
    """Why `raw` is not a valid month (None when it is valid, missing or blank)."""
    if raw is None or not raw.strip():
        return None
    try:
        parse_month(raw)
    except ValueError as exc:
        return str(exc)
    return None


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (negative when `later` is before)."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month
