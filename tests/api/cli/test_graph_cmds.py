"""load / stats / export from the command line, composing across invocations."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.main import app
from graph.store.neo4j import Neo4jStore
from ingest.roster.write import write_bundle_dir
from tests.factory import small_county

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"CADREGRAPH_DATA_DIR": str(tmp_path / "data"), "CADREGRAPH_STORE": "embedded"}


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    out = tmp_path / "bundle"
    write_bundle_dir(small_county(), out)
    return out


def _stats(env: dict[str, str], *args: str) -> dict[str, object]:
    result = runner.invoke(app, ["stats", "--format", "json", *args], env=env)
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_load_stats_export_compose(env: dict[str, str], bundle: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", str(bundle)], env=env)
    assert result.exit_code == 0, result.output
    assert "读入" in result.output  # Chinese headers by default
    assert _stats(env)["nodes"] == {"Assessment": 1, "Person": 6, "Post": 7, "Region": 4,
                                    "Training": 1, "Unit": 5}
    assert _stats(env, "--as-of", "2020-06-01")["edges"]["HOLDS"] == 3  # type: ignore[index]
    again = runner.invoke(app, ["load", str(bundle)], env=env)
    assert again.exit_code == 0
    assert _stats(env)["edges"]["HOLDS"] == 7  # type: ignore[index]
    out = tmp_path / "exported"
    assert runner.invoke(app, ["export", str(out)], env=env).exit_code == 0
    for name in ("units", "posts", "persons", "holdings", "kinship", "roles"):
        def rows(p: Path) -> list[list[str]]:
            return sorted(csv.reader(p.open(encoding="utf-8")))
        assert rows(out / f"{name}.csv") == rows(bundle / f"{name}.csv"), name


def test_rejects_exit_non_zero_with_report(env: dict[str, str], bundle: Path,
                                           tmp_path: Path) -> None:
    with (bundle / "holdings.csv").open("a", encoding="utf-8") as fh:
        fh.write("A1,P-MISSING,2020-01-01,,,\n")
    reports = tmp_path / "rejects"
    result = runner.invoke(app, ["load", str(bundle), "--rejects", str(reports)], env=env)
    assert result.exit_code == 1
    assert "holdings.csv row 9 [post_id]" in result.output
    saved = json.loads((reports / "rejects.json").read_text("utf-8"))
    assert saved["counts"]["holdings"] == {"read": 8, "loaded": 7, "rejected": 1}
    partial = runner.invoke(app, ["load", str(bundle), "--accept-partial",
                                  "--rejects", str(reports)], env=env)
    assert partial.exit_code == 0


def test_fatal_input_is_one_clear_line(env: dict[str, str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", str(tmp_path / "nowhere")], env=env)
    assert result.exit_code == 2
    assert "no such file or directory" in result.output


def test_load_into_neo4j(env: dict[str, str], bundle: Path, neo4j_uri: str,
                         neo4j_store: Neo4jStore) -> None:
    neo4j_store.clear()
    env = {**env, "CADREGRAPH_STORE": "neo4j", "NEO4J_URI": neo4j_uri}
    runner.invoke(app, ["load", str(bundle)], env=env)
    assert _stats(env)["nodes"] == {"Assessment": 1, "Person": 6, "Post": 7, "Region": 4,
                                    "Training": 1, "Unit": 5}


def test_store_option_on_the_command(env: dict[str, str], bundle: Path, neo4j_uri: str,
                                     neo4j_store: Neo4jStore) -> None:
    """`load BUNDLE --store neo4j` overrides the default store for that command only."""
    neo4j_store.clear()
    env = {**env, "NEO4J_URI": neo4j_uri}  # the default store stays embedded
    result = runner.invoke(app, ["load", str(bundle), "--store", "neo4j"], env=env)
    assert result.exit_code == 0, result.output
    assert _stats(env, "--store", "neo4j")["nodes"] == {
        "Assessment": 1, "Person": 6, "Post": 7, "Region": 4, "Training": 1, "Unit": 5}
    assert _stats(env)["nodes"] == {}  # nothing went into the embedded store
    bad = runner.invoke(app, ["load", str(bundle), "--store", "sqlite"], env=env)
    assert bad.exit_code == 2 and "sqlite" in bad.output
