"""The embedded store's file: every node and edge record as JSON (orjson), written atomically.

JSON rather than pickle: opening a graph file never runs code from it, the file is readable by
other tools, and orjson writes and reads it several times faster than pickling the graph.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from graph.errors import StoreError
from graph.records import EdgeRecord, NodeRecord

FORMAT = "cadregraph-embedded"
VERSION = 2
EARLIER_FILE = "graph.pickle"
"""Where version 1 kept the graph (a pickle): it is never read (unpickling runs code)."""

Nodes = dict[str, NodeRecord]
Edges = dict[str, dict[str, EdgeRecord]]
"""Edge records by type, then by id."""


CHUNK = 50_000
"""Records serialized at a time: the file is written while the next chunk is serialized."""
PENDING = 4
"""Chunks waiting to be written at most (bounds the memory a save holds)."""


def write_graph_file(path: Path, nodes: Nodes, edges: Edges) -> None:
    """Save every record to `path` (a temporary file renamed over it: never half-written).
    The JSON is serialized in chunks while a thread writes the previous ones (writing
    releases the GIL): at 100k cadres the file is 680 MB, and writing it took as long as
    serializing it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    node_rows = ([n.key, n.label, n.props] for n in nodes.values())
    edge_rows = ([e.id, e.type, e.source, e.target, e.props]
                 for by_id in edges.values() for e in by_id.values())
    try:
        with tmp.open("wb") as fh, ThreadPoolExecutor(1, "graph-file") as writer:
            pending: deque[Future[int]] = deque()

            def put(data: bytes | memoryview) -> None:
                pending.append(writer.submit(fh.write, data))
                while len(pending) > PENDING:
                    pending.popleft().result()

            put(orjson.dumps({"format": FORMAT, "version": VERSION})[:-1] + b',"nodes":[')
            _put_rows(put, node_rows)
            put(b'],"edges":[')
            _put_rows(put, edge_rows)
            put(b"]}")
            while pending:
                pending.popleft().result()
        os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(f"cannot write the embedded graph file {path}: {exc}") from exc


def _put_rows(put: Callable[[bytes | memoryview], None], rows: Iterator[list[Any]]) -> None:
    """JSON array items, comma-separated, a chunk at a time."""
    first = True
    while chunk := list(islice(rows, CHUNK)):
        if not first:
            put(b",")
        put(memoryview(orjson.dumps(chunk))[1:-1])  # the items without the brackets
        first = False


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
