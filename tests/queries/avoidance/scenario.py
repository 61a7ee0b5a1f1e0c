"""Hand-made scenarios on the small county of tests/factory.py, for near misses and dates.

A scenario is the small county with some records added or replaced (same id: replaced), loaded
into an emptied store; it is audited on one or more dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from graph import ops
from graph.model import Bundle, Holding, Person, Post, Record, Region, Unit
from graph.store.base import GraphStore
from graph.vocab import Gender, PostFunction, PostRole, UnitKind
from queries.avoidance.check import audit
from queries.findings import Finding
from queries.rules import national
from tests.factory import small_county

DAY = date(2025, 1, 1)
LAST_YEAR = date(2024, 1, 1)
M, F = Gender.M, Gender.F
Key = tuple[str, tuple[str, ...]]
TABLES = ("regions", "units", "posts", "persons", "holdings", "kinship", "roles")

DEP2 = Post(id="P-FIN-DEP2", unit_id="U-FIN", title="副局长", rank="副科",
            role=PostRole.deputy)
"""A second deputy post of 财政局 (led, like P-FIN-DEP, by the 局长 P-FIN-HEAD)."""
CLERK = Post(id="P-FIN-CLK", unit_id="U-FIN", title="办公室科员", rank="科员",
             role=PostRole.staff, reports_to="P-FIN-DEP")
"""A general staff post of 财政局 led by the deputy post P-FIN-DEP (held by A4)."""
GOV_ACC = Post(id="P-GOV-ACC", unit_id="U-GOV", title="财务科员", rank="科员",
               role=PostRole.staff, function=PostFunction.finance)
"""A finance post in another organ: the county government."""
CITY_UNITS = [
    Unit(id="U-CPC", name="示范市委", kind=UnitKind.party_committee, level="city",
         region_code="330100"),
    Unit(id="U-CEDU", name="示范市教育局", parent_id="U-CPC", kind=UnitKind.department,
         level="正处", region_code="330100"),
]
CITY_POSTS = [
    Post(id="P-CSEC", unit_id="U-CPC", title="市委书记", rank="正厅", role=PostRole.principal),
    Post(id="P-CEDU", unit_id="U-CEDU", title="局长", rank="正处", role=PostRole.principal),
]
NEIGHBOURS = [Region(code="330103", name="邻县"), Region(code="330200", name="邻市"),
              Region(code="330102102", name="白水镇"), Region(code="330103101", name="邻县镇")]


def person(pid: str, gender: Gender = M, /, **fields: object) -> Person:
    return Person.model_validate({"id": pid, "name": f"人员{pid}", "gender": gender, **fields})


def holding(pid: str, post: str, start: date = date(2020, 1, 1),
            end: date | None = None) -> Holding:
    return Holding(person_id=pid, post_id=post, start=start, end=end)


def _identity(record: Record) -> str:
    return record.code if isinstance(record, Region) else str(getattr(record, "id", ""))


def county(**changes: Sequence[Record]) -> Bundle:
    """The small county with `changes` (per table) added, or replacing the record with the
    same id."""
    base = small_county()
    update: dict[str, list[Record]] = {}
    for table in TABLES:
        records = {_identity(r): r for r in getattr(base, table)}
        records |= {_identity(r): r for r in changes.get(table, ())}
        update[table] = list(records.values())
    return Bundle.model_validate({**base.model_dump(exclude=set(TABLES)), **update})


def audits(store: GraphStore, bundle: Bundle, *days: date) -> list[list[Finding]]:
    """Empty the store, load `bundle`, and audit on each day."""
    store.clear()
    ops.write_bundle(store, bundle)
    return [audit(store, national(), day).findings for day in days]


def keys(store: GraphStore, bundle: Bundle, day: date = DAY) -> set[Key]:
    (found,) = audits(store, bundle, day)
    return {f.key() for f in found}


def rules_of(found: set[Key], *persons: str) -> set[str]:
    """The rules found for exactly these persons."""
    return {rule for rule, who in found if who == tuple(sorted(persons))}
