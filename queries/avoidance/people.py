"""What a what-if check reads about the people it moves, in one store read.

Their records (and whether they exist), the kinship paths from them and the votes,
inspections and recommendations done by or on them: `GraphStore.kin_paths` with `around`.
They are kept for the snapshot's date where the checks look first (`Context`'s persons,
`holder_pairs`, `duty_facts`), so the checks themselves read nothing more about them.
"""

from __future__ import annotations

from graph import records as r
from graph.ids import node_key
from graph.store.base import GraphStore
from queries.avoidance.context import keep_persons
from queries.avoidance.duty import RULE_OF_TYPE, acts_in, acts_key
from queries.kin_pairs import best_pairs, kin_from_key, readings_in
from queries.snapshot import Snapshot


def read_people(store: GraphStore, snap: Snapshot, person_ids: set[str]) -> set[str]:
    """Read and keep the facts of these people for the snapshot's date; returns the ids of
    those in the store."""
    keys = sorted(node_key("Person", p) for p in person_ids)
    read = store.kin_paths(keys, r.iso(snap.as_of), with_nodes=True, around=list(RULE_OF_TYPE))
    keep_persons(snap, [*read.nodes.values(),
                        *(n for near in read.around.values() for n in near.nodes.values())])
    snap.remember(kin_from_key(keys), lambda: best_pairs(readings_in(read)))
    edges = {e.id: e for near in read.around.values() for e in near.edges}
    snap.remember(acts_key(person_ids), lambda: acts_in(edges.values(), person_ids))
    return {k.partition("/")[2] for k in read.around}
