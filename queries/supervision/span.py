"""The span of a leader: everyone whose supervision chain passes through the leader's posts.

Consistent with `chain`: a post is in the span at level n when the leader's post is the n-th
step of its chain (the followed leader at each step; alternatives are not followed). Levels
count posts, vacant ones included, so a vacancy in between does not shorten the distance.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from pydantic import BaseModel, Field

from graph.store.base import GraphStore
from queries.snapshot import Snapshot
from queries.supervision.chain import Chains, resolve_subject
from queries.supervision.flags import is_acting
from queries.supervision.reads import names, post_label


class SpanMember(BaseModel):
    person_id: str
    name: str
    post_id: str
    label: str
    unit_id: str
    level: int
    """1 = directly led by one of the leader's posts."""
    via: str
    """The leader's post this member's chain reaches."""
    acting: bool = False


class LevelCount(BaseModel):
    level: int
    posts: int
    persons: int
    vacant: int


class UnitCount(BaseModel):
    unit_id: str
    name: str
    persons: int


class SpanReport(BaseModel):
    person_id: str
    name: str
    as_of: date
    posts: list[str]
    members: list[SpanMember]
    vacant_posts: list[str] = Field(default_factory=list)
    levels: list[LevelCount] = Field(default_factory=list)
    units: list[UnitCount] = Field(default_factory=list)
    total: int = 0
    """Distinct persons supervised (a person holding two posts in the span counts once)."""


def below(snap: Snapshot, roots: list[str]) -> dict[str, tuple[int, str]]:
    """Post id -> (level, root post) for every post under the roots (breadth first)."""
    children = Chains.of(snap).children()
    found: dict[str, tuple[int, str]] = {}
    frontier = [(r, r) for r in roots]
    depth = 0
    while frontier:
        depth += 1
        following = []
        for post_id, root in frontier:
            for child in children.get(post_id, []):
                if child not in found and child not in roots:
                    found[child] = (depth, root)
                    following.append((child, root))
        frontier = following
    return found


def span(store: GraphStore, person_id: str, as_of: date | None = None,
         snap: Snapshot | None = None) -> SpanReport:
    """Everyone `person_id` supervises on `as_of` (default today), with counts; `snap` is the
    snapshot of that day when the caller keeps one."""
    resolve_subject(store, person_id, "person")
    day = as_of or date.today()
    snap = snap or Snapshot.load(store, day)
    roots = snap.posts_of.get(person_id, [])
    under = below(snap, roots)
    people = names(store, {person_id, *(p for q in under for p in snap.holders.get(q, []))})
    members: list[SpanMember] = []
    vacant: list[str] = []
    for post_id, (lvl, root) in sorted(under.items(), key=lambda x: (x[1][0], x[0])):
        holders = [p for p in snap.holders.get(post_id, []) if p != person_id]
        if not snap.holders.get(post_id):
            vacant.append(post_id)
        unit_id = snap.posts[post_id].unit_id
        members.extend(
            SpanMember(person_id=p, name=people[p], post_id=post_id, unit_id=unit_id,
                       label=post_label(snap.posts, snap.units, post_id), level=lvl, via=root,
                       acting=is_acting(snap.holding_of[(p, post_id)]))
            for p in holders)
    levels = [LevelCount(level=lvl, posts=sum(1 for v in under.values() if v[0] == lvl),
                         persons=len({m.person_id for m in members if m.level == lvl}),
                         vacant=sum(1 for p in vacant if under[p][0] == lvl))
              for lvl in sorted({v[0] for v in under.values()})]
    per_unit: dict[str, set[str]] = defaultdict(set)
    for m in members:
        per_unit[m.unit_id].add(m.person_id)
    units = [UnitCount(unit_id=u, name=snap.units[u].name if u in snap.units else u,
                       persons=len(ps)) for u, ps in sorted(per_unit.items())]
    return SpanReport(person_id=person_id, name=people[person_id], as_of=day, posts=roots,
                      members=members, vacant_posts=vacant, levels=levels, units=units,
                      total=len({m.person_id for m in members}))
