"""Small 任免审批表 forms written for tests (via `write_lrmx`), and a roster to match against."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from graph import ops
from graph.model import Bundle, Holding, Person, Post, Unit
from graph.store.base import GraphStore
from graph.vocab import Gender, PostRole, UnitKind
from ingest.lrmx import FamilyMember, LrmxRecord, write_lrmx
from ingest.lrmx.nodes import make_extra

ZHANG_ID = "632901197003150016"


def member(relation: str, name: str, birth: str | None = None, party: str | None = None,
           work: str | None = None) -> FamilyMember:
    return FamilyMember(relation=relation, name=name, birth_raw=birth, political_status=party,
                        unit_and_post=work)


def form(name: str, *, id_number: str | None = None, gender: str = "男",
         birth: str = "1970.03", family: tuple[FamilyMember, ...] = (),
         current: str | None = None, resume: str | None = None,
         reviews: str | None = None, source: str | None = None,
         **fields: str) -> LrmxRecord:
    return LrmxRecord.model_validate({
        "source": source or f"{name}.lrmx", "name": name, "gender": gender,
        "birth_month_raw": birth, "id_number": id_number, "current_post": current,
        "resume_raw": resume, "annual_reviews": reviews, "family": list(family),
        "filled_on": "20240615", **fields})


def with_item_id(record: LrmxRecord, item: int, id_number: str) -> LrmxRecord:
    """The record with a `ShenFenZheng` child added to its `item`-th family Item."""
    extra = make_extra(f"Person/JiaTingChengYuan/Item[{item}]", 5, "ShenFenZheng", id_number)
    return record.model_copy(update={"extra": [*record.extra, extra]})


def save(directory: Path, *records: LrmxRecord) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for record in records:
        (directory / record.source).write_bytes(write_lrmx(record))
    return directory


def roster(store: GraphStore, *persons: Person, work: dict[str, str] | None = None) -> None:
    """Persons, each (optionally) teaching at 临川市第一中学 or holding a post named in
    `work` (person id -> post id among the units and posts below)."""
    units = [Unit(id="U-YZ", name="临川市第一中学", kind=UnitKind.institution),
             Unit(id="U-FIN", name="青阳县财政局", kind=UnitKind.department),
             Unit(id="U-PC", name="中共青阳县委员会", kind=UnitKind.party_committee)]
    posts = [Post(id="P-TEACH", unit_id="U-YZ", title="教师"),
             Post(id="P-FIN-DEP", unit_id="U-FIN", title="副局长", role=PostRole.deputy),
             Post(id="P-SEC", unit_id="U-PC", title="县委书记", role=PostRole.principal)]
    holdings = [Holding(person_id=pid, post_id=post, start=date(2010, 1, 1))
                for pid, post in (work or {}).items()]
    ops.write_bundle(store, Bundle(units=units, posts=posts, persons=list(persons),
                                   holdings=holdings))


def li_hong(pid: str = "R-LH", **changes: object) -> Person:
    data: dict[str, object] = {"id": pid, "name": "李红", "gender": Gender.F,
                               "birth_date": date(1972, 5, 1)}
    return Person.model_validate({**data, **changes})
