"""Avoidance findings, what-if checks of proposed appointments, the rule set, kinship terms."""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.deps import RulesDep, StoreDep
from graph.errors import InvalidInput
from queries.checks import Proposal, audit, what_if
from queries.findings import FindingsReport
from queries.kinship import KinshipError, Resolution, resolve
from queries.rules import RuleSet

router = APIRouter(tags=["checks"])


@router.get("/findings")
def findings(
    store: StoreDep, rules: RulesDep, as_of: date | None = None,
    person: str | None = None,
    rule: Annotated[list[str] | None, Query(description="Only these rule IDs")] = None,
    severity: Literal["must", "should"] | None = None,
) -> FindingsReport:
    """Avoidance findings as of a date (default today), optionally for one person."""
    rep = audit(store, rules, as_of or date.today(), person)
    kept = [f for f in rep.findings if (not rule or f.rule in rule)
            and (severity is None or f.severity == severity)]
    return rep.model_copy(update={"findings": kept})


class ProposalIn(BaseModel):
    person_id: str
    post_id: str
    date: dt.date | None = None


class AppointmentCheck(BaseModel):
    proposals: list[ProposalIn] = Field(min_length=1, examples=[[
        {"person_id": "A6", "post_id": "P-FIN-DEP", "date": "2025-06-01"}]])
    as_of: date | None = None


@router.post("/checks/appointments")
def check_appointments(body: AppointmentCheck, store: StoreDep,
                       rules: RulesDep) -> FindingsReport:
    """The findings the proposed appointments would create (a move: current posts end)."""
    proposals = [Proposal(p.person_id, p.post_id, p.date) for p in body.proposals]
    return what_if(store, rules, proposals, body.as_of)


@router.get("/rules")
def get_rules(rules: RulesDep) -> RuleSet:
    return rules


@router.get("/kinship")
def kinship(term: str, sex: Literal["M", "F"] | None = None) -> Resolution:
    """Resolve a 称谓, GB/T 4761 code or chain into chains and a category."""
    try:
        return resolve(term, sex)
    except KinshipError as exc:
        raise InvalidInput(str(exc)) from exc
