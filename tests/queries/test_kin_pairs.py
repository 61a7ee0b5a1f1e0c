"""`holder_pairs`: kin pairs among post holders, focused reads equal the full computation."""

from __future__ import annotations

from datetime import date

from graph import ops
from graph.model import Bundle, Holding, Kinship, Person
from graph.store.base import GraphStore
from graph.vocab import Gender
from queries.kin_pairs import holder_pairs, kin_pairs
from queries.snapshot import Snapshot
from tests.factory import small_county

DAY = date(2025, 1, 1)


def _county(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    ops.write_bundle(store, Bundle(
        persons=[Person(id="B1", name="李强", gender=Gender.M),
                 Person(id="B2", name="李梅", gender=Gender.F)],
        holdings=[Holding(person_id="B1", post_id="P-FIN-HEAD", start=date(2024, 3, 1))],
        kinship=[Kinship(person_id="B1", relative_id="A2", relation="姐姐"),
                 Kinship(person_id="B2", relative_id="B1", relation="哥哥"),
                 Kinship(person_id="A4", relative_id="B2", relation="表妹")]))


def test_focused_pairs_are_the_holders_share_of_the_full_set(store: GraphStore) -> None:
    _county(store)
    snap = Snapshot.load(store, DAY)
    full = holder_pairs(store, snap, None)
    assert {p.pair for p in full} >= {("person/A1", "person/A2"), ("person/A1", "person/B1"),
                                      ("person/A2", "person/B1")}
    for person in sorted(snap.posts_of):
        key = f"person/{person}"
        assert holder_pairs(store, snap, {person}) == [p for p in full if key in p.pair], person


def test_focus_on_someone_without_a_post(store: GraphStore) -> None:
    _county(store)
    snap = Snapshot.load(store, DAY)
    holders = [f"person/{p}" for p in sorted(snap.posts_of)]
    got = holder_pairs(store, snap, {"B2"})
    assert got == kin_pairs(store, ["person/B2"], DAY.isoformat(), holders)
    assert {p.pair for p in got} == {  # A1: wife's sister; A6: father's wife's sister
        ("person/A1", "person/B2"), ("person/A2", "person/B2"), ("person/A4", "person/B2"),
        ("person/A6", "person/B2"), ("person/B1", "person/B2")}
    # a what-if snapshot where B2 takes a post: the same pairs, read once
    moved = snap.moved([Holding(person_id="B2", post_id="P-FIN-ACC", start=DAY)], {"B2"})
    assert holder_pairs(store, moved, {"B2"}) == got
