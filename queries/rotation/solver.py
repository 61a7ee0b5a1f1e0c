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

from ortools.sat.python import cp_model

from queries.rotation.greedy import greedy, objective
from queries.rotation.problem import MOVE_COST as MOVE_COST
from queries.rotation.problem import VACANCY_COST as VACANCY_COST
from queries.rotation.problem import Option as Option
from queries.rotation.problem import Problem as Problem
from queries.rotation.problem import Solution as Solution

HINT_ABOVE = 100_000
"""Options above which the search starts from the greedy plan: without it CP-SAT finds no
solution in 30 s at 10,000 cadres x 30,000 posts; below it the hint slows the proof (1,000 x
3,000: optimal in 3 s without, 30 s with)."""


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
    """Solve within `time_limit` seconds (big models start from the greedy plan, `greedy`);
    the gap is |objective - bound| / max(1, |objective|). When the search finds no solution in
    time, or only a worse one than the greedy plan (very large rounds), the greedy plan is the
    answer (status `GREEDY`), its gap measured against the search's bound."""
    model, x = _build(problem)
    start = greedy(problem)
    if len(problem.options) > HINT_ABOVE:
        picked = set(start)
        for i, var in enumerate(x):
            model.add_hint(var, i in picked)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(time_limit)
    solver.parameters.random_seed = 0
    if workers:
        solver.parameters.num_workers = workers
    status = solver.solve(model)
    name = solver.status_name(status)
    usable = set(problem.forced) <= set(start)
    greedy_value = objective(problem, start) if usable else float("-inf")
    if status == cp_model.UNKNOWN and usable:
        bound = max(greedy_value, solver.best_objective_bound)
        return Solution(start, "GREEDY", greedy_value, bound, _gap(greedy_value, bound),
                        solver.wall_time)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Solution([], name, 0.0, 0.0, 0.0, solver.wall_time)
    value, bound = round(solver.objective_value), round(solver.best_objective_bound)
    if greedy_value > value:  # the search was cut off before it caught up with the start
        return Solution(start, "GREEDY", greedy_value, bound, _gap(greedy_value, bound),
                        solver.wall_time)
    chosen = [i for i, var in enumerate(x) if solver.boolean_value(var)]
    return Solution(chosen, name, value, bound, _gap(value, bound), solver.wall_time)


def _gap(value: float, bound: float) -> float:
    return abs(value - bound) / max(1.0, abs(value))
