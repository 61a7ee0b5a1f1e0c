"""Liveness and the graph's size."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import StoreDep
from graph import ops

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    store: str


class Stats(BaseModel):
    as_of: date | None
    nodes: dict[str, int]
    edges: dict[str, int]


@router.get("/health")
def health(store: StoreDep) -> Health:
    return Health(status="ok", store=store.backend)


@router.get("/stats")
def stats(store: StoreDep, as_of: date | None = None) -> Stats:
    counts = ops.stats(store, as_of)
    return Stats(as_of=as_of, nodes=counts.nodes, edges=counts.edges)
