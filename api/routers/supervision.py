"""Supervision chains, spans, accountability trails and supervision/record findings.

The lead includes it in `api/app.py`: `app.include_router(supervision.router)`. Reads of a
person's trail or recommendations are written to the audit log, like person reads.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import ActorDep, AuditDep, RulesDep, StoreDep
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


@router.get("/chain/{kind}/{ident}")
def get_chain(
    kind: Literal["person", "post"], ident: str, store: StoreDep,
    as_of: date | None = None,
    fmt: Annotated[Literal["json", "graph"], Query(alias="format")] = "json",
) -> ChainReport | Network:
    """The supervision chain of a post, or one per post a person holds (default today)."""
    rep = chain_report(store, ident, as_of or date.today(), kind)
    return chain_network(rep) if fmt == "graph" else rep


@router.get("/persons/{person_id}/span")
def get_span(person_id: str, store: StoreDep, as_of: date | None = None) -> SpanReport:
    """Everyone the person supervises directly and indirectly, with counts."""
    return span(store, person_id, as_of)


@router.get("/persons/{person_id}/trail")
def get_trail(person_id: str, store: StoreDep, audit: AuditDep, actor: ActorDep,
              post: str | None = None) -> TrailReport:
    """Who recommended, inspected, voted on and decided each of the person's appointments."""
    rep = trail(store, person_id, post)
    audit.record(actor, "read_trail", person_id, f"post={post}" if post else "")
    return rep


@router.get("/persons/{person_id}/recommended")
def get_recommended(person_id: str, store: StoreDep, rules: RulesDep, audit: AuditDep,
                    actor: ActorDep, as_of: date | None = None) -> RecommendedReport:
    """Everyone the person recommended or inspected: where they are now, findings,
    latest assessments."""
    rep = recommended(store, rules, person_id, as_of)
    audit.record(actor, "read_recommended", person_id)
    return rep


@router.get("/persons/{person_id}/recommendation-network")
def get_recommendation_network(person_id: str, store: StoreDep,
                               as_of: date | None = None) -> Network:
    """Who recommended whom among the cadres in the person's span."""
    return recommendation_network(store, person_id, as_of)


@router.get("/supervision/findings")
def get_findings(
    store: StoreDep, rules: RulesDep, as_of: date | None = None, person: str | None = None,
    rule: Annotated[list[str] | None, Query(description="Only these rule IDs")] = None,
) -> FindingsReport:
    """SUPERVISION-*, REFERENCE-* and RECORD-MISMATCH findings (default today)."""
    day = as_of or date.today()
    focus = None if person is None else {person}
    found = [*supervision_findings(store, rules, day, focus),
             *record_findings(store, rules, day, focus)]
    return report(rules, day, (f for f in found if not rule or f.rule in rule))
