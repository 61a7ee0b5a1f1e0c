"""The embedded store: node and edge records in memory, saved to one file in a data directory,
with a networkx MultiDiGraph as the adjacency for traversals.

It is the default: no server, and separate CLI commands compose because every command opens
the same file (`graph.store.embedded_file`). The networkx adjacency is built on the first
traversal and kept in step with writes after that, so a bulk load or a command that only
scans and counts never pays for it.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from operator import attrgetter
from pathlib import Path

import networkx as nx

from graph.errors import StoreError
from graph.records import KIN, KIN_MAX_HOPS, EdgeRecord, NodeRecord
from graph.store.base import Counts, Expansion, GraphPath, GraphStore, PathSet
from graph.store.embedded_file import (
    EARLIER_FILE,
    Edges,
    Nodes,
    read_graph_file,
    write_graph_file,
)


class EmbeddedStore(GraphStore):
    backend = "embedded"

    def __init__(self, path: Path | None = None) -> None:
        """`path` is the graph file; None keeps the graph in memory only."""
        self.path = path
        self._nodes: Nodes = {}
        self._edges: Edges = {}
        self._adjacency: nx.MultiDiGraph[str] | None = None
        self._dirty = False
        if path is not None and path.exists():
            self._nodes, self._edges = read_graph_file(path)
        elif path is not None and (old := path.with_name(EARLIER_FILE)).exists():
            # never start empty beside a graph the user still has
            raise StoreError(f"{old} was written by an earlier version of cadregraph, which "
                             f"kept the graph there; load your bundles again (cadregraph "
                             f"load BUNDLE), then remove {old.name}")

    @property
    def graph(self) -> nx.MultiDiGraph[str]:
        """The adjacency: every node key, every edge keyed by its id with its record as `rec`."""
        if self._adjacency is None:
            graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
            graph.add_nodes_from(self._nodes)
            add = graph.add_edge
            for by_id in self._edges.values():
                for e in by_id.values():
                    add(e.source, e.target, key=e.id, rec=e)
            self._adjacency = graph
        return self._adjacency

    def flush(self) -> None:
        if self.path is None or not self._dirty:
            return
        write_graph_file(self.path, self._nodes, self._edges)
        self._dirty = False

    def close(self) -> None:
        self.flush()

    def upsert(self, nodes: Sequence[NodeRecord], edges: Sequence[EdgeRecord]) -> None:
        known, graph = self._nodes, self._adjacency
        if graph is not None:
            graph.add_nodes_from(n.key for n in nodes if n.key not in known)
        known.update((n.key, n) for n in nodes)
        missing = sorted({k for e in edges if e.source not in known or e.target not in known
                          for k in (e.source, e.target) if k not in known})
        if missing:
            raise StoreError(f"edges refer to nodes that do not exist: {', '.join(missing[:10])}")
        by_type = self._edges
        if graph is None:  # a bulk load: records only, a run of one type at a time
            for etype, run in groupby(edges, key=attrgetter("type")):
                by_type.setdefault(etype, {}).update((e.id, e) for e in run)
        else:
            for edge in edges:
                by_id = by_type.setdefault(edge.type, {})
                old = by_id.get(edge.id)
                by_id[edge.id] = edge
                if old is not None and (old.source, old.target) != (edge.source, edge.target):
                    graph.remove_edge(old.source, old.target, key=edge.id)
                graph.add_edge(edge.source, edge.target, key=edge.id, rec=edge)
        self._dirty = True

    def delete_edges(self, edges: Sequence[EdgeRecord]) -> None:
        for edge in edges:
            old = self._edges.get(edge.type, {}).pop(edge.id, None)
            if old is not None and self._adjacency is not None:
                self._adjacency.remove_edge(old.source, old.target, key=edge.id)
        self._dirty = True

    def delete_nodes(self, keys: Sequence[str]) -> None:
        for key in keys:
            if key not in self._nodes:
                continue
            for _, edge in list(self._edges_at(key)):
                self._edges.get(edge.type, {}).pop(edge.id, None)
            self.graph.remove_node(key)
            del self._nodes[key]
        self._dirty = True

    def existing(self, keys: Iterable[str]) -> set[str]:
        return {k for k in keys if k in self._nodes}

    def nodes(self, keys: Iterable[str]) -> dict[str, NodeRecord]:
        known = self._nodes
        return {k: known[k] for k in keys if k in known}

    def _edges_at(self, key: str) -> Iterator[tuple[str, EdgeRecord]]:
        """(other end, edge) for every edge touching `key`, self-loops once."""
        graph = self.graph
        edge: EdgeRecord
        for _, dst, edge in graph.out_edges(key, data="rec"):
            yield dst, edge
        for src, _, edge in graph.in_edges(key, data="rec"):
            if src != key:
                yield src, edge

    def expand(
        self, keys: Sequence[str], types: Sequence[str] | None, as_of: str | None, cap: int,
        with_nodes: bool = False,
    ) -> dict[str, Expansion]:
        wanted = set(types) if types is not None else None
        out: dict[str, Expansion] = {}
        for key in keys:
            if key not in self._nodes:
                continue
            found = [
                (e.type, other, e.id, e)
                for other, e in self._edges_at(key)
                if (wanted is None or e.type in wanted) and e.active_on(as_of)
            ]
            found.sort(key=lambda t: (t[0], t[1], t[2]))
            kept = found[:cap]
            nodes = {k: self._nodes[k] for k in [key, *(t[1] for t in kept)]} if with_nodes else {}
            out[key] = Expansion([t[3] for t in kept], len(found) > cap, len(found), nodes)
        return out

    def kin_paths(self, seeds: Sequence[str], as_of: str | None,
                  targets: Sequence[str] | None = None,
                  max_hops: int = KIN_MAX_HOPS, with_nodes: bool = False,
                  around: Sequence[str] | None = None) -> PathSet:
        wanted = None if targets is None else set(targets)
        found: list[GraphPath] = []

        def walk(nodes: list[str], edges: list[EdgeRecord]) -> None:
            if edges and (wanted is None or nodes[-1] in wanted):
                found.append(GraphPath(tuple(nodes), tuple(edges)))
            if len(edges) == min(max_hops, KIN_MAX_HOPS):
                return
            for other, edge in self._edges_at(nodes[-1]):
                if edge.type == KIN and other not in nodes and edge.active_on(as_of):
                    walk([*nodes, other], [*edges, edge])

        for seed in dict.fromkeys(seeds):
            if seed in self._nodes:
                walk([seed], [])
        nodes = {k: self._nodes[k] for p in found for k in p.nodes} if with_nodes else {}
        near = {} if around is None else self.expand(
            list(dict.fromkeys(seeds)), list(around), as_of, sys.maxsize, with_nodes=True)
        return PathSet(sorted(found, key=GraphPath.sort_key), dict(sorted(nodes.items())),
                       near)

    def scan_nodes(self, label: str) -> Iterator[NodeRecord]:
        found = sorted((n.key, n) for n in self._nodes.values() if n.label == label)
        return (n for _, n in found)

    def scan_edges(self, etype: str, as_of: str | None = None) -> Iterator[EdgeRecord]:
        by_id = self._edges.get(etype, {})
        for eid in sorted(by_id):
            edge = by_id[eid]
            if edge.active_on(as_of):
                yield edge

    def counts(self, as_of: str | None = None) -> Counts:
        labels = Counter(n.label for n in self._nodes.values())
        edges: dict[str, int] = {}
        for etype, by_id in self._edges.items():
            n = len(by_id) if as_of is None else sum(1 for _ in self.scan_edges(etype, as_of))
            if n:
                edges[etype] = n
        return Counts(dict(sorted(labels.items())), dict(sorted(edges.items())))

    def clear(self) -> None:
        self._nodes, self._edges, self._adjacency = {}, {}, None
        self._dirty = True
