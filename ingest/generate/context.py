"""Everything known about one block while it is generated, and the questions asked of it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ingest.generate.dates import INF
from ingest.generate.entities import CADRE, GPerson, GPost, GSpell, GUnit
from ingest.generate.geo import Geography
from ingest.generate.plan import BlockSpec
from ingest.generate.structure import Structure

Act = tuple[int, int, str, int, int]
"""(actor, candidate, role, post, date) of roles.csv."""


@dataclass(frozen=True, slots=True)
class Plant:
    rule: str
    persons: list[int]
    posts: list[int]
    note: str


@dataclass
class Block:
    spec: BlockSpec
    geo: Geography
    structure: Structure
    persons: list[GPerson]
    spells: list[GSpell]
    as_of: int
    rng: random.Random
    links: list[tuple[int, int, str]] = field(default_factory=list)
    planted: list[Plant] = field(default_factory=list)
    extra_acts: list[Act] = field(default_factory=list)
    _units_of: dict[int, frozenset[int]] = field(default_factory=dict)
    _ctrl: list[frozenset[int]] = field(default_factory=list)

    @property
    def units(self) -> list[GUnit]:
        return self.structure.builder.units

    @property
    def posts(self) -> list[GPost]:
        return self.structure.builder.posts

    def cadres(self) -> list[GPerson]:
        return [p for p in self.persons if p.kind == CADRE]

    def holders(self) -> dict[int, list[int]]:
        """Post -> its current holders."""
        out: dict[int, list[int]] = {}
        for s in self.spells:
            if s.end == INF:
                out.setdefault(s.post, []).append(s.person)
        return out

    def units_of(self, person: int) -> frozenset[int]:
        got = self._units_of.get(person)
        if got is None:
            got = frozenset(self.posts[self.spells[i].post].unit
                            for i in self.persons[person].spells)
            self._units_of[person] = got
        return got

    def ever_led(self, person: int) -> bool:
        return any(self.posts[self.spells[i].post].leading for i in self.persons[person].spells)

    def controllers(self) -> list[frozenset[int]]:
        """Per unit: every unit above it by belonging, oversight or regulation (transitively)."""
        if self._ctrl:
            return self._ctrl
        up: list[set[int]] = [set() for _ in self.units]
        for unit in self.units:
            if unit.parent is not None:
                up[unit.idx].add(unit.parent)
            for e in unit.regulates:
                up[e].add(unit.idx)
        for p in self.posts:
            for u in p.oversees:
                up[u].add(p.unit)
        memo: dict[int, frozenset[int]] = {}

        def close(u: int, seen: frozenset[int]) -> frozenset[int]:
            if u in memo:
                return memo[u]
            out: set[int] = set()
            for v in up[u]:
                if v not in seen:
                    out |= {v} | close(v, seen | {u})
            memo[u] = frozenset(out)
            return memo[u]

        self._ctrl = [close(u.idx, frozenset()) for u in self.units]
        return self._ctrl

    def unrelated(self, a: int, b: int) -> bool:
        """No unit of one's career is a unit of the other's, or above it."""
        ctrl = self.controllers()
        ua, ub = self.units_of(a), self.units_of(b)
        if ua & ub:
            return False
        return not any(u in ctrl[v] for u in ua for v in ub) and not any(
            v in ctrl[u] for u in ua for v in ub)

    def link(self, a: int, b: int, kind: str) -> None:
        pa, pb = self.persons[a], self.persons[b]
        pa.link, pb.link = b, a
        self.links.append((a, b, kind))

    def free(self, person: int) -> bool:
        p = self.persons[person]
        return p.link < 0 and not p.home and p.kind == CADRE


def plant_count(rate: float, opportunities: int) -> int:
    if rate <= 0 or opportunities <= 0:
        return 0
    return min(opportunities, max(1, round(rate * opportunities)))
