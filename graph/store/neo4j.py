"""The Neo4j store: the official driver, named parameterised Cypher, batched UNWIND writes.

Works against a single server (`bolt://`) and a cluster or Aura (`neo4j://`, `neo4j+s://`):
routing is the driver's job; reads go to readers, writes to the leader.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from neo4j import READ_ACCESS, Driver, GraphDatabase, ManagedTransaction, Query
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired, TransientError

from graph.errors import StoreError, StoreUnavailable
from graph.records import EDGE_TYPES, KIN_MAX_HOPS, LABELS, EdgeRecord, NodeRecord, Props
from graph.store import neo4j_schema
from graph.store.base import Counts, Expansion, GraphPath, GraphStore, PathSet
from graph.store.cypher import query

_NODE_META = ("key", "label")


class _QuietRetries(logging.Filter):
    """Concurrent bulk writers now and then meet on a hub node (a region, a unit): Neo4j
    reports a deadlock and the driver retries the transaction, as designed. Not a warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Transaction failed and will be retried")


logging.getLogger("neo4j.pool").addFilter(_QuietRetries())
READ_ATTEMPTS = 3


def _node(row: Any) -> NodeRecord:
    props = {k: v for k, v in row["props"].items() if k not in _NODE_META}
    return NodeRecord(row["key"], row["label"], props)


def _edge(data: Any) -> EdgeRecord:
    props: Props = {k: v for k, v in data["props"].items() if k != "id"}
    return EdgeRecord(data["id"], data["type"], data["source"], data["target"], props)


def _expansion(row: Any, degree: int, cap: int, with_nodes: bool) -> Expansion:
    """An expansion as expand.cypher (and kin_paths.cypher's `around`) return it."""
    nodes: dict[str, NodeRecord] = {}
    if with_nodes:
        for n in [row["node"], *(e["other"] for e in row["edges"])]:
            nodes[n["key"]] = _node(n)
    return Expansion([_edge(e) for e in row["edges"]], degree > cap, degree, nodes)


class Neo4jStore(GraphStore):
    backend = "neo4j"

    def __init__(self, uri: str, user: str = "neo4j", password: str = "",
                 database: str = "neo4j", writers: int = 2) -> None:
        """`writers`: concurrent write transactions of a bulk load. Two use a 2-core server
        about 1.5 times as well as one; a lock conflict between them (dense region and unit
        nodes) is retried by the driver."""
        auth = (user, password) if password else None
        self.database = database
        self.writers = max(1, writers)
        self.driver: Driver = GraphDatabase.driver(uri, auth=auth)
        try:
            self.driver.verify_connectivity()
        except (ServiceUnavailable, OSError, Neo4jError) as exc:
            self.driver.close()
            raise StoreUnavailable(f"cannot reach Neo4j at {uri}: {exc}") from exc
        neo4j_schema.install(self.driver, database)

    def _read(self, name: str, **params: Any) -> list[Any]:
        """One read as an auto-commit transaction on a reader: half the client CPU and round
        trips of a managed one (`execute_query`), which matters for the API's point reads.
        Reads are idempotent, so a transient or routing failure is retried here."""
        for attempt in range(READ_ATTEMPTS):
            try:
                with self.driver.session(database=self.database,
                                         default_access_mode=READ_ACCESS) as session:
                    return list(session.run(query(name), params))
            except (SessionExpired, ServiceUnavailable, TransientError):
                if attempt == READ_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def upsert(self, nodes: Sequence[NodeRecord], edges: Sequence[EdgeRecord]) -> None:
        node_rows: dict[str, list[dict[str, object]]] = {}
        for n in nodes:
            if n.label not in LABELS:
                raise StoreError(f"unknown node label {n.label!r}")
            node_rows.setdefault(n.label, []).append({"key": n.key, "props": n.props})
        edge_rows: dict[str, list[dict[str, object]]] = {}
        for e in edges:
            if e.type not in EDGE_TYPES:
                raise StoreError(f"unknown edge type {e.type!r}")
            edge_rows.setdefault(e.type, []).append(
                {"id": e.id, "source": e.source, "target": e.target, "props": e.props})

        def work(tx: ManagedTransaction) -> None:
            for label, rows in sorted(node_rows.items()):
                tx.run(query(f"upsert_node/{label}"), rows=rows).consume()
            written = 0
            for etype, rows in sorted(edge_rows.items()):
                written += tx.run(query(f"upsert_edge/{etype}"), rows=rows).single(
                    strict=True)["written"]
            if edges and written != len(edges):
                keys = {k for e in edges for k in (e.source, e.target)}
                found = {r["key"] for r in tx.run(query("existing"), keys=sorted(keys))}
                missing = sorted(keys - found)
                raise StoreError(
                    f"edges refer to nodes that do not exist: {', '.join(missing[:10])}")

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)

    def delete_edges(self, edges: Sequence[EdgeRecord]) -> None:
        rows = [{"id": e.id, "source": e.source} for e in edges]
        self.driver.execute_query(query("delete_edges"), {"rows": rows},
                                  database_=self.database)

    def delete_nodes(self, keys: Sequence[str]) -> None:
        self.driver.execute_query(query("delete_nodes"), {"keys": list(keys)},
                                  database_=self.database)

    def existing(self, keys: Iterable[str]) -> set[str]:
        return {r["key"] for r in self._read("existing", keys=list(keys))}

    def nodes(self, keys: Iterable[str]) -> dict[str, NodeRecord]:
        rows = self._read("get_nodes", keys=list(keys))
        return {n["key"]: _node(n) for n in rows[0]["nodes"]} if rows else {}

    def expand(
        self, keys: Sequence[str], types: Sequence[str] | None, as_of: str | None, cap: int,
        with_nodes: bool = False,
    ) -> dict[str, Expansion]:
        rows = self._read("expand", keys=list(keys), types=None if types is None else list(types),
                          as_of=as_of, cap=cap, with_nodes=with_nodes)
        return {row["key"]: _expansion(row, row["degree"], cap, with_nodes) for row in rows}

    def kin_paths(self, seeds: Sequence[str], as_of: str | None,
                  targets: Sequence[str] | None = None,
                  max_hops: int = KIN_MAX_HOPS, with_nodes: bool = False,
                  around: Sequence[str] | None = None) -> PathSet:
        unique = list(dict.fromkeys(seeds))
        [row] = self._read("kin_paths", seeds=unique, as_of=as_of,
                           targets=None if targets is None else list(targets),
                           max_hops=min(max_hops, KIN_MAX_HOPS), with_nodes=with_nodes,
                           around_keys=[] if around is None else unique,
                           around=list(around or []))
        paths = [GraphPath(tuple(p["nodes"]), tuple(_edge(e) for e in p["edges"]))
                 for p in row["paths"]]
        nodes = {n["key"]: _node(n) for n in row["nodes"]}
        near = {e["key"]: _expansion(e, len(e["edges"]), len(e["edges"]), True)
                for e in row["around"]}
        return PathSet(sorted(paths, key=GraphPath.sort_key), dict(sorted(nodes.items())), near)

    def scan_nodes(self, label: str) -> Iterator[NodeRecord]:
        with self.driver.session(database=self.database,
                                 default_access_mode="READ") as session:
            for row in session.run(query("scan_nodes"), label=label):
                yield _node(row)

    def scan_edges(self, etype: str, as_of: str | None = None) -> Iterator[EdgeRecord]:
        with self.driver.session(database=self.database,
                                 default_access_mode="READ") as session:
            for row in session.run(query("scan_edges"), type=etype, as_of=as_of):
                yield _edge(row)

    def counts(self, as_of: str | None = None) -> Counts:
        nodes = {r["name"]: r["n"] for r in self._read("count_nodes")}
        edges = {r["name"]: r["n"] for r in self._read("count_edges", as_of=as_of)}
        return Counts(dict(sorted(nodes.items())), dict(sorted(edges.items())))

    def clear(self) -> None:
        with self.driver.session(database=self.database) as session:
            session.run(Query(query("clear_edges"))).consume()
            session.run(Query(query("clear"))).consume()

    def close(self) -> None:
        self.driver.close()
