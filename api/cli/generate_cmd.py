"""generate: write a synthetic roster bundle (a county like seed 000, or more) to a directory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from api.cli.common import console, err_console, progress_bar, table


def generate(
    out: Annotated[Path, typer.Argument(
        help="Directory to write the bundle to (regions.csv ... trainings.csv, planted.json); "
             "created if missing, files overwritten")],
    cadres: Annotated[int, typer.Option(
        help="How many cadres (persons holding a post): 8775 = one county like seed 000; more "
             "make counties of up to 8775, cities of ~8 counties and a province", min=500)] = 8775,
    seed: Annotated[int, typer.Option(
        help="Random seed: the same seed gives byte-identical files")] = 0,
    plant_rate: Annotated[float, typer.Option(
        help="Fraction of opportunities at which avoidance conflicts are planted (listed in "
             "planted.json); 0 = none", min=0.0, max=1.0)] = 0.0,
) -> None:
    """Generate a deterministic synthetic roster bundle (生成合成干部花名册)."""
    from ingest.generate import expected_rows
    from ingest.generate import generate as run

    try:
        with progress_bar() as bar:
            task = bar.add_task("写入 rows", total=expected_rows(cadres))
            report = run(out, cadres=cadres, seed=seed, plant_rate=plant_rate,
                         progress=lambda n: bar.advance(task, n))
            bar.update(task, total=report.total_rows, completed=report.total_rows)
    except ValueError as exc:
        err_console.print(f"[bold red]错误 error:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from exc
    console.print(f"[bold]{escape(str(out))}[/]: {report.cadres:,} 干部 cadres, "
                  f"{report.persons:,} 人员 persons, {report.blocks} 区块 blocks, "
                  f"{report.seconds:.1f} s")
    rows = [[name, f"{n:,}"] for name, n in report.rows.items()]
    rows.append(["合计 total", f"{report.total_rows:,}"])
    console.print(table("写入文件 files written", ["文件 file", "行数 rows"], rows))
    planted = [[rule, n] for rule, n in report.planted_by_rule.items()]
    if planted:
        console.print(table("埋设冲突 planted conflicts (planted.json)", ["规则 rule", "数量"],
                            [*planted, ["合计 total", len(report.planted)]]))
    else:
        console.print("埋设冲突 planted conflicts: none (plant_rate 0)")
