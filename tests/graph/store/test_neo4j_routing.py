"""The Neo4j store through a `neo4j://` routing URI: how a deployment reaches a cluster or Aura."""

from __future__ import annotations

from graph import ops
from graph.store.neo4j import Neo4jStore
from tests.factory import small_county


def test_routing_uri_reads_and_writes(neo4j_uri: str, neo4j_store: Neo4jStore) -> None:
    neo4j_store.clear()
    routed = Neo4jStore(neo4j_uri.replace("bolt://", "neo4j://"))
    try:
        ops.write_bundle(routed, small_county())
        assert ops.get_person(routed, "A1").name == "王建国"
        assert ops.stats(routed).nodes["Person"] == 6
        assert ops.stats(neo4j_store) == ops.stats(routed)  # the same database behind both
    finally:
        routed.close()
