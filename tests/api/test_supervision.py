"""The supervision API router and CLI commands, on both stores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import supervision_cmds
from api.cli.common import State
from api.routers import supervision
from graph import ops
from graph.audit import AuditLog
from graph.settings import Settings
from graph.store.base import GraphStore
from tests.api.support import auth_headers
from tests.factory import small_county


@pytest.fixture
def client(store: GraphStore, tmp_path: Path) -> Iterator[TestClient]:
    ops.write_bundle(store, small_county())
    app = create_app(Settings(CADREGRAPH_DATA_DIR=tmp_path), store)
    if not any(getattr(r, "path", "") == "/persons/{person_id}/span" for r in app.routes):
        app.include_router(supervision.router)
    with TestClient(app, headers=auth_headers(tmp_path, "supervisor")) as c:
        yield c


def test_chain_json_and_graph(client: TestClient) -> None:
    body = client.get("/chain/person/A6", params={"as_of": "2025-01-01"}).json()
    (chain,) = body["chains"]
    assert [s["post_id"] for s in chain["chain"]] == [
        "P-FIN-DEP", "P-FIN-HEAD", "P-VMAYOR", "P-MAYOR", "P-SEC"]
    assert chain["chain"][1]["vacant"] is True and chain["top"]["person_id"] == "A1"
    assert chain["chain"][-1]["relation"] == "committee"  # 县委 leads the 县政府
    graph = client.get("/chain/post/P-FIN-ACC",
                       params={"as_of": "2025-01-01", "format": "graph"}).json()
    assert set(graph) == {"nodes", "edges"}
    assert {e["type"] for e in graph["edges"]} == {"LEADS", "HOLDS"}
    assert [e["properties"]["how"] for e in graph["edges"]
            if (e["source"], e["target"]) == ("post/P-SEC", "post/P-MAYOR")] == ["committee"]
    assert client.get("/chain/person/nobody").status_code == 404
    assert client.get("/chain/unit/U-FIN").status_code == 422
    assert client.get("/chain/person/A6", params={"format": "csv"}).status_code == 422


def test_span_trail_recommended(client: TestClient, tmp_path: Path) -> None:
    span = client.get("/persons/A5/span", params={"as_of": "2025-01-01"}).json()
    assert [m["person_id"] for m in span["members"]] == ["A2", "A4", "A6"]
    trail = client.get("/persons/A3/trail", params={"post": "P-TWN-HEAD"}).json()
    assert [a["actor_id"] for a in trail["holdings"][0]["acts"]] == ["A1", "A5"]
    rec = client.get("/persons/A1/recommended", params={"as_of": "2025-01-01"}).json()
    assert [p["person_id"] for p in rec["people"]] == ["A3"]
    assert rec["people"][0]["now"][0]["post_id"] == "P-TWN-HEAD"
    actions = [e.action for e in AuditLog(tmp_path / "audit.jsonl").entries()]
    assert actions == ["read_span", "read_trail", "read_recommended"]
    net = client.get("/persons/A5/recommendation-network",
                     params={"as_of": "2025-01-01"}).json()
    assert {n["id"] for n in net["nodes"]} == {"person/A2", "person/A4", "person/A5",
                                                "person/A6"}
    assert client.get("/persons/nobody/span").status_code == 404


def test_supervision_findings(client: TestClient) -> None:
    body = client.get("/supervision/findings", params={"as_of": "2025-01-01"}).json()
    # 县长 A5 is led by 县委书记 A1, who is thereby in the chains of his wife A2 and son A6
    assert [(f["rule"], f["persons"]) for f in body["findings"]] == [
        ("SUPERVISION-GAP", ["A3"]), ("SUPERVISION-GAP", ["A4"]),
        ("SUPERVISION-KIN", ["A1", "A2"]), ("SUPERVISION-KIN", ["A1", "A6"]),
        ("SUPERVISION-KIN", ["A2", "A6"])]
    one = client.get("/supervision/findings", params={
        "as_of": "2025-01-01", "person": "A6", "rule": ["SUPERVISION-KIN"]}).json()
    assert [f["persons"] for f in one["findings"]] == [["A1", "A6"], ["A2", "A6"]]


@pytest.fixture
def cli(store: GraphStore, request: pytest.FixtureRequest,
        tmp_path: Path) -> tuple[typer.Typer, dict[str, str]]:
    """The three commands in a bare app whose store is the test's store."""
    ops.write_bundle(store, small_county())
    env = {"CADREGRAPH_DATA_DIR": str(tmp_path), "CADREGRAPH_STORE": store.backend}
    if store.backend == "neo4j":
        env["NEO4J_URI"] = request.getfixturevalue("neo4j_uri")
    app = typer.Typer()

    @app.callback()
    def main(ctx: typer.Context, lang: str = "zh") -> None:
        ctx.obj = State(Settings(), "en" if lang == "en" else "zh")

    app.command("chain")(supervision_cmds.chain)
    app.command("span")(supervision_cmds.span)
    app.command("trail")(supervision_cmds.trail)
    return app, env


def _run(cli: tuple[typer.Typer, dict[str, str]], *args: str) -> str:
    result = CliRunner().invoke(cli[0], list(args), env=cli[1])
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_chain(cli: tuple[typer.Typer, dict[str, str]]) -> None:
    one = json.loads(_run(cli, "chain", "A6", "--as-of", "2025-01-01", "--format", "json"))
    assert set(one) >= {"subject", "as_of", "chain", "top"} and one["subject"] == "A6"
    assert one["top"]["post_id"] == "P-SEC"
    assert [s["post_id"] for s in one["chain"]][-2:] == ["P-MAYOR", "P-SEC"]
    none = json.loads(_run(cli, "chain", "A6", "--as-of", "2020-01-01", "--format", "json"))
    assert none == []
    text = _run(cli, "chain", "post/P-FIN-ACC", "--as-of", "2025-01-01")
    assert "监督链" in text and "空缺" in text and "最高领导" in text
    assert "王建国" in text  # the 县委书记 at the top
    english = _run(cli, "--lang", "en", "chain", "A6", "--as-of", "2025-01-01")
    assert "vacant" in english and "监督链" not in english
    result = CliRunner().invoke(cli[0], ["chain", "nobody"], env=cli[1])
    assert result.exit_code == 2


def test_cli_span_and_trail(cli: tuple[typer.Typer, dict[str, str]]) -> None:
    span = json.loads(_run(cli, "span", "A5", "--as-of", "2025-01-01", "--format", "json"))
    assert span["total"] == 3
    assert "监督范围" in _run(cli, "span", "A5", "--as-of", "2025-01-01")
    trail = json.loads(_run(cli, "trail", "A3", "--format", "json"))
    assert [h["post_id"] for h in trail["holdings"]] == ["P-FIN-HEAD", "P-TWN-HEAD"]
    assert "推荐" in _run(cli, "trail", "A3", "--post", "P-TWN-HEAD")
    rev = json.loads(_run(cli, "trail", "A1", "--reverse", "--as-of", "2025-01-01",
                          "--format", "json"))
    assert [p["person_id"] for p in rev["people"]] == ["A3"]
    assert "张伟" in _run(cli, "trail", "A1", "--reverse", "--as-of", "2025-01-01")
    net = json.loads(_run(cli, "trail", "A5", "--network", "--as-of", "2025-01-01"))
    assert len(net["nodes"]) == 4
