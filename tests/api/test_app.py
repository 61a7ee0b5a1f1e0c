"""The HTTP API skeleton, on both stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph import ops
from graph.audit import AuditLog
from graph.settings import Settings
from graph.store.base import GraphStore
from tests.api.support import auth_headers
from tests.factory import small_county


@pytest.fixture
def client(store: GraphStore, tmp_path: Path) -> Iterator[TestClient]:
    """An admin's client (sees everything unmasked)."""
    ops.write_bundle(store, small_county())
    settings = Settings(CADREGRAPH_DATA_DIR=tmp_path)
    app = create_app(settings, store)
    with TestClient(app, headers=auth_headers(tmp_path, "admin", name="管理员")) as c:
        yield c


@pytest.fixture
def viewer(client: TestClient, tmp_path: Path) -> TestClient:
    """A viewer's client on the same app."""
    client.headers.update(auth_headers(tmp_path, "viewer", name="查看员"))
    return client


def test_health_and_stats(client: TestClient, store: GraphStore) -> None:
    assert client.get("/health").json() == {"status": "ok", "store": store.backend}
    stats = client.get("/stats", params={"as_of": "2020-06-01"}).json()
    assert stats["nodes"]["Person"] == 6 and stats["edges"]["HOLDS"] == 3


def test_person_is_masked_for_viewers_and_audited(viewer: TestClient, tmp_path: Path) -> None:
    body = viewer.get("/persons/A1").json()
    assert body["name"] == "王建国"
    assert body["id_number"] == "330102**********34"
    (entry,) = AuditLog(tmp_path / "audit.jsonl").entries("A1")
    assert (entry.action, entry.actor) == ("read_person", "查看员")


def test_admin_sees_the_id_number(client: TestClient) -> None:
    assert client.get("/persons/A1").json()["id_number"] == "330102197005011234"


def test_network(client: TestClient) -> None:
    body = client.get("/persons/A1/network", params={"depth": 2, "types": ["KIN"]}).json()
    assert {n["id"] for n in body["nodes"]} == {"person/A1", "person/A2", "person/A6"}
    assert all(set(e) == {"id", "source", "target", "type", "properties"} for e in body["edges"])
    assert {n["type"] for n in body["nodes"]} == {"Person"}


def test_errors_are_problem_json(client: TestClient) -> None:
    missing = client.get("/persons/nobody")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["status"] == 404
    bad = client.get("/persons/A1/network", params={"types": ["FRIEND"]})
    assert bad.status_code == 400 and "FRIEND" in bad.json()["detail"]
    assert client.get("/persons/A1/network", params={"depth": 99}).status_code == 422


def test_findings_and_what_if(client: TestClient) -> None:
    body = client.get("/findings", params={"as_of": "2025-01-01"}).json()
    found = {(f["rule"], tuple(f["persons"])) for f in body["findings"]}
    assert {k for k in found if not k[0].startswith(("SUPERVISION", "REFERENCE", "RECORD"))} == {
        ("REGION-COUNTY", ("A1",))}
    assert ("SUPERVISION-KIN", ("A1", "A2")) in found  # the secretary heads his wife's chain
    only = client.get("/findings", params={"as_of": "2025-01-01", "rule": "SUPERVISION-KIN"})
    assert {f["rule"] for f in only.json()["findings"]} == {"SUPERVISION-KIN"}
    should = client.get("/findings", params={"as_of": "2025-01-01", "severity": "should"}).json()
    assert should["findings"] and {f["severity"] for f in should["findings"]} == {"should"}
    proposal = {"proposals": [{"person_id": "A6", "post_id": "P-FIN-DEP", "date": "2025-06-01"}]}
    rep = client.post("/checks/appointments", json=proposal).json()
    assert "KIN-DIRECT-LEAD" in [f["rule"] for f in rep["findings"]]
    assert rep["findings"][0]["evidence"][0]["kind"] == "node"
    bad = client.post("/checks/appointments", json={"proposals": [
        {"person_id": "A6", "post_id": "P-NOPE"}]})
    assert bad.status_code == 404


def test_rules_and_kinship(client: TestClient) -> None:
    rules = client.get("/rules").json()
    assert rules["rules"]["KIN-SAME-LEADER"]["citation"].startswith("《公务员法》")
    assert client.get("/kinship", params={"term": "岳父", "sex": "M"}).json()["category"] == "inlaw"
    assert client.get("/kinship", params={"term": "岳父", "sex": "F"}).status_code == 400
