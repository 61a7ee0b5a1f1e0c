"""Calendar arithmetic for tenure and retirement: months, years, intervals."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from math import ceil

DAYS_PER_YEAR = 365.25

Interval = tuple[date, date]
"""[start, end): end exclusive."""


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, the day clamped to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: float) -> date:
    """Whole years by the calendar; a fractional rest by days."""
    whole = int(years)
    out = add_months(day, whole * 12)
    rest = years - whole
    return out + timedelta(days=round(rest * DAYS_PER_YEAR)) if rest else out


def years_between(start: date, end: date) -> float:
    return (end - start).days / DAYS_PER_YEAR


def month_index(text: str) -> int:
    """`YYYY-MM` -> a running month number."""
    year, _, month = text.partition("-")
    return int(year) * 12 + int(month) - 1


def age_on(birth: date, day: date) -> int:
    """Completed years of age on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def merge(intervals: Iterable[Interval], gap_days: int = 0) -> list[Interval]:
    """Union of intervals; two that are at most `gap_days` apart join into one."""
    out: list[Interval] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1] + timedelta(days=gap_days):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def total_days(intervals: Sequence[Interval]) -> int:
    return sum((end - start).days for start, end in merge(intervals))


def reach_date(intervals: Sequence[Interval], years: float) -> date | None:
    """The day the (merged) intervals add up to `years`; None when they never do."""
    need = years * DAYS_PER_YEAR
    for i, (start, end) in enumerate(merge(intervals)):
        span = (end - start).days
        if span >= need:
            # Within the first spell count by the calendar (2015-03-01 + 10y = 2025-03-01).
            return min(add_years(start, years), end) if i == 0 else start + timedelta(
                days=ceil(need))
        need -= span
    return None


OPEN_END = date(2200, 1, 1)
"""Stands for "still current" when projecting a spell into the future."""
