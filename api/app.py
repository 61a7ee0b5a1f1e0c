"""The FastAPI application factory: one store for the app's lifetime, thin routers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.routers import checks, health, persons, supervision
from graph.audit import AuditLog
from graph.errors import CadreGraphError
from graph.settings import Settings
from graph.store.base import GraphStore
from graph.store.factory import open_store
from queries.rules import load_rules

PROBLEM = "application/problem+json"


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """An app over `store` (or the store the settings name, opened at start-up)."""
    config = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = store or open_store(config)
        app.state.audit = AuditLog(config.data_dir / "audit.jsonl")
        app.state.rules = load_rules(config.rules_file)
        try:
            yield
        finally:
            if store is None:
                app.state.store.close()

    app = FastAPI(title="cadregraph", version="0.1.0", lifespan=lifespan,
                  description="干部知识图谱 API: persons, units, posts, relatives and networks.")

    @app.exception_handler(CadreGraphError)
    async def on_error(request: Request, exc: CadreGraphError) -> JSONResponse:
        body = {"type": "about:blank", "title": exc.title, "status": exc.status,
                "detail": str(exc), "instance": str(request.url.path)}
        return JSONResponse(body, status_code=exc.status, media_type=PROBLEM)

    app.include_router(health.router)
    app.include_router(persons.router)
    app.include_router(checks.router)
    app.include_router(supervision.router)
    return app
