"""Two counties for rotation tests: 示范县 (330102) with two townships, and 临江县 (330103).

Every post exists from the start; a test adds the cadres it needs with `cadre(...)`, so each
scenario reads as the list of people in it. The planning date is `AS_OF`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from graph.model import Bundle, Holding, Kinship, Person, Post, Region, Unit
from graph.vocab import Gender, PostFunction, PostRole, UnitKind
from queries.rotation.facts import Facts
from queries.rules import national

AS_OF = date(2025, 6, 1)
LONG_AGO = date(2014, 3, 1)
"""A start more than 10 years before AS_OF: EXCHANGE-10Y is due."""
RECENT = date(2022, 3, 1)
M, F = Gender.M, Gender.F

_UNITS = [
    ("U-PC", "示范县委", UnitKind.party_committee, "330102"),
    ("U-GOV", "示范县人民政府", UnitKind.government, "330102"),
    ("U-FIN", "示范县财政局", UnitKind.department, "330102"),
    ("U-EDU", "示范县教育局", UnitKind.department, "330102"),
    ("U-AUD", "示范县审计局", UnitKind.department, "330102"),
    ("U-PUB", "示范县公安局", UnitKind.public_security, "330102"),
    ("U-T1", "青山镇", UnitKind.township, "330102101"),
    ("U-T2", "绿水镇", UnitKind.township, "330102102"),
    ("U-B-PC", "临江县委", UnitKind.party_committee, "330103"),
    ("U-B-GOV", "临江县人民政府", UnitKind.government, "330103"),
    ("U-B-AUD", "临江县审计局", UnitKind.department, "330103"),
    ("U-B-EDU", "临江县教育局", UnitKind.department, "330103"),
    ("U-B-T", "白沙镇", UnitKind.township, "330103101"),
]
_POSTS = [
    ("P-SEC", "U-PC", "县委书记", "正处", PostRole.principal),
    ("P-MAYOR", "U-GOV", "县长", "正处", PostRole.principal),
    ("P-B-SEC", "U-B-PC", "县委书记", "正处", PostRole.principal),
    ("P-B-MAYOR", "U-B-GOV", "县长", "正处", PostRole.principal),
    ("FIN-HEAD", "U-FIN", "局长", "正科", PostRole.principal),
    ("EDU-HEAD", "U-EDU", "局长", "正科", PostRole.principal),
    ("AUD-HEAD", "U-AUD", "局长", "正科", PostRole.principal),
    ("PUB-HEAD", "U-PUB", "局长", "正科", PostRole.principal),
    ("T1-SEC", "U-T1", "党委书记", "正科", PostRole.principal),
    ("T2-SEC", "U-T2", "党委书记", "正科", PostRole.principal),
    ("B-AUD-HEAD", "U-B-AUD", "局长", "正科", PostRole.principal),
    ("B-EDU-HEAD", "U-B-EDU", "局长", "正科", PostRole.principal),
    ("FIN-DEP", "U-FIN", "副局长", "副科", PostRole.deputy),
    ("EDU-DEP", "U-EDU", "副局长", "副科", PostRole.deputy),
    ("AUD-DEP", "U-AUD", "副局长", "副科", PostRole.deputy),
    ("T1-DEP", "U-T1", "副镇长", "副科", PostRole.deputy),
    ("T2-DEP", "U-T2", "副镇长", "副科", PostRole.deputy),
    ("B-T-DEP", "U-B-T", "副镇长", "副科", PostRole.deputy),
]
HEADCOUNT = {"AUD-DEP": 2}


def county(headcount: dict[str, int] | None = None) -> Bundle:
    counts = {**HEADCOUNT, **(headcount or {})}
    return Bundle(
        regions=[Region(code="330100", name="示范市"), Region(code="330102", name="示范县"),
                 Region(code="330103", name="临江县")],
        units=[Unit(id=u, name=n, kind=k, level="county", region_code=c) for u, n, k, c in _UNITS],
        posts=[Post(id=p, unit_id=u, title=t, rank=r, role=role,
                    function=PostFunction.general, headcount=counts.get(p, 1))
               for p, u, t, r, role in _POSTS])


def cadre(person_id: str, post_id: str | None, start: date = LONG_AGO, *,
          gender: Gender = M, born: date = date(1978, 5, 1), home: str | None = None,
          education: str | None = "本科", end: date | None = None,
          retirement_date: date | None = None) -> tuple[Person, list[Holding]]:
    person = Person(id=person_id, name=f"干部{person_id}", gender=gender, birth_date=born,
                    grew_up_in=home, education=education, retirement_date=retirement_date)
    held = [] if post_id is None else [Holding(person_id=person_id, post_id=post_id,
                                               start=start, end=end)]
    return person, held


def scenario(cadres: Iterable[tuple[Person, list[Holding]]],
             kinship: Iterable[Kinship] = (), headcount: dict[str, int] | None = None,
             **extra: Sequence[object]) -> Bundle:
    base = county(headcount)
    people = list(cadres)
    return base.model_copy(update={
        "persons": [p for p, _ in people], "holdings": [h for _, hs in people for h in hs],
        "kinship": list(kinship), **{k: list(v) for k, v in extra.items()}})


def facts_of(bundle: Bundle, as_of: date = AS_OF) -> Facts:
    """The planner's in-memory facts without a store (for the pure tests)."""
    return Facts.build(as_of, national(), bundle.units, bundle.posts, bundle.persons,
                       bundle.holdings, bundle.assessments, bundle.trainings)
