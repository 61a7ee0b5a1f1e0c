"""serve: one worker on any store; several only on Neo4j (the embedded graph is one process's)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from api.cli.main import app

runner = CliRunner()


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run",
                        lambda target, **kw: calls.append({"target": target, **kw}))
    return calls


def test_several_workers_need_neo4j(tmp_path: Path, started: list[dict[str, Any]]) -> None:
    env = {"CADREGRAPH_DATA_DIR": str(tmp_path), "CADREGRAPH_STORE": "embedded"}
    result = runner.invoke(app, ["serve", "--workers", "2"], env=env)
    assert result.exit_code == 2 and "--store neo4j" in result.output
    assert started == []
    assert runner.invoke(app, ["serve", "--port", "8123"], env=env).exit_code == 0
    assert [c["port"] for c in started] == [8123] and "workers" not in started[0]


def test_workers_on_neo4j_get_the_store_from_the_environment(
        tmp_path: Path, started: list[dict[str, Any]]) -> None:
    env = {"CADREGRAPH_DATA_DIR": str(tmp_path), "CADREGRAPH_STORE": "neo4j"}
    result = runner.invoke(app, ["serve", "--workers", "2"], env=env)
    assert result.exit_code == 0, result.output
    assert started[0]["target"] == "api.app:create_app" and started[0]["workers"] == 2
    assert started[0]["factory"] is True  # each worker builds the app from that environment
