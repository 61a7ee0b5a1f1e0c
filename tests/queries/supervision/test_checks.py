"""SUPERVISION-KIN, SUPERVISION-GAP and SUPERVISION-CYCLE findings on both stores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from graph.model import Holding, Kinship, Post, Unit
from graph.store.base import GraphStore
from graph.vocab import PostRole, UnitKind
from queries.findings import Finding
from queries.rules import load_rules, national
from queries.snapshot import Snapshot
from queries.supervision.checks import findings_in, supervision_findings
from tests.queries.supervision.scenario import (
    DAY,
    held,
    load,
    loop_unit,
    person,
    unled_principals,
)


def _keys(found: list[Finding]) -> set[tuple[str, tuple[str, ...]]]:
    return {f.key() for f in found}


def test_kin_in_the_chain(store: GraphStore) -> None:
    load(store)
    found = supervision_findings(store, national(), DAY)
    kins = {tuple(f.persons): f for f in found if f.rule == "SUPERVISION-KIN"}
    # A6's mother A2 (副县长) and his father A1 (县委书记, above the 县长) are both in his
    # chain, and A1 is also in his wife A2's chain
    assert set(kins) == {("A2", "A6"), ("A1", "A6"), ("A1", "A2")}
    kin = kins[("A2", "A6")]
    assert kin.persons == ["A2", "A6"] and kin.severity == "must"
    assert kin.posts == ["P-FIN-ACC", "P-VMAYOR"] and kin.mover == "A6"
    ids = [e.id for e in kin.evidence]
    assert [e.label for e in kin.evidence if e.type == "KIN"] == ["妻子", "儿子"]
    assert "OVERSEES:post/P-VMAYOR->unit/U-FIN" in ids
    assert "REPORTS_TO:post/P-FIN-ACC->post/P-FIN-DEP" in ids
    assert "第3级" in kin.detail
    father = kins[("A1", "A6")]
    assert father.posts == ["P-FIN-ACC", "P-SEC"] and father.mover == "A6"
    assert "第5级" in father.detail and "IN_REGION:unit/U-GOV->region/330102" in [
        e.id for e in father.evidence]
    spouse = kins[("A1", "A2")]
    assert (spouse.posts, spouse.mover, spouse.category) == (["P-SEC", "P-VMAYOR"], "A2",
                                                             "spouse")
    assert "第2级" in spouse.detail


def test_kin_far_up_the_chain_and_focus(store: GraphStore) -> None:
    # A5 (县长, under only 县委书记 in A4's chain) declares A4 his niece: kin three levels up.
    load(store, kinship=[Kinship(person_id="A5", relative_id="A4", relation="侄女")])
    found = supervision_findings(store, national(), DAY, focus={"A4"})
    assert _keys(found) == {("SUPERVISION-KIN", ("A4", "A5")), ("SUPERVISION-GAP", ("A4",))}
    (kin,) = [f for f in found if f.rule == "SUPERVISION-KIN"]
    assert kin.category == "collateral3" and "第3级" in kin.detail
    assert ("SUPERVISION-KIN", ("A2", "A6")) in _keys(
        supervision_findings(store, national(), DAY))


def test_gap_principals_without_anyone_above(store: GraphStore) -> None:
    load(store, **unled_principals())
    gaps = {f.persons[0]: f for f in supervision_findings(store, national(), DAY)
            if f.rule == "SUPERVISION-GAP"}
    # nobody above: 镇长 A3 (township without parent, no party committee in its region),
    # 邻县县长 B1 (root government, no party committee in its region) and 人大主任 B2 (root
    # unit without region); A4 is a deputy alone (tested below). 县长 A5 is led by the
    # 县委书记 of his region; the 县委书记 is the principal of a root party committee: the top
    # by design.
    assert set(gaps) == {"A3", "A4", "B1", "B2"}
    for who in ("A3", "B1", "B2"):
        assert "无人监督" in gaps[who].detail and "数据中无上级职位" in gaps[who].detail
    assert gaps["B1"].posts == ["P-MAYOR2"] and gaps["B2"].posts == ["P-NPC-HEAD"]
    assert "A5" not in gaps and "A1" not in gaps


def test_gap_principal_above_whom_all_posts_are_vacant(store: GraphStore) -> None:
    # the township now reports to the county secretary, who is absent on the day
    load(store, posts=[Post(id="P-TWN-HEAD", unit_id="U-TWN", title="镇长", rank="正科",
                            role=PostRole.principal, reports_to="P-SEC")],
         holdings=[held("A1", "P-SEC", date(2021, 6, 1), date(2024, 12, 1))])
    gaps = {f.persons[0]: f for f in supervision_findings(store, national(), DAY)
            if f.rule == "SUPERVISION-GAP"}
    assert "A3" in gaps and "均空缺" in gaps["A3"].detail
    # with the secretary in post, the 镇长 is supervised
    assert "A3" not in {f.persons[0] for f in supervision_findings(
        store, national(), date(2024, 6, 1)) if f.rule == "SUPERVISION-GAP"}


def test_gap_deputies_without_a_principal_use_the_rule_threshold(store: GraphStore,
                                                                 tmp_path: Path) -> None:
    load(store)
    # 局长 left on 2024-01-01: 60 days later is within the national 180 days, a year is not
    early, late = date(2024, 3, 1), DAY
    assert ("SUPERVISION-GAP", ("A4",)) not in _keys(
        supervision_findings(store, national(), early))
    (late_gap,) = [f for f in supervision_findings(store, national(), late)
                   if f.key() == ("SUPERVISION-GAP", ("A4",))]
    assert "366天" in late_gap.detail and "P-FIN-HEAD" in late_gap.posts
    assert any(e.type == "HOLDS" and e.label == "前任正职" for e in late_gap.evidence)
    override = tmp_path / "strict.json"
    override.write_text(json.dumps({"rules": {"SUPERVISION-GAP": {"vacancy_days": 30}}}))
    assert ("SUPERVISION-GAP", ("A4",)) in _keys(
        supervision_findings(store, load_rules(override), early))


def test_gap_unit_without_principal_post(store: GraphStore) -> None:
    load(store, units=[Unit(id="U-NEW", name="示范县新设中心", parent_id="U-GOV",
                            kind=UnitKind.institution)],
         posts=[Post(id="P-NEW-DEP", unit_id="U-NEW", title="副主任", rank="副科",
                     role=PostRole.deputy)],
         persons=[person("B1", "赵六")],
         holdings=[held("B1", "P-NEW-DEP", date(2024, 1, 1))])
    (gap,) = [f for f in supervision_findings(store, national(), DAY, focus={"B1"})]
    assert gap.rule == "SUPERVISION-GAP" and "未设正职职位" in gap.detail
    assert supervision_findings(store, national(), date(2024, 3, 1), focus={"B1"}) == []


def test_cycle_is_reported_once_per_loop(store: GraphStore) -> None:
    load(store, **loop_unit())
    (cycle,) = [f for f in supervision_findings(store, national(), DAY)
                if f.rule == "SUPERVISION-CYCLE"]
    assert (cycle.persons, cycle.posts, cycle.severity) == (["C1", "C2"], ["P-L1", "P-L2"],
                                                            "must")
    ids = [e.id for e in cycle.evidence]
    assert "REPORTS_TO:post/P-L1->post/P-L2" in ids and "REPORTS_TO:post/P-L2->post/P-L1" in ids
    # the loop leaves its principal without a gap finding (it is a cycle, not a gap)
    assert ("SUPERVISION-GAP", ("C1",)) not in _keys(supervision_findings(store, national(), DAY))


def test_rules_can_be_switched_off(store: GraphStore, tmp_path: Path) -> None:
    load(store, **loop_unit())
    override = tmp_path / "off.json"
    override.write_text(json.dumps({"rules": {r: {"enabled": False} for r in (
        "SUPERVISION-KIN", "SUPERVISION-GAP", "SUPERVISION-CYCLE")}}))
    assert supervision_findings(store, load_rules(override), DAY) == []


def test_what_if_snapshot(store: GraphStore) -> None:
    load(store)
    move = Holding(person_id="A3", post_id="P-FIN-HEAD", start=DAY)
    snap = Snapshot.load(store, DAY, extra=[move], ending={"A3"})
    keys = _keys(findings_in(store, national(), snap))
    assert ("SUPERVISION-KIN", ("A2", "A6")) in keys  # unrelated findings stay
    assert ("SUPERVISION-GAP", ("A4",)) not in keys  # the bureau has a head again
    assert ("SUPERVISION-GAP", ("A3",)) not in keys  # and he is overseen by 副县长 A2
    assert ("SUPERVISION-GAP", ("A5",)) not in keys
    # if the 县委书记 moved away too, the 县长 would have only a vacant post above him
    gone = {f.key(): f for f in findings_in(store, national(), Snapshot.load(
        store, DAY, extra=[move], ending={"A1", "A3"}))}
    assert "县委书记均空缺" in gone[("SUPERVISION-GAP", ("A5",))].detail
    assert ("SUPERVISION-GAP", ("A3",)) not in gone
    assert ("SUPERVISION-KIN", ("A1", "A6")) not in gone
