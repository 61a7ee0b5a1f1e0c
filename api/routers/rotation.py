"""Exchange and rotation planning: the due list, candidates, and an optimised plan."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.deps import AsOfQ, Day, RulesDep, StoreDep
from graph.errors import InvalidInput
from queries.rotation.candidates import CandidateList, for_person, for_post
from queries.rotation.due import DueItem, due
from queries.rotation.plan import PlanRequest, plan
from queries.rotation.report import Plan

router = APIRouter(prefix="/rotation", tags=["rotation"])


class DueList(BaseModel):
    as_of: date
    within_months: int
    items: list[DueItem]


@router.get("/due")
def get_due(store: StoreDep, rules: RulesDep, as_of: AsOfQ = None,
            within_months: Annotated[int, Query(ge=0, le=120)] = 12) -> DueList:
    """应交流名单: who must or should move by `as_of` + `within_months`, and why."""
    day = as_of or date.today()
    return DueList(as_of=day, within_months=within_months,
                   items=due(store, rules, day, within_months))


@router.get("/candidates")
def get_candidates(
    store: StoreDep, rules: RulesDep, person: str | None = None, post: str | None = None,
    as_of: AsOfQ = None, open_selection: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> CandidateList:
    """The posts a person may take (`person=`) or the persons a post may take (`post=`)."""
    if (person is None) == (post is None):
        raise InvalidInput("give exactly one of person= or post=")
    day = as_of or date.today()
    if person is not None:
        return for_person(store, rules, person, day, limit)
    return for_post(store, rules, str(post), day, open_selection, limit)


class PlanBody(BaseModel):
    as_of: Day | None = None
    within_months: int = Field(12, ge=0, le=120)
    lock: list[str] = Field(default_factory=list, examples=[["P-SEC"]])
    forbid: list[str] = Field(default_factory=list, examples=[["A3=P-FIN-HEAD"]])
    must: list[str] = Field(default_factory=list)
    time_limit: float = Field(30.0, gt=0, le=600)
    include_should: bool = True


@router.post("/plan")
def post_plan(body: PlanBody, store: StoreDep, rules: RulesDep) -> Plan:
    """交流方案: due cadres to vacancies and to one another's posts, creating no new
    avoidance finding; every move and every unmoved must-move explains itself."""
    request = PlanRequest.model_validate(
        {**body.model_dump(), "as_of": body.as_of or date.today()})
    return plan(store, rules, request)
