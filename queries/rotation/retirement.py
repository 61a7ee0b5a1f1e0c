"""Statutory retirement dates under the gradual reform in force since 2025-01-01.

The reform (全国人大常委会关于实施渐进式延迟法定退休年龄的决定) raises three bases:

- 60 (men): born 1965-01 or later, +1 month per 4-month birth cohort (1965-01..04 +1,
  1965-05..08 +2, ...), capped at +36 (63 years, from those born 1976-09);
- 55 (women cadres): the same from 1970-01, capped at +36 (58 years);
- 50 (women workers): born 1975-01 or later, +1 month per 2-month cohort, capped at +60.

The base: a person's explicit `retirement_base` / `退休年龄基数` extra column (50, 55 or 60)
when given, else the rule set's base for their sex (`bases`: men 60; women 55, the women-cadre
base, since this is a cadre register; a deployment holding workers' rosters overrides it with
50). Every figure lives in `EXEMPT-NEAR-RETIRE.retirement`. An explicit `retirement_date`
(到龄年月) always wins. Unknown birth date, or unknown sex without an explicit base: None.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.model import Person
from queries.rotation.dates import add_months, month_index
from queries.rules import RuleSet

BASE_KEYS = ("retirement_base", "退休年龄基数")


def _params(rules: RuleSet) -> dict[str, Any]:
    params: dict[str, Any] = rules.rule("EXEMPT-NEAR-RETIRE").param("retirement")
    return params


def base_of(person: Person, rules: RuleSet) -> int | None:
    """The statutory base age (60, 55 or 50) that applies to the person."""
    for key in BASE_KEYS:
        text = person.extra.get(key, "").strip()
        if text.isdigit():
            return int(text)
    bases: dict[str, int] = _params(rules)["bases"]
    return bases.get(person.gender.value) if person.gender else None


def delay_months(birth: date, base: int, rules: RuleSet) -> int:
    """The months added to `base` for someone born in `birth`'s month."""
    scheme = _params(rules)["schemes"].get(str(base))
    if scheme is None:
        return 0
    since = birth.year * 12 + birth.month - 1 - month_index(scheme["from"])
    if since < 0:
        return 0
    return int(min(since // int(scheme["cohort_months"]) + 1, int(scheme["cap_months"])))


def retirement_age_months(person: Person, rules: RuleSet) -> int | None:
    """The statutory retirement age in months (e.g. 60y1m = 721), None when unknown."""
    base = base_of(person, rules)
    if base is None or person.birth_date is None:
        return None
    return base * 12 + delay_months(person.birth_date, base, rules)


def retirement_date(person: Person, rules: RuleSet) -> date | None:
    """到龄年月: the explicit date when recorded, else birth date + statutory age."""
    if person.retirement_date is not None:
        return person.retirement_date
    months = retirement_age_months(person, rules)
    if months is None or person.birth_date is None:
        return None
    return add_months(person.birth_date, months)


def describe_age(months: int) -> str:
    """720 -> 60岁, 721 -> 60岁1个月."""
    years, rest = divmod(months, 12)
    return f"{years}岁" + (f"{rest}个月" if rest else "")
