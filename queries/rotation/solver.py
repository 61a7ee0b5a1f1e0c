"""The assignment model, solved with OR-Tools CP-SAT.

One Boolean per candidate assignment (person -> post). Constraints:

- each person takes at most one post (moving ends all their current posts);
- headcount: for every post, people moving in minus its holders moving out never exceed its
  free places (headcount - holders, at least 0), so swaps and longer cycles are allowed;
- avoidance between movers: a pair of assignments that would put two moved kin in conflict
  is forbidden (`conflicts`); an assignment that conflicts with a kin's *current* post is
  allowed only if that kin moves too (`requires`);
- `EXCHANGE-NOT-BOTH`: at most one person of each group moves;
- forced assignments (`must`).

Objective (maximised): a bonus per due person moved (must >> should), the fit score of each
chosen assignment, minus a cost per move (the fewest moves) and per post the plan leaves
vacant (swaps and cycles before holes).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

MOVE_COST = 40
VACANCY_COST = 10


@dataclass(frozen=True)
class Option:
    person: str
    post: str
    score: int


@dataclass
class Problem:
    options: list[Option]
    weight: dict[str, int]
    """Bonus for moving each person (must-moves far above should-moves)."""
    free: dict[str, int]
    """Post -> places free before any move (headcount - holders, at least 0)."""
    holds: dict[str, list[str]]
    """Post -> the people in the model who hold it now (their move frees a place)."""
    requires: list[tuple[int, str]] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)
    not_both: list[list[str]] = field(default_factory=list)
    forced: list[int] = field(default_factory=list)


@dataclass
class Solution:
    chosen: list[int]
    status: str
    objective: float
    bound: float
    gap: float
    seconds: float


def _build(problem: Problem) -> tuple[cp_model.CpModel, list[cp_model.IntVar]]:
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(len(problem.options))]
    by_person: dict[str, list[int]] = defaultdict(list)
    by_post: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(problem.options):
        by_person[o.person].append(i)
        by_post[o.post].append(i)
    people = sorted({*by_person, *problem.weight, *(p for h in problem.holds.values() for p in h)})
    moved = {p: sum(x[i] for i in by_person[p]) for p in people}
    for p in people:
        if by_person[p]:
            model.add_at_most_one(x[i] for i in by_person[p])
    vacancies = []
    for post in sorted({*by_post, *problem.holds}):
        inflow = sum(x[i] for i in by_post[post])
        outflow = sum(moved[p] for p in problem.holds.get(post, []))
        if by_post[post]:
            model.add(inflow - outflow <= problem.free.get(post, 0))
        if not any(by_person[p] for p in problem.holds.get(post, [])):
            continue
        if problem.free.get(post, 0) == 0:
            vacancies.append(outflow - inflow)  # never negative: the post was full
        else:
            hole = model.new_int_var(0, len(problem.holds[post]), f"v_{post}")
            model.add(hole >= outflow - inflow)
            vacancies.append(hole)
    for i, person in problem.requires:
        model.add_bool_or([x[i].Not(), *(x[j] for j in by_person[person])])
    for i, j in problem.conflicts:
        model.add_bool_or([x[i].Not(), x[j].Not()])
    for group in problem.not_both:
        model.add_at_most_one(x[i] for p in group for i in by_person[p])
    for i in problem.forced:
        model.add(x[i] == 1)
    model.maximize(
        sum((problem.weight.get(p, 0) - MOVE_COST) * moved[p] for p in people)
        + sum(o.score * x[i] for i, o in enumerate(problem.options))
        - VACANCY_COST * sum(vacancies))
    return model, x


def solve(problem: Problem, time_limit: float = 30.0, workers: int = 8) -> Solution:
    """Solve within `time_limit` seconds; the gap is |objective - bound| / max(1, |objective|)."""
    model, x = _build(problem)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(time_limit)
    solver.parameters.random_seed = 0
    if workers:
        solver.parameters.num_workers = workers
    status = solver.solve(model)
    name = solver.status_name(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Solution([], name, 0.0, 0.0, 0.0, solver.wall_time)
    objective, bound = solver.objective_value, solver.best_objective_bound
    chosen = [i for i, var in enumerate(x) if solver.boolean_value(var)]
    gap = abs(objective - bound) / max(1.0, abs(objective))
    return Solution(chosen, name, objective, bound, gap, solver.wall_time)
