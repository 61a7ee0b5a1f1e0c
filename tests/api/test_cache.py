"""The API's read-through cache: scans and snapshots are shared, writes invalidate them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from api.cache import CachedStore
from graph import ops
from graph.model import Bundle, Holding, Person
from graph.records import NodeRecord
from graph.store.base import GraphStore
from queries import snapshot as snapshot_module
from queries.snapshot import Snapshot
from tests.factory import small_county

DAY = date(2025, 1, 1)


def test_concurrent_requests_build_one_snapshot(store: GraphStore,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    ops.write_bundle(store, small_county())
    cached = CachedStore(store)
    built: list[date | None] = []
    build = Snapshot.build.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Snapshot], st: GraphStore, as_of: date | None) -> Snapshot:
        built.append(as_of)
        result: Snapshot = build(cls, st, as_of)
        return result

    monkeypatch.setattr(snapshot_module.Snapshot, "build", classmethod(counting))
    start = threading.Barrier(8)
    got: list[Snapshot] = []

    def request() -> None:
        start.wait()
        got.append(cached.snapshot(DAY))

    threads = [threading.Thread(target=request) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert built == [DAY] and len(got) == 8 and all(s is got[0] for s in got)
    assert Snapshot.load(cached, DAY) is got[0]  # every query's load is served from the cache
    assert Snapshot.load(store, DAY) is not Snapshot.load(store, DAY)  # uncached: built anew


def test_a_write_drops_the_snapshots(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    cached = CachedStore(store)
    first = cached.snapshot(DAY)
    assert "A6" in first.posts_of
    generation = cached.generation
    ops.write_bundle(cached, Bundle(holdings=[
        Holding(person_id="A6", post_id="P-FIN-ACC", start=date(2023, 9, 1),
                end=date(2024, 6, 1))]))
    assert cached.generation > generation
    second = cached.snapshot(DAY)
    assert second is not first and "A6" not in second.posts_of


def test_the_heap_is_settled_after_builds_and_on_expiry_not_on_writes(
        store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    settled: list[int] = []
    cached = CachedStore(store, ttl=60, settle=lambda: settled.append(cached.generation))
    cached.snapshot(DAY)
    cached.snapshot(DAY)  # kept: no second build
    assert len(settled) == 1
    ops.write_bundle(cached, Bundle(persons=[Person(id="A9", name="周敏")]), batch_size=1)
    assert len(settled) == 1  # an upload's batches do not settle
    cached._born -= 61  # as if the ttl had passed
    cached.nodes(["person/A1"])  # the first read after the ttl drops the cache
    assert len(settled) == 2


def test_a_write_through_one_worker_drops_the_others_caches(store: GraphStore,
                                                           tmp_path: Path) -> None:
    ops.write_bundle(store, small_county())
    stamp = tmp_path / "cache.stamp"
    first, second = CachedStore(store, stamp=stamp), CachedStore(store, stamp=stamp)
    before = second.snapshot(DAY)
    assert second.snapshot(DAY) is before  # kept while nobody writes
    with first.writing() as inner:  # an upload: past the cache, then one drop
        assert inner is store
        ops.write_bundle(inner, Bundle(holdings=[
            Holding(person_id="A6", post_id="P-FIN-ACC", start=date(2023, 9, 1),
                    end=date(2024, 6, 1))]))
    after = second.snapshot(DAY)
    assert after is not before and "A6" not in after.posts_of
    assert second.snapshot(DAY) is after
    alone = CachedStore(store)  # no stamp: only its own writes and the ttl drop it
    kept = alone.snapshot(DAY)
    with first.writing():
        pass
    assert alone.snapshot(DAY) is kept


def test_node_reads_are_cached_until_a_write(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    cached = CachedStore(store, max_nodes=3)
    assert cached.nodes(["person/A1", "person/NOBODY"])["person/A1"].props["name"] == "王建国"
    assert cached.existing(["person/A1", "person/NOBODY", "post/P-SEC"]) == {
        "person/A1", "post/P-SEC"}
    ops.write_bundle(store, Bundle(persons=[Person(id="A1", name="王建设")]))  # behind its back
    assert cached.nodes(["person/A1"])["person/A1"].props["name"] == "王建国"  # within the ttl
    ops.write_bundle(cached, Bundle(persons=[Person(id="A2", name="李秀兰")]))  # through it
    assert cached.nodes(["person/A1"])["person/A1"].props["name"] == "王建设"
    keys = [f"person/A{i}" for i in range(1, 7)]
    assert sorted(cached.nodes(keys)) == keys  # more than max_nodes: all read, three kept
    assert len(cached._nodes) == 3


def test_kin_paths_bring_node_records_into_the_cache(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    cached = CachedStore(store)
    found = cached.kin_paths(["person/A1"], None, with_nodes=True)
    assert found.nodes and set(found.nodes) <= set(cached._nodes)
    assert cached.kin_paths(["person/A3"], None).nodes == {}
    around = cached.expand(["post/P-SEC"], None, None, 10, with_nodes=True)["post/P-SEC"]
    assert "post/P-SEC" in around.nodes and "post/P-SEC" not in cached._nodes  # not kept
    cached.inner = None  # type: ignore[assignment]  # a read that reached the store would fail
    assert cached.nodes(sorted(found.nodes)) == found.nodes


def test_a_scan_overtaken_by_a_write_is_not_kept(store: GraphStore,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    ops.write_bundle(store, small_county())
    cached = CachedStore(store)
    scan = store.scan_nodes

    def racing(label: str) -> Iterator[NodeRecord]:
        found = list(scan(label))
        cached.invalidate()  # an upload lands while the scan was being read
        return iter(found)

    monkeypatch.setattr(store, "scan_nodes", racing)
    assert len(list(cached.scan_nodes("Unit"))) == 5  # served ...
    assert "Unit" not in cached._node_scans  # ... but not kept
    monkeypatch.setattr(store, "scan_nodes", scan)
    assert len(list(cached.scan_nodes("Unit"))) == 5
    assert "Unit" in cached._node_scans
