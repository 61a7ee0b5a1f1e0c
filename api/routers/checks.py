"""Avoidance findings, what-if checks of proposed appointments, the rule set, kinship terms.

Findings and what-if checks are discipline-sensitive: they need the `findings` permission
(supervisors, admins, planners granted it).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from api.auth.deps import require
from api.deps import ActorDep, AsOfQ, AuditDep, Day, LimitQ, OffsetQ, RulesDep, StoreDep
from api.respond import respond
from graph.errors import InvalidInput, NotFound
from queries.checks import Proposal, audit, what_if
from queries.findings import FindingsReport
from queries.kinship import KinshipError, Resolution, resolve
from queries.rules import RuleSet

router = APIRouter(tags=["checks"])
FINDINGS = [Depends(require("findings"))]


class FindingsPage(FindingsReport):
    total: int
    limit: int
    offset: int


@router.get("/findings", dependencies=FINDINGS)
def findings(
    request: Request, store: StoreDep, rules: RulesDep, log: AuditDep, actor: ActorDep,
    as_of: AsOfQ = None,
    person: Annotated[str | None, Query(max_length=200, description="Only findings involving "
                                        "this person", examples=["A1"])] = None,
    rule: Annotated[list[str] | None, Query(description="Only these rule IDs",
                                            examples=[["KIN-DIRECT-LEAD"]])] = None,
    unit: Annotated[str | None, Query(max_length=200, description="Only findings on posts "
                                      "in this unit", examples=["U-FIN"])] = None,
    severity: Literal["must", "should"] | None = None,
    limit: LimitQ = 500, offset: OffsetQ = 0,
) -> FindingsPage:
    """Avoidance, supervision and record findings as of a date (default today)."""
    rep = audit(store, rules, as_of or date.today(), person)
    posts: set[str] | None = None
    if unit is not None:
        if not store.existing([f"unit/{unit}"]):
            raise NotFound(f"no unit with id {unit!r}")
        posts = {e.id for e in request.app.state.search.entries("Post")
                 if e.node.props.get("unit_id") == unit}
    kept = [f for f in rep.findings if (not rule or f.rule in rule)
            and (severity is None or f.severity == severity)
            and (posts is None or posts & set(f.posts))]
    log.record(actor, "read_findings", person or "", f"unit={unit or ''}")
    return FindingsPage(as_of=rep.as_of, rule_set=rep.rule_set,
                        findings=kept[offset:offset + limit], total=len(kept), limit=limit,
                        offset=offset)


class ProposalIn(BaseModel):
    person_id: str = Field(max_length=200)
    post_id: str = Field(max_length=200)
    date: Day | None = None


class AppointmentCheck(BaseModel):
    proposals: list[ProposalIn] = Field(min_length=1, max_length=100)
    as_of: AsOfQ = None


EXAMPLES = {"kin": {"summary": "A son under his father's wife's deputy",
                    "value": {"proposals": [{"person_id": "A6", "post_id": "P-FIN-DEP",
                                             "date": "2025-06-01"}]}}}


@router.post("/checks/appointments", dependencies=FINDINGS, response_model=FindingsReport)
def check_appointments(
    body: Annotated[AppointmentCheck, Body(openapi_examples=EXAMPLES)],
    store: StoreDep, rules: RulesDep, log: AuditDep, actor: ActorDep,
) -> Response:
    """The findings the proposed appointments would create (a move: current posts end)."""
    proposals = [Proposal(p.person_id, p.post_id, p.date) for p in body.proposals]
    rep = what_if(store, rules, proposals, body.as_of)
    log.record_many(actor, [("what_if", p.person_id, f"post={p.post_id}")
                            for p in body.proposals])
    return respond(rep, FindingsReport)


@router.get("/rules")
def get_rules(rules: RulesDep) -> RuleSet:
    """The active rule set (national, with the deployment's overrides) with citations."""
    return rules


@router.get("/kinship")
def kinship(
    term: Annotated[str, Query(max_length=100, description="A 称谓, GB/T 4761 code or chain",
                               examples=["岳父"])],
    sex: Literal["M", "F"] | None = None,
) -> Resolution:
    """Resolve a 称谓, GB/T 4761 code or chain into chains and a category."""
    try:
        return resolve(term, sex)
    except KinshipError as exc:
        raise InvalidInput(str(exc)) from exc
