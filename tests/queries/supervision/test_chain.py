"""Supervision chains (rules.md §5) on both stores: vacancies, several holders, acting
holders, several posts, reports_to, several leaders, cycles, and the network form."""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import InvalidInput, NotFound
from graph.model import Post
from graph.store.base import GraphStore
from graph.vocab import PostRole
from queries.snapshot import Snapshot
from queries.supervision.chain import Chains, chain_report
from queries.supervision.network import chain_network
from tests.queries.supervision.scenario import (
    DAY,
    county_deputy_secretary,
    held,
    load,
    loop_unit,
    person,
)


def _posts(store: GraphStore, subject: str, day: date = DAY) -> list[str]:
    (chain,) = chain_report(store, subject, day).chains
    return [s.post_id for s in chain.chain]


def test_chain_runs_through_a_vacancy(store: GraphStore) -> None:
    load(store)
    (chain,) = chain_report(store, "A6", DAY).chains
    steps = [(s.post_id, s.relation, s.vacant, s.person_id) for s in chain.chain]
    assert steps == [("P-FIN-DEP", "reports_to", False, "A4"),
                     ("P-FIN-HEAD", "principal", True, None),
                     ("P-VMAYOR", "oversees", False, "A2"),
                     ("P-MAYOR", "principal", False, "A5"),
                     ("P-SEC", "committee", False, "A1")]  # 县委 leads 县政府 (same region)
    assert chain.top is not None and chain.top.post_id == "P-SEC"
    assert chain.chain[1].edges == ["IN_UNIT:post/P-FIN-DEP->unit/U-FIN",
                                    "IN_UNIT:post/P-FIN-HEAD->unit/U-FIN"]
    # the chain is as of a date: before A3 moved on, the head's post was held
    (before,) = chain_report(store, "A6", date(2023, 12, 1)).chains
    assert (before.chain[1].vacant, before.chain[1].person_id) == (False, "A3")


def test_several_holders_and_an_acting_one(store: GraphStore) -> None:
    load(store, persons=[person("B1", "赵六"), person("B2", "钱七")],
         holdings=[held("B1", "P-FIN-DEP", date(2020, 1, 1), 任职方式="代理"),
                   held("B2", "P-FIN-HEAD", date(2024, 6, 1), 备注="主持工作")])
    (chain,) = chain_report(store, "P-FIN-ACC", DAY).chains
    dep, head = chain.chain[0], chain.chain[1]
    assert dep.holders == ["A4", "B1"] and dep.acting_holders == ["B1"]
    assert (dep.person_id, dep.acting) == ("A4", False)  # substantive before acting
    assert (head.person_id, head.acting, head.vacant) == ("B2", True, False)


def test_acting_flag_can_be_denied(store: GraphStore) -> None:
    load(store, persons=[person("B1", "赵六")],
         holdings=[held("B1", "P-FIN-DEP", date(2020, 1, 1), 代理="否")])
    (chain,) = chain_report(store, "P-FIN-ACC", DAY).chains
    assert (chain.chain[0].person_id, chain.chain[0].acting_holders) == ("B1", [])


def test_person_with_two_posts_has_two_chains(store: GraphStore) -> None:
    load(store, **county_deputy_secretary())
    rep = chain_report(store, "A5", DAY)
    assert [c.post_id for c in rep.chains] == ["P-MAYOR", "P-PC-DEP"]
    mayor, deputy = rep.chains
    # both chains reach 县委书记 A1, by different rules: 县委 leads the 县政府 of its region,
    # and a 县委副书记 is led by the principal of his own unit
    assert [(s.post_id, s.relation, s.person_id) for s in mayor.chain] == [
        ("P-SEC", "committee", "A1")]
    assert [(s.post_id, s.relation, s.person_id) for s in deputy.chain] == [
        ("P-SEC", "principal", "A1")]
    assert mayor.top is not None and mayor.top.post_id == "P-SEC"
    assert (mayor.start.post_id, deputy.start.post_id) == ("P-MAYOR", "P-PC-DEP")
    assert mayor.chain[0].edges == ["IN_UNIT:post/P-MAYOR->unit/U-GOV",
                                    "IN_REGION:unit/U-GOV->region/330102",
                                    "IN_REGION:unit/U-PC->region/330102",
                                    "IN_UNIT:post/P-SEC->unit/U-PC"]
    real = {e.id for kind in ("IN_UNIT", "IN_REGION") for e in store.scan_edges(kind)}
    assert set(mayor.chain[0].edges) <= real  # the evidence is made of stored edges
    assert rep.names["A1"] == "王建国"


def test_reports_to_overrides_the_default(store: GraphStore) -> None:
    load(store, posts=[Post(id="P-TWN-HEAD", unit_id="U-TWN", title="镇长", rank="正科",
                            role=PostRole.principal, reports_to="P-VMAYOR")])
    (chain,) = chain_report(store, "A3", DAY).chains
    assert [(s.post_id, s.relation) for s in chain.chain] == [
        ("P-VMAYOR", "reports_to"), ("P-MAYOR", "principal"), ("P-SEC", "committee")]
    assert chain.chain[0].edges == ["REPORTS_TO:post/P-TWN-HEAD->post/P-VMAYOR"]


def test_several_leaders_highest_rank_then_id(store: GraphStore) -> None:
    overseer = Post(id="P-VMAYOR2", unit_id="U-GOV", title="副县长", rank="副处",
                    role=PostRole.deputy, oversees=("U-FIN",))
    load(store, posts=[overseer])
    (chain,) = chain_report(store, "P-FIN-HEAD", DAY).chains
    assert (chain.chain[0].post_id, chain.chain[0].alternatives) == ("P-VMAYOR", ["P-VMAYOR2"])
    senior = overseer.model_copy(update={"id": "P-ZEXEC", "title": "常务副县长", "rank": "正处"})
    load(store, posts=[overseer, senior])
    (chain,) = chain_report(store, "P-FIN-HEAD", DAY).chains
    assert chain.chain[0].post_id == "P-ZEXEC"
    assert chain.chain[0].alternatives == ["P-VMAYOR", "P-VMAYOR2"]


def test_cycle_stops_the_chain(store: GraphStore) -> None:
    load(store, **loop_unit())
    (chain,) = chain_report(store, "C2", DAY).chains
    assert [s.post_id for s in chain.chain] == ["P-L1"]
    assert chain.cycle == ["P-L2", "P-L1"] and chain.top is None
    assert chain.cycle_edges == ["REPORTS_TO:post/P-L1->post/P-L2"]


def test_person_without_post_and_unknown_subjects(store: GraphStore) -> None:
    load(store)
    assert chain_report(store, "A3", date(2010, 1, 1)).chains == []
    with pytest.raises(NotFound):
        chain_report(store, "nobody", DAY)
    load(store, persons=[person("P-SEC", "同名")])
    with pytest.raises(InvalidInput):
        chain_report(store, "P-SEC", DAY)
    assert chain_report(store, "post/P-SEC", DAY).kind == "post"
    assert chain_report(store, "person/P-SEC", DAY).kind == "person"


def test_network_form(store: GraphStore) -> None:
    load(store)
    net = chain_network(chain_report(store, "A6", DAY))
    ids = {n.id for n in net.nodes}
    assert {"post/P-FIN-ACC", "post/P-FIN-HEAD", "post/P-MAYOR", "post/P-SEC", "person/A6",
            "person/A5", "person/A1"} <= ids and "person/A3" not in ids
    by_type = {(e.type, e.source, e.target): e for e in net.edges}
    direct = by_type[("LEADS", "post/P-FIN-DEP", "post/P-FIN-ACC")]
    assert direct.id == "REPORTS_TO:post/P-FIN-ACC->post/P-FIN-DEP"
    derived = by_type[("LEADS", "post/P-VMAYOR", "post/P-FIN-HEAD")]
    assert derived.id.startswith("LEADS:") and derived.properties["how"] == "oversees"
    committee = by_type[("LEADS", "post/P-SEC", "post/P-MAYOR")]
    assert committee.id == "LEADS:post/P-SEC->post/P-MAYOR"
    assert committee.properties["how"] == "committee" and len(committee.properties["via"]) == 4
    holds = [e for e in net.edges if e.type == "HOLDS"]
    assert len(holds) == 5 and all(e.id.startswith("h-") for e in holds)  # A6 A4 A2 A5 A1
    heads = [n for n in net.nodes if n.id == "post/P-FIN-HEAD"]
    assert heads[0].properties["vacant"] is True


@pytest.mark.parametrize("loop", [False, True])
def test_chains_built_from_the_leaders_chain_equal_a_walk(store: GraphStore, loop: bool) -> None:
    """`Chains.walk` builds a chain from its leader's (shared steps); a loop falls back to the
    step-by-step walk. Either way the chain is the one a walk from the post finds."""
    load(store, **(loop_unit() if loop else {}))
    snap = Snapshot.load(store, DAY)
    shared, fresh = Chains(snap), Chains(snap)
    for post in sorted(snap.posts, reverse=True):  # top posts last: leaders are built on demand
        assert shared.walk(post) == fresh.walk_through(post), post
    if loop:
        assert shared.walk("P-L1").cycle and shared.walk("P-L2").cycle
