"""A small hand-made county for store and query tests (readable, every value deliberate)."""

from __future__ import annotations

from datetime import date

from graph.model import (
    Act,
    Assessment,
    Bundle,
    Holding,
    Kinship,
    Person,
    Post,
    Region,
    Training,
    Unit,
)
from graph.vocab import ActRole, Gender, Grade, PostFunction, PostRole, UnitKind


def small_county() -> Bundle:
    """县委, 县政府, 财政局 (with 财务股), a township, six people, two of them married."""
    d = date
    return Bundle(
        regions=[Region(code="330100", name="示范市"), Region(code="330102", name="示范县")],
        units=[
            Unit(id="U-PC", name="示范县委", kind=UnitKind.party_committee, level="county",
                 region_code="330102"),
            Unit(id="U-GOV", name="示范县人民政府", kind=UnitKind.government, level="county",
                 region_code="330102"),
            Unit(id="U-FIN", name="示范县财政局", parent_id="U-GOV", kind=UnitKind.department,
                 level="正科", region_code="330102", regulates=("U-ENT",)),
            Unit(id="U-ENT", name="示范县城投公司", kind=UnitKind.enterprise, level="正科",
                 region_code="330102"),
            Unit(id="U-TWN", name="青山镇人民政府", kind=UnitKind.township, level="正科",
                 region_code="330102101", extra={"备注": "山区乡镇"}),
        ],
        posts=[
            Post(id="P-SEC", unit_id="U-PC", title="县委书记", rank="正处",
                 role=PostRole.principal),
            Post(id="P-MAYOR", unit_id="U-GOV", title="县长", rank="正处",
                 role=PostRole.principal),
            Post(id="P-VMAYOR", unit_id="U-GOV", title="副县长", rank="副处",
                 role=PostRole.deputy, oversees=("U-FIN",)),
            Post(id="P-FIN-HEAD", unit_id="U-FIN", title="局长", rank="正科",
                 role=PostRole.principal),
            Post(id="P-FIN-DEP", unit_id="U-FIN", title="副局长", rank="副科",
                 role=PostRole.deputy, headcount=2),
            Post(id="P-FIN-ACC", unit_id="U-FIN", title="财务股科员", rank="科员",
                 role=PostRole.staff, function=PostFunction.finance, headcount=3,
                 reports_to="P-FIN-DEP"),
            Post(id="P-TWN-HEAD", unit_id="U-TWN", title="镇长", rank="正科",
                 role=PostRole.principal),
        ],
        persons=[
            Person(id="A1", name="王建国", gender=Gender.M, birth_date=d(1970, 5, 1),
                   id_number="330102197005011234", grew_up_in="330102101"),
            Person(id="A2", name="李秀英", gender=Gender.F, birth_date=d(1972, 3, 1)),
            Person(id="A3", name="张伟", gender=Gender.M, birth_date=d(1980, 7, 1)),
            Person(id="A4", name="刘芳", gender=Gender.F, birth_date=d(1985, 1, 1)),
            Person(id="A5", name="陈明", gender=Gender.M, birth_date=d(1975, 9, 1),
                   extra={"备注": "挂职"}),
            Person(id="A6", name="王小军", gender=Gender.M, birth_date=d(1998, 2, 1)),
        ],
        holdings=[
            Holding(person_id="A1", post_id="P-SEC", start=d(2021, 6, 1)),
            Holding(person_id="A5", post_id="P-MAYOR", start=d(2019, 3, 1)),
            Holding(person_id="A2", post_id="P-VMAYOR", start=d(2020, 1, 1)),
            Holding(person_id="A3", post_id="P-FIN-HEAD", start=d(2018, 1, 1),
                    end=d(2024, 1, 1)),
            Holding(person_id="A3", post_id="P-TWN-HEAD", start=d(2024, 1, 1)),
            Holding(person_id="A4", post_id="P-FIN-DEP", start=d(2022, 8, 1)),
            Holding(person_id="A6", post_id="P-FIN-ACC", start=d(2023, 9, 1)),
        ],
        kinship=[
            Kinship(person_id="A1", relative_id="A2", relation="妻子", since=d(1996, 10, 1)),
            Kinship(person_id="A1", relative_id="A6", relation="儿子"),
        ],
        roles=[
            Act(actor_id="A1", candidate_id="A3", role=ActRole.recommend, post_id="P-TWN-HEAD",
                on=d(2023, 12, 1)),
            Act(actor_id="A5", candidate_id="A3", role=ActRole.vote, post_id="P-TWN-HEAD",
                on=d(2023, 12, 15)),
            Act(actor_id="A2", candidate_id="A4", role=ActRole.reference, post_id="P-FIN-DEP",
                on=d(2022, 8, 1)),
        ],
        assessments=[Assessment(person_id="A3", year=2024, grade=Grade.excellent)],
        trainings=[Training(person_id="A4", start=d(2023, 3, 1), end=d(2023, 5, 31), days=90,
                            institution="市委党校")],
    )
