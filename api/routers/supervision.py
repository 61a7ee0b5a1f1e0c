"""Supervision chains, spans, accountability trails and supervision/record findings.

Chains, spans and trails are reads (any key) and are written to the audit log like person
reads; the reverse trail (`recommended`, which carries findings) and the supervision findings
need the `findings` permission.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response

from api.auth.deps import require
from api.deps import ActorDep, AsOfQ, AuditDep, RulesDep, StoreDep
from api.netview import cytoscape
from api.respond import respond
from graph.network import Network
from queries.findings import FindingsReport, report
from queries.supervision.chain import ChainReport, chain_report
from queries.supervision.checks import supervision_findings
from queries.supervision.network import chain_network
from queries.supervision.records_check import record_findings
from queries.supervision.reverse import RecommendedReport, recommendation_network, recommended
from queries.supervision.span import SpanReport, span
from queries.supervision.trail import TrailReport, trail

router = APIRouter(tags=["supervision"])
FINDINGS = [Depends(require("findings"))]


ChainOut = ChainReport | Network | list[dict[str, Any]]


@router.get("/chain/{kind}/{ident}", response_model=ChainOut)
def get_chain(
    kind: Literal["person", "post"], ident: str, store: StoreDep, log: AuditDep,
    actor: ActorDep, as_of: AsOfQ = None,
    fmt: Annotated[Literal["json", "graph", "cytoscape"], Query(
        alias="format", description="json: the chain report; graph: {nodes, edges}; "
                                    "cytoscape: Cytoscape.js elements")] = "json",
) -> Response:
    """The supervision chain of a post, or one per post a person holds (default today)."""
    day = as_of or date.today()
    rep = chain_report(store, ident, day, kind)
    people = sorted({p for c in rep.chains for s in [c.start, *c.chain] for p in s.holders})
    log.record_many(actor, [*([("read_chain", ident, "")] if kind == "person" else []),
                            *(("seen_in_chain", p, f"via {kind}/{ident}") for p in people
                              if kind == "post" or p != ident)])
    if fmt == "json":
        return respond(rep, ChainOut)
    net = chain_network(rep)
    return respond(cytoscape(net) if fmt == "cytoscape" else net, ChainOut)


@router.get("/persons/{person_id}/span")
def get_span(person_id: str, store: StoreDep, log: AuditDep, actor: ActorDep,
             as_of: AsOfQ = None) -> SpanReport:
    """Everyone the person supervises directly and indirectly, with counts."""
    day = as_of or date.today()
    rep = span(store, person_id, day)
    log.record(actor, "read_span", person_id)
    return rep


@router.get("/persons/{person_id}/trail")
def get_trail(person_id: str, store: StoreDep, log: AuditDep, actor: ActorDep,
              post: Annotated[str | None, Query(max_length=200)] = None) -> TrailReport:
    """Who recommended, inspected, voted on and decided each of the person's appointments."""
    rep = trail(store, person_id, post)
    log.record(actor, "read_trail", person_id, f"post={post}" if post else "")
    return rep


@router.get("/persons/{person_id}/recommended", dependencies=FINDINGS)
def get_recommended(person_id: str, store: StoreDep, rules: RulesDep, log: AuditDep,
                    actor: ActorDep, as_of: AsOfQ = None) -> RecommendedReport:
    """Everyone the person recommended or inspected: where they are now, findings,
    latest assessments."""
    rep = recommended(store, rules, person_id, as_of)
    log.record(actor, "read_recommended", person_id)
    return rep


@router.get("/persons/{person_id}/recommendation-network")
def get_recommendation_network(person_id: str, store: StoreDep, log: AuditDep, actor: ActorDep,
                               as_of: AsOfQ = None) -> Network:
    """Who recommended whom among the cadres in the person's span."""
    net = recommendation_network(store, person_id, as_of)
    log.record(actor, "read_recommendation_network", person_id)
    return net


@router.get("/supervision/findings", dependencies=FINDINGS)
def get_findings(
    store: StoreDep, rules: RulesDep, as_of: AsOfQ = None,
    person: Annotated[str | None, Query(max_length=200)] = None,
    rule: Annotated[list[str] | None, Query(description="Only these rule IDs")] = None,
) -> FindingsReport:
    """SUPERVISION-*, REFERENCE-* and RECORD-MISMATCH findings (default today)."""
    day = as_of or date.today()
    focus = None if person is None else {person}
    found = [*supervision_findings(store, rules, day, focus),
             *record_findings(store, rules, day, focus)]
    return report(rules, day, (f for f in found if not rule or f.rule in rule))
