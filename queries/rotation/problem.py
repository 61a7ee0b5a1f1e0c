"""The assignment problem the planner hands to the solvers (`solver`: CP-SAT, `greedy`)."""

from __future__ import annotations

from dataclasses import dataclass, field

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
