"""Reads shared by the supervision queries: edges around given people, labels, names.

Per-person reads go through `GraphStore.expand` (an index lookup in both stores) rather than
scanning a whole edge type.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from graph import records as r
from graph.convert import edge_to_model, node_to_model
from graph.ids import node_key
from graph.model import Act, Holding, Person, Post, Unit
from graph.records import EdgeRecord
from graph.store.base import GraphStore

EXPAND_CAP = 1_000_000
"""Edges read per person: far above any real degree, so nothing is cut."""

TRAIL_TYPES = ("RECOMMENDS", "INSPECTS", "VOTES_ON", "DECIDES")


def edges_around(store: GraphStore, keys: Iterable[str], types: Sequence[str],
                 as_of: date | None = None) -> list[EdgeRecord]:
    """Edges of these types touching any of the keys, once each, sorted by id."""
    wanted = sorted(set(keys))
    if not wanted:
        return []
    found: dict[str, EdgeRecord] = {}
    for exp in store.expand(wanted, list(types), r.iso(as_of), EXPAND_CAP).values():
        for edge in exp.edges:
            found[edge.id] = edge
    return [found[k] for k in sorted(found)]


def holdings_of(store: GraphStore, person_ids: Iterable[str],
                as_of: date | None = None) -> dict[str, list[Holding]]:
    """Each person's holdings (all of them, or those active on `as_of`), by start."""
    out: dict[str, list[Holding]] = defaultdict(list)
    keys = [node_key("Person", p) for p in person_ids]
    for edge in edges_around(store, keys, [r.HOLDS], as_of):
        h = edge_to_model(edge)
        if isinstance(h, Holding):
            out[h.person_id].append(h)
    return {p: sorted(hs, key=lambda h: (h.start, h.post_id)) for p, hs in out.items()}


def holdings_at(store: GraphStore, post_ids: Iterable[str]) -> list[Holding]:
    """Every holding (all time) of these posts, sorted by (post, start, person)."""
    keys = [node_key("Post", p) for p in post_ids]
    found = [h for e in edges_around(store, keys, [r.HOLDS])
             if isinstance(h := edge_to_model(e), Holding)]
    return sorted(found, key=lambda h: (h.post_id, h.start, h.person_id))


def acts_of(store: GraphStore, person_ids: Iterable[str], types: Sequence[str], *,
            as_actor: bool, as_of: date | None = None) -> list[Act]:
    """Acts of these types done by (`as_actor`) or done on the given people."""
    ids = set(person_ids)
    out = []
    for edge in edges_around(store, (node_key("Person", p) for p in ids), types, as_of):
        act = edge_to_model(edge)
        if isinstance(act, Act) and (act.actor_id if as_actor else act.candidate_id) in ids:
            out.append(act)
    return sorted(out, key=lambda a: (a.on or date.min, a.id))


def persons(store: GraphStore, person_ids: Iterable[str]) -> dict[str, Person]:
    keys = sorted({node_key("Person", p) for p in person_ids})
    return {m.id: m for n in store.nodes(keys).values()
            if isinstance(m := node_to_model(n), Person)}


def names(store: GraphStore, person_ids: Iterable[str]) -> dict[str, str]:
    """Person id -> name (the id itself for unknown people)."""
    ids = sorted(set(person_ids))
    found = persons(store, ids)
    return {p: found[p].name if p in found else p for p in ids}


def posts_and_units(store: GraphStore,
                    post_ids: Iterable[str]) -> tuple[dict[str, Post], dict[str, Unit]]:
    """The posts with these ids and the units they are in."""
    keys = sorted({node_key("Post", p) for p in post_ids})
    posts = {m.id: m for n in store.nodes(keys).values()
             if isinstance(m := node_to_model(n), Post)}
    ukeys = sorted({node_key("Unit", p.unit_id) for p in posts.values()})
    units = {m.id: m for n in store.nodes(ukeys).values()
             if isinstance(m := node_to_model(n), Unit)}
    return posts, units


def post_label(posts: dict[str, Post], units: dict[str, Unit], post_id: str) -> str:
    """Unit name + title (示范县财政局副局长), as avoidance evidence labels posts."""
    post = posts.get(post_id)
    if post is None:
        return post_id
    unit = units.get(post.unit_id)
    return f"{unit.name if unit else post.unit_id}{post.title}"
