"""The FastAPI application factory: one store for the app's lifetime, thin routers.

Public: `/health`, the explorer's shell `/ui` (it asks for a token and holds no data) and the
API's description (`/docs`, `/openapi.json`). Everything else needs an API key
(`Authorization: Bearer <token>`, see `cadregraph keys`), and some routes a role.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError

from api import errors, heap
from api.auth.deps import authenticated, require
from api.auth.keys import KeyStore
from api.cache import CachedStore
from api.routers import (
    audit,
    bundles,
    checks,
    health,
    network,
    persons,
    posts,
    rotation,
    supervision,
    ui,
    units,
)
from api.search import SearchIndex
from graph.audit import AuditLog
from graph.settings import Settings
from graph.store.base import GraphStore
from graph.store.factory import open_store
from queries.rules import load_rules

PROBLEM = errors.PROBLEM
DESCRIPTION = """干部知识图谱 API: persons, units, posts, relatives, networks, avoidance findings,
what-if checks, supervision chains, spans and trails, bundle uploads.

Every endpoint but `/health`, `/ui` and this description needs an API key:
`Authorization: Bearer <token>` (create one with `cadregraph keys create --name N --role R`).
Roles: `viewer` (reads; ID numbers and relatives' details masked), `planner` (+ rotation;
findings only with `--grant findings`), `supervisor` (+ findings, unmasked), `admin`
(+ audit log, uploads). Every read of a person is written to the audit log. Errors are
`application/problem+json`."""


LIST_PARAMS = frozenset({"types", "rule"})


async def single_values(request: Request) -> None:
    """A scalar query parameter given twice (`?q=a&q=b`) is an error, not "the last one"."""
    keys = [k for k, _ in request.query_params.multi_items() if k not in LIST_PARAMS]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise RequestValidationError([{"loc": ("query", k), "msg": "given more than once",
                                       "type": "repeated"} for k in repeated])


def _routers() -> list[tuple[APIRouter, list[Any]]]:
    read = [Depends(authenticated)]
    out: list[tuple[APIRouter, list[Any]]] = [
        (health.router, []), (health.private, read), (persons.router, read),
        (network.router, read), (units.router, read), (posts.router, read),
        (checks.router, read), (supervision.router, read), (audit.router, read),
        (bundles.router, read), (ui.router, []),
        (rotation.router, [Depends(require("rotation"))]),
    ]
    return out


def create_app(settings: Settings | None = None, store: GraphStore | None = None,
               cache_seconds: float = 300.0) -> FastAPI:
    """An app over `store` (or the store the settings name, opened at start-up)."""
    config = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        inner = store or open_store(config)
        app.state.store = CachedStore(inner, ttl=cache_seconds, settle=heap.settle,
                                      stamp=config.data_dir / "cache.stamp")
        app.state.search = SearchIndex(app.state.store)
        app.state.audit = AuditLog(config.data_dir / "audit.jsonl")
        app.state.keys = KeyStore.of(config.data_dir)
        app.state.rules = load_rules(config.rules_file)
        app.state.settings = config
        heap.tune()
        try:
            yield
        finally:
            if store is None:
                inner.close()

    app = FastAPI(title="cadregraph", version="0.2.0", lifespan=lifespan,
                  description=DESCRIPTION, responses=errors.PROBLEM_RESPONSES,
                  dependencies=[Depends(single_values)])
    errors.install(app)
    for router, dependencies in _routers():
        app.include_router(router, dependencies=dependencies)
    ui.mount_static(app)
    return app
