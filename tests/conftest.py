"""Shared fixtures: every store-level test runs on both stores through `store`.

Neo4j: one real Neo4j 5.26 server per test session (started from `tests/support`), or the
server named by NEO4J_URI when set. Tests are isolated by clearing the database before each.
Under CI=true a Neo4j that fails to start fails the run (and `tests.support.ci` turns any
skip into a failure); elsewhere its tests are skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore
from graph.store.neo4j import Neo4jStore
from tests.support.env import IN_CI

pytest_plugins = ("tests.support.ci", "pytester")

STORES = ("embedded", "neo4j")


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    given = os.environ.get("NEO4J_URI")
    if given:
        yield given
        return
    from tests.support.neo4j_server import Neo4jServerError, start_server

    try:
        server = start_server()
    except Neo4jServerError as exc:
        if IN_CI:  # never skip Neo4j silently in CI
            pytest.fail(f"Neo4j did not start under CI: {exc}", pytrace=False)
        pytest.skip(f"Neo4j not available (set NEO4J_URI or install Maven/Java): {exc}")
    try:
        yield server.uri
    finally:
        server.stop()


@pytest.fixture(scope="session")
def neo4j_store(neo4j_uri: str) -> Iterator[Neo4jStore]:
    store = Neo4jStore(neo4j_uri, os.environ.get("NEO4J_USER", "neo4j"),
                       os.environ.get("NEO4J_PASSWORD", ""),
                       os.environ.get("NEO4J_DATABASE", "neo4j"))
    yield store
    store.close()


def make_store(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> GraphStore:
    """A fresh, empty store of the given kind."""
    if kind == "embedded":
        return EmbeddedStore(tmp_path / "graph.json")
    store: Neo4jStore = request.getfixturevalue("neo4j_store")
    store.clear()
    return store


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    yield make_store(request.param, request, tmp_path)


@pytest.fixture
def both_stores(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, GraphStore]:
    """Both stores at once, empty, for differential tests."""
    return {kind: make_store(kind, request, tmp_path / kind) for kind in STORES}
