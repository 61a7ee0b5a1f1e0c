"""The review queue from the command line: list, show, accept, reject."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from api.cli.common import console
from api.cli.review_cmds import build_app
from graph import ops
from graph.settings import Settings
from graph.store.embedded import EmbeddedStore
from ingest.lrmx.load import load_lrmx
from tests.ingest.lrmx.forms import ZHANG_ID, form, li_hong, member, roster, save

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """cadregraph (test)."""

    app.add_typer(build_app(), name="review")
    return app


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(console, "_width", 200)  # wide tables: ids are not folded
    return {"CADREGRAPH_DATA_DIR": str(tmp_path / "data"), "CADREGRAPH_STORE": "embedded",
            "CADREGRAPH_ACTOR": "审核员"}


@pytest.fixture
def pending(env: dict[str, str], tmp_path: Path) -> str:
    """One uncertain match waiting: 张建国's wife 李红 may be the roster's 李红."""
    data = Path(env["CADREGRAPH_DATA_DIR"])
    store = EmbeddedStore(Settings(CADREGRAPH_DATA_DIR=data).graph_file)
    roster(store, li_hong())
    record = form("张建国", id_number=ZHANG_ID,
                  family=(member("妻子", "李红", "197205", "中共党员", "临川市第一中学教师"),))
    load_lrmx(store, save(tmp_path / "in", record), data_dir=data, actor="导入员")
    store.close()
    cands = json.loads((data / "resolution.json").read_text("utf-8"))["candidates"]
    assert len(cands) == 1
    return str(next(iter(cands)))


def _wife(env: dict[str, str]) -> str:
    store = EmbeddedStore(Path(env["CADREGRAPH_DATA_DIR"]) / "graph.json")
    return next(k.relative_id for k in ops.export_bundle(store).kinship)


def test_list_and_show(env: dict[str, str], pending: str) -> None:
    listed = runner.invoke(_app(), ["review", "list"], env=env)
    assert listed.exit_code == 0, listed.output
    assert "待甄别人员" in listed.output and "待核实" in listed.output
    assert pending in listed.output and "R-LH" in listed.output
    shown = runner.invoke(_app(), ["review", "show", pending[:10]], env=env)
    assert shown.exit_code == 0, shown.output
    for text in ("特征", "权重", "姓名", "出生年月", "性别", "工作单位及职务", "0.75", "导入员"):
        assert text in shown.output
    english = runner.invoke(_app(), ["review", "list"], env={**env, "CADREGRAPH_LANG": "en"})
    assert english.exit_code == 0
    as_json = runner.invoke(_app(), ["review", "list", "--format", "json"], env=env)
    assert json.loads(as_json.output)[0]["score"] == 0.75


def test_accept_then_reject_round_trip(env: dict[str, str], pending: str) -> None:
    relative = _wife(env)
    accepted = runner.invoke(_app(), ["review", "accept", pending], env=env)
    assert accepted.exit_code == 0, accepted.output
    assert "已合并" in accepted.output and _wife(env) == "R-LH"
    assert pending not in runner.invoke(_app(), ["review", "list"], env=env).output
    again = runner.invoke(_app(), ["review", "accept", pending], env=env)
    assert again.exit_code == 2 and "already accepted" in again.output
    rejected = runner.invoke(_app(), ["review", "reject", pending, "--actor", "复核员",
                                      "--note", "同名不同人"], env=env)
    assert rejected.exit_code == 0, rejected.output
    assert _wife(env) == relative
    history = runner.invoke(_app(), ["review", "show", pending], env=env).output
    assert "审核员" in history and "复核员" in history and "同名不同人" in history
    everything = runner.invoke(_app(), ["review", "list", "--all"], env=env).output
    assert "已否决" in everything


def test_unknown_id_is_one_clear_line(env: dict[str, str], pending: str) -> None:
    result = runner.invoke(_app(), ["review", "accept", "rv-nothing"], env=env)
    assert result.exit_code == 2 and "no review candidate" in result.output
