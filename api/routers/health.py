"""Liveness (public) and the graph's size (any key)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import AsOfQ, PrincipalDep, StoreDep
from graph import ops

router = APIRouter(tags=["health"])
private = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    store: str


class Stats(BaseModel):
    as_of: date | None
    nodes: dict[str, int]
    edges: dict[str, int]


@router.get("/health", responses={})
def health(store: StoreDep) -> Health:
    """Liveness: no token needed."""
    return Health(status="ok", store=store.backend)


@private.get("/stats")
def stats(store: StoreDep, as_of: AsOfQ = None) -> Stats:
    """Nodes per label and edges per type (edges active on `as_of` when given)."""
    counts = ops.stats(store, as_of)
    return Stats(as_of=as_of, nodes=counts.nodes, edges=counts.edges)


class Me(BaseModel):
    name: str
    role: str
    permissions: list[str]


@private.get("/me")
def me(principal: PrincipalDep) -> Me:
    """The caller's key: name, role and what it may do."""
    return Me(name=principal.name, role=principal.role,
              permissions=sorted(principal.permissions))
