"""The accountability trail, its reverse, and the recommendation network, on both stores."""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import NotFound
from graph.model import Act, Assessment, Kinship
from graph.store.base import GraphStore
from graph.vocab import ActRole, Grade
from queries.rules import national
from queries.supervision.reverse import recommendation_network, recommended
from queries.supervision.trail import trail
from tests.queries.supervision.scenario import DAY, held, load, person


def _act(actor: str, cand: str, role: ActRole, post: str | None, on: date | None) -> Act:
    return Act(actor_id=actor, candidate_id=cand, role=role, post_id=post, on=on)


def test_trail_of_each_holding(store: GraphStore) -> None:
    load(store, roles=[
        _act("A2", "A3", ActRole.inspect, None, date(2023, 6, 1)),   # no post: by date
        _act("A4", "A3", ActRole.decide, None, date(2020, 1, 1)),    # matches nothing
        _act("A5", "A3", ActRole.decide, "P-FIN-HEAD", date(2017, 12, 20))])
    rep = trail(store, "A3")
    assert rep.name == "张伟"
    fin, town = rep.holdings
    assert [(a.role, a.actor_id, a.matched) for a in fin.acts] == [("decide", "A5", "post")]
    assert [(a.role, a.actor_id, a.on, a.matched) for a in town.acts] == [
        ("inspect", "A2", date(2023, 6, 1), "date"),
        ("recommend", "A1", date(2023, 12, 1), "post"),
        ("vote", "A5", date(2023, 12, 15), "post")]
    assert [(a.actor_id, a.on) for a in rep.unplaced] == [("A4", date(2020, 1, 1))]
    only = trail(store, "A3", "P-TWN-HEAD")
    assert [h.post_id for h in only.holdings] == ["P-TWN-HEAD"] and only.unplaced == []
    with pytest.raises(NotFound):
        trail(store, "nobody")


def test_reappointment_gets_the_act_that_preceded_it(store: GraphStore) -> None:
    load(store, holdings=[held("A3", "P-TWN-HEAD", date(2024, 1, 1), date(2024, 6, 1)),
                          held("A3", "P-TWN-HEAD", date(2024, 9, 1))],
         roles=[_act("A2", "A3", ActRole.recommend, "P-TWN-HEAD", date(2024, 8, 1))])
    rep = trail(store, "A3", "P-TWN-HEAD")
    first, second = rep.holdings
    assert [a.actor_id for a in first.acts] == ["A1", "A5"]
    assert [a.actor_id for a in second.acts] == ["A2"]


def test_references_come_with_the_spell(store: GraphStore) -> None:
    load(store)
    (dep,) = trail(store, "A4").holdings
    assert [(r.actor_id, r.role) for r in dep.references] == [("A2", "reference")]
    assert dep.acts == []


def test_reverse_trail(store: GraphStore) -> None:
    load(store, persons=[person("B1", "赵六")],
         holdings=[held("B1", "P-FIN-DEP", date(2023, 1, 1))],
         kinship=[Kinship(person_id="A4", relative_id="B1", relation="弟弟")],
         assessments=[Assessment(person_id="B1", year=y, grade=Grade.competent)
                      for y in (2020, 2021, 2022, 2023, 2025)],
         roles=[_act("A1", "B1", ActRole.inspect, "P-FIN-DEP", date(2022, 11, 1)),
                _act("A1", "A6", ActRole.recommend, "P-FIN-ACC", date(2026, 1, 1))])
    rep = recommended(store, national(), "A1", DAY)
    assert [p.person_id for p in rep.people] == ["A3", "B1"]  # the 2026 act is after DAY
    a3, b1 = rep.people
    assert [x.post_id for x in a3.now] == ["P-TWN-HEAD"]
    assert [(a.year, a.grade) for a in a3.assessments] == [(2024, Grade.excellent)]
    assert {f.rule for f in a3.findings} == {"SUPERVISION-GAP"}
    assert [a.role for a in b1.acts] == ["inspect"]
    assert [a.year for a in b1.assessments] == [2023, 2022, 2021]
    assert {"KIN-SAME-LEADER", "SUPERVISION-GAP"} <= {f.rule for f in b1.findings}
    assert all("B1" in f.persons for f in b1.findings)
    gone = recommended(store, national(), "A1", date(2026, 2, 1))
    assert [p.person_id for p in gone.people] == ["A3", "A6", "B1"]


def test_recommendation_network_around_a_leader(store: GraphStore) -> None:
    load(store, persons=[person("X1", "外部推荐人")],
         roles=[_act("A5", "A2", ActRole.recommend, "P-VMAYOR", date(2019, 12, 1)),
                _act("A2", "A4", ActRole.recommend, "P-FIN-DEP", date(2022, 7, 1)),
                _act("X1", "A6", ActRole.recommend, "P-FIN-ACC", date(2023, 8, 1))])
    net = recommendation_network(store, "A5", DAY)
    props = {n.id: n.properties for n in net.nodes}
    assert props["person/A5"] == {"level": 0, "steps": 0}
    assert props["person/A2"] == {"level": 1, "steps": 1}
    assert props["person/A4"] == {"level": 3, "steps": 2}
    assert props["person/A6"] == {"level": 4, "steps": None}
    assert props["person/X1"] == {"level": None, "steps": None}
    assert {(e.source, e.target) for e in net.edges} == {
        ("person/A5", "person/A2"), ("person/A2", "person/A4"), ("person/X1", "person/A6")}
    assert all(e.type == "RECOMMENDS" and e.id.startswith("a-") for e in net.edges)
