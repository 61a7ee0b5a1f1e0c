"""`Snapshot.moved` (what-if snapshots patched from a cached one) equals loading afresh."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from graph import ops
from graph.model import Holding
from graph.store.base import GraphStore
from queries.snapshot import Snapshot
from queries.supervision.chain import Chains
from tests.factory import small_county

DAY = date(2025, 1, 1)
PERSONS = ("A1", "A2", "A3", "A4", "A5", "A6")
POSTS = ("P-SEC", "P-MAYOR", "P-VMAYOR", "P-FIN-HEAD", "P-FIN-DEP", "P-FIN-ACC", "P-TWN-HEAD")


def _indexes(snap: Snapshot) -> tuple[object, ...]:
    return (snap.holders, snap.posts_of, snap.holding_of, snap.principals, snap.overseers,
            snap.root_committee)


MOVES = [
    [("A6", "P-FIN-DEP")],
    [("A3", "P-FIN-HEAD"), ("A4", "P-TWN-HEAD")],  # a swap into a vacancy and a filled post
    [("A1", "P-SEC")],  # back into the post they hold
    [("A4", "P-FIN-DEP"), ("A4", "P-FIN-ACC")],  # two posts at once
    [("A2", "P-MAYOR"), ("A5", "P-VMAYOR"), ("A3", "P-SEC")],
]


@pytest.mark.parametrize("moves", MOVES)
def test_moved_equals_a_fresh_load(store: GraphStore, moves: list[tuple[str, str]]) -> None:
    ops.write_bundle(store, small_county())
    extra = [Holding(person_id=p, post_id=q, start=DAY) for p, q in moves]
    leaving = {p for p, _ in moves}
    base = Snapshot.load(store, DAY)
    before = _indexes(base)
    moved = base.moved(extra, ending=leaving)
    assert _indexes(moved) == _indexes(Snapshot.load(store, DAY, extra=extra, ending=leaving))
    assert _indexes(base) == before  # the cached snapshot is left as it was
    assert moved.holding_of != base.holding_of


def test_every_single_move_matches(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    base = Snapshot.load(store, DAY)
    for person, post in itertools.product(PERSONS, POSTS):
        extra = [Holding(person_id=person, post_id=post, start=DAY)]
        fresh = Snapshot.load(store, DAY, extra=extra, ending={person})
        assert _indexes(base.moved(extra, ending={person})) == _indexes(fresh), (person, post)


def test_remember_is_shared_with_what_if_snapshots(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    base = Snapshot.load(store, DAY)
    calls: list[int] = []

    def compute(value: int) -> int:
        calls.append(value)
        return value

    assert base.remember(("k",), lambda: compute(7)) == 7
    moved = base.moved([Holding(person_id="A6", post_id="P-FIN-DEP", start=DAY)], {"A6"})
    assert moved.remember(("k",), lambda: compute(8)) == 7
    assert calls == [7]
    assert base.held_posts({"A3", "A4"}) == ["P-FIN-DEP", "P-TWN-HEAD"]
    assert base.held_posts() == sorted(base.holders)


@pytest.mark.parametrize("moves", MOVES)
def test_what_if_chains_equal_a_snapshot_built_afresh(store: GraphStore,
                                                      moves: list[tuple[str, str]]) -> None:
    """A what-if snapshot takes the holders of the posts it did not change from the stored
    snapshot's chain walker; its chains equal those of a snapshot built from its holdings."""
    ops.write_bundle(store, small_county())
    extra = [Holding(person_id=p, post_id=q, start=DAY) for p, q in moves]
    base = Snapshot.load(store, DAY)
    before = {p: Chains.of(base).walk(p) for p in sorted(base.posts)}  # seats cached in base
    moved = base.moved(extra, ending={p for p, _ in moves})
    assert moved.origin is base
    assert moved.changed == {q for _, q in moves} | {
        q for p, _ in moves for q in base.posts_of.get(p, [])}
    fresh = Snapshot(DAY, base.units, base.posts, list(moved.holding_of.values()),
                     region_parents=base.region_parents)
    for post in sorted(base.posts):
        assert Chains.of(moved).walk(post) == Chains.of(fresh).walk(post), post
    assert {p: Chains.of(base).walk(p) for p in sorted(base.posts)} == before
    again = moved.moved([], ending=[moves[0][0]])
    assert again.origin is base and moved.changed <= again.changed
