"""Resident ID numbers (居民身份证号码, GB 11643): shape, embedded birth date and sex.

The check digit is not enforced: organisation data (and every synthetic test county) holds
numbers whose check digit is wrong, and a wrong check digit does not make two forms that
carry the same number describe different people.
"""

from __future__ import annotations

import re
from datetime import date

from graph.vocab import Gender
from ingest.resolve.text import nfkc

_ID18 = re.compile(r"\d{17}[\dX]")
_ID15 = re.compile(r"\d{15}")


def _birth_digits(number: str) -> str:
    return number[6:14] if len(number) == 18 else "19" + number[6:12]


def clean_id(text: str | None) -> str | None:
    """The ID number in canonical form (upper-case X), or None when `text` is not one:
    18 characters (17 digits and a digit or X) or 15 digits, with a real birth date."""
    if text is None:
        return None
    value = nfkc(text).upper()
    if not (_ID18.fullmatch(value) or _ID15.fullmatch(value)):
        return None
    return value if id_birth(value) is not None else None


def id_birth(number: str) -> date | None:
    """The birth month (first of the month) written in an ID number."""
    digits = _birth_digits(number)
    try:
        day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return day.replace(day=1) if 1880 <= day.year <= 2100 else None


def id_gender(number: str) -> Gender:
    """Odd sequence digit: male; even: female."""
    digit = number[16] if len(number) == 18 else number[14]
    return Gender.M if int(digit) % 2 else Gender.F
