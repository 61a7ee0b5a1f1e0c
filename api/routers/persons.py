"""Persons: search, one person, their network. Every read of a person is audited."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel

from api.deps import (
    ActorDep,
    AsOfQ,
    AuditDep,
    LimitQ,
    OffsetQ,
    Page,
    PersonalDep,
    StoreDep,
    page,
)
from api.netview import NetFormat, NetworkOut, deliver
from api.privacy import cadres_among, mask_person
from api.respond import respond
from api.search import SearchIndex
from graph import ops
from graph.ids import node_key
from graph.records import EDGE_TYPES

router = APIRouter(prefix="/persons", tags=["persons"])
TypesQ = Annotated[list[str] | None, Query(description=f"Relation types: {', '.join(EDGE_TYPES)}",
                                           examples=[["KIN", "HOLDS"]])]
DepthQ = Annotated[int, Query(ge=0, le=ops.MAX_DEPTH, description="Hops from the subject")]
CapQ = Annotated[int, Query(ge=1, le=5000, description="At most this many edges per node")]
FormatQ = Annotated[NetFormat, Query(alias="format",
                                     description="json: {nodes, edges}; cytoscape: elements")]


class PersonSummary(BaseModel):
    id: str
    name: str
    gender: str | None = None
    cadre: bool
    """Holds or held a post (else a relative)."""


@router.get("")
def search_persons(
    request: Request, store: StoreDep, audit: AuditDep, actor: ActorDep,
    q: Annotated[str, Query(max_length=100, description="A name (or part of one) or an id",
                            examples=["王建国"])] = "",
    limit: LimitQ = 20, offset: OffsetQ = 0,
) -> Page[PersonSummary]:
    """Persons whose id is or starts with `q`, or whose name contains it (empty: all)."""
    index: SearchIndex = request.app.state.search
    found = index.search("Person", q)
    shown = found[offset:offset + limit]
    cadres = cadres_among(store, [n.key.partition("/")[2] for n in shown])
    items = [PersonSummary(id=(ident := n.key.partition("/")[2]), name=str(n.props.get("name")),
                           gender=str(n.props["gender"]) if n.props.get("gender") else None,
                           cadre=ident in cadres) for n in shown]
    audit.record(actor, "search_persons", "", f"q={q}")
    return Page[PersonSummary].model_validate(
        {**page(found, limit, offset), "items": [i.model_dump() for i in items]})


@router.get("/{person_id}")
def get_person(person_id: str, store: StoreDep, audit: AuditDep, actor: ActorDep,
               personal: PersonalDep) -> dict[str, Any]:
    """One person's record (ID number and a relative's details masked for some roles)."""
    person = ops.get_person(store, person_id)
    audit.record(actor, "read_person", person_id)
    body = person.model_dump(mode="json")
    if personal:
        return body
    return mask_person(body, cadre=bool(cadres_among(store, [person_id])))


@router.get("/{person_id}/network", response_model=NetworkOut)
def get_network(
    person_id: str, store: StoreDep, audit: AuditDep, actor: ActorDep, personal: PersonalDep,
    depth: DepthQ = 1, types: TypesQ = None, as_of: AsOfQ = None, cap: CapQ = ops.DEFAULT_CAP,
    fmt: FormatQ = "json",
) -> Response:
    """The person's network (relatives, posts, acts ...) within `depth` hops, as of a date."""
    key = node_key("Person", person_id)
    net = ops.neighbourhood(store, key, depth=depth, types=types, as_of=as_of, cap=cap,
                            sensitive=personal)
    return respond(deliver(store, net, personal=personal, fmt=fmt, audit=audit, actor=actor,
                           subject=key, detail=f"depth={depth}"), NetworkOut)
