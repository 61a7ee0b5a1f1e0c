"""Candidates: the posts a person may take, and the persons a post may take (rules.md §4).

Fast by construction: cheap in-memory checks (rank, headcount, age, years, assessments ...)
screen every pair first; only the short list goes through the avoidance what-if, and that
with one batched kin search for all of it (`AvoidanceIndex`), never one audit per pair.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from graph.store.base import GraphStore
from queries.ranks import level
from queries.rotation.avoid import AvoidanceIndex
from queries.rotation.due import tenure_due
from queries.rotation.eligibility import Check, cheap_checks
from queries.rotation.facts import Facts
from queries.rotation.fit import fit
from queries.rules import RuleSet

DEFAULT_LIMIT = 20


class Candidate(BaseModel):
    person_id: str
    name: str
    post_id: str
    post: str
    eligible: bool
    score: int
    kind: str
    passed: list[str]
    failed: list[Check]
    unknown: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class CandidateList(BaseModel):
    as_of: date
    subject: Literal["person", "post"]
    subject_id: str
    label: str
    candidates: list[Candidate]
    screened: int
    """Pairs looked at; those failing a cheap must-check are counted in `excluded`."""
    excluded: dict[str, int] = Field(default_factory=dict)
    required: int | None = None
    enough: bool | None = None
    note: str = ""


def avoidance_checks(index: AvoidanceIndex, person_id: str, post_id: str) -> list[Check]:
    found = index.blockers({person_id: [post_id]})
    if not found:
        return [Check(rule="AVOIDANCE", ok=True, detail="不产生回避情形")]
    return [Check(rule=f.rule, ok=False, strength=f.severity,
                  detail=f"{f.detail or f.title}（{'、'.join(f.persons)}）") for f in found]


def candidate(facts: Facts, person_id: str, post_id: str, checks: list[Check],
              avoidance: bool = False) -> Candidate:
    grade = fit(facts, person_id, post_id, checks, avoidance=avoidance)
    return Candidate(
        person_id=person_id, name=facts.name(person_id), post_id=post_id,
        post=facts.post_label(post_id), eligible=not any(c.blocking for c in checks),
        score=grade.score, kind=grade.kind,
        passed=[c.rule for c in checks if c.ok],
        failed=[c for c in checks if c.ok is False],
        unknown=[c.rule for c in checks if c.ok is None], notes=grade.notes)


def open_after(facts: Facts, post_id: str, leaving: Iterable[str] = ()) -> bool:
    """Room on the post once its holders who are due (or named) move."""
    gone = set(leaving)
    holders = facts.snap.holders.get(post_id, [])
    staying = [h for h in holders if h not in gone and not tenure_due(facts, h)]
    return len(staying) < facts.post(post_id).headcount


def _screen(facts: Facts, pairs: Iterable[tuple[str, str]],
            due_rules: dict[str, frozenset[str]]) -> tuple[list[tuple[str, str, list[Check]]],
                                                           Counter[str], int]:
    kept, excluded, seen = [], Counter[str](), 0
    room: dict[str, bool] = {}
    for person_id, post_id in pairs:
        seen += 1
        if post_id not in room:
            room[post_id] = open_after(facts, post_id)
        checks = cheap_checks(facts, person_id, post_id, open_after=room[post_id],
                              due_rules=due_rules.get(person_id, frozenset()))
        blocked = [c.rule for c in checks if c.blocking]
        if blocked:
            excluded.update(blocked)
        else:
            kept.append((person_id, post_id, checks))
    return kept, excluded, seen


def _rank(found: list[Candidate], limit: int) -> list[Candidate]:
    found.sort(key=lambda c: (not c.eligible, -c.score, c.person_id, c.post_id))
    return found[:limit]


def for_person(store: GraphStore, rules: RuleSet, person_id: str, as_of: date,
               limit: int = DEFAULT_LIMIT) -> CandidateList:
    """The posts `person_id` may take, ranked, with the rules each passes and fails."""
    facts = Facts.load(store, rules, as_of)
    facts.ensure(store, [person_id])
    facts.person(person_id)
    mine = facts.current_level(person_id)
    own = set(facts.current_posts(person_id))
    posts = [p for p in sorted(facts.snap.posts) if p not in own
             and (not mine or not level(facts.snap.posts[p].rank)
                  or facts.in_rank_window(mine, level(facts.snap.posts[p].rank)))]
    due_rules = {person_id: frozenset(r.rule for r in tenure_due(facts, person_id))}
    kept, excluded, seen = _screen(facts, ((person_id, p) for p in posts), due_rules)
    index = AvoidanceIndex(store, facts, [person_id])
    avoiding = bool(index.responsible.get(person_id))
    found = [candidate(facts, person_id, post_id, [*checks, *avoidance_checks(
        index, person_id, post_id)], avoiding) for _, post_id, checks in kept]
    return CandidateList(as_of=as_of, subject="person", subject_id=person_id,
                         label=facts.name(person_id), candidates=_rank(found, limit),
                         screened=seen, excluded=dict(excluded),
                         note=f"{sum(c.eligible for c in found)}个职位符合条件")


def for_post(store: GraphStore, rules: RuleSet, post_id: str, as_of: date,
             open_selection: bool = False, limit: int = DEFAULT_LIMIT) -> CandidateList:
    """The persons who may take `post_id`, ranked; says when fewer than `CANDIDATES` needs."""
    facts = Facts.load(store, rules, as_of)
    target = level(facts.post(post_id).rank)
    holders = set(facts.snap.holders.get(post_id, []))
    people = [p for p in sorted(facts.snap.posts_of) if p not in holders
              and (not target or not facts.current_level(p)
                   or facts.in_rank_window(facts.current_level(p), target))]
    due_rules = {p: frozenset(r.rule for r in tenure_due(facts, p)) for p in people}
    kept, excluded, seen = _screen(facts, ((p, post_id) for p in people), due_rules)
    index = AvoidanceIndex(store, facts, [p for p, _, _ in kept])
    found = [candidate(facts, p, post_id, [*checks, *avoidance_checks(index, p, post_id)],
                       bool(index.responsible.get(p))) for p, _, checks in kept]
    rule = rules.rule("CANDIDATES")
    required = int(rule.param("open_selection" if open_selection else "individual"))
    eligible = sum(c.eligible for c in found)
    note = (f"符合条件人选{eligible}名，达到{'公开选拔' if open_selection else '个别提拔'}"
            f"考察对象不少于{required}名的要求" if eligible >= required else
            f"符合条件人选仅{eligible}名，少于{'公开选拔' if open_selection else '个别提拔'}"
            f"要求的{required}名（{rule.id}），需扩大人选范围")
    return CandidateList(as_of=as_of, subject="post", subject_id=post_id,
                         label=facts.post_label(post_id), candidates=_rank(found, limit),
                         screened=seen, excluded=dict(excluded), required=required,
                         enough=eligible >= required, note=note)
