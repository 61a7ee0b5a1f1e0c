"""The embedded store's file: every node and edge record as JSON (orjson), written atomically.

JSON rather than pickle: opening a graph file never runs code from it, the file is readable by
other tools, and orjson writes and reads it several times faster than pickling the graph.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from graph.errors import StoreError
from graph.records import EdgeRecord, NodeRecord

FORMAT = "cadregraph-embedded"
VERSION = 2

Nodes = dict[str, NodeRecord]
Edges = dict[str, dict[str, EdgeRecord]]
"""Edge records by type, then by id."""


def write_graph_file(path: Path, nodes: Nodes, edges: Edges) -> None:
    """Save every record to `path` (a temporary file renamed over it: never half-written)."""
    saved = {
        "format": FORMAT, "version": VERSION,
        "nodes": [[n.key, n.label, n.props] for n in nodes.values()],
        "edges": [[e.id, e.type, e.source, e.target, e.props]
                  for by_id in edges.values() for e in by_id.values()],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_bytes(orjson.dumps(saved))
        os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(f"cannot write the embedded graph file {path}: {exc}") from exc


def read_graph_file(path: Path) -> tuple[Nodes, Edges]:
    """The records saved in `path`; StoreError naming the file when it cannot be used."""
    try:
        saved: Any = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        raise StoreError(f"cannot read the embedded graph file {path}: {exc}") from exc
    if not isinstance(saved, dict) or saved.get("format") != FORMAT:
        raise StoreError(f"{path} is not a cadregraph graph file")
    if saved.get("version") != VERSION:
        raise StoreError(f"{path} was written by another version of cadregraph; reload it")
    try:
        nodes = {key: NodeRecord(key, label, props) for key, label, props in saved["nodes"]}
        edges: Edges = {}
        for eid, etype, source, target, props in saved["edges"]:
            by_id = edges.get(etype)
            if by_id is None:
                by_id = edges[etype] = {}
            by_id[eid] = EdgeRecord(eid, etype, source, target, props)
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"{path} is damaged: {exc}") from exc
    return nodes, edges
