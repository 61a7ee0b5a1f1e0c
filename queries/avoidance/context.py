"""What every avoidance rule reads: the snapshot, the people in it, and evidence builders."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from graph.convert import node_to_model
from graph.ids import node_key
from graph.model import Person
from graph.records import NodeRecord
from graph.store.base import GraphPath, GraphStore
from queries.findings import Evidence
from queries.kin_pairs import KinPair
from queries.rules import RuleSet
from queries.snapshot import Lead, Snapshot

MAX_KNOWN = 200_000
"""Person models kept per date for the checks (`Snapshot.remember`), read once each."""


def known_persons(snap: Snapshot) -> OrderedDict[str, Person]:
    """The person records read for the snapshot's date (shared with what-if snapshots)."""
    known: OrderedDict[str, Person] = snap.remember(("persons",), OrderedDict)
    return known


def keep_persons(snap: Snapshot, nodes: Iterable[NodeRecord]) -> dict[str, Person]:
    """Keep the person records among `nodes` for the date (`known_persons`); returns them."""
    known = known_persons(snap)
    read = {m.id: m for n in nodes if isinstance(m := node_to_model(n), Person)}
    known.update(read)
    while len(known) > MAX_KNOWN:  # the oldest first, a few at a time: no pause to free all
        known.popitem(last=False)
    return read


@dataclass
class Context:
    store: GraphStore
    rules: RuleSet
    snap: Snapshot
    persons: dict[str, Person]

    @classmethod
    def build(cls, store: GraphStore, rules: RuleSet, snap: Snapshot,
              person_ids: Iterable[str]) -> Context:
        """A context with the given people read (in one read); anyone else a finding names
        is read when it is named (`person`)."""
        ctx = cls(store, rules, snap, {})
        ctx.read(person_ids)
        return ctx

    def read(self, person_ids: Iterable[str]) -> None:
        """Read these people (those not known for the date yet) in one store read."""
        known = known_persons(self.snap)
        wanted = set(person_ids) - self.persons.keys()
        missing = sorted(node_key("Person", p) for p in wanted if p not in known)
        if missing:
            self.persons.update(keep_persons(self.snap, self.store.nodes(missing).values()))
        self.persons.update({p: m for p in wanted if (m := known.get(p)) is not None})

    def person(self, person_id: str) -> Person | None:
        if person_id not in self.persons:
            self.read([person_id])
        return self.persons.get(person_id)

    def name(self, person_id: str) -> str:
        person = self.person(person_id)
        return person.name if person else person_id

    def person_node(self, person_id: str) -> Evidence:
        return Evidence(kind="node", id=node_key("Person", person_id), type="Person",
                        label=self.name(person_id))

    def post_node(self, post_id: str) -> Evidence:
        post = self.snap.posts[post_id]
        unit = self.snap.units.get(post.unit_id)
        label = f"{unit.name if unit else post.unit_id}{post.title}"
        return Evidence(kind="node", id=node_key("Post", post_id), type="Post", label=label)

    def unit_node(self, unit_id: str) -> Evidence:
        unit = self.snap.units[unit_id]
        return Evidence(kind="node", id=node_key("Unit", unit_id), type="Unit", label=unit.name)

    def holding(self, person_id: str, post_id: str) -> list[Evidence]:
        """person -HOLDS-> post."""
        return [Evidence(kind="edge", id=self.snap.holding_edge(person_id, post_id), type="HOLDS",
                         source=node_key("Person", person_id), target=node_key("Post", post_id),
                         label="任职"),
                self.post_node(post_id)]

    def lead(self, lead: Lead) -> list[Evidence]:
        """The edges that make `lead.leader` the leader, and the leader's post."""
        items = []
        for edge_id in lead.edges:
            kind, _, ends = edge_id.partition(":")
            source, _, target = ends.partition("->")
            items.append(Evidence(kind="edge", id=edge_id, type=kind, source=source,
                                  target=target))
        return [*items, self.post_node(lead.leader)]


def kin_evidence(ctx: Context, pair: KinPair) -> list[Evidence]:
    """The kinship path: person, KIN edge, person ... as declared."""
    return path_evidence(ctx, pair.path)


def path_evidence(ctx: Context, path: GraphPath) -> list[Evidence]:
    out: list[Evidence] = [_person_key_node(ctx, path.nodes[0])]
    for edge, node in zip(path.edges, path.nodes[1:], strict=True):
        out.append(Evidence(kind="edge", id=edge.id, type=edge.type, source=edge.source,
                            target=edge.target, label=str(edge.props.get("relation", ""))))
        out.append(_person_key_node(ctx, node))
    return out


def _person_key_node(ctx: Context, key: str) -> Evidence:
    person_id = key.partition("/")[2]
    return Evidence(kind="node", id=key, type="Person", label=ctx.name(person_id))
