"""Resident identity numbers (GB 11643-1999): region, birth date, sequence, check digit."""

from __future__ import annotations

from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_digit(body: str) -> str:
    """The 18th character for the first 17 digits."""
    return _CHECK[weighted(body, 0) % 11]


def weighted(digits: str, offset: int) -> int:
    """The weighted sum of `digits` standing at positions `offset`... of the number."""
    return sum(int(c) * w for c, w in zip(digits, _WEIGHTS[offset:], strict=False))


def check_of_sum(total: int) -> str:
    return _CHECK[total % 11]


def id_number(region: str, birth: date, sequence: int) -> str:
    """`region` (6 digits), `birth`, a 3-digit `sequence` (odd for men, even for women)."""
    body = f"{region[:6]}{birth:%Y%m%d}{sequence:03d}"
    return body + check_digit(body)


def is_valid(number: str) -> bool:
    return (len(number) == 18 and number[:17].isdigit()
            and number[17] == check_digit(number[:17]))
