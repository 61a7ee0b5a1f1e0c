"""The test Neo4j server really starts, answers bolt:// and neo4j:// (routing), and stops."""

from __future__ import annotations

import shutil
import socket

import pytest
from neo4j import GraphDatabase, RoutingControl

from tests.support.env import IN_CI
from tests.support.neo4j_server import start_server

pytestmark = pytest.mark.neo4j

if not IN_CI and not (shutil.which("java") and shutil.which("mvn")):
    pytest.skip("needs java and mvn (never skipped under CI=true)", allow_module_level=True)


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_server_bolt_routing_write_read_and_stop() -> None:
    with start_server() as server:
        port, home = server.port, server.home
        address = f"127.0.0.1:{port}"
        assert server.uri == f"bolt://{address}"
        assert home is not None and home.is_dir()

        with GraphDatabase.driver(server.uri, auth=None) as driver:
            records, summary, _ = driver.execute_query("RETURN $x AS x", x=42)
            assert records[0]["x"] == 42
            assert summary.server.agent.startswith("Neo4j/5.26.")
            driver.execute_query("CREATE (:Cadre {name: $name, rank: $rank})", name="Li", rank=3)
            records, _, _ = driver.execute_query(
                "MATCH (c:Cadre {name: $name}) RETURN c.rank AS rank", name="Li"
            )
            assert [r["rank"] for r in records] == [3]

        # A routing driver against a single instance: it fetches a routing table from the
        # server (ROUTE), which must list this very address for every role.
        with GraphDatabase.driver(f"neo4j://{address}", auth=None) as driver:
            driver.verify_connectivity()
            records, summary, _ = driver.execute_query(
                "RETURN $x AS x", x="routed", routing_=RoutingControl.READ
            )
            assert records[0]["x"] == "routed"
            assert str(summary.server.address) == address
            driver.execute_query("CREATE (:Cadre {name: $name})", name="Wang")
            records, _, _ = driver.execute_query(
                "MATCH (c:Cadre) RETURN c.name AS name ORDER BY name",
                routing_=RoutingControl.READ,
            )
            assert [r["name"] for r in records] == ["Li", "Wang"]
            with driver.session(database="neo4j") as session:
                table = session.run("CALL dbms.routing.getRoutingTable({}, 'neo4j')").single()
            assert table is not None
            roles = {s["role"]: s["addresses"] for s in table["servers"]}
            assert roles == {"WRITE": [address], "READ": [address], "ROUTE": [address]}

    assert not _port_open(port)
    assert not home.exists()
