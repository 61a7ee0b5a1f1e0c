"""`cadregraph keys`: create (token shown once), list (never tokens), revoke."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.auth.keys import KeyStore
from api.cli.common import State
from api.cli.keys_cmds import build_app
from graph.settings import Settings
from graph.store.embedded import EmbeddedStore

runner = CliRunner()


def _cli(data_dir: Path) -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main(ctx: typer.Context) -> None:
        ctx.obj = State(Settings(CADREGRAPH_DATA_DIR=data_dir))

    app.add_typer(build_app(), name="keys")
    return app


def test_create_list_revoke(tmp_path: Path) -> None:
    cli = _cli(tmp_path)
    made = runner.invoke(cli, ["keys", "create", "--name", "张审计", "--role", "planner",
                               "--grant", "findings", "--format", "json"])
    assert made.exit_code == 0, made.output
    key = json.loads(made.output)
    assert key["role"] == "planner" and key["grants"] == ["findings"]
    token = key["token"]
    stored = (tmp_path / "keys.json").read_text("utf-8")
    assert token not in stored and token.split("_", 2)[2] not in stored  # only the digest
    assert (tmp_path / "keys.json").stat().st_mode & 0o077 == 0
    table = runner.invoke(cli, ["keys", "create", "--name", "viewer1", "--role", "viewer"])
    assert table.exit_code == 0 and "shown once" in table.output
    listed = runner.invoke(cli, ["keys", "list", "--format", "json"])
    rows = json.loads(listed.output)
    assert [r["name"] for r in rows] == ["张审计", "viewer1"] and "sha256" not in rows[0]
    assert token not in runner.invoke(cli, ["keys", "list"]).output
    with TestClient(create_app(Settings(CADREGRAPH_DATA_DIR=tmp_path),
                               EmbeddedStore(tmp_path / "g.json"))) as client:
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get("/me", headers=auth).json()["name"] == "张审计"
        revoked = runner.invoke(cli, ["keys", "revoke", key["id"]])
        assert revoked.exit_code == 0 and "revoked" in revoked.output
        assert client.get("/me", headers=auth).status_code == 401  # at once, no restart
    assert KeyStore.of(tmp_path).verify(token) is None


def test_bad_input(tmp_path: Path) -> None:
    cli = _cli(tmp_path)
    assert runner.invoke(cli, ["keys", "create", "--name", "x", "--role", "root"]).exit_code == 2
    bad_grant = runner.invoke(cli, ["keys", "create", "--name", "x", "--role", "viewer",
                                    "--grant", "everything"])
    assert bad_grant.exit_code == 2
    assert runner.invoke(cli, ["keys", "revoke", "nope"]).exit_code == 2
