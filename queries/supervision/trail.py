"""The accountability trail of appointments (谁推荐谁负责, seed 000).

For each holding of a person: everyone who recommended, inspected, voted on or decided the
appointment, with dates. An act belongs to a holding when its candidate is the person and
its post is the holding's post (with several holdings of that post: the first starting on or
after the act's date, else the one covering it, else the latest); an act naming no post
belongs to the holding starting within a year after it. Acts matching no holding are listed
as `unplaced`, never dropped. The reference persons (证明人) of each spell come along too.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from graph import records as r
from graph.model import Act, Holding
from graph.store.base import GraphStore
from queries.supervision.chain import resolve_subject
from queries.supervision.flags import is_acting
from queries.supervision.reads import (
    TRAIL_TYPES,
    acts_of,
    holdings_of,
    names,
    post_label,
    posts_and_units,
)
from queries.supervision.references import spell_of

ROLE_ZH = {"recommend": "推荐", "inspect": "考察", "vote": "表决", "decide": "决定",
           "reference": "证明人"}


class TrailAct(BaseModel):
    act_id: str
    role: str
    actor_id: str
    actor_name: str
    candidate_id: str
    on: date | None
    post_id: str | None
    matched: Literal["post", "date", "none"] = "post"


class HoldingTrail(BaseModel):
    holding_id: str
    post_id: str
    label: str
    start: date
    end: date | None
    acting: bool
    acts: list[TrailAct] = Field(default_factory=list)
    references: list[TrailAct] = Field(default_factory=list)


class TrailReport(BaseModel):
    person_id: str
    name: str
    holdings: list[HoldingTrail]
    unplaced: list[TrailAct] = Field(default_factory=list)


def _one_year_before(day: date) -> date:
    return day.replace(year=day.year - 1) if (day.month, day.day) != (2, 29) else date(
        day.year - 1, 2, 28)


def place(act: Act, history: list[Holding]) -> tuple[Holding | None, str]:
    """The holding an act belongs to and how it was matched (post or date)."""
    if act.post_id is not None:
        at_post = [h for h in history if h.post_id == act.post_id]
        if not at_post:
            return None, "none"
        later = [h for h in at_post if act.on is not None and h.start >= act.on]
        covering = [h for h in at_post if act.on is not None and h.active_on(act.on)]
        return (later[0] if later else covering[0] if covering else at_post[-1]), "post"
    if act.on is None:
        return None, "none"
    near = [h for h in history if act.on <= h.start and _one_year_before(h.start) <= act.on]
    return (near[0], "date") if near else (None, "none")


def trail(store: GraphStore, person_id: str, post_id: str | None = None) -> TrailReport:
    """Every holding of the person (at `post_id` only, when given), with its trail."""
    resolve_subject(store, person_id, "person")
    history = holdings_of(store, [person_id]).get(person_id, [])
    acts = acts_of(store, [person_id], [*TRAIL_TYPES, r.ACT_TYPES["reference"]],
                   as_actor=False)
    people = names(store, {person_id, *(a.actor_id for a in acts)})
    posts, units = posts_and_units(store, {h.post_id for h in history})
    out = {h.id: HoldingTrail(holding_id=h.id, post_id=h.post_id, start=h.start, end=h.end,
                              label=post_label(posts, units, h.post_id), acting=is_acting(h))
           for h in history}
    unplaced: list[TrailAct] = []
    for act in acts:
        item = TrailAct(act_id=act.id, role=act.role.value, actor_id=act.actor_id,
                        actor_name=people[act.actor_id], candidate_id=act.candidate_id,
                        on=act.on, post_id=act.post_id)
        if act.role.value == "reference":
            spell = spell_of(act, history)
            target = out[spell.id].references if spell else unplaced
            target.append(item.model_copy(update={"matched": "post" if spell else "none"}))
            continue
        holding, how = place(act, history)
        target = out[holding.id].acts if holding else unplaced
        target.append(item.model_copy(update={"matched": how}))
    kept = [t for t in out.values() if post_id is None or t.post_id == post_id]
    return TrailReport(person_id=person_id, name=people[person_id], holdings=kept,
                       unplaced=[u for u in unplaced if post_id is None or u.post_id == post_id])
