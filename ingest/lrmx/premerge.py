"""Automatic merges of relatives created in this very load, applied to the records before
they are written (the graph never sees the provisional kinship): the same `Moved` record as a
merge in the graph, so the decision can be undone the same way."""

from __future__ import annotations

from graph import records as r
from graph.convert import bundle_to_records
from graph.ids import node_key
from graph.model import Bundle, Kinship, Person
from graph.records import EdgeRecord
from ingest.lrmx.state import LoadState
from ingest.resolve.book import Moved
from ingest.resolve.index import MERGED_INTO
from ingest.resolve.merge import edge_dict, mark_person, node_dict


def _edge(kin: Kinship) -> EdgeRecord:
    return bundle_to_records(Bundle(kinship=[kin]))[1][0]


def _person_node(person: Person) -> dict[str, object]:
    nodes, _ = bundle_to_records(Bundle(persons=[person]))
    return node_dict(next(n for n in nodes if n.label == "Person"))


def kinship_index(state: LoadState) -> dict[str, set[str]]:
    """Person id -> ids of this load's kinship records naming them."""
    index: dict[str, set[str]] = {}
    for kid, kin in state.kinship.items():
        for person in (kin.person_id, kin.relative_id):
            index.setdefault(person, set()).add(kid)
    return index


def merge_before_writing(state: LoadState, index: dict[str, set[str]], source: str,
                         target: str, note: str) -> Moved:
    """Re-point this load's kinship of `source` (a relative not yet in the graph) to
    `target`, and mark `source` merged. `index` (`kinship_index`) is kept up to date."""
    moved = Moved(old_nodes=[_person_node(state.persons[source])])
    for kid in sorted(index.pop(source, set())):
        kin = state.kinship[kid]
        data = kin.model_dump()
        for name in ("person_id", "relative_id"):
            data[name] = target if data[name] == source else data[name]
        if data["person_id"] == data["relative_id"]:
            index.setdefault(source, set()).add(kid)
            continue
        new = Kinship.model_validate(data)
        moved.old_edges.append(edge_dict(_edge(kin)))
        del state.kinship[kid]
        other = kin.relative_id if kin.person_id == source else kin.person_id
        index.get(other, set()).discard(kid)
        prior = state.known.get(new.id)
        if isinstance(prior, Kinship):
            moved.old_edges.append(edge_dict(_edge(prior)))
        elif new.id not in state.kinship:
            moved.new_edges.append({"id": new.id, "type": r.KIN,
                                    "source": node_key("Person", new.person_id)})
        state.put(state.kinship, new)
        for person in (new.person_id, new.relative_id):
            index.setdefault(person, set()).add(new.id)
    state.persons[source] = mark_person(state.persons[source],
                                        **{MERGED_INTO: target, "review": note})
    return moved
