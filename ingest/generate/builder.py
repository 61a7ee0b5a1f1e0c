"""Creating units and posts of one block with stable, readable ids."""

from __future__ import annotations

from ingest.generate.entities import GPost, GUnit
from ingest.generate.plan import BlockSpec, unit_id


class Builder:
    def __init__(self, spec: BlockSpec) -> None:
        self.spec = spec
        self.units: list[GUnit] = []
        self.posts: list[GPost] = []
        self._numbers: dict[int, int] = {}

    def unit(self, name: str, kind: str, level: str, sector: str, *, parent: GUnit | None = None,
             parent_id: str = "", region: str = "", avoid: str = "", tag: str = "") -> GUnit:
        unit = GUnit(len(self.units), unit_id(self.spec.code, len(self.units) + 1), name, kind,
                     level, region or self.spec.code, sector,
                     parent.idx if parent else None, parent.id if parent else parent_id,
                     avoid=avoid, tag=tag)
        self.units.append(unit)
        return unit

    def post(self, unit: GUnit, title: str, rank: str, role: str, *, function: str = "general",
             family: str = "", holders: int = 1, weight: float = 0.0,
             expandable: bool = False, reports_to: GPost | None = None,
             concurrent: GPost | None = None, key: bool = False) -> GPost:
        number = self._numbers.get(unit.idx, 0) + 1
        self._numbers[unit.idx] = number
        post = GPost(len(self.posts), f"P{unit.id[1:]}{number:03d}", unit.idx, title, rank, role,
                     function, family or ("organ" if unit.sector == "organ" else "gen"),
                     reports_to.idx if reports_to else None, holders=0 if weight else holders,
                     weight=weight, expandable=expandable or weight > 0,
                     concurrent=concurrent.idx if concurrent else None, key=key)
        if role == "principal" and unit.principal is None:
            unit.principal = post.idx
        self.posts.append(post)
        return post
