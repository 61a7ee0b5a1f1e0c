"""Finding persons, units and posts by name (Chinese) or id, over the cached scans.

The index is rebuilt when the cached store's generation changes (after a write or the
cache's time-to-live), so it never serves a graph older than the cache does.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from api.cache import CachedStore
from graph.records import NodeRecord


@dataclass(frozen=True)
class Entry:
    id: str
    text: str
    """The searchable text (name, title), case-folded."""
    node: NodeRecord


def _text(node: NodeRecord) -> str:
    p = node.props
    return " ".join(str(p[k]) for k in ("name", "title") if p.get(k)).casefold()


def rank(entries: list[Entry], q: str) -> list[NodeRecord]:
    """Exact id first, then id prefix, then name/title containing `q` (earliest match
    first); ties by id. An empty query lists everything by id."""
    needle = q.strip().casefold()
    if not needle:
        return [e.node for e in entries]
    hits: list[tuple[int, int, str, NodeRecord]] = []
    for e in entries:
        ident = e.id.casefold()
        if ident == needle:
            hits.append((0, 0, e.id, e.node))
        elif ident.startswith(needle):
            hits.append((1, 0, e.id, e.node))
        elif (pos := e.text.find(needle)) >= 0:
            hits.append((2, pos, e.id, e.node))
    hits.sort(key=lambda h: h[:3])
    return [h[3] for h in hits]


class SearchIndex:
    def __init__(self, store: CachedStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._built: dict[str, tuple[int, list[Entry]]] = {}

    def entries(self, label: str) -> list[Entry]:
        self.store.refresh()
        gen = self.store.generation
        with self._lock:
            found = self._built.get(label)
        if found is not None and found[0] == gen:
            return found[1]
        entries = [Entry(n.key.partition("/")[2], _text(n), n)
                   for n in self.store.scan_nodes(label)]
        with self._lock:
            self._built[label] = (gen, entries)  # tagged with the generation it read
        return entries

    def search(self, label: str, q: str) -> list[NodeRecord]:
        return rank(self.entries(label), q)
