"""Batched avoidance facts: kin pairs found once, placements judged in memory.

A full what-if per (person, post) would re-read the store and re-audit everyone. Instead the
kin pairs between the people being placed and everyone holding a post are found with one
store call; a placement (who goes where) is then judged by running the audit's own rule
functions (`PAIR_RULES`, `region_findings`) on a small overlay of the snapshot that holds only
the placed people and their kin. The overlay shares the organisation (posts, units, leads)
with the snapshot, so the verdicts are those the audit would give on the same state.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from graph import records as r
from graph.ids import node_key
from graph.model import Holding
from graph.store.base import GraphStore
from queries.avoidance.context import Context
from queries.avoidance.kin_rules import PAIR_RULES
from queries.avoidance.region import region_findings
from queries.findings import Finding, one_per_key
from queries.kin_pairs import KinPair, kin_pairs
from queries.rotation.facts import Facts
from queries.rotation.scope import AVOIDANCE_MOVES

Key = tuple[str, tuple[str, ...]]
Placement = Mapping[str, Sequence[str]]
"""person -> the posts they hold in the placement (their current ones are dropped)."""


class AvoidanceIndex:
    def __init__(self, store: GraphStore, facts: Facts, people: Iterable[str],
                 responsible: Mapping[str, set[Key]] | None = None) -> None:
        """`people`: who may be placed; `responsible`: per person, the keys of the findings
        they are due to resolve by moving (a placement that keeps one is no resolution);
        by default those of their current findings that name them (or nobody) as mover."""
        self.store, self.facts = store, facts
        self._leads: dict[str, set[str]] = {}
        self.people = sorted(set(people))
        holders = sorted(set(facts.snap.posts_of) | set(self.people))
        seeds = [node_key("Person", p) for p in self.people]
        targets = [node_key("Person", p) for p in holders]
        found = kin_pairs(store, seeds, r.iso(facts.as_of), targets) if seeds else []
        facts.ensure(store, (x.partition("/")[2] for pair in found for x in pair.path.nodes))
        self.kin: dict[str, list[KinPair]] = defaultdict(list)
        for pair in found:
            a, b = pair.a.partition("/")[2], pair.b.partition("/")[2]
            self.kin[a].append(pair)
            if b != a:
                self.kin[b].append(pair)
        current = {p: facts.current_posts(p) for p in self.people if facts.current_posts(p)}
        self.current = self.findings(current)
        self.before: set[Key] = {f.key() for f in self.current}
        if responsible is None:
            responsible = defaultdict(set)
            for f in self.current:
                for p in [f.mover] if f.mover else f.persons:
                    responsible[p].add(f.key())
        self.responsible = {k: set(v) for k, v in responsible.items()}

    def related(self, a: str, b: str) -> bool:
        """Whether two posts can put their holders in a kin conflict at all: the same unit
        (KIN-SAME-LEADER, KIN-SENSITIVE), one a direct superior of the other
        (KIN-DIRECT-LEAD), or one's unit regulating the other's (KIN-BUSINESS)."""
        posts, units = self.facts.snap.posts, self.facts.snap.units
        ua, ub = posts[a].unit_id, posts[b].unit_id
        if ua == ub or a in self._superiors(b) or b in self._superiors(a):
            return True
        return any(u in units and v in units[u].regulates for u, v in ((ua, ub), (ub, ua)))

    def _superiors(self, post_id: str) -> set[str]:
        if post_id not in self._leads:
            self._leads[post_id] = {x.leader for x in self.facts.snap.superiors_of(post_id)}
        return self._leads[post_id]

    def kin_of(self, person_id: str) -> set[str]:
        return {x.partition("/")[2] for pair in self.kin.get(person_id, [])
                for x in (pair.a, pair.b)} - {person_id}

    def _overlay(self, placed: Placement) -> Context:
        facts = self.facts
        base = facts.snap
        posts_of: dict[str, list[str]] = {p: list(posts) for p, posts in placed.items()}
        for person_id in placed:
            for other in self.kin_of(person_id):
                if other not in posts_of and other in base.posts_of:
                    posts_of[other] = list(base.posts_of[other])
        holding_of = {}
        for person_id, posts in posts_of.items():
            for post_id in posts:
                holding_of[(person_id, post_id)] = base.holding_of.get((person_id, post_id)) or (
                    Holding(person_id=person_id, post_id=post_id, start=facts.as_of))
        holders: dict[str, list[str]] = defaultdict(list)
        for person_id, targets in placed.items():
            for post_id in targets:
                holders[post_id].append(person_id)
        snap = copy.copy(base)
        snap.posts_of, snap.holding_of, snap.holders = posts_of, holding_of, dict(holders)
        return Context(self.store, facts.rules, snap, facts.persons)

    def findings(self, placed: Placement) -> list[Finding]:
        """Avoidance findings (of rules a move resolves) involving the placed people, everyone
        else at their current posts."""
        if not placed:
            return []
        ctx = self._overlay(placed)
        pairs = {pair.pair: pair for p in placed for pair in self.kin.get(p, [])}
        out: list[Finding] = []
        for pair in pairs.values():
            for rule_fn in PAIR_RULES:
                out.extend(rule_fn(ctx, pair))
        out.extend(region_findings(ctx, set(placed)))
        return one_per_key(f for f in out if f.rule in AVOIDANCE_MOVES)

    def blockers(self, placed: Placement) -> list[Finding]:
        """The findings that forbid a placement: new ones, and those a placed person was due
        to resolve and still has."""
        return [f for f in self.findings(placed)
                if f.key() not in self.before
                or any(f.key() in self.responsible.get(p, set())
                       for p in placed if p in f.persons)]
