"""roles.csv: who recommended, inspected, voted on and decided each leading appointment, and
who vouches for each career spell. Nobody acts on their own or their kin's appointment
(they step aside), except where a duty conflict was planted."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from ingest.generate.context import Act, Block
from ingest.generate.dates import INF, month_before, year_of
from ingest.generate.entities import CADRE, GSpell


class Timeline:
    """Who held a set of posts when."""

    def __init__(self, spells: list[GSpell]) -> None:
        self.spells = sorted(spells, key=lambda s: s.start)
        self.starts = [s.start for s in self.spells]

    def at(self, day: int) -> Iterator[int]:
        """Holders on `day` (posts with one seat: scan back while spells overlap)."""
        i = bisect.bisect_right(self.starts, day)
        for s in reversed(self.spells[max(0, i - 12):i]):
            if s.end > day:
                yield s.person


def appointment_acts(block: Block) -> list[Act]:
    posts, units, spells, persons, rng = (block.posts, block.units, block.spells, block.persons,
                                          block.rng)
    by_post: dict[int, list[GSpell]] = {}
    for s in spells:
        by_post.setdefault(s.post, []).append(s)
    line = {p: Timeline(ss) for p, ss in by_post.items()}
    empty = Timeline([])
    standing = [line.get(p.idx, empty) for p in posts
                if units[p.unit].tag == "standing" and p.leading]
    secretary = line.get(block.structure.secretary.idx, empty)
    overseer = {u: p.idx for p in posts for u in p.oversees}
    inspectors: dict[int, list[GSpell]] = {}
    for s in spells:
        if units[posts[s.post].unit].tag == "组织部" and posts[s.post].role == "staff":
            for year in range(year_of(s.start), year_of(min(s.end, block.as_of)) + 1):
                inspectors.setdefault(year, []).append(s)
    acts: list[Act] = []
    for s in spells:
        post = posts[s.post]
        if not post.leading:
            continue
        day = month_before(s.start)
        me = s.person
        away = {me, persons[me].link}
        unit = units[post.unit]
        recommenders: list[int] = []
        if unit.principal is not None and unit.principal != post.idx:
            recommenders += line.get(unit.principal, empty).at(day)
        chain = [line.get(overseer[unit.idx], empty)] if unit.idx in overseer else []
        parent_head = units[unit.parent].principal if unit.parent is not None else None
        if parent_head is not None:
            chain.append(line.get(parent_head, empty))
        chain.append(secretary)
        for tl in chain:
            found = [x for x in tl.at(day) if x not in away and x not in recommenders]
            if found:
                recommenders.append(found[0])
                break
        for actor in dict.fromkeys(recommenders):
            if actor not in away:
                acts.append((actor, me, "recommend", post.idx, day))
        pool = [x.person for x in inspectors.get(year_of(day), ())
                if x.start <= day < x.end and x.person not in away]
        for actor in rng.sample(sorted(set(pool)), min(len(set(pool)), rng.choice((2, 2, 3)))):
            acts.append((actor, me, "inspect", post.idx, day))
        voters = {x for tl in standing for x in tl.at(day)}
        for actor in sorted(voters - away):
            acts.append((actor, me, "vote", post.idx, day))
        for actor in secretary.at(day):
            if actor not in away:
                acts.append((actor, me, "decide", post.idx, day))
    return acts


def reference_acts(block: Block) -> list[Act]:
    """A 证明人 for every career spell of a cadre: someone else (not kin) who held a post in the
    spell's unit, or else its parent unit, during the spell."""
    posts, units, spells, rng = block.posts, block.units, block.spells, block.rng
    by_unit: dict[int, list[GSpell]] = {}
    for s in spells:
        by_unit.setdefault(posts[s.post].unit, []).append(s)
    acts: list[Act] = []
    for person in block.persons:
        if person.kind != CADRE:
            continue
        away = {person.idx, person.link}
        for i in person.spells:
            s = spells[i]
            if posts[s.post].concurrent is not None:
                continue
            unit = units[posts[s.post].unit]
            for u in (unit.idx, unit.parent):
                mates = by_unit.get(u, []) if u is not None else []
                found = None
                for _ in range(min(12, len(mates))):
                    m = mates[int(rng.random() * len(mates))]
                    if m.person not in away and m.start < min(s.end, INF) and m.end > s.start:
                        found = m.person
                        break
                if found is not None:
                    acts.append((found, person.idx, "reference", s.post, s.start))
                    break
    return acts
