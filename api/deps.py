"""Request-scoped dependencies shared by the routers."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Depends, Request

from graph.audit import AuditLog
from graph.store.base import GraphStore
from queries.rules import RuleSet


def get_store(request: Request) -> GraphStore:
    return cast(GraphStore, request.app.state.store)


def get_audit(request: Request) -> AuditLog:
    return cast(AuditLog, request.app.state.audit)


def get_actor(request: Request) -> str:
    """Who is asking (the API key's owner once keys exist; the client address until then)."""
    client = request.client
    return f"anonymous@{client.host}" if client else "anonymous"


def get_rules(request: Request) -> RuleSet:
    return cast(RuleSet, request.app.state.rules)


RulesDep = Annotated[RuleSet, Depends(get_rules)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
AuditDep = Annotated[AuditLog, Depends(get_audit)]
ActorDep = Annotated[str, Depends(get_actor)]
