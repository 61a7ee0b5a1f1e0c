"""The CP-SAT model on hand-made problems (no store): capacity, cycles, requirements,
pairwise conflicts, EXCHANGE-NOT-BOTH groups and forced assignments."""

from __future__ import annotations

from queries.rotation.solver import Option, Problem, solve

MUST = 1000


def _chosen(problem: Problem) -> set[tuple[str, str]]:
    solution = solve(problem, time_limit=5)
    assert solution.status == "OPTIMAL" and solution.gap == 0.0
    assert solution.objective == solution.bound
    return {(problem.options[i].person, problem.options[i].post) for i in solution.chosen}


def test_swap_needs_no_free_place() -> None:
    problem = Problem([Option("A", "b", 10), Option("B", "a", 10)], {"A": MUST, "B": MUST},
                      free={"a": 0, "b": 0}, holds={"a": ["A"], "b": ["B"]})
    assert _chosen(problem) == {("A", "b"), ("B", "a")}


def test_headcount_admits_one() -> None:
    problem = Problem([Option("A", "v", 10), Option("B", "v", 20)], {"A": MUST, "B": MUST},
                      free={"v": 1}, holds={})
    assert _chosen(problem) == {("B", "v")}


def test_requires_and_conflicts() -> None:
    options = [Option("A", "v", 50), Option("A", "w", 10), Option("B", "x", 10),
               Option("C", "y", 10)]
    base = Problem(options, {"A": MUST, "B": MUST, "C": MUST},
                   free={"v": 1, "w": 1, "x": 1, "y": 1}, holds={})
    assert ("A", "v") in _chosen(base)
    # A at v conflicts with kin C where C is now: allowed only if C moves (C can: y).
    base.requires = [(0, "C")]
    assert _chosen(base) >= {("A", "v"), ("C", "y")}
    # ... but A at v and C at y conflict with each other: A takes w instead.
    base.conflicts = [(0, 3)]
    assert _chosen(base) == {("A", "w"), ("B", "x"), ("C", "y")}


def test_not_both_and_forced() -> None:
    options = [Option("S", "v", 10), Option("M", "w", 30)]
    problem = Problem(options, {"S": MUST, "M": MUST}, free={"v": 1, "w": 1}, holds={},
                      not_both=[["M", "S"]])
    assert _chosen(problem) == {("M", "w")}
    problem.forced = [0]
    assert _chosen(problem) == {("S", "v")}


def test_fewest_moves_and_no_holes() -> None:
    # A should-move (bonus 300) is worth its move; a person without a bonus is not moved.
    options = [Option("A", "v", 10), Option("N", "w", 10)]
    problem = Problem(options, {"A": 300}, free={"v": 1, "w": 1}, holds={})
    assert _chosen(problem) == {("A", "v")}
