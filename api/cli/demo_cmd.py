"""demo: generate a county, load it into the embedded store, summarise, and check it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from api.cli.check_cmds import print_findings
from api.cli.common import console, rules_of, state
from api.cli.graph_cmds import load_path, stats
from graph.store.embedded import EmbeddedStore
from queries.avoidance.check import summary
from queries.checks import audit

AS_OF = date(2026, 1, 1)


def demo(
    ctx: typer.Context,
    cadres: Annotated[int, typer.Option(help="How many cadres (8775 = a county)")] = 8775,
    seed: Annotated[int, typer.Option(help="Random seed")] = 0,
    plant_rate: Annotated[float, typer.Option(help="Rate of planted conflicts")] = 0.02,
    show: Annotated[int, typer.Option(help="How many findings to print")] = 8,
) -> None:
    """Generate a synthetic county, load it into the embedded store, summarise and check it
    (演示：生成示例县、载入、统计、回避检查)."""
    from ingest.generate import generate

    st = state(ctx)
    bundle_dir = st.settings.data_dir / "demo-bundle"
    console.rule("1. 生成示例县 generating a synthetic county")
    report = generate(bundle_dir, cadres=cadres, seed=seed, plant_rate=plant_rate)
    console.print(f"{bundle_dir}: {report.cadres:,} 干部 cadres, {report.persons:,} 人员 persons, "
                  f"{len(report.planted)} 埋设冲突 planted conflicts")
    console.rule("2. 载入内置图谱 loading into the embedded store")
    store = EmbeddedStore(st.settings.graph_file)
    try:
        store.clear()
        load = load_path(store, bundle_dir, st.settings.batch_size, st.settings.data_dir)
        console.print(f"读入 read {load.read:,} 行, 载入 loaded {load.loaded:,}, "
                      f"拒收 rejected {len(load.rejects)}")
        console.rule("3. 图谱概况 summary")
        st.settings = st.settings.model_copy(update={"store": "embedded"})
        console.rule(f"4. 回避检查 avoidance check as of {AS_OF}")
        found = audit(store, rules_of(st), AS_OF)
    finally:
        store.close()
    stats(ctx, as_of=None, fmt="table")
    counts = summary(found.findings)
    console.print(f"{len(found.findings)} 条问题 findings: "
                  + ", ".join(f"{rule} {n}" for rule, n in counts.items()))
    planted = {(p.rule, tuple(p.persons)) for p in report.planted}
    hits = sum(1 for f in found.findings if f.key() in planted)
    console.print(f"埋设冲突检出 planted conflicts found: {hits}/{len(planted)}")
    print_findings(found.model_copy(update={"findings": found.findings[:show]}), "table", st.lang)
    console.print("下一步 next: cadregraph check --person <ID> | cadregraph serve")
