"""Merge one person into another in the graph, and undo it.

A merge moves every relation of the source person to the target: holdings, kinship (either
direction), procedure acts, assessments and trainings (re-created under the target, since
their ids derive from the person). A relation the target already has with the same id is
combined: its own fields stay, extras are united. Structural edges (成长地) stay. The source
person is kept, marked `merged_into` — it is never deleted, so the decision can be undone.
The returned `Moved` keeps what was deleted or replaced, and what was created. Callers
flush the store.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from graph import records as r
from graph.convert import bundle_to_records, edge_to_model, node_to_model
from graph.errors import NotFound
from graph.ids import node_key
from graph.model import Bundle, Person, Record
from graph.records import EdgeRecord, NodeRecord
from graph.store.base import GraphStore
from ingest.resolve.book import Moved
from ingest.resolve.index import MERGED_INTO

LARGE = 1_000_000
_MOVABLE = {r.HOLDS: "holdings", r.KIN: "kinship",
            **{etype: "roles" for etype in r.ACT_TYPES.values()}}
_ATTACHED = {r.ASSESSED: "assessments", r.TRAINED: "trainings"}
_PERSON_FIELDS = ("person_id", "relative_id", "actor_id", "candidate_id")


def combine(existing: Record, new: Record) -> Record:
    """`existing` with the extras of both (the new record's extras win on the same key)."""
    data = existing.model_dump()
    data["extra"] = {**existing.extra, **new.extra}
    return type(existing).model_validate(data)


def _repoint(model: Record, source: str, target: str) -> Record | None:
    data = model.model_dump()
    for name in _PERSON_FIELDS:
        if data.get(name) == source:
            data[name] = target
    ends = [data[n] for n in _PERSON_FIELDS if n in data]
    if len(ends) == 2 and ends[0] == ends[1]:
        return None  # a relation between the two would become a self-loop: left alone
    return type(model).model_validate(data)


def _bundle(field: str, model: Record) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    return bundle_to_records(Bundle.model_validate({field: [model]}))


def edge_dict(edge: EdgeRecord) -> dict[str, Any]:
    return asdict(edge)


def node_dict(node: NodeRecord) -> dict[str, Any]:
    return asdict(node)


def mark_person(person: Person, **changes: str | None) -> Person:
    """The person with extra keys set (a None value removes the key)."""
    extra = dict(person.extra)
    for key, value in changes.items():
        if value is None:
            extra.pop(key, None)
        else:
            extra[key] = value
    return person.model_validate({**person.model_dump(), "extra": extra})


def merge_person(store: GraphStore, source: str, target: str, *, note: str) -> Moved:
    """Move every relation of `source` to `target` (see the module docstring)."""
    src, tgt = node_key("Person", source), node_key("Person", target)
    found = store.nodes([src, tgt])
    if src not in found or tgt not in found:
        raise NotFound(f"人员不存在 no such person: {source if src not in found else target}")
    around = store.expand([src, tgt], None, None, LARGE)
    at_target = {e.id: e for e in around[tgt].edges}
    moved = Moved(old_nodes=[node_dict(found[src])])
    new_nodes: list[NodeRecord] = []
    new_edges: list[EdgeRecord] = []
    old_edges: list[EdgeRecord] = []
    old_nodes: list[str] = []
    for edge in around[src].edges:
        if edge.type in _MOVABLE:
            model = edge_to_model(edge)
            moved_model = None if model is None else _repoint(model, source, target)
            if moved_model is None:
                continue
            _, edges = _bundle(_MOVABLE[edge.type], moved_model)
        elif edge.type in _ATTACHED:
            node = store.nodes([edge.target]).get(edge.target)
            item = None if node is None else node_to_model(node)
            if node is None or item is None:
                continue
            nodes, edges = _bundle(_ATTACHED[edge.type], item.model_validate(
                {**item.model_dump(), "person_id": target}))
            fresh = [n for n in nodes if n.key not in store.existing([n.key])]
            new_nodes += fresh
            moved.new_nodes += [n.key for n in fresh]
            moved.old_nodes.append(node_dict(node))
            old_nodes.append(node.key)
        else:
            continue
        old_edges.append(edge)
        for new in edges:
            before = at_target.get(new.id)
            if before is None:
                moved.new_edges.append({"id": new.id, "type": new.type, "source": new.source})
                new_edges.append(new)
                continue
            moved.old_edges.append(edge_dict(before))
            old, fresh_model = edge_to_model(before), edge_to_model(new)
            if old is not None and fresh_model is not None:
                new_edges += _bundle(_MOVABLE.get(new.type, "kinship"),
                                     combine(old, fresh_model))[1]
    moved.old_edges += [edge_dict(e) for e in old_edges]
    store.upsert(new_nodes, new_edges)
    store.delete_edges(old_edges)
    store.delete_nodes(old_nodes)
    person = node_to_model(found[src])
    assert isinstance(person, Person)
    write_person(store, mark_person(person, **{MERGED_INTO: target, "review": note}))
    return moved


def undo_merge(store: GraphStore, moved: Moved) -> None:
    """Delete what the merge created and restore what it deleted or replaced."""
    store.delete_edges([EdgeRecord(e["id"], e["type"], e["source"], "")
                         for e in moved.new_edges])
    store.delete_nodes(moved.new_nodes)
    store.upsert([NodeRecord(**n) for n in moved.old_nodes],
                 [EdgeRecord(**e) for e in moved.old_edges])


def write_person(store: GraphStore, person: Person) -> None:
    """Replace one person node (its region nodes and edges are left as they are)."""
    nodes, _ = bundle_to_records(Bundle(persons=[person]))
    store.upsert([n for n in nodes if n.label == "Person"], [])
