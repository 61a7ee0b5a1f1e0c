"""The network around any node: a person, post, unit or region."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Response

from api.deps import ActorDep, AsOfQ, AuditDep, PersonalDep, StoreDep
from api.netview import NetworkOut, deliver
from api.respond import respond
from api.routers.persons import CapQ, DepthQ, FormatQ, TypesQ
from graph import ops
from graph.ids import node_key

router = APIRouter(tags=["network"])
Kind = Literal["person", "post", "unit", "region"]


@router.get("/network/{kind}/{ident}", response_model=NetworkOut)
def get_network(
    kind: Kind, ident: str, store: StoreDep, audit: AuditDep, actor: ActorDep,
    personal: PersonalDep, depth: DepthQ = 1, types: TypesQ = None, as_of: AsOfQ = None,
    cap: CapQ = ops.DEFAULT_CAP, fmt: FormatQ = "json",
) -> Response:
    """The k-hop network around a node; every person in it is audited."""
    key = node_key(kind.capitalize(), ident)
    net = ops.neighbourhood(store, key, depth=depth, types=types, as_of=as_of, cap=cap,
                            sensitive=personal)
    return respond(deliver(store, net, personal=personal, fmt=fmt, audit=audit, actor=actor,
                           subject=key, detail=f"depth={depth}"), NetworkOut)
