"""What the benchmark scripts share: the generated bundle, a Neo4j to run against, opening a
store, latency percentiles."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from graph.settings import Settings
from graph.store.base import GraphStore
from graph.store.factory import open_store

RESULTS = Path(__file__).resolve().parent / "results"


def ensure_bundle(cadres: int, seed: int = 1, where: Path = RESULTS) -> Path:
    """`<where>/bundle-<cadres>`, generated (deterministically) when missing."""
    from ingest.generate import generate

    bundle = where / f"bundle-{cadres}"
    if not (bundle / "persons.csv").exists():
        generate(bundle, cadres=cadres, seed=seed)
    return bundle


@contextmanager
def neo4j_env(stores: Sequence[str]) -> Iterator[dict[str, str]]:
    """The environment for the per-store subprocesses: NEO4J_URI (and the NEO4J_* login) as
    given, else a 5.26 test server started here (heap and page cache 2g) and stopped after."""
    if "neo4j" not in stores or os.environ.get("NEO4J_URI"):
        yield dict(os.environ)
        return
    from tests.support.neo4j_server import start_server

    server = start_server(heap="2g", pagecache="2g")
    try:
        yield {**os.environ, "NEO4J_URI": server.uri}
    finally:
        server.stop()


def bench_store(kind: str, directory: Path, neo4j_uri: str | None = None) -> GraphStore:
    """An empty store of `kind`: an embedded graph file in `directory`, or the Neo4j at
    `neo4j_uri` (default: the NEO4J_* settings; the login always from them), cleared."""
    update: dict[str, object] = {"store": kind, "data_dir": directory}
    if neo4j_uri:
        update["neo4j_uri"] = neo4j_uri
    settings = Settings().model_copy(update=update)
    store = open_store(settings)
    store.clear()
    return store


def percentiles_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50/p90/p99/max of durations in seconds, in milliseconds (zeros when empty)."""
    done = sorted(seconds)

    def pct(p: float) -> float:
        return round(done[min(len(done) - 1, int(p * len(done)))] * 1000, 2) if done else 0.0

    return {"p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99),
            "max_ms": round(done[-1] * 1000, 2) if done else 0.0}
