"""Operations every store supports, written once over the `GraphStore` interface."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from graph import records as r
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
T = TypeVar("T")
DEFAULT_CAP = 200
MAX_DEPTH = 4


def _batches(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


@contextmanager
def _no_gc() -> Iterator[None]:
    """Bulk work allocates millions of small objects and no cycles: pause the cyclic GC."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_bundle(store: GraphStore, bundle: Bundle, *, batch_size: int = 10_000,
                 progress: Progress | None = None) -> int:
    """Upsert a bundle (nodes first, then edges) in batches; returns records written."""
    with _no_gc():
        nodes, edges = bundle_to_records(bundle)
        for node_batch in _batches(nodes, batch_size):
            store.upsert(node_batch, [])
            if progress:
                progress(len(node_batch))
        for edge_batch in _batches(edges, batch_size):
            store.upsert([], edge_batch)
            if progress:
                progress(len(edge_batch))
        store.flush()
    return len(nodes) + len(edges)


def record_count(bundle: Bundle) -> int:
    nodes, edges = bundle_to_records(bundle)
    return len(nodes) + len(edges)


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
    for _ in range(depth):
        expansions = store.expand(frontier, types, day, cap)
        following: set[str] = set()
        for key in frontier:
            exp = expansions.get(key)
            if exp is None:
                continue
            if exp.truncated:
                truncated.add(key)
            for edge in exp.edges:
                edges[edge.id] = edge
                other = edge.target if edge.source == key else edge.source
                if other not in seen:
                    following.add(other)
        seen |= following
        frontier = sorted(following)
    found = store.nodes(sorted(seen))
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
