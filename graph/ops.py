"""Operations every store supports, written once over the `GraphStore` interface."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from graph import records as r
from graph.bulk import batches, no_gc
from graph.convert import bundle_to_records, edge_to_model, node_to_model
from graph.errors import InvalidInput, NotFound
from graph.ids import node_key
from graph.model import (
    Act,
    Assessment,
    Bundle,
    Holding,
    Kinship,
    Person,
    Post,
    Record,
    Region,
    Training,
    Unit,
)
from graph.network import NetEdge, NetNode, Network
from graph.privacy import redact
from graph.records import EdgeRecord, NodeRecord
from graph.store.base import Counts, GraphStore

Progress = Callable[[int], None]
DEFAULT_CAP = 200
MAX_DEPTH = 4


def _write_batches(store: GraphStore, batch_list: Sequence[Sequence[Any]], *, edges: bool,
                   progress: Progress | None) -> None:
    """Upsert batches, `store.writers` at a time (each batch its own transaction)."""
    def write(batch: Sequence[Any]) -> int:
        store.upsert([], batch) if edges else store.upsert(batch, [])
        return len(batch)

    if store.writers <= 1:
        for batch in batch_list:
            n = write(batch)
            if progress:
                progress(n)
        return
    pool = ThreadPoolExecutor(store.writers, thread_name_prefix="cadregraph-writer")
    try:
        for n in pool.map(write, batch_list):
            if progress:
                progress(n)
    finally:
        pool.shutdown(cancel_futures=True)


def write_records(store: GraphStore, nodes: Sequence[NodeRecord], edges: Sequence[EdgeRecord],
                  *, batch_size: int = 10_000, progress: Progress | None = None) -> int:
    """Upsert records in batches, every node before any edge; returns records written."""
    with no_gc():
        _write_batches(store, batches(nodes, batch_size), edges=False, progress=progress)
        _write_batches(store, batches(edges, batch_size), edges=True, progress=progress)
        store.flush()
    return len(nodes) + len(edges)


def write_bundle(store: GraphStore, bundle: Bundle, *, batch_size: int = 10_000,
                 progress: Progress | None = None) -> int:
    """Upsert a bundle in batches; returns records written."""
    with no_gc():
        nodes, edges = bundle_to_records(bundle)
        return write_records(store, nodes, edges, batch_size=batch_size, progress=progress)


MODELS: dict[str, type[Record]] = {
    "Person": Person, "Unit": Unit, "Post": Post, "Region": Region,
    "Assessment": Assessment, "Training": Training,
}


def get_entity(store: GraphStore, label: str, ident: str) -> Record:
    key = node_key(label, ident)
    found = store.nodes([key]).get(key)
    model = None if found is None else node_to_model(found)
    if model is None:
        raise NotFound(f"no {label.lower()} with id {ident!r}")
    return model


def get_person(store: GraphStore, ident: str) -> Person:
    person = get_entity(store, "Person", ident)
    assert isinstance(person, Person)
    return person


def display_label(node: NodeRecord) -> str:
    p = node.props
    if node.label == "Assessment":
        return f"{p.get('year')} {p.get('grade')}"
    for name in ("name", "title", "institution", "code", "id"):
        if p.get(name):
            return str(p[name])
    return node.key


def neighbourhood(
    store: GraphStore, start: str, *, depth: int = 1, types: Sequence[str] | None = None,
    as_of: date | None = None, cap: int = DEFAULT_CAP, sensitive: bool = False,
) -> Network:
    """The k-hop network around a node key, expanding at most `cap` edges per node."""
    if not 0 <= depth <= MAX_DEPTH:
        raise InvalidInput(f"depth must be between 0 and {MAX_DEPTH}")
    if cap < 1:
        raise InvalidInput("cap must be at least 1")
    unknown = sorted(set(types or ()) - set(r.EDGE_TYPES))
    if unknown:
        raise InvalidInput(f"unknown relation types: {', '.join(unknown)}")
    day = r.iso(as_of)
    seen, frontier = {start}, [start]
    edges: dict[str, EdgeRecord] = {}
    truncated: set[str] = set()
    found: dict[str, NodeRecord] = {}
    for hop in range(depth):
        # the last hop brings the node records along: no separate read of them
        expansions = store.expand(frontier, types, day, cap, with_nodes=hop == depth - 1)
        following: set[str] = set()
        for key in frontier:
            exp = expansions.get(key)
            if exp is None:
                continue
            found.update(exp.nodes)
            if exp.truncated:
                truncated.add(key)
            for edge in exp.edges:
                edges[edge.id] = edge
                other = edge.target if edge.source == key else edge.source
                if other not in seen:
                    following.add(other)
        seen |= following
        frontier = sorted(following)
    if seen - found.keys():  # depth 0, or earlier hops' nodes: read them
        found.update(store.nodes(sorted(seen - found.keys())))
    if start not in found:  # read with the rest: one round trip fewer than asking first
        raise NotFound(f"no node {start!r}")
    nodes = [
        NetNode(id=k, type=n.label, label=display_label(n),
                properties={**redact(n.label, dict(n.props), sensitive=sensitive),
                            **({"truncated": True} if k in truncated else {})})
        for k, n in sorted(found.items())
    ]
    net_edges = [NetEdge(id=e.id, source=e.source, target=e.target, type=e.type,
                         properties=dict(e.props)) for _, e in sorted(edges.items())]
    return Network(nodes=nodes, edges=net_edges)


def export_bundle(store: GraphStore) -> Bundle:
    """The whole graph as a roster bundle (derived regions are not written back)."""
    out: dict[str, list[Any]] = {name: [] for name in Bundle.model_fields}
    field_of = {Region: "regions", Unit: "units", Post: "posts", Person: "persons",
                Assessment: "assessments", Training: "trainings", Holding: "holdings",
                Kinship: "kinship", Act: "roles"}
    for label in r.LABELS:
        for node in store.scan_nodes(label):
            model = node_to_model(node)
            if model is not None:
                out[field_of[type(model)]].append(model)
    for etype in (r.HOLDS, r.KIN, *r.ACT_TYPES.values()):
        for edge in store.scan_edges(etype):
            rel = edge_to_model(edge)
            if rel is not None:
                out[field_of[type(rel)]].append(rel)
    order: dict[str, Callable[[Any], tuple[Any, ...]]] = {
        "holdings": lambda h: (h.person_id, h.start, h.post_id),
        "kinship": lambda k: (k.person_id, k.relative_id),
        "roles": lambda a: (a.candidate_id, a.on or date.min, a.role, a.actor_id),
        "assessments": lambda a: (a.person_id, a.year),
        "trainings": lambda t: (t.person_id, t.start),
    }
    for name, key in order.items():
        out[name].sort(key=key)
    return Bundle.model_validate(out)


def stats(store: GraphStore, as_of: date | None = None) -> Counts:
    return store.counts(r.iso(as_of))
