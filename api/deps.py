"""Request-scoped dependencies shared by the routers (`async def`: they only read app state,
so they run on the event loop instead of costing a thread hand-off each)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Generic, TypeVar, cast

from fastapi import Depends, Query, Request
from pydantic import BaseModel, BeforeValidator

from api.auth.deps import Principal, PrincipalDep, authenticated
from api.cache import CachedStore
from graph.audit import AuditLog
from graph.store.base import GraphStore
from queries.rules import RuleSet

T = TypeVar("T")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: object) -> object:
    """Dates are ISO `YYYY-MM-DD` strings only (not epoch numbers, not datetimes)."""
    if isinstance(value, date) or (isinstance(value, str) and ISO_DAY.fullmatch(value)):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


Day = Annotated[date, BeforeValidator(_iso_day)]
"""A date given as `YYYY-MM-DD` (strictly: pydantic alone would take `0` as 1970-01-01)."""
AsOfQ = Annotated[Day | None, Query(description="As of this date (YYYY-MM-DD)",
                                    examples=["2025-01-01"])]
MAX_LIMIT = 1000


async def get_store(request: Request) -> GraphStore:
    return cast(GraphStore, request.app.state.store)


async def get_cache(request: Request) -> CachedStore:
    return cast(CachedStore, request.app.state.store)


async def get_audit(request: Request) -> AuditLog:
    return cast(AuditLog, request.app.state.audit)


async def get_actor(principal: PrincipalDep) -> str:
    """Who is asking: the API key's name (the audit log's actor)."""
    return principal.name


async def get_rules(request: Request) -> RuleSet:
    return cast(RuleSet, request.app.state.rules)


async def sees_personal(principal: PrincipalDep) -> bool:
    """Whether the caller sees ID numbers and relatives' details unmasked."""
    return principal.can("personal")


RulesDep = Annotated[RuleSet, Depends(get_rules)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
CacheDep = Annotated[CachedStore, Depends(get_cache)]
AuditDep = Annotated[AuditLog, Depends(get_audit)]
ActorDep = Annotated[str, Depends(get_actor)]
PersonalDep = Annotated[bool, Depends(sees_personal)]
LimitQ = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")]
OffsetQ = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip")]


class Page(BaseModel, Generic[T]):
    """One page of a list: `items[offset:offset+limit]` of `total`."""

    total: int
    limit: int
    offset: int
    items: list[T]


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"total": len(items), "limit": limit, "offset": offset,
            "items": items[offset:offset + limit]}


__all__ = [
    "ActorDep",
    "AsOfQ",
    "AuditDep",
    "CacheDep",
    "Day",
    "LimitQ",
    "OffsetQ",
    "Page",
    "PersonalDep",
    "Principal",
    "PrincipalDep",
    "RulesDep",
    "StoreDep",
    "authenticated",
    "page",
]
