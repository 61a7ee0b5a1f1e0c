"""Dates as proleptic ordinals (ints): cheap to compare, add and format by the million."""

from __future__ import annotations

from datetime import date
from functools import cache

YEAR = 365.2425
INF = 10**7
"""An ordinal after every real date: the end of a current holding, the free-from of a seat."""


def days(years: float) -> int:
    return round(years * YEAR)


@cache
def iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


@cache
def year_of(ordinal: int) -> int:
    return date.fromordinal(ordinal).year


def month_before(ordinal: int) -> int:
    """The same day one month earlier (clamped to the 28th)."""
    d = date.fromordinal(ordinal)
    year, month = (d.year, d.month - 1) if d.month > 1 else (d.year - 1, 12)
    return date(year, month, min(d.day, 28)).toordinal()


def jan1(year: int) -> int:
    return date(year, 1, 1).toordinal()
