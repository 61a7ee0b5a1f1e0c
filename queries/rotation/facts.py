"""Everything rotation planning reads, loaded from the store once per request.

One scan per node label and one scan of all holdings (the whole history, not only the
current ones): tenure, eligibility and planning then work in memory. The organisation as of
the planning date is a `Snapshot` built from the same holdings, so the avoidance rules see
exactly what the audit sees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph import records as r
from graph.convert import edge_to_model, node_to_model
from graph.errors import NotFound
from graph.ids import node_key
from graph.model import Assessment, Holding, Person, Post, Training, Unit
from graph.records import NodeRecord
from graph.store.base import GraphStore
from queries.ranks import level
from queries.rotation.retirement import retirement_date
from queries.rules import RuleSet
from queries.snapshot import LEADING, Snapshot, region_parents_of


@dataclass
class Facts:
    as_of: date
    rules: RuleSet
    snap: Snapshot
    persons: dict[str, Person]
    history: dict[str, list[Holding]] = field(default_factory=dict)
    """Every holding of each person, sorted by start."""
    post_history: dict[str, list[Holding]] = field(default_factory=dict)
    assessments: dict[str, list[Assessment]] = field(default_factory=dict)
    trainings: dict[str, list[Training]] = field(default_factory=dict)
    memo: dict[tuple[str, str], Any] = field(default_factory=dict)
    """Per-request cache of derived values (e.g. a post's terms), keyed (kind, id)."""

    @classmethod
    def build(cls, as_of: date, rules: RuleSet, units: Iterable[Unit], posts: Iterable[Post],
              persons: Iterable[Person], holdings: Iterable[Holding],
              assessments: Iterable[Assessment] = (),
              trainings: Iterable[Training] = (),
              region_parents: dict[str, str] | None = None) -> Facts:
        every = sorted(holdings, key=lambda h: (h.start, h.person_id, h.post_id))
        snap = Snapshot(as_of, {u.id: u for u in units}, {p.id: p for p in posts},
                        [h for h in every if h.active_on(as_of)],
                        region_parents=region_parents or {})
        history: dict[str, list[Holding]] = defaultdict(list)
        post_history: dict[str, list[Holding]] = defaultdict(list)
        for h in every:
            history[h.person_id].append(h)
            post_history[h.post_id].append(h)
        assessed: dict[str, list[Assessment]] = defaultdict(list)
        for a in sorted(assessments, key=lambda a: a.year):
            assessed[a.person_id].append(a)
        trained: dict[str, list[Training]] = defaultdict(list)
        for t in sorted(trainings, key=lambda t: t.start):
            trained[t.person_id].append(t)
        return cls(as_of, rules, snap, {p.id: p for p in persons}, dict(history),
                   dict(post_history), dict(assessed), dict(trained))

    @classmethod
    def load(cls, store: GraphStore, rules: RuleSet, as_of: date) -> Facts:
        """Units, posts, all holdings, and the persons (with their assessments and trainings)
        who ever held a post; anyone else is read on demand (`ensure`)."""
        holdings = [h for e in store.scan_edges(r.HOLDS)
                    if isinstance(h := edge_to_model(e), Holding)]
        cadres = {h.person_id for h in holdings}

        def models(label: str, keep: Callable[[NodeRecord], bool] = lambda n: True
                   ) -> list[object]:
            return [node_to_model(n) for n in store.scan_nodes(label) if keep(n)]

        def mine(n: NodeRecord) -> bool:
            return n.props.get("person_id") in cadres

        return cls.build(
            as_of, rules,
            [u for u in models("Unit") if isinstance(u, Unit)],
            [p for p in models("Post") if isinstance(p, Post)],
            [p for p in models("Person", lambda n: n.key.partition("/")[2] in cadres)
             if isinstance(p, Person)], holdings,
            [a for a in models("Assessment", mine) if isinstance(a, Assessment)],
            [t for t in models("Training", mine) if isinstance(t, Training)],
            region_parents_of(store))

    def ensure(self, store: GraphStore, person_ids: Iterable[str]) -> None:
        """Reads the persons not loaded yet (relatives, people without any post)."""
        missing = sorted({node_key("Person", p) for p in person_ids if p not in self.persons})
        for node in store.nodes(missing).values():
            if isinstance(person := node_to_model(node), Person):
                self.persons[person.id] = person

    # --- lookups -------------------------------------------------------------------------

    def in_rank_window(self, mine: int, target: int) -> bool:
        """A move from level `mine` to `target` is lateral or up by at most the rule set's
        `PROMO-PROBATION.max_level_jump` (不得越级提拔)."""
        jump = int(self.rules.rule("PROMO-PROBATION").param("max_level_jump"))
        return 0 <= target - mine <= jump

    def person(self, person_id: str) -> Person:
        found = self.persons.get(person_id)
        if found is None:
            raise NotFound(f"no person with id {person_id!r}")
        return found

    def post(self, post_id: str) -> Post:
        found = self.snap.posts.get(post_id)
        if found is None:
            raise NotFound(f"no post with id {post_id!r}")
        return found

    def name(self, person_id: str) -> str:
        person = self.persons.get(person_id)
        return person.name if person else person_id

    def post_label(self, post_id: str) -> str:
        post = self.snap.posts.get(post_id)
        if post is None:
            return post_id
        unit = self.snap.units.get(post.unit_id)
        return f"{unit.name if unit else post.unit_id}{post.title}"

    def unit_of(self, post_id: str) -> Unit | None:
        return self.snap.units.get(self.snap.posts[post_id].unit_id)

    def current_posts(self, person_id: str) -> list[str]:
        return self.snap.posts_of.get(person_id, [])

    def is_leading(self, post_id: str) -> bool:
        return self.snap.posts[post_id].role in LEADING

    def current_level(self, person_id: str) -> int:
        """The highest rank level among the person's current posts (0 when none known)."""
        key = ("level", person_id)
        if key not in self.memo:
            self.memo[key] = max((level(self.snap.posts[p].rank)
                                  for p in self.current_posts(person_id)), default=0)
        found: int = self.memo[key]
        return found

    def main_post(self, person_id: str) -> str | None:
        """The current post with the highest rank (leading first), for display and scoring."""
        posts = self.current_posts(person_id)
        return max(posts, key=lambda p: (level(self.snap.posts[p].rank), self.is_leading(p),
                                         p), default=None)

    def vacancy(self, post_id: str) -> int:
        """Free places on the post as of the planning date (headcount minus holders)."""
        post = self.snap.posts[post_id]
        return max(0, post.headcount - len(self.snap.holders.get(post_id, [])))

    def retirement(self, person_id: str) -> date | None:
        person = self.persons.get(person_id)
        return retirement_date(person, self.rules) if person else None
