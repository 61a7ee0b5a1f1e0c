"""What `generate` returns and what planted.json holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PLANTED_FILE = "planted.json"
RULES = ("KIN-SAME-LEADER", "KIN-DIRECT-LEAD", "KIN-SENSITIVE", "KIN-BUSINESS", "REGION-COUNTY",
         "REGION-CITY", "REGION-TOWNSHIP", "DUTY-VOTE", "DUTY-INSPECT", "DUTY-RECOMMEND")
"""The rules `plant_rate` plants conflicts of."""
QUIET_BY_CONSTRUCTION = (*RULES, "REFERENCE-KIN", "REFERENCE-ABSENT")
"""Rules whose findings on a generated bundle (as of its `as_of`) are exactly the planted
entries: none at all with plant_rate 0. Everyday cadre relatives (each cadre has at most one)
never share a unit, are never both leaders, and no unit of one's career is above a unit of the
other's (by belonging, oversight or regulation), at any date; nobody recommends, inspects, votes
on or decides their own or a relative's appointment, or vouches for a relative; a reference
always held a post in the spell's unit (or its parent) during the spell; whoever held a
principal post subject to regional avoidance grew up outside its jurisdiction."""


@dataclass(frozen=True, slots=True)
class PlantedConflict:
    """One planted conflict: the rule it breaks, the people (sorted ids) and posts involved."""

    rule: str
    persons: tuple[str, ...]
    posts: tuple[str, ...]
    note: str

    def to_json(self) -> dict[str, object]:
        return {"rule": self.rule, "persons": list(self.persons), "posts": list(self.posts),
                "note": self.note}


@dataclass(frozen=True)
class GenerateReport:
    out_dir: Path
    cadres: int
    """Persons holding a post on `as_of`."""
    persons: int
    """Rows of persons.csv: cadres, former holders and relatives."""
    rows: dict[str, int]
    """Rows written per file name (regions.csv ... trainings.csv), headers not counted."""
    planted: list[PlantedConflict] = field(default_factory=list)
    blocks: int = 1
    """Counties, cities and provinces generated."""
    seconds: float = 0.0

    @property
    def planted_by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(p.rule for p in self.planted).items()))

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def __str__(self) -> str:
        return (f"{self.cadres:,} cadres, {self.persons:,} persons, {self.total_rows:,} rows, "
                f"{len(self.planted)} planted conflicts, {self.blocks} blocks, "
                f"{self.seconds:.1f} s")


ROWS_PER_CADRE = 31
"""About how many rows (all files) a bundle has per cadre: for progress bars."""


def expected_rows(cadres: int) -> int:
    return ROWS_PER_CADRE * cadres
