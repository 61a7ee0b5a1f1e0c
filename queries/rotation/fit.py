"""How well a post fits a person, and what kind of exchange the move is (seed 000).

Seed 000 names four kinds of exchange: 回避性 (to resolve avoidance), 培养性 (training: young
cadres between organs and townships), 需求性 (to fill a need: a vacancy), 调整性 (to adjust a
team: tenure rotation). Its preferences become score bonuses: young cadres (at most
`EXCHANGE-10Y.young_age`) moving organ <-> township, township leaders to department principal
posts, and filling locally first (same county). Failed or unknown soft checks cost points.
The weights are planning preferences, not rule thresholds, hence constants here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.vocab import PostRole
from queries.ranks import level
from queries.rotation.dates import age_on
from queries.rotation.eligibility import Check
from queries.rotation.facts import Facts
from queries.rotation.scope import county_of, is_department, is_organ, is_township

BASE = 50
LOCAL = 15
TRAINING_EXCHANGE = 20
TOWNSHIP_TO_DEPARTMENT = 20
LATERAL = 5
SAME_UNIT = -5
UNKNOWN = -5
SOFT_FAIL = -15

AVOIDANCE, TRAINING, NEED, ADJUST = "回避性交流", "培养性交流", "需求性交流", "调整性交流"


@dataclass
class Fit:
    score: int
    kind: str
    notes: list[str] = field(default_factory=list)


def _young(facts: Facts, person_id: str) -> bool:
    birth = facts.person(person_id).birth_date
    limit = int(facts.rules.rule("EXCHANGE-10Y").param("young_age"))
    return birth is not None and age_on(birth, facts.as_of) <= limit


def fit(facts: Facts, person_id: str, post_id: str, checks: list[Check], *,
        avoidance: bool = False) -> Fit:
    """Score (higher is better) and kind of moving `person_id` to `post_id`."""
    rules = facts.rules
    main = facts.main_post(person_id)
    here = facts.unit_of(main) if main else None
    there = facts.unit_of(post_id)
    target = facts.post(post_id)
    score, notes = BASE, []
    kind = AVOIDANCE if avoidance else NEED if facts.vacancy(post_id) > 0 else ADJUST
    area = county_of(facts.snap, here)
    if here is not None and area is not None and area == county_of(facts.snap, there):
        score += LOCAL
        notes.append("本地就近交流")
    organ_township = (is_organ(rules, here) and is_township(there)) or (
        is_township(here) and is_organ(rules, there))
    if organ_township and _young(facts, person_id):
        score += TRAINING_EXCHANGE
        notes.append("年轻干部机关与乡镇双向交流（培养性）")
        kind = AVOIDANCE if avoidance else TRAINING
    if main is not None and is_township(here) and facts.post(main).role == PostRole.principal \
            and is_department(rules, there) and target.role == PostRole.principal:
        score += TOWNSHIP_TO_DEPARTMENT
        notes.append("乡镇主要领导调任部门正职")
    if main is not None and level(facts.post(main).rank) == level(target.rank):
        score += LATERAL
    if here is not None and there is not None and here.id == there.id:
        score += SAME_UNIT
    for c in checks:
        if c.ok is None:
            score += UNKNOWN
        elif c.ok is False and not c.blocking:
            score += SOFT_FAIL
            notes.append(f"{c.rule}未满足：{c.detail}")
    return Fit(max(score, 0), kind, notes)
