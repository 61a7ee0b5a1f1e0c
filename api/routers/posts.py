"""Posts (职位): list (by unit, by title or id) and one post with its holders."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from api.deps import AsOfQ, LimitQ, OffsetQ, Page, StoreDep, page
from api.routers.units import PostSummary, post_summary
from graph import ops
from graph import records as r
from graph.ids import node_key

router = APIRouter(prefix="/posts", tags=["posts"])
MAX_HOLDERS = 1000


class Holder(BaseModel):
    person_id: str
    name: str
    start: str | None = None
    end: str | None = None


class PostDetail(BaseModel):
    post: dict[str, Any]
    unit: str
    as_of: date | None
    holders: list[Holder]
    """Holders on `as_of` (every holder ever when no date is given), by start date."""


@router.get("")
def list_posts(
    request: Request,
    q: Annotated[str, Query(max_length=100, description="A title (or part) or an id",
                            examples=["局长"])] = "",
    unit: Annotated[str | None, Query(max_length=200, description="Only this unit's posts",
                                      examples=["U-FIN"])] = None,
    limit: LimitQ = 20, offset: OffsetQ = 0,
) -> Page[PostSummary]:
    """Posts whose id is or starts with `q`, or whose title contains it."""
    found = request.app.state.search.search("Post", q)
    if unit is not None:
        found = [n for n in found if n.props.get("unit_id") == unit]
    body = page(found, limit, offset)
    body["items"] = [post_summary(n).model_dump() for n in body["items"]]
    return Page[PostSummary].model_validate(body)


@router.get("/{post_id}")
def get_post(post_id: str, store: StoreDep, as_of: AsOfQ = None) -> PostDetail:
    """A post, its unit's name and its holders (as of a date)."""
    post = ops.get_entity(store, "Post", post_id)
    key = node_key("Post", post_id)
    around = store.expand([key], [r.HOLDS], r.iso(as_of), MAX_HOLDERS).get(key)
    holds = sorted((e for e in (around.edges if around else []) if e.target == key),
                   key=lambda e: (str(e.props.get("valid_from", "")), e.source))
    data = post.model_dump(mode="json")
    found = store.nodes([e.source for e in holds] + [node_key("Unit", data["unit_id"])])
    unit = found.get(node_key("Unit", data["unit_id"]))
    holders = [Holder(person_id=e.source.partition("/")[2],
                      name=str(found[e.source].props.get("name", "")) if e.source in found else "",
                      start=_s(e.props.get("valid_from")), end=_s(e.props.get("valid_to")))
               for e in holds]
    return PostDetail(post=data, unit=str(unit.props.get("name", "")) if unit else "",
                      as_of=as_of, holders=holders)


def _s(value: object) -> str | None:
    return None if value is None else str(value)
