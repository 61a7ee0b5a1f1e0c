"""serve: the HTTP API."""

from __future__ import annotations

import os
from typing import Annotated

import typer
import uvicorn

from api.app import create_app
from api.cli.common import state


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    workers: Annotated[int, typer.Option(
        min=1, help="Worker processes (one per core: each has its own caches; Neo4j only)")] = 1,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs)."""
    settings = state(ctx).settings
    if workers > 1 and settings.store != "neo4j":
        # each worker would hold its own copy of the graph file and overwrite the others'
        raise typer.BadParameter("several workers need --store neo4j (the embedded graph "
                                 "lives in one process)", param_hint="--workers")
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port)
        return
    # Workers are new processes that build the app from the environment: hand the
    # command's options (--store, --data-dir) down that way.
    os.environ["CADREGRAPH_STORE"] = settings.store
    os.environ["CADREGRAPH_DATA_DIR"] = str(settings.data_dir)
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers)
