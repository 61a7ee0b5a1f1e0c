"""The plan as data: the JSON contract every output (CLI, API, CSV, XLSX) is made from.

`{"as_of", "moves": [{"person_id", "from_post", "to_post", "reasons"}], "unmoved_due":
[{"person_id", "why"}], "unfilled": [...], "objective", "gap"}` plus status, bound, timing,
the re-check and counts.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from queries.findings import Finding
from queries.rules import Strength


class Move(BaseModel):
    person_id: str
    name: str
    from_post: str | None
    to_post: str
    from_label: str = ""
    to_label: str = ""
    kind: str
    """交流类型: 回避性/培养性/需求性/调整性交流."""
    score: int
    due_rules: list[str] = Field(default_factory=list)
    passed: list[str] = Field(default_factory=list)
    reasons: list[str]


class Unmoved(BaseModel):
    person_id: str
    name: str
    strength: Strength
    rules: list[str]
    why: str
    codes: list[str] = Field(default_factory=list)
    """Machine-readable causes: LOCKED, NO-OPTION, EXCHANGE-NOT-BOTH, TAKEN, CONFLICT ...
    and the rule IDs that excluded the posts."""


class Unfilled(BaseModel):
    post_id: str
    label: str
    vacant: int
    why: str


class Plan(BaseModel):
    as_of: date
    rule_set: str
    status: str
    moves: list[Move]
    unmoved_due: list[Unmoved]
    unfilled: list[Unfilled]
    objective: float
    best_bound: float
    gap: float
    solve_seconds: float
    recheck: list[Finding] = Field(default_factory=list)
    """New avoidance findings of the whole plan applied at once (a what-if): expected none."""
    stats: dict[str, int] = Field(default_factory=dict)
