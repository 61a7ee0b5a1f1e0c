"""The `generate` command writes the bundle and prints its summary."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from api.cli.generate_cmd import generate


def test_generate_command(tmp_path: Path) -> None:
    app = typer.Typer()
    app.command()(generate)
    result = CliRunner().invoke(app, [str(tmp_path), "--cadres", "600", "--plant-rate", "0.1"])
    assert result.exit_code == 0, result.output
    assert "persons.csv" in result.output and "KIN-" in result.output
    assert (tmp_path / "planted.json").exists()
    bad = CliRunner().invoke(app, [str(tmp_path), "--cadres", "10"])
    assert bad.exit_code == 2
