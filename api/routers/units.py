"""Units (单位): search and one unit with its posts and sub-units."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from api.deps import LimitQ, OffsetQ, Page, StoreDep, page
from graph import ops
from graph import records as r
from graph.ids import node_key
from graph.records import NodeRecord

router = APIRouter(prefix="/units", tags=["units"])
MAX_CHILDREN = 5000


class UnitSummary(BaseModel):
    id: str
    name: str
    kind: str | None = None
    level: str | None = None
    parent_id: str | None = None


class PostSummary(BaseModel):
    id: str
    title: str
    unit_id: str
    rank: str | None = None
    role: str | None = None


def unit_summary(n: NodeRecord) -> UnitSummary:
    p = n.props
    return UnitSummary(id=n.key.partition("/")[2], name=str(p.get("name", "")),
                       kind=_opt(p.get("kind")), level=_opt(p.get("level")),
                       parent_id=_opt(p.get("parent_id")))


def post_summary(n: NodeRecord) -> PostSummary:
    p = n.props
    return PostSummary(id=n.key.partition("/")[2], title=str(p.get("title", "")),
                       unit_id=str(p.get("unit_id", "")), rank=_opt(p.get("rank")),
                       role=_opt(p.get("role")))


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


class UnitDetail(BaseModel):
    unit: dict[str, Any]
    posts: list[PostSummary]
    children: list[UnitSummary]


@router.get("")
def search_units(
    request: Request,
    q: Annotated[str, Query(max_length=100, description="A name (or part) or an id",
                            examples=["财政局"])] = "",
    limit: LimitQ = 20, offset: OffsetQ = 0,
) -> Page[UnitSummary]:
    """Units whose id is or starts with `q`, or whose name contains it (empty: all)."""
    found = request.app.state.search.search("Unit", q)
    body = page(found, limit, offset)
    body["items"] = [unit_summary(n).model_dump() for n in body["items"]]
    return Page[UnitSummary].model_validate(body)


@router.get("/{unit_id}")
def get_unit(unit_id: str, store: StoreDep) -> UnitDetail:
    """A unit, its posts and its direct sub-units."""
    unit = ops.get_entity(store, "Unit", unit_id)
    key = node_key("Unit", unit_id)
    around = store.expand([key], [r.IN_UNIT, r.PART_OF], None, MAX_CHILDREN).get(key)
    edges = around.edges if around else []
    posts = sorted(e.source for e in edges if e.type == r.IN_UNIT and e.target == key)
    children = sorted(e.source for e in edges if e.type == r.PART_OF and e.target == key)
    found = store.nodes([*posts, *children])
    return UnitDetail(unit=unit.model_dump(mode="json"),
                      posts=[post_summary(found[k]) for k in posts if k in found],
                      children=[unit_summary(found[k]) for k in children if k in found])
