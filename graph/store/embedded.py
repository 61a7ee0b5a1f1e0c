"""The embedded store: a networkx MultiDiGraph in memory, saved to one file in a data directory.

It is the default: no server, and separate CLI commands compose because every command opens
the same file. Writes are atomic (write to a temporary file, then rename).
"""

from __future__ import annotations

import os
import pickle
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import StoreError
from graph.records import KIN, KIN_MAX_HOPS, EdgeRecord, NodeRecord
from graph.store.base import Counts, Expansion, GraphPath, GraphStore

FORMAT_VERSION = 1


class EmbeddedStore(GraphStore):
    backend = "embedded"

    def __init__(self, path: Path | None = None) -> None:
        """`path` is the graph file; None keeps the graph in memory only."""
        self.path = path
        self.graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        self._by_type: dict[str, dict[str, tuple[str, str]]] = {}
        self._dirty = False
        if path is not None and path.exists():
            self._read(path)

    def _read(self, path: Path) -> None:
        try:
            with path.open("rb") as fh:
                saved: dict[str, Any] = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError) as exc:
            raise StoreError(f"cannot read the embedded graph file {path}: {exc}") from exc
        if saved.get("version") != FORMAT_VERSION:
            raise StoreError(f"{path} was written by another version of cadregraph; reload it")
        self.graph = saved["graph"]
        self._by_type = saved["by_type"]

    def flush(self) -> None:
        if self.path is None or not self._dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            saved = {"version": FORMAT_VERSION, "graph": self.graph, "by_type": self._by_type}
            pickle.dump(saved, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)
        self._dirty = False

    def close(self) -> None:
        self.flush()

    def upsert(self, nodes: Sequence[NodeRecord], edges: Sequence[EdgeRecord]) -> None:
        graph = self.graph
        for node in nodes:
            graph.add_node(node.key, label=node.label, props=node.props)
        missing = sorted(
            {k for e in edges for k in (e.source, e.target) if k not in graph}
        )
        if missing:
            raise StoreError(f"edges refer to nodes that do not exist: {', '.join(missing[:10])}")
        for edge in edges:
            index = self._by_type.setdefault(edge.type, {})
            old = index.get(edge.id)
            if old is not None and old != (edge.source, edge.target):
                graph.remove_edge(old[0], old[1], key=edge.id)
            graph.add_edge(edge.source, edge.target, key=edge.id, type=edge.type, props=edge.props)
            index[edge.id] = (edge.source, edge.target)
        self._dirty = True

    def delete_edges(self, edges: Sequence[EdgeRecord]) -> None:
        for edge in edges:
            ends = self._by_type.get(edge.type, {}).pop(edge.id, None)
            if ends is not None:
                self.graph.remove_edge(ends[0], ends[1], key=edge.id)
        self._dirty = True

    def delete_nodes(self, keys: Sequence[str]) -> None:
        for key in keys:
            if key not in self.graph:
                continue
            for _, edge in list(self._edges_at(key)):
                self._by_type.get(edge.type, {}).pop(edge.id, None)
            self.graph.remove_node(key)
        self._dirty = True

    def existing(self, keys: Iterable[str]) -> set[str]:
        return {k for k in keys if k in self.graph}

    def _node(self, key: str) -> NodeRecord:
        data = self.graph.nodes[key]
        return NodeRecord(key, data["label"], data["props"])

    def nodes(self, keys: Iterable[str]) -> dict[str, NodeRecord]:
        return {k: self._node(k) for k in keys if k in self.graph}

    def _edges_at(self, key: str) -> Iterator[tuple[str, EdgeRecord]]:
        """(other end, edge) for every edge touching `key`, self-loops once."""
        graph = self.graph
        for _, dst, eid, data in graph.out_edges(key, keys=True, data=True):
            yield dst, EdgeRecord(eid, data["type"], key, dst, data["props"])
        for src, _, eid, data in graph.in_edges(key, keys=True, data=True):
            if src != key:
                yield src, EdgeRecord(eid, data["type"], src, key, data["props"])

    def expand(
        self, keys: Sequence[str], types: Sequence[str] | None, as_of: str | None, cap: int
    ) -> dict[str, Expansion]:
        wanted = set(types) if types is not None else None
        out: dict[str, Expansion] = {}
        for key in keys:
            if key not in self.graph:
                continue
            found = [
                (e.type, other, e.id, e)
                for other, e in self._edges_at(key)
                if (wanted is None or e.type in wanted) and e.active_on(as_of)
            ]
            found.sort(key=lambda t: (t[0], t[1], t[2]))
            out[key] = Expansion([t[3] for t in found[:cap]], len(found) > cap, len(found))
        return out

    def kin_paths(self, seeds: Sequence[str], as_of: str | None,
                  targets: Sequence[str] | None = None,
                  max_hops: int = KIN_MAX_HOPS) -> list[GraphPath]:
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
            if seed in self.graph:
                walk([seed], [])
        return sorted(found, key=GraphPath.sort_key)

    def scan_nodes(self, label: str) -> Iterator[NodeRecord]:
        keys = sorted(k for k, d in self.graph.nodes(data=True) if d["label"] == label)
        return (self._node(k) for k in keys)

    def scan_edges(self, etype: str, as_of: str | None = None) -> Iterator[EdgeRecord]:
        index = self._by_type.get(etype, {})
        for eid in sorted(index):
            src, dst = index[eid]
            edge = EdgeRecord(eid, etype, src, dst, self.graph.edges[src, dst, eid]["props"])
            if edge.active_on(as_of):
                yield edge

    def counts(self, as_of: str | None = None) -> Counts:
        labels = Counter(d["label"] for _, d in self.graph.nodes(data=True))
        edges: dict[str, int] = {}
        for etype, index in self._by_type.items():
            n = len(index) if as_of is None else sum(1 for _ in self.scan_edges(etype, as_of))
            if n:
                edges[etype] = n
        return Counts(dict(sorted(labels.items())), dict(sorted(edges.items())))

    def clear(self) -> None:
        self.graph = nx.MultiDiGraph()
        self._by_type = {}
        self._dirty = True
