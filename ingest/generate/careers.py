"""Career histories: the current holdings, then earlier spells going back to each cadre's work
start, contiguous (no gaps, no overlaps but concurrent posts), one rank at a time.

Ages and lengths follow the rule set where it is cheap to: promotions before the age caps
(PROMO-AGE), at least 3 years per leading spell (PROMO-DEPUTY-2Y, PROMO-LOWER-3Y), at most 7
in one leading post (TERM-MAX-2), under 15 years at one level (LEVEL-15Y) and under 4.5 in
sensitive staff posts or as head of a division (ROTATE-SENSITIVE-10Y, local 5-year variants).
"""

from __future__ import annotations

import random

from ingest.generate.dates import INF, days
from ingest.generate.entities import RANK, RANKS, SENSITIVE, GPerson, GPost, GSpell, GUnit
from ingest.generate.pools import Pools

CAP = {"副股": 50, "正股": 50, "副科": 40, "正科": 40, "副处": 52, "正处": 53, "副厅": 55,
       "正厅": 56, "副部": 57, "正部": 58}
CAP_WOMEN = {"副科": 38, "正科": 38}
MIN_AGE = {"副股": 24, "正股": 26, "副科": 27, "正科": 30, "副处": 34, "正处": 38, "副厅": 40,
           "正厅": 43, "副部": 46, "正部": 50}
_ELECTED = frozenset({"party_committee", "government", "people_congress", "cppcc", "township"})


def _short(post: GPost) -> bool:
    """Rotated within 4.5 years: sensitive work, or the head or deputy of a division."""
    return post.function in SENSITIVE or (post.role == "staff" and post.rank != "科员")


def _level_years(rank: int) -> float:
    return 9.5 if rank >= RANK["副处"] else 14.5


class Careers:
    def __init__(self, units: list[GUnit], posts: list[GPost], persons: list[GPerson],
                 as_of: int, rng: random.Random) -> None:
        self.units, self.posts, self.persons = units, posts, persons
        self.as_of, self.rng = as_of, rng
        self.spells: list[GSpell] = []
        self.deps: dict[int, list[int]] = {}
        for p in posts:
            if p.concurrent is not None:
                self.deps.setdefault(p.concurrent, []).append(p.idx)

    def add(self, person: int, post: int, start: int, end: int) -> None:
        self.persons[person].spells.append(len(self.spells))
        self.spells.append(GSpell(person, post, start, end))

    def current(self, current: list[tuple[int, int, int]]) -> None:
        start_of: dict[int, int] = {}
        for person, idx, seat in current:
            post, p = self.posts[idx], self.persons[person]
            start = start_of.get(person)
            if start is None:
                longest = 6.8 if post.leading else 4.3 if _short(post) else 9.0
                start = self.as_of - days(self.rng.uniform(0.1, longest))
                if post.leading and post.rank in CAP:
                    latest = p.birth + days(CAP[post.rank] + _level_years(RANK[post.rank]))
                    start = max(min(start, latest), self.as_of - days(6.9))
                start = max(start, p.work_start)
                start_of[person] = start
            self.add(person, idx, start, INF)
            post.seats[seat] = start

    def history(self, cadres: list[int], pools: Pools) -> None:
        for person in cadres:
            self._history(self.persons[person], pools)

    def _history(self, p: GPerson, pools: Pools) -> None:
        first = self.spells[p.spells[0]]
        post = self.posts[first.post]
        t, rank = first.start, RANK[post.rank]
        sector, family = pools.sector[post.idx], post.family
        current = True
        while t > p.work_start:
            promoted = self._promotion(p, rank, t, current)
            current, lower = False, rank - 1
            while t > promoted:
                leading = rank >= RANK["副科"] or post.leading
                span = days(self.rng.uniform(3, 7) if leading else self.rng.uniform(2, 4)
                            if rank else self.rng.uniform(2, 8))
                a = max(t - span, promoted)
                if a - promoted < days(1.5):
                    a = promoted
                idx, seat = pools.seat(rank, sector, family, t, post.idx, RANK[post.rank])
                post = self.posts[idx]
                if _short(post):
                    a = max(a, t - days(4.4))
                self._place(p.idx, idx, a, t)
                pools.release(idx, seat, a)
                sector, family, t = pools.sector[idx], post.family, a
                if RANK[post.rank] < rank:  # no seat of that rank: go on from the lower one
                    current, lower = True, RANK[post.rank]
                    break
            rank = max(lower, 0)
            while rank and rank not in pools.ranks:
                rank -= 1

    def _promotion(self, p: GPerson, rank: int, t: int, current: bool) -> int:
        """When `p` reached `rank`, for a stay at that rank ending at `t` (the current rank:
        possibly at `t` itself; a lower one: at least 2-3 years before)."""
        if rank == 0:
            return p.work_start
        name = RANKS[rank]
        cap = CAP_WOMEN.get(name, CAP.get(name, 55)) if p.gender == "F" else CAP.get(name, 55)
        least = 0.0 if current else 3.0 if rank >= RANK["副科"] else 2.0
        lo = max(p.work_start + days(2.5 * min(rank, 3)), t - days(_level_years(rank)),
                 p.birth + days(MIN_AGE.get(name, 18)))
        hi = min(t - days(least), p.birth + days(cap))
        if hi <= lo:
            return max(min(lo, t - days(least)), p.work_start)
        if current and self.rng.random() < 0.5:
            return hi
        return self.rng.randint(max(lo, hi - days(6)), hi)

    def _place(self, person: int, post: int, start: int, end: int) -> None:
        self.add(person, post, start, end)
        for dep in self.deps.get(post, ()):
            seats = self.posts[dep].seats
            if seats and seats[0] >= end:
                self.add(person, dep, start, end)
                seats[0] = start

    def finish(self) -> None:
        """Order each person's spells, mark promotions, set methods and probation."""
        for p in self.persons:
            p.spells.sort(key=lambda i: (self.spells[i].start, self.spells[i].post))
            previous = -1
            for n, i in enumerate(p.spells):
                s = self.spells[i]
                post = self.posts[s.post]
                unit = self.units[post.unit]
                s.promotion = previous >= 0 and RANK[post.rank] > previous and post.leading
                if post.concurrent is None:
                    previous = RANK[post.rank]
                if post.leading:
                    s.method = "elected" if unit.kind in _ELECTED else "appointed"
                elif unit.sector != "organ":
                    s.method = "hired"
                else:
                    s.method = "exam" if n == 0 else "appointed"
                if s.method == "appointed" and s.promotion:
                    s.probation = s.start + 365
