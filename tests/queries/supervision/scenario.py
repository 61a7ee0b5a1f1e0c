"""Scenarios for the supervision tests: `tests.factory.small_county()` plus deliberate extras.

small_county on DAY (2025-01-01): 县委书记 A1 (P-SEC, top: root party committee) <- 县长 A5
(P-MAYOR; the root 县政府 is led by the root 县委 of the same region) <- 副县长 A2 (P-VMAYOR,
oversees 财政局) <- 局长 P-FIN-HEAD (vacant since A3 left on 2024-01-01) <- 副局长 A4
(P-FIN-DEP) <- 财务股 A6 (P-FIN-ACC, reports_to P-FIN-DEP). A1 is A2's husband and A6's
father. 镇长 A3 (P-TWN-HEAD) heads a root township in a region without a party committee: no
one above him.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from graph import ops
from graph.model import Bundle, Holding, Person, Post, Region, Unit
from graph.store.base import GraphStore
from graph.vocab import Gender, PostRole, UnitKind
from tests.factory import small_county

DAY = date(2025, 1, 1)
M, F = Gender.M, Gender.F


def load(store: GraphStore, **extra: Sequence[object]) -> None:
    """small_county, then the extra records (posts/holdings with known ids replace)."""
    ops.write_bundle(store, small_county())
    if extra:
        ops.write_bundle(store, Bundle.model_validate(extra))


def person(ident: str, name: str, gender: Gender = M) -> Person:
    return Person(id=ident, name=name, gender=gender)


def held(person_id: str, post_id: str, start: date, end: date | None = None,
         **extra: str) -> Holding:
    return Holding(person_id=person_id, post_id=post_id, start=start, end=end, extra=extra)


def loop_unit() -> dict[str, list[object]]:
    """A unit whose two posts report to each other (a data error), both held."""
    return {
        "units": [Unit(id="U-LOOP", name="示范县信访局", parent_id="U-GOV",
                       kind=UnitKind.department, level="正科")],
        "posts": [Post(id="P-L1", unit_id="U-LOOP", title="局长", rank="正科",
                       role=PostRole.principal, reports_to="P-L2"),
                  Post(id="P-L2", unit_id="U-LOOP", title="副局长", rank="副科",
                       role=PostRole.deputy, reports_to="P-L1")],
        "persons": [person("C1", "周一"), person("C2", "周二")],
        "holdings": [held("C1", "P-L1", date(2022, 1, 1)), held("C2", "P-L2", date(2022, 1, 1))],
    }


def county_deputy_secretary() -> dict[str, list[object]]:
    """县委副书记 P-PC-DEP, held concurrently by 县长 A5 (a person with two posts)."""
    return {
        "posts": [Post(id="P-PC-DEP", unit_id="U-PC", title="县委副书记", rank="正处",
                       role=PostRole.deputy)],
        "holdings": [held("A5", "P-PC-DEP", date(2019, 3, 1), 兼任="是")],
    }


def unled_principals() -> dict[str, list[object]]:
    """Two root non-committee units whose principals have no one above: 邻县人民政府 (region
    330103, which has no party committee in the data; 县长 B1) and 示范县人大常委会 (no
    region_code; 主任 B2). 示范县委 (330102) must not be taken for the neighbour's committee."""
    return {
        "regions": [Region(code="330103", name="邻县")],
        "units": [Unit(id="U-GOV2", name="邻县人民政府", kind=UnitKind.government,
                       level="county", region_code="330103"),
                  Unit(id="U-NPC", name="示范县人大常委会", kind=UnitKind.people_congress,
                       level="county")],
        "posts": [Post(id="P-MAYOR2", unit_id="U-GOV2", title="县长", rank="正处",
                       role=PostRole.principal),
                  Post(id="P-NPC-HEAD", unit_id="U-NPC", title="主任", rank="正处",
                       role=PostRole.principal)],
        "persons": [person("B1", "孙八"), person("B2", "周九")],
        "holdings": [held("B1", "P-MAYOR2", date(2022, 1, 1)),
                     held("B2", "P-NPC-HEAD", date(2022, 1, 1))],
    }
