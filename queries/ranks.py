"""Rank (职务层次/职级) order, for deciding who normally moves (the lower-ranked one)."""

from __future__ import annotations

# Highest first. Ranks not listed count as lowest.
ORDER = ("正部", "副部", "正厅", "副厅", "正处", "副处", "正科", "副科", "正股", "副股", "科员",
         "办事员")
_LEVEL = {name: len(ORDER) - i for i, name in enumerate(ORDER)}


def level(rank: str | None) -> int:
    """A number that grows with seniority (0 for unknown ranks)."""
    return _LEVEL.get((rank or "").strip(), 0)


def lower_of(a: tuple[str, str | None], b: tuple[str, str | None]) -> str | None:
    """Of two (person, rank) the lower-ranked person; None when equal (decided case by case)."""
    la, lb = level(a[1]), level(b[1])
    if la == lb:
        return None
    return a[0] if la < lb else b[0]
