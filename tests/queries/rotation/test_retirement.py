"""Retirement ages under the 2025 reform, against worked examples."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from graph.model import Person
from graph.vocab import Gender
from queries.rotation.retirement import describe_age, retirement_age_months, retirement_date
from queries.rules import load_rules, national

M, F = Gender.M, Gender.F


def _person(born: date, gender: Gender | None, **extra: str) -> Person:
    return Person(id="X", name="某", gender=gender, birth_date=born, extra=dict(extra))


@pytest.mark.parametrize(("born", "gender", "base", "age"), [
    (date(1964, 12, 1), M, None, "60岁"),          # before the reform
    (date(1965, 1, 1), M, None, "60岁1个月"),      # first 4-month cohort
    (date(1965, 4, 1), M, None, "60岁1个月"),
    (date(1965, 5, 1), M, None, "60岁2个月"),
    (date(1976, 8, 1), M, None, "62岁11个月"),
    (date(1976, 9, 1), M, None, "63岁"),           # cap reached
    (date(1976, 12, 1), M, None, "63岁"),
    (date(1990, 1, 1), M, None, "63岁"),
    (date(1969, 12, 1), F, None, "55岁"),
    (date(1970, 1, 1), F, None, "55岁1个月"),      # women cadres: base 55
    (date(1980, 6, 1), F, None, "57岁8个月"),
    (date(1981, 9, 1), F, None, "58岁"),
    (date(1974, 12, 1), F, "50", "50岁"),          # women workers: base 50
    (date(1975, 1, 1), F, "50", "50岁1个月"),
    (date(1975, 3, 1), F, "50", "50岁2个月"),      # 2-month cohorts
    (date(1984, 11, 1), F, "50", "55岁"),
    (date(1984, 12, 1), F, "50", "55岁"),          # cap +60
])
def test_statutory_age(born: date, gender: Gender, base: str | None, age: str) -> None:
    extra = {"retirement_base": base} if base else {}
    months = retirement_age_months(_person(born, gender, **extra), national())
    assert months is not None and describe_age(months) == age


def test_dates_and_precedence() -> None:
    rules = national()
    assert retirement_date(_person(date(1965, 1, 1), M), rules) == date(2025, 2, 1)
    assert retirement_date(_person(date(1965, 5, 15), M), rules) == date(2025, 7, 15)
    assert retirement_date(_person(date(1976, 12, 1), M), rules) == date(2039, 12, 1)
    assert retirement_date(_person(date(1970, 1, 1), F), rules) == date(2025, 2, 1)
    chinese_key = _person(date(1975, 1, 1), F, **{"退休年龄基数": "50"})
    assert retirement_date(chinese_key, rules) == date(2025, 2, 1)
    explicit = _person(date(1965, 1, 1), M).model_copy(update={"retirement_date": date(2030, 1, 1)})
    assert retirement_date(explicit, rules) == date(2030, 1, 1)  # 到龄年月 wins
    assert retirement_date(_person(date(1965, 1, 1), None), rules) is None
    assert retirement_date(Person(id="Y", name="某", gender=M), rules) is None


def test_women_base_is_a_rule_set_parameter(tmp_path: Path) -> None:
    national_params = national().rule("EXEMPT-NEAR-RETIRE").param("retirement")
    patch = {"rules": {"EXEMPT-NEAR-RETIRE": {"retirement": {
        **national_params, "bases": {"M": 60, "F": 50}}}}}
    path = tmp_path / "workers.json"
    path.write_text(json.dumps(patch), "utf-8")
    workers = load_rules(path)
    assert retirement_date(_person(date(1975, 1, 1), F), workers) == date(2025, 2, 1)
