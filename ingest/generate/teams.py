"""Sizes of leadership teams (deputies, members), tuned so a county has exactly the wanted number
of section-level leaders (seed 000: 508 holders of 正科/副科 leading posts in 8,775 cadres)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Team:
    deputies: int
    members: int
    min_deputies: int
    max_deputies: int
    min_members: int
    max_members: int


def department_team() -> Team:
    return Team(3, 1, 1, 6, 0, 5)


def township_team() -> Team:
    return Team(3, 6, 2, 5, 2, 9)


def tune(teams: list[Team], fixed: int, target: int | None) -> None:
    """Grow or shrink `teams` (round robin, deputies before members) until the section-level
    leaders they hold plus `fixed` equal `target` (as near as the bounds allow)."""
    if target is None:
        return
    total = fixed + sum(t.deputies + t.members for t in teams)
    changed = True
    while total < target and changed:
        changed = False
        for team in teams:
            for attr, bound in (("deputies", team.max_deputies), ("members", team.max_members)):
                if total < target and getattr(team, attr) < bound:
                    setattr(team, attr, getattr(team, attr) + 1)
                    total += 1
                    changed = True
    changed = True
    while total > target and changed:
        changed = False
        for team in reversed(teams):
            for attr, bound in (("members", team.min_members), ("deputies", team.min_deputies)):
                if total > target and getattr(team, attr) > bound:
                    setattr(team, attr, getattr(team, attr) - 1)
                    total -= 1
                    changed = True
