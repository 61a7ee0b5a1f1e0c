"""The `cadregraph` command line (typer + rich)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from api.cli import (
    check_cmds,
    demo_cmd,
    graph_cmds,
    keys_cmds,
    review_cmds,
    rotation_cmds,
    serve_cmd,
    supervision_cmds,
)
from api.cli.common import State
from graph.settings import Settings

app = typer.Typer(
    name="cadregraph", no_args_is_help=True, pretty_exceptions_show_locals=False,
    help="干部知识图谱 cadregraph: cadres, posts, units, relatives; avoidance checks, "
         "supervision chains, exchange planning.",
)


@app.callback()
def main(
    ctx: typer.Context,
    store: Annotated[Literal["embedded", "neo4j"] | None, typer.Option(
        help="Which store: embedded (default, no server) or neo4j (NEO4J_URI ...)",
        envvar="CADREGRAPH_STORE")] = None,
    data_dir: Annotated[Path | None, typer.Option(
        help="Where the embedded graph, reports and the audit log live",
        envvar="CADREGRAPH_DATA_DIR")] = None,
    lang: Annotated[Literal["zh", "en"], typer.Option(
        help="Language of table headers and findings", envvar="CADREGRAPH_LANG")] = "zh",
) -> None:
    settings = Settings()
    updates: dict[str, object] = {}
    if store is not None:
        updates["store"] = store
    if data_dir is not None:
        updates["data_dir"] = data_dir
    ctx.obj = State(settings.model_copy(update=updates), lang)


app.command("load")(graph_cmds.load)
app.command("stats")(graph_cmds.stats)
app.command("export")(graph_cmds.export)
app.command("serve")(serve_cmd.serve)
app.command("check")(check_cmds.check)
app.command("rules")(check_cmds.rules_cmd)
app.command("kinship")(check_cmds.kinship)
app.command("chain")(supervision_cmds.chain)
app.command("span")(supervision_cmds.span)
app.command("trail")(supervision_cmds.trail)
app.add_typer(review_cmds.build_app(), name="review",
              help="实体解析复核 entity-resolution review queue")
app.add_typer(rotation_cmds.build_app(), name="rotation",
              help="交流轮岗 exchange and rotation: due, candidates, plan")
app.add_typer(keys_cmds.build_app(), name="keys", help="API 密钥 API keys (hashed, with roles)")
app.command("demo")(demo_cmd.demo)
try:
    from api.cli.generate_cmd import generate

    app.command("generate")(generate)
except ImportError:  # pragma: no cover - while the generator is being written
    pass
