"""Open the configured store."""

from __future__ import annotations

from graph.settings import Settings
from graph.store.base import GraphStore


def open_store(settings: Settings) -> GraphStore:
    if settings.store == "neo4j":
        from graph.store.neo4j import Neo4jStore

        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user,
                          settings.neo4j_password.get_secret_value(), settings.neo4j_database,
                          writers=settings.neo4j_writers)
    from graph.store.embedded import EmbeddedStore

    return EmbeddedStore(settings.graph_file)
