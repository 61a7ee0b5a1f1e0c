"""The supervision chain (rules.md §5) of a post or a person, as of a date.

A deputy or staff post -> its unit's principal (一把手) -> the post overseeing that unit
(分管) -> its principal -> ... -> the top leader of the top unit. Each step up is
`Snapshot.leaders_of` (the roster default rule and explicit `reports_to`). Where a post has
several leaders, the chain follows the highest-ranked (`queries.ranks`), then the smallest
post id, and records the others as `alternatives`. A vacant post stays in the chain
(`vacant`) and the chain goes on above it. A chain that comes back to a post already in it
stops there and names the loop in `cycle` (and has no `top`).
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from graph.errors import InvalidInput, NotFound
from graph.ids import node_key
from graph.store.base import GraphStore
from queries.ranks import level
from queries.snapshot import Lead, Snapshot
from queries.supervision.flags import is_acting
from queries.supervision.reads import names, post_label

Kind = Literal["person", "post"]
MAX_WALKS = 50_000
"""Chains kept per snapshot (each a few references: the steps are shared)."""
MAX_DEPTH = 200
"""Chains longer than this are walked step by step, not built from the leader's chain."""
RELATION_ZH = {"self": "本职位", "reports_to": "直接领导", "principal": "本单位正职",
               "oversees": "分管领导", "parent": "上级单位正职",
               "committee": "同级党委正职"}


class ChainStep(BaseModel):
    post_id: str
    label: str
    person_id: str | None
    """The holder shown for the post: a substantive holder before an acting one."""
    holders: list[str]
    acting: bool
    """Whether `person_id` only acts in the post (代理/主持工作, see `flags`)."""
    acting_holders: list[str] = Field(default_factory=list)
    relation: str
    """How this post leads the step below: reports_to, principal, oversees, parent (self for
    the subject's own post)."""
    vacant: bool
    edges: list[str] = Field(default_factory=list)
    """Ids of the edges that make this post the leader of the step below."""
    holding_edges: list[str] = Field(default_factory=list)
    alternatives: list[str] = Field(default_factory=list)
    """Other leader posts of the step below, not followed."""


class PostChain(BaseModel):
    post_id: str
    start: ChainStep
    chain: list[ChainStep]
    top: ChainStep | None
    cycle: list[str] = Field(default_factory=list)
    """The posts of the loop, from the one the chain came back to."""
    cycle_edges: list[str] = Field(default_factory=list)
    """The edges of the lead that closes the loop (from the last post back to `cycle[0]`)."""

    def supervisors(self) -> list[str]:
        """Everyone holding a post above, nearest first, once each."""
        return list(dict.fromkeys(p for s in self.chain for p in s.holders))


class ChainReport(BaseModel):
    subject: str
    kind: Kind
    as_of: date | None
    chains: list[PostChain]
    names: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True)
class _Seat:
    """Who sits in a post on the snapshot's date, as a chain step shows it."""

    label: str
    holders: tuple[str, ...]
    holding_edges: tuple[str, ...]
    acting: tuple[str, ...]
    shown: str | None


class Chains:
    """Chain walks over one snapshot, each post's leader choice computed once."""

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap
        self._up: dict[str, tuple[Lead | None, list[str]]] = snap.org_memo("up", dict)
        """Leader choices depend on posts and units only: what-if snapshots share them."""
        self._seats: dict[str, _Seat] = {}
        self._walks: OrderedDict[str, PostChain] = OrderedDict()

    @classmethod
    def of(cls, snap: Snapshot) -> Chains:
        """The walker of a snapshot, shared by everyone reading the same snapshot."""
        found = snap.memo.get("chains")
        if not isinstance(found, Chains):
            found = snap.memo["chains"] = cls(snap)
        return found

    def children(self) -> dict[str, list[str]]:
        """Leader post -> the posts whose chain follows it one step up (sorted ids)."""
        def build() -> dict[str, list[str]]:
            children: dict[str, list[str]] = defaultdict(list)
            for post_id in sorted(self.snap.posts):
                lead, _ = self.up(post_id)
                if lead is not None:
                    children[lead.leader].append(post_id)
            return dict(children)

        return self.snap.org_memo("children", build)

    def up(self, post_id: str) -> tuple[Lead | None, list[str]]:
        """The leader followed from a post and the alternatives (post ids) left aside."""
        if post_id not in self._up:
            posts = self.snap.posts
            leads = sorted(self.snap.leaders_of(post_id),
                           key=lambda x: (-level(posts[x.leader].rank), x.leader))
            self._up[post_id] = (leads[0], [x.leader for x in leads[1:]]) if leads else (
                None, [])
        return self._up[post_id]

    def seat(self, post_id: str) -> _Seat:
        """The post's holders on the date, read once per snapshot; a what-if snapshot takes
        those of the posts it did not change from the snapshot it came from."""
        found = self._seats.get(post_id)
        if found is not None:
            return found
        snap = self.snap
        if snap.origin is not None and post_id not in snap.changed:
            found = Chains.of(snap.origin).seat(post_id)
        else:
            holders = snap.holders.get(post_id, [])
            held = [snap.holding_of[(p, post_id)] for p in holders]
            acting = {h.person_id: is_acting(h) for h in held}
            chosen = min(held, key=lambda h: (acting[h.person_id], h.start, h.person_id),
                         default=None)
            found = _Seat(post_label(snap.posts, snap.units, post_id), tuple(holders),
                          tuple(h.id for h in held), tuple(p for p, a in acting.items() if a),
                          chosen.person_id if chosen else None)
        self._seats[post_id] = found
        return found

    def step(self, post_id: str, lead: Lead | None, alternatives: list[str]) -> ChainStep:
        seat = self.seat(post_id)
        return ChainStep.model_construct(  # built from the graph's own records: no validation
            post_id=post_id, label=seat.label, person_id=seat.shown, holders=list(seat.holders),
            acting=seat.shown is not None and seat.shown in seat.acting,
            acting_holders=list(seat.acting), relation=lead.how if lead else "self",
            vacant=not seat.holders, edges=list(lead.edges) if lead else [],
            holding_edges=list(seat.holding_edges), alternatives=alternatives)

    def walk(self, post_id: str, below: frozenset[str] = frozenset()) -> PostChain:
        """The chain of a post, built once per snapshot from the chain of its leader (steps
        are shared between the chains that pass through a post). A what-if snapshot takes the
        chains that pass no post it changed from the snapshot it came from. Chains are
        shared: read-only."""
        found = self._walks.get(post_id)
        if found is not None:
            return found
        snap = self.snap
        if snap.origin is not None:
            base = Chains.of(snap.origin).walk(post_id)
            if not any(s.post_id in snap.changed for s in (base.start, *base.chain)):
                found = base
        if found is None:
            lead, alternatives = self.up(post_id)
            if lead is None:
                start = self.step(post_id, None, [])
                found = PostChain.model_construct(post_id=post_id, start=start, chain=[],
                                                  top=start, cycle=[], cycle_edges=[])
            elif lead.leader not in below and lead.leader != post_id and len(below) < MAX_DEPTH:
                above = self.walk(lead.leader, below | {post_id})
                if not above.cycle and post_id not in {s.post_id for s in above.chain}:
                    chain = [self.step(lead.leader, lead, alternatives), *above.chain]
                    found = PostChain.model_construct(
                        post_id=post_id, start=self.step(post_id, None, []), chain=chain,
                        top=chain[-1], cycle=[], cycle_edges=[])
            if found is None:  # the chain loops: walk it step by step
                found = self.walk_through(post_id)
        self._walks[post_id] = found
        while len(self._walks) > MAX_WALKS:  # the oldest first: no pause to free them all
            self._walks.popitem(last=False)
        return found

    def walk_through(self, post_id: str) -> PostChain:
        """The chain of a post walked step by step (it finds loops)."""
        seen = [post_id]
        steps: list[ChainStep] = []
        cycle: list[str] = []
        closing: list[str] = []
        current = post_id
        while True:
            lead, alternatives = self.up(current)
            if lead is None:
                break
            if lead.leader in seen:
                cycle, closing = seen[seen.index(lead.leader):], list(lead.edges)
                break
            steps.append(self.step(lead.leader, lead, alternatives))
            seen.append(lead.leader)
            current = lead.leader
        start = self.step(post_id, None, [])
        top = None if cycle else (steps[-1] if steps else start)
        return PostChain(post_id=post_id, start=start, chain=steps, top=top, cycle=cycle,
                         cycle_edges=closing)


def resolve_subject(store: GraphStore, subject: str, kind: Kind | None = None) -> tuple[Kind, str]:
    """(kind, id) of `person/ID`, `post/ID`, or a bare id that is a person or a post."""
    prefix, sep, rest = subject.partition("/")
    if kind is None and sep and prefix in ("person", "post"):
        kind, subject = ("person" if prefix == "person" else "post"), rest
    kinds: tuple[Kind, ...] = (kind,) if kind else ("person", "post")
    found = [k for k in kinds
             if store.existing([node_key(k.capitalize(), subject)])]
    if not found:
        raise NotFound(f"no {' or '.join(kinds)} with id {subject!r}")
    if len(found) > 1:
        raise InvalidInput(f"{subject!r} is both a person and a post: write person/{subject} "
                           f"or post/{subject}")
    return found[0], subject


def chains_in(snap: Snapshot, kind: Kind, ident: str) -> list[PostChain]:
    walker = Chains.of(snap)
    post_ids = snap.posts_of.get(ident, []) if kind == "person" else [ident]
    return [walker.walk(p) for p in post_ids]


def chain_report(store: GraphStore, subject: str, as_of: date | None,
                 kind: Kind | None = None, snap: Snapshot | None = None) -> ChainReport:
    """The chains of a post, or one per post a person holds on `as_of` (default today; a
    person without a post then has no chain). `snap` is the snapshot of that day when the
    caller keeps one (the API caches them); otherwise it is loaded."""
    kind, ident = resolve_subject(store, subject, kind)
    as_of = as_of or date.today()
    chains = chains_in(snap or Snapshot.load(store, as_of), kind, ident)
    people = {p for c in chains for s in [c.start, *c.chain] for p in s.holders}
    if kind == "person":
        people.add(ident)
    return ChainReport(subject=ident, kind=kind, as_of=as_of, chains=chains,
                       names=names(store, people))
