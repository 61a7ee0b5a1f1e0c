"""Seats to place earlier career spells in, filled backwards in time.

Every seat is taken from some date on (its current holder's start, or never); a spell [a, t)
fits a seat taken from >= t, and then the seat is taken from a. Per (sector, family, rank) a
sorted list finds the best fit: the seat taken from the earliest date >= t, so little of any
seat's past is wasted. Concurrent posts (a 常委 seat held with a 部长 post) are not in the
pools: they follow the post they go with.
"""

from __future__ import annotations

import bisect
import random
from functools import cache

from ingest.generate.entities import RANK, GPost, GUnit

Key = tuple[str, str, int]


class Pools:
    def __init__(self, units: list[GUnit], posts: list[GPost], rng: random.Random) -> None:
        self.posts = posts
        self.rng = rng
        self.heaps: dict[Key, list[tuple[int, float, int, int]]] = {}
        self.expand: dict[tuple[str, int], list[int]] = {}
        self.sector = [units[p.unit].sector for p in posts]
        for post in posts:
            if post.concurrent is not None:
                continue
            key = (self.sector[post.idx], post.family, RANK[post.rank])
            heap = self.heaps.setdefault(key, [])
            for seat, free in enumerate(post.seats):
                heap.append((free, rng.random(), post.idx, seat))
            if post.expandable:
                self.expand.setdefault((key[0], key[2]), []).append(post.idx)
        for heap in self.heaps.values():
            heap.sort()
        self.ranks = {k[2] for k in self.heaps}

    @cache  # noqa: B019 - one Pools per block, freed with it
    def _order(self, rank: int, sector: str, family: str) -> tuple[Key, ...]:
        keys = sorted(k for k in self.heaps if k[2] == rank)
        return tuple(sorted(keys, key=lambda k: (k[0] != sector, k[1] != family)))

    def take(self, rank: int, sector: str, family: str, until: int,
             avoid: int = -1) -> tuple[int, int] | None:
        """The seat of `rank` free until `until` that wastes least (same sector and family
        preferred), not of post `avoid`; or None."""
        for key in self._order(rank, sector, family):
            seats = self.heaps[key]
            i = bisect.bisect_left(seats, (until,))
            while i < len(seats) and seats[i][2] == avoid:
                i += 1
            if i < len(seats):
                _, _, post, seat = seats.pop(i)
                return post, seat
        return None

    def grow(self, rank: int, sector: str, avoid: int = -1) -> tuple[int, int] | None:
        """A new seat on an expandable staff post of `rank` (own sector preferred)."""
        choices = self.expand.get((sector, rank)) or next(
            (v for (s, r), v in sorted(self.expand.items()) if r == rank), None)
        if not choices:
            return None
        pick = self.rng.choice(choices)
        if pick == avoid and len(choices) > 1:
            pick = next(c for c in choices if c != avoid)
        post = self.posts[pick]
        post.seats.append(0)
        return post.idx, len(post.seats) - 1

    def release(self, post: int, seat: int, free: int) -> None:
        """The seat is now taken from `free` on."""
        self.posts[post].seats[seat] = free
        p = self.posts[post]
        key = (self.sector[post], p.family, RANK[p.rank])
        bisect.insort(self.heaps[key], (free, self.rng.random(), post, seat))

    def seat(self, rank: int, sector: str, family: str, until: int, avoid: int = -1,
             later: int = -1) -> tuple[int, int]:
        """A seat for a spell ending at `until`: of `rank` if any, else grown, else of rank
        `later` (the spell after it: a lateral move), else lower; never of post `avoid` (the
        post of the spell after it) if that can be helped."""
        if later > rank:
            found = (self.take(rank, sector, family, until, avoid)
                     or self.grow(rank, sector, avoid)
                     or self.take(later, sector, family, until, avoid))
            if found:
                return found
        for r in range(rank, -1, -1):
            if r not in self.ranks and r != 0:
                continue
            found = self.take(r, sector, family, until, avoid) or self.grow(r, sector, avoid)
            if found:
                return found
        raise RuntimeError("no expandable entry-level post in the block")
