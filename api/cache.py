"""A read-through cache in front of the store for the API.

Every check and chain starts from whole-graph scans (units, posts, holdings as of a date), the
same for every request on the same day. `CachedStore` keeps those scans in memory, keyed by
(label) or (edge type, as_of), the snapshots built from them, and the node records point reads
fetched (a bounded LRU: the leaders, voters and relatives many requests touch); it drops them
all on any write through it (bundle and LRMX uploads) and after `ttl` seconds, so writes made
by other processes (the CLI loading into the same Neo4j) are seen within `ttl`. Expansions and
kin paths go straight to the store: they are request-specific (the records of the people on
kin paths are kept as point reads). A read that an invalidation overtook is served but not
kept.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from graph.records import KIN_MAX_HOPS, EdgeRecord, NodeRecord
from graph.store.base import Counts, Expansion, GraphStore, PathSet
from queries.snapshot import Snapshot

MAX_EDGE_SCANS = 16
MAX_SNAPSHOTS = 4
MAX_NODES = 200_000
"""Node records kept for point reads (about 1 KB each)."""


class CachedStore(GraphStore):
    def __init__(self, inner: GraphStore, ttl: float = 300.0, max_nodes: int = MAX_NODES,
                 settle: Callable[[], None] | None = None, stamp: Path | None = None) -> None:
        """`settle` runs after each snapshot is built and when the cache expires (the API
        collects and freezes its heap there: `api.heap.settle`). `stamp` is a file that the
        processes serving one store share (the API's workers): a write through any of them
        touches it, and every other drops its cache on its next read."""
        self.inner = inner
        self.settle = settle
        self.stamp = stamp
        self._stamp_seen = self._stamp_time()
        self.max_nodes = max_nodes
        self.backend = inner.backend
        self.ttl = ttl
        self.generation = 0
        """Bumped on every invalidation: other caches (the search index) key on it."""
        self._lock = threading.Lock()
        self._building = threading.Lock()
        self._born = time.monotonic()
        self._node_scans: dict[str, list[NodeRecord]] = {}
        self._edge_scans: OrderedDict[tuple[str, str | None], list[EdgeRecord]] = OrderedDict()
        self._counts: dict[str | None, Counts] = {}
        self._snapshots: OrderedDict[date | None, Snapshot] = OrderedDict()
        self._nodes: OrderedDict[str, NodeRecord] = OrderedDict()

    def invalidate(self) -> None:
        """After a write: drop the cache, here and (through the stamp) in the other workers."""
        self._drop()
        if self.stamp is not None:
            self.stamp.parent.mkdir(parents=True, exist_ok=True)
            self.stamp.touch()
            self._stamp_seen = self._stamp_time()

    @contextmanager
    def writing(self) -> Iterator[GraphStore]:
        """Write past the cache (an upload's many batches), then drop it once."""
        try:
            yield self.inner
        finally:
            self.invalidate()

    def _drop(self) -> None:
        with self._lock:
            self._node_scans.clear()
            self._edge_scans.clear()
            self._counts.clear()
            self._snapshots.clear()
            self._nodes.clear()
            self._born = time.monotonic()
            self.generation += 1

    def _stamp_time(self) -> int:
        try:
            return 0 if self.stamp is None else self.stamp.stat().st_mtime_ns
        except FileNotFoundError:
            return 0

    def refresh(self) -> None:
        """Drop the cache when it expired or another worker wrote (the stamp changed)."""
        expired = time.monotonic() - self._born > self.ttl
        stamped = self._stamp_time()
        if expired or stamped != self._stamp_seen:
            self._stamp_seen = stamped
            self._drop()
            if self.settle is not None:  # what the cache held is garbage now (not on every
                self.settle()            # write: an upload writes in hundreds of batches)

    def snapshot(self, as_of: date | None) -> Snapshot:
        """The organisation on `as_of` (`Snapshot.build`), built once per date and generation;
        `Snapshot.load` on this store comes here.
        Read-only by convention: callers must not change it."""
        self.refresh()
        found = self._cached_snapshot(as_of)
        if found is not None:
            return found
        with self._building:  # one build at a time: concurrent requests wait for it
            found = self._cached_snapshot(as_of)
            if found is not None:
                return found
            generation = self.generation
            built = Snapshot.build(self, as_of)
            with self._lock:
                if generation == self.generation:  # not invalidated while building
                    self._snapshots[as_of] = built
                    while len(self._snapshots) > MAX_SNAPSHOTS:
                        self._snapshots.popitem(last=False)
            if self.settle is not None:
                self.settle()
        return built

    def _cached_snapshot(self, as_of: date | None) -> Snapshot | None:
        with self._lock:
            found = self._snapshots.get(as_of)
            if found is not None:
                self._snapshots.move_to_end(as_of)
            return found

    # writes go through and invalidate
    def upsert(self, nodes: Sequence[NodeRecord], edges: Sequence[EdgeRecord]) -> None:
        try:
            self.inner.upsert(nodes, edges)
        finally:
            self.invalidate()

    def delete_edges(self, edges: Sequence[EdgeRecord]) -> None:
        try:
            self.inner.delete_edges(edges)
        finally:
            self.invalidate()

    def delete_nodes(self, keys: Sequence[str]) -> None:
        try:
            self.inner.delete_nodes(keys)
        finally:
            self.invalidate()

    def clear(self) -> None:
        try:
            self.inner.clear()
        finally:
            self.invalidate()

    def flush(self) -> None:
        self.inner.flush()

    def close(self) -> None:
        self.inner.close()

    # node reads: hits from a bounded LRU, misses read together from the store
    def existing(self, keys: Iterable[str]) -> set[str]:
        return set(self.nodes(keys))

    def nodes(self, keys: Iterable[str]) -> dict[str, NodeRecord]:
        """Node records by key (absent keys are left out). Records are shared: read-only."""
        self.refresh()
        wanted = list(dict.fromkeys(keys))
        found: dict[str, NodeRecord] = {}
        with self._lock:
            generation = self.generation
            for key in wanted:
                node = self._nodes.get(key)
                if node is not None:
                    self._nodes.move_to_end(key)
                    found[key] = node
        missing = [k for k in wanted if k not in found]
        if missing:
            read = self.inner.nodes(missing)
            found.update(read)
            self._keep(read, generation)
        return found

    def _keep(self, read: dict[str, NodeRecord], generation: int) -> None:
        """Node records a read brought along, kept for point reads."""
        if not read:
            return
        with self._lock:
            if generation == self.generation:  # not invalidated while reading
                self._nodes.update(read)
                while len(self._nodes) > self.max_nodes:
                    self._nodes.popitem(last=False)

    # expansions and paths are request-specific: read through (a network's hundreds of node
    # records would only churn the cache; the few people on kin paths are read again)
    def expand(self, keys: Sequence[str], types: Sequence[str] | None, as_of: str | None,
               cap: int, with_nodes: bool = False) -> dict[str, Expansion]:
        return self.inner.expand(keys, types, as_of, cap, with_nodes)

    def kin_paths(self, seeds: Sequence[str], as_of: str | None,
                  targets: Sequence[str] | None = None,
                  max_hops: int = KIN_MAX_HOPS, with_nodes: bool = False,
                  around: Sequence[str] | None = None) -> PathSet:
        generation = self.generation
        found = self.inner.kin_paths(seeds, as_of, targets, max_hops, with_nodes, around)
        self._keep(found.nodes, generation)
        return found

    # scans are cached
    def scan_nodes(self, label: str) -> Iterator[NodeRecord]:
        self.refresh()
        with self._lock:
            found = self._node_scans.get(label)
        if found is None:
            generation = self.generation
            found = list(self.inner.scan_nodes(label))
            with self._lock:
                if generation == self.generation:
                    self._node_scans[label] = found
        return iter(found)

    def scan_edges(self, etype: str, as_of: str | None = None) -> Iterator[EdgeRecord]:
        self.refresh()
        key = (etype, as_of)
        with self._lock:
            found = self._edge_scans.get(key)
            if found is not None:
                self._edge_scans.move_to_end(key)
        if found is None:
            generation = self.generation
            found = list(self.inner.scan_edges(etype, as_of))
            with self._lock:
                if generation == self.generation:
                    self._edge_scans[key] = found
                    while len(self._edge_scans) > MAX_EDGE_SCANS:
                        self._edge_scans.popitem(last=False)
        return iter(found)

    def counts(self, as_of: str | None = None) -> Counts:
        self.refresh()
        with self._lock:
            found = self._counts.get(as_of)
        if found is None:
            generation = self.generation
            found = self.inner.counts(as_of)
            with self._lock:
                if generation == self.generation:
                    self._counts[as_of] = found
        return found

