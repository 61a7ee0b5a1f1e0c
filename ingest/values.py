"""Parsers for cell values in the forms organisation departments write them."""

from __future__ import annotations

import re
from datetime import date

_DATE = re.compile(
    r"^\s*(?P<y>\d{4})\s*(?:[-./年]\s*(?P<m>\d{1,2})\s*(?:[-./月]\s*(?P<d>\d{1,2})\s*日?)?\s*月?"
    r"|(?P<m2>\d{2})(?P<d2>\d{2})?)\s*$"
)


def parse_date(text: str) -> date:
    """`YYYY-MM-DD`, `YYYY-MM`, `YYYY.MM`, `YYYYMM`, `YYYYMMDD`, `YYYY/MM/DD`, `YYYY年MM月DD日`.

    Month precision means the first of the month. Raises ValueError with the reason.
    """
    m = _DATE.match(text)
    if not m:
        raise ValueError(
            f"{text!r} is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY.MM or YYYYMM)")
    year = int(m["y"])
    month_text = m["m"] or m["m2"]
    day_text = m["d"] or m["d2"]
    if month_text is None:
        raise ValueError(f"{text!r} has no month")
    month, day = int(month_text), int(day_text) if day_text else 1
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r}: month {month} is out of range 1-12")
    if not 1900 <= year <= 2200:
        raise ValueError(f"{text!r}: year {year} is out of range")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{text!r}: {exc}") from exc


def parse_bool(text: str) -> bool:
    value = text.strip().casefold()
    if value in ("true", "1", "是", "yes", "y"):
        return True
    if value in ("false", "0", "否", "no", "n"):
        return False
    raise ValueError(f"{text!r} is not a boolean (true/false, 1/0, 是/否)")


def parse_int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None


def parse_list(text: str) -> tuple[str, ...]:
    """`;`-separated ids (also `；` and `,`), blanks dropped, order kept."""
    parts = re.split(r"[;；,，]", text)
    return tuple(p.strip() for p in parts if p.strip())
