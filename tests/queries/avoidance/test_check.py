"""Every avoidance rule of rules.md §2, positive and negative, on both stores."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from graph import ops
from graph.errors import InvalidInput, NotFound
from graph.model import Act, Bundle, Holding, Kinship, Person, Post
from graph.store.base import GraphStore
from graph.vocab import ActRole, Gender, PostRole
from queries.avoidance.check import Proposal, audit, what_if
from queries.rules import load_rules, national
from tests.factory import small_county

DAY = date(2025, 1, 1)
M, F = Gender.M, Gender.F


def _load(store: GraphStore, **extra: Sequence[object]) -> None:
    ops.write_bundle(store, small_county())
    ops.write_bundle(store, Bundle.model_validate(extra))


def _found(store: GraphStore, as_of: date = DAY) -> set[tuple[str, tuple[str, ...]]]:
    return {f.key() for f in audit(store, national(), as_of).findings}


def test_baseline_has_only_the_region_finding(store: GraphStore) -> None:
    _load(store)
    assert _found(store) == {("REGION-COUNTY", ("A1",))}


def test_same_leader_siblings_as_deputies(store: GraphStore) -> None:
    _load(store, persons=[Person(id="B1", name="刘强", gender=M)],
          holdings=[Holding(person_id="B1", post_id="P-FIN-DEP", start=date(2023, 1, 1))],
          kinship=[Kinship(person_id="A4", relative_id="B1", relation="弟弟")])
    rep = audit(store, national(), DAY)
    (f,) = [f for f in rep.findings if f.rule == "KIN-SAME-LEADER"]
    assert (f.persons, f.category, f.severity) == (["A4", "B1"], "collateral3", "must")
    ids = [e.id for e in f.evidence]
    assert "person/A4" in ids and "post/P-FIN-HEAD" in ids and f.mover is None
    assert f.citation.startswith("《公务员法》第74条")


def test_direct_lead_and_the_lower_rank_moves(store: GraphStore) -> None:
    _load(store, persons=[Person(id="B1", name="张强", gender=M)],
          holdings=[Holding(person_id="A3", post_id="P-FIN-HEAD", start=date(2024, 6, 1)),
                    Holding(person_id="B1", post_id="P-FIN-DEP", start=date(2023, 1, 1))],
          kinship=[Kinship(person_id="B1", relative_id="A3", relation="哥哥")])
    (f,) = [f for f in audit(store, national(), DAY).findings if f.rule == "KIN-DIRECT-LEAD"]
    assert f.persons == ["A3", "B1"] and f.mover == "B1"
    assert f.posts == ["P-FIN-DEP", "P-FIN-HEAD"]


def test_derived_inlaw_through_declared_edges(store: GraphStore) -> None:
    # A2 (副县长, oversees 财政局) is A1's wife; A1 declares brother B1, head of 财政局:
    # nobody wrote 小叔子/大伯子, yet A2 and B1 are inlaw through A1.
    _load(store, persons=[Person(id="B1", name="王建军", gender=M)],
          holdings=[Holding(person_id="B1", post_id="P-FIN-HEAD", start=date(2024, 3, 1))],
          kinship=[Kinship(person_id="A1", relative_id="B1", relation="弟弟")])
    (f,) = [f for f in audit(store, national(), DAY).findings if f.rule == "KIN-DIRECT-LEAD"]
    assert (f.persons, f.category) == (["A2", "B1"], "inlaw")
    kin_edges = [e for e in f.evidence if e.type == "KIN"]
    assert [e.label for e in kin_edges] == ["妻子", "弟弟"]


def test_sensitive_function(store: GraphStore) -> None:
    _load(store, persons=[Person(id="B1", name="刘小红", gender=F)],
          holdings=[Holding(person_id="B1", post_id="P-FIN-ACC", start=date(2022, 1, 1))],
          kinship=[Kinship(person_id="A4", relative_id="B1", relation="女儿")])
    found = _found(store)
    assert ("KIN-SENSITIVE", ("A4", "B1")) in found
    assert ("KIN-SAME-LEADER", ("A4", "B1")) not in found  # 财务股 reports to the deputy


def test_business_only_for_spouse_and_children(store: GraphStore) -> None:
    principal = Post(id="P-ENT-HEAD", unit_id="U-ENT", title="董事长", rank="正科",
                     role=PostRole.principal)
    people = [Person(id="B1", name="张小明", gender=M), Person(id="B2", name="张二", gender=M)]
    _load(store, posts=[principal], persons=people,
          holdings=[Holding(person_id="A3", post_id="P-FIN-HEAD", start=date(2024, 6, 1)),
                    Holding(person_id="B1", post_id="P-ENT-HEAD", start=date(2022, 1, 1))],
          kinship=[Kinship(person_id="A3", relative_id="B1", relation="儿子")])
    assert ("KIN-BUSINESS", ("A3", "B1")) in _found(store)
    ops.write_bundle(store, Bundle(
        kinship=[Kinship(person_id="A3", relative_id="B1", relation="弟弟")]))
    assert ("KIN-BUSINESS", ("A3", "B1")) not in _found(store)


def test_region_township(store: GraphStore) -> None:
    _load(store, persons=[Person(id="A3", name="张伟", gender=M, birth_date=date(1980, 7, 1),
                                 grew_up_in="330102101")])
    assert ("REGION-TOWNSHIP", ("A3",)) in _found(store)
    ops.write_bundle(store, Bundle(persons=[Person(id="A3", name="张伟", grew_up_in="330102102")]))
    assert ("REGION-TOWNSHIP", ("A3",)) not in _found(store)


def test_duty_rules(store: GraphStore) -> None:
    acts = [Act(actor_id="A1", candidate_id="A6", role=ActRole.vote, on=date(2023, 8, 1)),
            Act(actor_id="A2", candidate_id="A6", role=ActRole.inspect, on=date(2023, 8, 1)),
            Act(actor_id="A2", candidate_id="A6", role=ActRole.recommend, on=date(2023, 7, 1)),
            Act(actor_id="A5", candidate_id="A5", role=ActRole.vote, on=date(2023, 8, 1))]
    _load(store, roles=acts)
    found = _found(store)
    assert {("DUTY-VOTE", ("A1", "A6")), ("DUTY-INSPECT", ("A2", "A6")),
            ("DUTY-RECOMMEND", ("A2", "A6")), ("DUTY-VOTE", ("A5",))} <= found
    assert not any(k[0].startswith("DUTY") and "A3" in k[1] for k in found)


def test_as_of_dates(store: GraphStore) -> None:
    _load(store, persons=[Person(id="B1", name="李强", gender=M)],
          holdings=[Holding(person_id="B1", post_id="P-FIN-HEAD", start=date(2024, 3, 1))],
          kinship=[Kinship(person_id="A2", relative_id="B1", relation="弟弟",
                           since=date(2024, 6, 1))])
    assert ("KIN-DIRECT-LEAD", ("A2", "B1")) in _found(store, date(2024, 7, 1))
    assert ("KIN-DIRECT-LEAD", ("A2", "B1")) not in _found(store, date(2024, 5, 1))


def test_person_mode_and_what_if(store: GraphStore) -> None:
    _load(store)
    assert [f.rule for f in audit(store, national(), DAY, "A1").findings] == ["REGION-COUNTY"]
    assert audit(store, national(), DAY, "A4").findings == []
    rep = what_if(store, national(), [Proposal.parse("A6=P-FIN-DEP@2025-06-01")])
    assert [f.key() for f in rep.findings] == [("KIN-DIRECT-LEAD", ("A2", "A6"))]
    assert rep.as_of == date(2025, 6, 1)
    same = what_if(store, national(), [Proposal("A1", "P-SEC", date(2025, 6, 1))])
    assert same.findings == []  # the region finding exists already: nothing new
    with pytest.raises(NotFound):
        what_if(store, national(), [Proposal("A1", "P-NONE")])
    with pytest.raises(InvalidInput):
        Proposal.parse("A1-P-SEC")


def test_rule_overrides(store: GraphStore, tmp_path: Path) -> None:
    _load(store)
    override = tmp_path / "local.json"
    override.write_text(json.dumps({"version": "local-1",
                                    "rules": {"REGION-COUNTY": {"enabled": False}}}))
    rules = load_rules(override)
    rep = audit(store, rules, DAY)
    assert rep.findings == [] and rep.rule_set == "local-1"
    override.write_text(json.dumps({"rules": {"REGION-COUNTRY": {"enabled": False}}}))
    with pytest.raises(InvalidInput, match="REGION-COUNTRY"):
        load_rules(override)
