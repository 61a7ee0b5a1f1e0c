"""The organisation as of a date: units, posts, who holds what, and who leads whom.

Built once per check from store scans (both stores give the same scans), so the post
relations every rule uses are computed in one place. Leads carry the ids of the real edges
that establish them, for evidence paths.
"""

from __future__ import annotations

import copy
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import InitVar, dataclass, field
from datetime import date
from typing import Any, Protocol, TypeVar, runtime_checkable

from graph import records as r
from graph.convert import edge_to_model, node_to_model
from graph.ids import node_key
from graph.model import Holding, Post, Region, Unit
from graph.records import structural_edge
from graph.regions import is_region_code, parent_code
from graph.store.base import GraphStore
from graph.vocab import PostRole, UnitKind
from queries.patched import Patched

T = TypeVar("T")
MAX_SHARED = 256
"""Date-scoped facts kept per snapshot (see `Snapshot.remember`); the oldest go first."""
ORG = "org:"
LEADING = (PostRole.principal, PostRole.deputy, PostRole.member)
LED_BY_COMMITTEE = frozenset(UnitKind) - {UnitKind.party_committee, UnitKind.enterprise,
                                          UnitKind.institution, UnitKind.other}
"""Root units led by the same region's party committee (党委领导同级政府、人大 ...)."""


@dataclass(frozen=True)
class Lead:
    """`leader` leads the post directly; `edges` are the ids of the edges that say so."""

    leader: str
    edges: tuple[str, ...]
    how: str


def _edge_id(kind: str, source: str, target: str) -> str:
    return structural_edge(kind, source, target).id


@runtime_checkable
class SnapshotSource(Protocol):
    """A store that keeps the day's snapshot (`api.cache.CachedStore`)."""

    def snapshot(self, as_of: date | None) -> Snapshot:
        ...


def region_parents_of(store: GraphStore) -> dict[str, str]:
    """Region code -> the parent regions.csv declares (where the prefix rule does not hold)."""
    return {reg.code: reg.parent_code for n in store.scan_nodes("Region")
            if isinstance(reg := node_to_model(n), Region) and reg.parent_code}


@dataclass
class Snapshot:
    as_of: date | None
    units: dict[str, Unit]
    posts: dict[str, Post]
    holdings: InitVar[Iterable[Holding]]
    """The holdings in force (input only: read `holding_of`, `holders`, `posts_of`)."""
    holders: Mapping[str, list[str]] = field(default_factory=dict)
    posts_of: Mapping[str, list[str]] = field(default_factory=dict)
    holding_of: Mapping[tuple[str, str], Holding] = field(default_factory=dict)
    """Read-only maps (a what-if snapshot's are `Patched` over its source's)."""
    principals: dict[str, list[str]] = field(default_factory=dict)
    overseers: dict[str, list[str]] = field(default_factory=dict)
    root_committee: dict[str, str] = field(default_factory=dict)
    """Region code -> the root party committee governing it (党委领导同级政府、人大、政协)."""
    region_parents: dict[str, str] = field(default_factory=dict)
    """Region code -> its parent as the graph has it: the `parent_code` regions.csv declares,
    else the code-prefix parent (the WITHIN edges of `graph.convert`)."""
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Indexes derived from this snapshot by later modules (the chain walker ...), built once
    per snapshot: a cached snapshot serves many requests."""
    origin: Snapshot | None = field(default=None, repr=False, compare=False)
    """For a what-if snapshot (`moved`), the stored snapshot it was patched from."""
    changed: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    """For a what-if snapshot, the posts whose holders or holdings differ from `origin`'s:
    anything derived from the holders of other posts can be taken from `origin`."""
    shared: dict[tuple[str, ...], Any] = field(default_factory=dict, repr=False, compare=False)
    """Facts that depend on the date but not on who holds which post (kinship paths, acts),
    by key; a what-if snapshot (`moved`) shares them with the snapshot it came from."""
    shared_lock: threading.Lock = field(default_factory=threading.Lock, repr=False,
                                        compare=False)

    def __post_init__(self, holdings: Iterable[Holding]) -> None:
        holders: dict[str, list[str]] = defaultdict(list)
        posts_of: dict[str, list[str]] = defaultdict(list)
        holding_of: dict[tuple[str, str], Holding] = dict(self.holding_of)
        for h in sorted(holdings, key=lambda h: (h.post_id, h.person_id, h.start)):
            if (h.person_id, h.post_id) not in holding_of:
                holders[h.post_id].append(h.person_id)
                posts_of[h.person_id].append(h.post_id)
            holding_of[(h.person_id, h.post_id)] = h
        self.holders, self.posts_of, self.holding_of = dict(holders), dict(posts_of), holding_of
        principals: dict[str, list[str]] = defaultdict(list)
        overseers: dict[str, list[str]] = defaultdict(list)
        for post in sorted(self.posts.values(), key=lambda p: p.id):
            if post.role == PostRole.principal:
                principals[post.unit_id].append(post.id)
            for unit_id in post.oversees:
                overseers[unit_id].append(post.id)
        self.principals, self.overseers = dict(principals), dict(overseers)
        for unit in sorted(self.units.values(), key=lambda u: u.id):
            if unit.kind == UnitKind.party_committee and not unit.parent_id and unit.region_code:
                self.root_committee.setdefault(unit.region_code, unit.id)

    @classmethod
    def load(cls, store: GraphStore, as_of: date | None,
             extra: Iterable[Holding] = (), ending: Iterable[str] = ()) -> Snapshot:
        """The snapshot on `as_of`; `extra` holdings are added (what-if) and the current
        holdings of the persons in `ending` are dropped (they move). A store that keeps
        snapshots (`SnapshotSource`, the API's cache) serves its own, built once per date."""
        extra, ending = list(extra), list(ending)
        base = (store.snapshot(as_of) if isinstance(store, SnapshotSource)
                else cls.build(store, as_of))
        return base.moved(extra, ending) if extra or ending else base

    @classmethod
    def build(cls, store: GraphStore, as_of: date | None) -> Snapshot:
        """The snapshot on `as_of` read from the store's scans (no cache)."""
        units = {u.id: u for n in store.scan_nodes("Unit")
                 if isinstance(u := node_to_model(n), Unit)}
        posts = {p.id: p for n in store.scan_nodes("Post")
                 if isinstance(p := node_to_model(n), Post)}
        holdings = [h for e in store.scan_edges(r.HOLDS, r.iso(as_of))
                    if isinstance(h := edge_to_model(e), Holding)]
        return cls(as_of, units, posts, holdings, region_parents=region_parents_of(store))

    def moved(self, extra: Iterable[Holding] = (), ending: Iterable[str] = ()) -> Snapshot:
        """This snapshot after a what-if: the current holdings of the persons in `ending`
        end and the `extra` holdings begin. Equal to `Snapshot.load(store, as_of, extra,
        ending)` on the same store, built by patching only the people and posts that change;
        `self` is not changed."""
        leaving = set(ending)
        added = sorted(extra, key=lambda h: (h.post_id, h.person_id, h.start))
        new = copy.copy(self)
        holders: Patched[str, list[str]] = Patched(self.holders)
        posts_of: Patched[str, list[str]] = Patched(self.posts_of)
        holding_of: Patched[tuple[str, str], Holding] = Patched(self.holding_of)
        new.holders, new.posts_of, new.holding_of = holders, posts_of, holding_of
        new.memo = {k: v for k, v in self.memo.items() if k.startswith(ORG)}
        new.origin = self.origin or self
        touched = set(self.changed)
        for person in leaving:
            for post in posts_of.pop(person, []):
                touched.add(post)
                holding_of.pop((person, post), None)
                left = [p for p in holders[post] if p != person]
                if left:
                    holders[post] = left
                else:
                    del holders[post]
        for h in added:  # as __post_init__: the latest start wins, ties to the later one
            held = holding_of.get((h.person_id, h.post_id))
            if held is None:
                holders[h.post_id] = sorted([*holders.get(h.post_id, []), h.person_id])
                posts_of[h.person_id] = sorted([*posts_of.get(h.person_id, []),
                                                h.post_id])
            if held is None or held.start <= h.start:
                holding_of[(h.person_id, h.post_id)] = h
                touched.add(h.post_id)
        new.changed = frozenset(touched)
        return new

    def org_memo(self, name: str, compute: Callable[[], T]) -> T:
        """An index that depends on posts and units only, built once and kept by what-if
        snapshots (`moved` changes holdings, never posts or units)."""
        key = ORG + name
        if key not in self.memo:
            self.memo[key] = compute()
        found: T = self.memo[key]
        return found

    def remember(self, key: tuple[str, ...], compute: Callable[[], T]) -> T:
        """`compute()` once per key for this date (see `shared`)."""
        with self.shared_lock:  # requests in threads share a cached snapshot
            if key in self.shared:
                found: T = self.shared.pop(key)
                self.shared[key] = found  # most recently used last: eviction takes the oldest
                return found
        value = compute()  # outside the lock: it may read the store
        with self.shared_lock:
            self.shared[key] = value
            while len(self.shared) > MAX_SHARED:
                self.shared.pop(next(iter(self.shared)))
        return value

    def region_ancestors(self, code: str) -> list[str]:
        """The regions enclosing `code`, nearest first, by the graph's hierarchy."""
        out: list[str] = []
        current: str | None = code
        while current is not None:
            current = self.region_parents.get(current) or parent_code(current)
            if current is None or current in out or current == code:
                break
            out.append(current)
        return out

    def within(self, code: str, area: str) -> bool:
        """Whether region `code` is `area` or lies inside it."""
        return code == area or area in self.region_ancestors(code)

    def held_posts(self, person_ids: Iterable[str] | None = None) -> list[str]:
        """The posts held on the date (by one of `person_ids` when given), sorted."""
        if person_ids is None:
            return sorted(self.holders)
        return sorted({post for p in person_ids for post in self.posts_of.get(p, [])})

    def holding_edge(self, person_id: str, post_id: str) -> str:
        return self.holding_of[(person_id, post_id)].id

    def unit_of(self, post_id: str) -> Unit:
        return self.units[self.posts[post_id].unit_id]

    def is_leading(self, post_id: str) -> bool:
        return self.posts[post_id].role in LEADING

    def leaders_of(self, post_id: str) -> list[Lead]:
        """The direct leader post(s) by the roster rule: explicit `reports_to`; else deputies,
        members and staff -> their unit's principal; a principal -> the post(s) overseeing the
        unit, else (a root government, 人大, 政协 ...) the principal of the root party committee
        of the same region, else the principal of the parent unit."""
        post = self.posts[post_id]
        pkey = node_key("Post", post.id)
        if post.reports_to and post.reports_to in self.posts:
            target = node_key("Post", post.reports_to)
            return [Lead(post.reports_to, (_edge_id(r.REPORTS_TO, pkey, target),), "reports_to")]
        unit = self.units.get(post.unit_id)
        if unit is None:
            return []
        ukey = node_key("Unit", unit.id)
        if post.role != PostRole.principal:
            return [Lead(p, (_edge_id(r.IN_UNIT, pkey, ukey),
                             _edge_id(r.IN_UNIT, node_key("Post", p), ukey)), "principal")
                    for p in self.principals.get(unit.id, []) if p != post.id]
        over = self.overseers.get(unit.id, [])
        if over:
            return [Lead(p, (_edge_id(r.IN_UNIT, pkey, ukey),
                             _edge_id(r.OVERSEES, node_key("Post", p), ukey)), "oversees")
                    for p in over if p != post.id]
        if not unit.parent_id and unit.kind in LED_BY_COMMITTEE and is_region_code(
                unit.region_code):
            assert unit.region_code is not None
            committee = self.root_committee.get(unit.region_code)
            if committee is not None:
                region = node_key("Region", unit.region_code)
                ckey = node_key("Unit", committee)
                return [Lead(p, (_edge_id(r.IN_UNIT, pkey, ukey),
                                 _edge_id(r.IN_REGION, ukey, region),
                                 _edge_id(r.IN_REGION, ckey, region),
                                 _edge_id(r.IN_UNIT, node_key("Post", p), ckey)), "committee")
                        for p in self.principals.get(committee, [])]
        if unit.parent_id and unit.parent_id in self.units:
            parent_key = node_key("Unit", unit.parent_id)
            return [Lead(p, (_edge_id(r.IN_UNIT, pkey, ukey), _edge_id(r.PART_OF, ukey, parent_key),
                             _edge_id(r.IN_UNIT, node_key("Post", p), parent_key)), "parent")
                    for p in self.principals.get(unit.parent_id, [])]
        return []

    def superiors_of(self, post_id: str) -> list[Lead]:
        """Direct superiors: the direct leaders, plus, for a leading post, the posts that
        oversee its unit (上一级正副职与下一级正副职之间的领导关系)."""
        leads = {lead.leader: lead for lead in self.leaders_of(post_id)}
        post = self.posts[post_id]
        if post.role in LEADING:
            ukey = node_key("Unit", post.unit_id)
            for p in self.overseers.get(post.unit_id, []):
                if p != post_id and p not in leads:
                    leads[p] = Lead(p, (_edge_id(r.IN_UNIT, node_key("Post", post_id), ukey),
                                        _edge_id(r.OVERSEES, node_key("Post", p), ukey)),
                                    "oversees")
        return [leads[k] for k in sorted(leads)]
