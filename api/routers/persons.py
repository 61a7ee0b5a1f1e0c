"""Persons and their networks. Every read of a person is written to the audit log."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import ActorDep, AuditDep, StoreDep
from graph import ops
from graph.ids import node_key
from graph.network import Network
from graph.privacy import redact
from graph.records import EDGE_TYPES

router = APIRouter(prefix="/persons", tags=["persons"])


@router.get("/{person_id}")
def get_person(person_id: str, store: StoreDep, audit: AuditDep,
               actor: ActorDep) -> dict[str, Any]:
    person = ops.get_person(store, person_id)
    audit.record(actor, "read_person", person_id)
    return redact("Person", person.model_dump(mode="json"), sensitive=False)


@router.get("/{person_id}/network")
def get_network(
    person_id: str, store: StoreDep, audit: AuditDep, actor: ActorDep,
    depth: Annotated[int, Query(ge=0, le=ops.MAX_DEPTH)] = 1,
    types: Annotated[list[str] | None, Query(description=f"relation types: {EDGE_TYPES}")] = None,
    as_of: date | None = None,
    cap: Annotated[int, Query(ge=1, le=5000)] = ops.DEFAULT_CAP,
) -> Network:
    network = ops.neighbourhood(store, node_key("Person", person_id), depth=depth, types=types,
                                as_of=as_of, cap=cap)
    audit.record(actor, "read_network", person_id, f"depth={depth}")
    return network
