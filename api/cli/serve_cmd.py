"""serve: the HTTP API."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from api.app import create_app
from api.cli.common import state


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs)."""
    uvicorn.run(create_app(state(ctx).settings), host=host, port=port)
