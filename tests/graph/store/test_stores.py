"""The store contract, on both stores through the parametrised `store` fixture."""

from __future__ import annotations

from datetime import date

import pytest

from graph import ops
from graph.errors import InvalidInput, NotFound, StoreError
from graph.model import Bundle, Holding, Kinship, Person
from graph.records import EdgeRecord, NodeRecord
from graph.store.base import GraphStore
from tests.factory import small_county


def _same(a: Bundle, b: Bundle) -> None:
    for name in Bundle.model_fields:
        assert sorted(getattr(a, name), key=repr) == sorted(getattr(b, name), key=repr), name


def test_round_trip_is_lossless(store: GraphStore) -> None:
    bundle = small_county()
    ops.write_bundle(store, bundle)
    _same(ops.export_bundle(store), bundle)


def test_loading_twice_changes_nothing(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    before = (ops.stats(store), ops.export_bundle(store))
    ops.write_bundle(store, small_county(), batch_size=3)
    assert (ops.stats(store), ops.export_bundle(store)) == before


def test_upsert_replaces_by_id(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    ended = Holding(person_id="A1", post_id="P-SEC", start=date(2021, 6, 1), end=date(2026, 1, 1))
    renamed = Person(id="A1", name="王建国（更正）")
    ops.write_bundle(store, Bundle(holdings=[ended], persons=[renamed]))
    out = ops.export_bundle(store)
    assert [h.end for h in out.holdings if h.person_id == "A1"] == [date(2026, 1, 1)]
    assert ops.get_person(store, "A1").name == "王建国（更正）"
    assert ops.get_person(store, "A1").birth_date is None  # replaced, not merged
    assert ops.stats(store).edges["HOLDS"] == 7


def test_get_by_id(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    person = ops.get_person(store, "A1")
    assert person.name == "王建国" and person.id_number == "330102197005011234"
    assert ops.get_entity(store, "Unit", "U-TWN").extra == {"备注": "山区乡镇"}
    with pytest.raises(NotFound):
        ops.get_person(store, "nobody")


def test_counts_as_of(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    counts = ops.stats(store)
    assert counts.nodes == {"Assessment": 1, "Person": 6, "Post": 7, "Region": 4,
                            "Training": 1, "Unit": 5}
    assert counts.edges["HOLDS"] == 7
    assert ops.stats(store, date(2020, 6, 1)).edges["HOLDS"] == 3
    assert "KIN" not in ops.stats(store, date(1990, 1, 1)).edges or \
        ops.stats(store, date(1990, 1, 1)).edges["KIN"] == 1  # 儿子 has no start date


def test_neighbourhood_depth_and_types(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    one = ops.neighbourhood(store, "person/A1", depth=1)
    assert {n.id for n in one.nodes} == {
        "person/A1", "person/A2", "person/A6", "person/A3", "post/P-SEC", "region/330102101"}
    kin = ops.neighbourhood(store, "person/A1", depth=2, types=["KIN", "HOLDS"])
    assert {e.type for e in kin.edges} == {"KIN", "HOLDS"}
    assert "post/P-VMAYOR" in {n.id for n in kin.nodes}  # wife's post, two hops away
    assert ops.neighbourhood(store, "person/A1", depth=0).nodes[0].id == "person/A1"


def test_neighbourhood_as_of(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    before = ops.neighbourhood(store, "person/A3", depth=1, types=["HOLDS"],
                               as_of=date(2020, 1, 1))
    after = ops.neighbourhood(store, "person/A3", depth=1, types=["HOLDS"],
                              as_of=date(2025, 1, 1))
    assert {n.id for n in before.nodes} == {"person/A3", "post/P-FIN-HEAD"}
    assert {n.id for n in after.nodes} == {"person/A3", "post/P-TWN-HEAD"}


def test_neighbourhood_caps_high_degree_nodes(store: GraphStore) -> None:
    hub = NodeRecord("unit/HUB", "Unit", {"id": "HUB", "name": "大单位"})
    posts = [NodeRecord(f"post/P{i:03d}", "Post", {"id": f"P{i:03d}", "unit_id": "HUB",
                                                    "title": "科员"}) for i in range(30)]
    edges = [EdgeRecord(f"IN_UNIT:{p.key}->unit/HUB", "IN_UNIT", p.key, "unit/HUB")
             for p in posts]
    store.upsert([hub, *posts], edges)
    net = ops.neighbourhood(store, "unit/HUB", depth=1, cap=10)
    assert len(net.edges) == 10
    assert [n.id for n in net.nodes if n.type == "Post"] == [f"post/P{i:03d}" for i in range(10)]
    hub_node = next(n for n in net.nodes if n.id == "unit/HUB")
    assert hub_node.properties["truncated"] is True


def test_neighbourhood_masks_id_numbers(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    node = ops.neighbourhood(store, "person/A1", depth=0).nodes[0]
    assert node.properties["id_number"] == "330102**********34"
    full = ops.neighbourhood(store, "person/A1", depth=0, sensitive=True).nodes[0]
    assert full.properties["id_number"] == "330102197005011234"


def test_bad_requests(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    with pytest.raises(NotFound):
        ops.neighbourhood(store, "person/none")
    with pytest.raises(InvalidInput):
        ops.neighbourhood(store, "person/A1", types=["FRIEND"])
    with pytest.raises(InvalidInput):
        ops.neighbourhood(store, "person/A1", depth=9)


def test_dangling_edges_are_refused(store: GraphStore) -> None:
    store.upsert([NodeRecord("person/X", "Person", {"id": "X", "name": "某"})], [])
    with pytest.raises(StoreError, match="post/NOPE"):
        store.upsert([], [EdgeRecord("h-1", "HOLDS", "person/X", "post/NOPE")])
    assert ops.stats(store).edges == {}


def test_clear(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    store.clear()
    assert ops.stats(store).nodes == {}


def test_kin_paths(store: GraphStore) -> None:
    bundle = small_county()
    extra = Bundle(persons=[Person(id="R1", name="李父")],
                   kinship=[Kinship(person_id="A2", relative_id="R1", relation="父亲")])
    ops.write_bundle(store, bundle)
    ops.write_bundle(store, extra)
    paths = store.kin_paths(["person/A1"], None).paths
    assert [p.nodes for p in paths] == [
        ("person/A1", "person/A2"), ("person/A1", "person/A2", "person/R1"),
        ("person/A1", "person/A6")]
    back = store.kin_paths(["person/R1"], None, targets=["person/A6"]).paths
    assert [p.nodes for p in back] == [("person/R1", "person/A2", "person/A1", "person/A6")]
    assert [(e.source, e.target) for e in back[0].edges] == [
        ("person/A2", "person/R1"), ("person/A1", "person/A2"), ("person/A1", "person/A6")]
    # the marriage (since 1996-10) did not exist yet in 1990
    assert [p.nodes for p in store.kin_paths(["person/A1"], "1990-01-01").paths] == [
        ("person/A1", "person/A6")]
    one_hop = store.kin_paths(["person/A1"], None, max_hops=1)
    assert one_hop.paths[1].nodes == ("person/A1", "person/A6")
    assert one_hop.nodes == {}
    # with_nodes: the records of every node on the paths, the same as reading them
    withn = store.kin_paths(["person/R1"], None, targets=["person/A6"], with_nodes=True)
    assert withn.paths == back
    assert withn.nodes == store.nodes(["person/R1", "person/A2", "person/A1", "person/A6"])
    assert list(withn.nodes) == sorted(withn.nodes)
    # around: the seeds' own edges of some types, as expand with nodes gives them
    seeds = ["person/A1", "person/NOBODY", "person/A2"]
    near = store.kin_paths(seeds, None, around=["HOLDS", "KIN"])
    assert near.paths == store.kin_paths(seeds, None).paths and near.nodes == {}
    assert near.around == store.expand(["person/A1", "person/A2"], ["HOLDS", "KIN"], None,
                                       1_000, with_nodes=True)
    assert near.around["person/A1"].edges and "person/NOBODY" not in near.around
    assert store.kin_paths(seeds, None).around == {}


def test_delete_edges_and_nodes(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    marriage = next(e for e in store.scan_edges("KIN") if e.target == "person/A2")
    store.delete_edges([marriage, marriage])  # twice: a missing edge is not an error
    assert [e.target for e in store.scan_edges("KIN")] == ["person/A6"]
    store.delete_nodes(["person/A6", "person/nobody"])
    assert not store.existing(["person/A6"])
    assert list(store.scan_edges("KIN")) == []
    assert ops.stats(store).edges["HOLDS"] == 6  # A6's holding went with A6


def test_every_label_and_type_has_its_upsert_query() -> None:
    from graph.records import EDGE_TYPES, LABELS
    from graph.store.cypher import query

    for label in LABELS:
        assert f"n:{label}\n" in query(f"upsert_node/{label}")
    for etype in EDGE_TYPES:
        assert f"MERGE (a)-[r:{etype} {{id: row.id}}]->(b)" in query(f"upsert_edge/{etype}")


def test_expand_with_nodes_brings_both_ends(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    plain = store.expand(["person/A1"], None, None, 3)["person/A1"]
    full = store.expand(["person/A1"], None, None, 3, with_nodes=True)["person/A1"]
    assert plain.nodes == {}
    assert (full.edges, full.truncated, full.degree) == (plain.edges, plain.truncated,
                                                           plain.degree)
    ends = {"person/A1", *(e.target if e.source == "person/A1" else e.source
                           for e in full.edges)}
    assert full.nodes == store.nodes(sorted(ends))


def test_concurrent_writers_load_the_same_graph(store: GraphStore,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Bulk loads run `store.writers` transactions at once (2 on Neo4j): the same graph as
    one writer, batch by batch, every node before any edge."""
    monkeypatch.setattr(store, "writers", 3)  # the Neo4j store is shared by the session
    ops.write_bundle(store, small_county(), batch_size=2)
    _same(ops.export_bundle(store), small_county())
