"""demo: generate a county, load it into the embedded store, print a summary."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.common import console, state
from api.cli.graph_cmds import load_path, stats
from graph.store.embedded import EmbeddedStore


def demo(
    ctx: typer.Context,
    cadres: Annotated[int, typer.Option(help="How many cadres (8775 = a county)")] = 8775,
    seed: Annotated[int, typer.Option(help="Random seed")] = 0,
    plant_rate: Annotated[float, typer.Option(help="Rate of planted conflicts")] = 0.02,
) -> None:
    """Generate a synthetic county, load it into the embedded store and summarise it (演示)."""
    from ingest.generate import generate

    st = state(ctx)
    bundle_dir = st.settings.data_dir / "demo-bundle"
    console.rule("1. 生成示例县 generating a synthetic county")
    report = generate(bundle_dir, cadres=cadres, seed=seed, plant_rate=plant_rate)
    console.print(f"bundle: {bundle_dir} ({report})")
    console.rule("2. 载入内置图谱 loading into the embedded store")
    store = EmbeddedStore(st.settings.graph_file)
    try:
        store.clear()
        load = load_path(store, bundle_dir, st.settings.batch_size)
    finally:
        store.close()
    console.print(f"read {load.read} rows, loaded {load.loaded}, rejected {len(load.rejects)}")
    console.rule("3. 图谱概况 summary")
    st.settings = st.settings.model_copy(update={"store": "embedded"})
    stats(ctx, as_of=None, fmt="table")
