"""The greedy start of the solver: always feasible, never better than the optimum, and its
objective is the model's (checked against CP-SAT on random small problems)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from queries.rotation.greedy import greedy, objective
from queries.rotation.solver import Option, Problem, solve

PEOPLE = ["A", "B", "C", "D", "E"]
POSTS = ["p", "q", "r", "s"]


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    pairs = draw(st.lists(st.tuples(st.sampled_from(PEOPLE), st.sampled_from(POSTS)),
                          min_size=1, max_size=14, unique=True))
    options = [Option(p, q, draw(st.integers(0, 100))) for p, q in pairs]
    holders = draw(st.dictionaries(st.sampled_from(PEOPLE), st.sampled_from(POSTS)))
    holds: dict[str, list[str]] = {}
    for person, post in sorted(holders.items()):
        holds.setdefault(post, []).append(person)
    free = {q: draw(st.integers(0, 1)) for q in POSTS}
    weight = {p: draw(st.sampled_from([0, 300, 1000])) for p in PEOPLE}
    n = len(options)
    conflicts = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
                              .filter(lambda t: t[0] != t[1]), max_size=3))
    requires = draw(st.lists(st.tuples(st.integers(0, n - 1), st.sampled_from(PEOPLE)),
                             max_size=2))
    not_both = draw(st.lists(st.lists(st.sampled_from(PEOPLE), min_size=2, max_size=2,
                                      unique=True), max_size=1))
    return Problem(options, weight, free, holds, requires, conflicts, not_both)


def feasible(problem: Problem, chosen: list[int]) -> bool:
    picked = [problem.options[i] for i in chosen]
    moved = {o.person for o in picked}
    per_person = Counter(o.person for o in picked)
    inflow = Counter(o.post for o in picked)
    posts = {*inflow, *problem.holds}
    return (all(c == 1 for c in per_person.values())
            and all(inflow[q] - sum(p in moved for p in problem.holds.get(q, []))
                    <= problem.free.get(q, 0) for q in posts)
            and all(not (i in chosen and j in chosen) for i, j in problem.conflicts)
            and all(i not in chosen or p in moved for i, p in problem.requires)
            and all(sum(p in moved for p in g) <= 1 for g in problem.not_both))


@settings(max_examples=60, deadline=None)
@given(problem=problems())
def test_greedy_is_feasible_and_scored_like_the_model(problem: Problem) -> None:
    start = greedy(problem)
    assert feasible(problem, start)
    best = solve(problem, time_limit=5, workers=1)
    assert best.status == "OPTIMAL" and feasible(problem, best.chosen)
    assert objective(problem, best.chosen) == best.objective
    assert objective(problem, start) <= best.objective


def test_a_big_round_gets_an_answer_in_time() -> None:
    """Even when the search is cut off almost at once, the plan is feasible."""
    options = [Option(f"C{i}", f"P{(i * 7 + k) % 300}", (i * k) % 97)
               for i in range(200) for k in range(1, 6)]
    holds = {f"P{i}": [f"C{i}"] for i in range(200)}
    problem = Problem(options, {f"C{i}": 1000 for i in range(200)},
                      free={f"P{i}": int(i >= 200) for i in range(300)}, holds=holds)
    found = solve(problem, time_limit=0.001, workers=1)
    assert found.status in {"GREEDY", "FEASIBLE", "OPTIMAL"}
    assert feasible(problem, found.chosen) and len(found.chosen) >= 100
    assert found.bound >= found.objective


def test_a_person_in_two_not_both_groups() -> None:
    """B shares a group with A and another with C: once A moves, B may not."""
    problem = Problem([Option("A", "v", 100), Option("B", "w", 50), Option("C", "x", 10)],
                      {"A": 1000, "B": 1000, "C": 1000}, free={"v": 1, "w": 1, "x": 1},
                      holds={}, not_both=[["A", "B"], ["B", "C"]])
    chosen = greedy(problem)
    assert feasible(problem, chosen)
    assert {problem.options[i].person for i in chosen} == {"A", "C"}
