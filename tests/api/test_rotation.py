"""Rotation planning over HTTP (both stores) and on the command line (embedded store)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from typer.testing import CliRunner

from api.cli.common import State
from api.cli.rotation_cmds import build_app, parse_months
from api.routers import rotation
from graph import ops
from graph.errors import CadreGraphError, InvalidInput
from graph.settings import Settings
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore
from queries.rules import national
from tests.queries.rotation.scenario import AS_OF, cadre, scenario

DAY = AS_OF.isoformat()
PEOPLE = scenario([cadre("X1", "FIN-HEAD"), cadre("X2", "EDU-HEAD"), cadre("T", "T1-SEC")])


def rotation_app(store: GraphStore) -> FastAPI:
    """The rotation router on its own (the lead mounts it in `api.app` behind the API key
    check): the store and rule set in the app state, domain errors as problem+json."""
    app = FastAPI()
    app.state.store, app.state.rules = store, national()

    @app.exception_handler(CadreGraphError)
    async def on_error(request: Request, exc: CadreGraphError) -> JSONResponse:
        body = {"title": exc.title, "status": exc.status, "detail": str(exc)}
        return JSONResponse(body, status_code=exc.status, media_type="application/problem+json")

    app.include_router(rotation.router)
    return app


@pytest.fixture
def client(store: GraphStore) -> Iterator[TestClient]:
    ops.write_bundle(store, PEOPLE)
    with TestClient(rotation_app(store)) as c:
        yield c


def test_api_due_candidates_plan(client: TestClient) -> None:
    body = client.get("/rotation/due", params={"as_of": DAY, "within_months": 12}).json()
    assert [i["person_id"] for i in body["items"]] == ["T", "X1", "X2"]
    assert "EXCHANGE-10Y" in {r["rule"] for r in body["items"][0]["reasons"]}
    found = client.get("/rotation/candidates", params={"person": "T", "as_of": DAY}).json()
    assert found["subject"] == "person" and found["candidates"][0]["eligible"]
    post = client.get("/rotation/candidates", params={"post": "AUD-HEAD", "as_of": DAY}).json()
    assert post["required"] == 2 and post["enough"]
    bad = client.get("/rotation/candidates", params={"as_of": DAY})
    assert bad.status_code == 400 and bad.headers["content-type"] == "application/problem+json"
    plan = client.post("/rotation/plan", json={"as_of": DAY, "time_limit": 5,
                                               "lock": ["T1-SEC"]}).json()
    assert {"as_of", "moves", "unmoved_due", "unfilled", "objective", "gap"} <= set(plan)
    assert {(m["person_id"], m["to_post"]) for m in plan["moves"]} == {
        ("X1", "EDU-HEAD"), ("X2", "FIN-HEAD")}
    assert plan["unmoved_due"] == [{"person_id": "T", "name": "干部T", "strength": "must",
                                    "rules": plan["unmoved_due"][0]["rules"],
                                    "why": "已锁定，不作调整", "codes": ["LOCKED"]}]
    assert plan["status"] == "OPTIMAL" and plan["gap"] == 0 and plan["recheck"] == []
    missing = client.post("/rotation/plan", json={"as_of": DAY, "must": ["X1=NOWHERE"]})
    assert missing.status_code == 404


def test_parse_months() -> None:
    assert [parse_months(t) for t in ("12m", "18", "2y", "1y6m", "0m")] == [12, 18, 24, 18, 0]
    with pytest.raises(InvalidInput):
        parse_months("soon")


@pytest.fixture
def cli(tmp_path: Path) -> typer.Typer:
    settings = Settings(CADREGRAPH_DATA_DIR=tmp_path / "data", CADREGRAPH_STORE="embedded")
    store = EmbeddedStore(settings.graph_file)
    ops.write_bundle(store, PEOPLE)
    store.close()
    root = typer.Typer()

    @root.callback()
    def main(ctx: typer.Context) -> None:
        ctx.obj = State(settings)

    root.add_typer(build_app(), name="rotation")
    return root


def _run(app: typer.Typer, *args: str) -> str:
    result = CliRunner().invoke(app, ["rotation", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_cli(cli: typer.Typer, tmp_path: Path) -> None:
    assert "应交流名单" in _run(cli, "due", "--as-of", DAY, "--within", "12m")
    rows = list(csv.reader(io.StringIO(_run(cli, "due", "--as-of", DAY, "--format", "csv"))))
    assert rows[0][0] == "\ufeff人员编码" and len(rows) == 4
    found = json.loads(_run(cli, "candidates", "--person", "T", "--as-of", DAY,
                            "--format", "json"))
    assert found["subject_id"] == "T"
    assert "符合条件" in _run(cli, "candidates", "--post", "AUD-HEAD", "--as-of", DAY)
    both = CliRunner().invoke(cli, ["rotation", "candidates", "--as-of", DAY])
    assert both.exit_code == 2 and "exactly one" in both.output
    args = ["plan", "--as-of", DAY, "--time-limit", "5", "--lock", "T1-SEC"]
    plan = json.loads(_run(cli, *args, "--format", "json"))
    assert len(plan["moves"]) == 2 and plan["status"] == "OPTIMAL"
    assert "调动方案" in _run(cli, *args)
    table = list(csv.reader(io.StringIO(_run(cli, *args, "--format", "csv"))))
    assert table[0][0] == "\ufeff类别" and [r[0] for r in table[1:4]] == ["调动", "调动", "未调整"]
    out = tmp_path / "plan.xlsx"
    _run(cli, *args, "--format", "xlsx", "--out", str(out))
    book = load_workbook(out)
    assert book.sheetnames == ["调动方案", "未调整人员", "空缺职位", "概要"]
    assert book["调动方案"]["A1"].value == "人员编码" and book["调动方案"].max_row == 3
    bad = CliRunner().invoke(cli, ["rotation", "plan", "--as-of", DAY, "--forbid", "X1"])
    assert bad.exit_code == 2 and "PERSON=POST" in bad.output
