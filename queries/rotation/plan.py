"""The exchange and rotation plan: due cadres to vacancies and to one another's posts.

Steps: load the facts once; the due list (one avoidance audit); the candidate assignments
(cheap screen, then the batched avoidance what-if); the CP-SAT model; explanations; and a
final re-check: the whole plan applied at once as a what-if, which must create no new
avoidance finding (reported in `recheck`, expected empty).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pydantic import BaseModel, Field

from graph.errors import InvalidInput, NotFound
from graph.store.base import GraphStore
from queries.avoidance.check import Proposal, what_if
from queries.rotation import explain
from queries.rotation.due import DueItem, due_items, position_findings
from queries.rotation.facts import Facts
from queries.rotation.options import Setup, build_problem, responsible_keys, targets
from queries.rotation.report import Move, Plan
from queries.rotation.scope import AVOIDANCE_MOVES
from queries.rotation.solver import solve
from queries.rules import RuleSet

AUTO_CUT = 60
AUTO_CUT_ABOVE = 200_000
MUST_BONUS = 1000
SHOULD_BONUS = 300


class PlanRequest(BaseModel):
    as_of: date
    within_months: int = Field(12, ge=0, le=120)
    lock: list[str] = Field(default_factory=list)
    """Person or post IDs that do not move (a locked post: its holders stay, nobody comes)."""
    forbid: list[str] = Field(default_factory=list)
    """`PERSON=POST`: never this assignment."""
    must: list[str] = Field(default_factory=list)
    """`PERSON=POST`: this assignment, whatever else (it must pass every must-rule)."""
    time_limit: float = Field(30.0, gt=0, le=3600)
    workers: int = Field(8, ge=0, le=64)
    """CP-SAT workers (0: one per core). Several help even on few cores: diverse strategies."""
    include_should: bool = True
    options_per_person: int = Field(0, ge=0, le=10_000)
    """Posts per person that enter the model (vacancies or posts other movers vacate): the
    best-fitting ones after the cheap screen. A cut makes big instances faster but can cost
    moves (everyone's best posts tend to be the same ones). 0 (default): all, or the best
    `AUTO_CUT` when movers x posts exceeds `AUTO_CUT_ABOVE` (a province
    round: uncut, CP-SAT finds no move in 30 s at 800 movers x 330,000 options)."""


def parse_pair(text: str) -> tuple[str, str]:
    person, sep, post = text.partition("=")
    if not sep or not person.strip() or not post.strip():
        raise InvalidInput(f"{text!r}: expected PERSON=POST")
    return person.strip(), post.strip()


def _locks(facts: Facts, ids: list[str]) -> tuple[set[str], set[str]]:
    people, posts = set(), set()
    for ident in ids:
        if ident in facts.persons:
            people.add(ident)
        elif ident in facts.snap.posts:
            posts.add(ident)
            people |= set(facts.snap.holders.get(ident, []))
        else:
            raise NotFound(f"lock: no person or post with id {ident!r}")
    return people, posts


def _check_pairs(facts: Facts, pairs: list[tuple[str, str]]) -> None:
    for person, post in pairs:
        facts.person(person)
        facts.post(post)


STEPS = ("读取数据 loading", "应交流名单 due list", "可选职位与回避 options",
         "优化求解 solving", "复核 re-check")


def plan(store: GraphStore, rules: RuleSet, request: PlanRequest,
         on_step: Callable[[str], None] | None = None) -> Plan:
    """The optimised plan; `on_step` is called as each of `STEPS` begins."""
    step = on_step or (lambda _: None)
    step(STEPS[0])
    facts = Facts.load(store, rules, request.as_of)
    step(STEPS[1])
    findings = position_findings(store, facts)
    items = {i.person_id: i for i in due_items(facts, findings, request.within_months)}
    forbid = [parse_pair(t) for t in request.forbid]
    must = [parse_pair(t) for t in request.must]
    facts.ensure(store, [*(p for p, _ in forbid + must), *request.lock])
    _check_pairs(facts, forbid + must)
    locked, locked_posts = _locks(facts, request.lock)
    wanted = {p: i for p, i in items.items() if not i.exempt
              and (i.strength == "must" or request.include_should)}
    movers = sorted((set(wanted) | {p for p, _ in must}) - locked)
    weight = {p: MUST_BONUS if i.strength == "must" else SHOULD_BONUS for p, i in wanted.items()}
    avoiding = {p for p, i in wanted.items() if i.avoidance}
    setup = Setup(facts, movers, weight, locked_posts, avoiding, set(must))
    due_rules = {p: frozenset(i.rules) for p, i in items.items()}
    responsible = responsible_keys((f.key(), f.mover, f.persons) for f in findings
                                   if f.rule in AVOIDANCE_MOVES)
    posts = targets(facts, movers, (t for _, t in must), locked_posts)
    step(STEPS[2])
    per_person = request.options_per_person or (
        AUTO_CUT if len(movers) * len(posts) > AUTO_CUT_ABOVE else 0)
    build_problem(store, setup, posts, set(forbid), due_rules, responsible, per_person)
    assert setup.problem is not None
    forced = set()
    for person, post in must:
        i = setup.option_of(person, post)
        if i is None:
            why = "、".join(setup.failures.get((person, post), ["LOCKED"]))
            raise InvalidInput(f"must {person}={post}: 不可行（{why}）")
        forced.add(i)
    setup.problem.forced = sorted(forced)
    step(STEPS[3])
    solution = solve(setup.problem, request.time_limit, request.workers)
    if solution.status == "INFEASIBLE":
        raise InvalidInput("指定条件（must/lock/forbid）无法同时满足：方案不可行")
    moves = explain.moves(setup, solution, items, forced)
    step(STEPS[4])
    proposals = [Proposal(m.person_id, m.to_post, request.as_of) for m in moves]
    recheck = what_if(store, rules, proposals, request.as_of,
                      snap=facts.snap).findings if proposals else []
    unmoved = explain.unmoved(setup, solution, wanted, locked)
    return Plan(
        as_of=request.as_of, rule_set=rules.version, status=solution.status, moves=moves,
        unmoved_due=unmoved, unfilled=explain.unfilled(setup, solution),
        objective=solution.objective, best_bound=solution.bound, gap=solution.gap,
        solve_seconds=round(solution.seconds, 3), recheck=recheck,
        stats={**_stats(setup, items, moves), "options_per_person": per_person})


def _stats(setup: Setup, items: dict[str, DueItem], moves: list[Move]) -> dict[str, int]:
    problem = setup.problem
    assert problem is not None
    return {"due": len(items), "must": sum(i.strength == "must" and not i.exempt
                                           for i in items.values()),
            "exempt": sum(i.exempt for i in items.values()), "movers": len(setup.movers),
            "options": len(problem.options), "conflicts": len(problem.conflicts),
            "requires": len(problem.requires), "not_both_groups": len(problem.not_both),
            "moves": len(moves)}
