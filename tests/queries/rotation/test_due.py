"""The due list: tenure rules, avoidance findings, horizons and exemptions, on both stores."""

from __future__ import annotations

from datetime import date

from graph import ops
from graph.model import Kinship, Post
from graph.store.base import GraphStore
from graph.vocab import PostFunction, PostRole
from queries.rotation.due import DueItem, due
from queries.rules import national
from tests.queries.rotation.scenario import AS_OF, RECENT, F, cadre, scenario

d = date


def _by_person(items: list[DueItem]) -> dict[str, DueItem]:
    return {i.person_id: i for i in items}


def test_tenure_and_avoidance_reasons(store: GraphStore) -> None:
    sensitive = Post(id="AUD-ACC", unit_id="U-AUD", title="审计股股长", rank="正股",
                     function=PostFunction.audit, role=PostRole.staff)
    bundle = scenario([
        cadre("X1", "FIN-HEAD", d(2014, 3, 1)),
        cadre("Y1", "EDU-HEAD", d(2015, 9, 1)),
        cadre("Z1", "AUD-ACC", d(2014, 3, 1), born=d(1966, 3, 1)),   # retires 2026-07
        cadre("K1", "AUD-HEAD", RECENT), cadre("K2", "AUD-DEP", RECENT, gender=F),
        cadre("R1", "PUB-HEAD", RECENT, home="330102101"),
        cadre("N1", "T2-SEC", RECENT),
    ], kinship=[Kinship(person_id="K1", relative_id="K2", relation="妻子")])
    ops.write_bundle(store, bundle.model_copy(update={"posts": [*bundle.posts, sensitive]}))
    items = _by_person(due(store, national(), AS_OF, 12))
    assert set(items) == {"X1", "Y1", "Z1", "K2", "R1"}
    x1 = items["X1"]
    assert (x1.strength, x1.exempt, x1.due_on) == ("must", False, d(2024, 1, 1))
    assert {(r.rule, r.strength, r.due_on) for r in x1.reasons} == {
        ("TERM-MAX-2", "must", d(2024, 1, 1)),
        ("EXCHANGE-10Y", "must", d(2024, 3, 1)),
        ("EXCHANGE-10Y", "should", d(2024, 3, 1)),       # same place, same level 10 years
        ("ROTATE-TWO-TERMS", "should", d(2024, 3, 1))}
    # Appointed after 30 June: terms from 2016-01-01; both dates fall within 12 months.
    y1 = items["Y1"]
    assert [(r.rule, r.due_on) for r in y1.reasons if r.strength == "must"] == [
        ("EXCHANGE-10Y", d(2025, 9, 1)), ("TERM-MAX-2", d(2026, 1, 1))]
    assert "Y1" not in _by_person(due(store, national(), AS_OF, 0))
    z1 = items["Z1"]
    assert z1.exempt and z1.retirement_date == d(2026, 7, 1)
    assert [r.exempt_by for r in z1.reasons] == ["EXEMPT-NEAR-RETIRE"]
    assert z1.exemptions[0].startswith("EXEMPT-NEAR-RETIRE")
    # Avoidance: the lower-ranked of two kin moves; a principal in their home county moves.
    (k2,) = items["K2"].reasons
    assert (k2.rule, k2.others, k2.due_on, k2.post_id) == (
        "KIN-DIRECT-LEAD", ["K1"], RECENT, "AUD-DEP")
    assert [r.rule for r in items["R1"].reasons] == ["REGION-COUNTY"]
    assert items["R1"].avoidance and not x1.avoidance
