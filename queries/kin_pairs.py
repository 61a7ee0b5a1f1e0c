"""Derived kinship between people: paths of declared KIN edges, classified by the engine.

The store supplies the paths (Cypher for Neo4j, graph search for embedded); this module reads
each declared relation (a 称谓, code or chain, from its declarer's side), walks the path,
turning edges walked backwards into their inverse, composes the chain and takes the pair's
category (either direction, rules.md §1). Per unordered pair the strongest, then shortest
path wins.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from graph.ids import node_key
from graph.records import EdgeRecord, NodeRecord, iso
from graph.store.base import GraphPath, GraphStore, PathSet
from queries.kinship import (
    Category,
    Chain,
    KinshipError,
    Resolution,
    Sex,
    compose,
    format_chain,
    invert,
    pair_category,
    parse_chain,
    resolve,
    term_for,
)
from queries.snapshot import Snapshot

MAX_READINGS = 1024
"""Readings tried per path (each step's chains multiplied out): far above real paths (four
steps of terms with up to five chains each), so no reading is cut off in practice; the bound
only stops a pathological term table from exploding."""


@dataclass(frozen=True)
class KinPair:
    a: str
    b: str
    category: Category
    chain: str
    relation: str
    path: GraphPath

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a, self.b) if self.a <= self.b else (self.b, self.a)


@lru_cache(maxsize=8192)
def _resolve(text: str, sex: Sex | None) -> Resolution | None:
    try:
        return resolve(text, sex)
    except KinshipError:
        return None


def _step_chains(edge: EdgeRecord, forward: bool, sexes: dict[str, Sex | None]) -> list[Chain]:
    res = _resolve(str(edge.props.get("relation", "")), sexes.get(edge.source))
    if res is None or not res.composable:
        return []
    chains = [parse_chain(c) for c in res.chains]
    if forward:
        return chains
    out = []
    for chain in chains:
        try:
            out.append(invert(chain, sexes.get(edge.source), sexes.get(edge.target)))
        except KinshipError:  # the data contradicts itself (sexes): no such reading
            continue
    return out


def classify_path(path: GraphPath, sexes: dict[str, Sex | None]) -> KinPair | None:
    """The strongest reading of a path as kinship between its two ends, or None."""
    start, end = path.nodes[0], path.nodes[-1]
    if len(path.edges) == 1 and path.edges[0].source == start:
        res = _resolve(str(path.edges[0].props.get("relation", "")), sexes.get(start))
        if res is None or res.category is Category.NONE:
            return None
        chain = res.strongest_chain or ""
        return KinPair(start, end, res.category, chain, res.term or res.input, path)
    steps = [_step_chains(e, e.source == path.nodes[i], sexes) for i, e in enumerate(path.edges)]
    best: tuple[Category, Chain] | None = None
    for combo in itertools.islice(itertools.product(*steps), MAX_READINGS):
        composed = compose(*combo) if len(combo) > 1 else combo[0]
        try:
            category = pair_category(composed, sexes.get(start), sexes.get(end), distinct=True)
        except KinshipError:  # contradictory sexes along the path: not a possible reading
            continue
        if category is not Category.NONE and (best is None or category.rank > best[0].rank):
            best = (category, composed)
    if best is None:
        return None
    text = format_chain(best[1])
    term = term_for(best[1])
    return KinPair(start, end, best[0], text, f"{term} ({text})" if term else text, path)


def kin_pairs(store: GraphStore, seeds: Sequence[str], as_of: str | None,
              targets: Sequence[str] | None = None) -> list[KinPair]:
    """Kin pairs from seeds to targets (any person when None), one per unordered pair,
    sorted by pair."""
    return best_pairs(kin_readings(store, seeds, as_of, targets))


def kin_readings(store: GraphStore, seeds: Sequence[str], as_of: str | None,
                 targets: Sequence[str] | None = None) -> list[KinPair]:
    """Every path from seeds to targets that reads as kinship (all of them, not one per
    pair), each oriented from its smaller key: the answer must not depend on the seed."""
    return readings_in(store.kin_paths(seeds, as_of, targets, with_nodes=True))


def readings_in(read: PathSet) -> list[KinPair]:
    """`kin_readings` of paths already read (with their nodes)."""
    sexes = sexes_of(read.nodes.values())
    out = []
    for path in read.paths:
        if path.nodes[0] == path.nodes[-1]:
            continue
        if path.nodes[0] > path.nodes[-1]:
            path = GraphPath(path.nodes[::-1], path.edges[::-1])
        found = classify_path(path, sexes)
        if found is not None:
            out.append(found)
    return out


def best_pairs(readings: Iterable[KinPair]) -> list[KinPair]:
    """One reading per unordered pair: the strongest, then the shortest path, sorted."""
    best: dict[tuple[str, str], KinPair] = {}
    for found in readings:
        held = best.get(found.pair)
        if held is None or _rank(found) < _rank(held):
            best[found.pair] = found
    return [best[k] for k in sorted(best)]


def kin_from_key(seeds: Iterable[str]) -> tuple[str, ...]:
    """Where the kin pairs from these person keys are kept for a date (`Snapshot.remember`)."""
    return ("kin_from", *sorted(set(seeds)))


def holder_pairs(store: GraphStore, snap: Snapshot,
                 focus: Collection[str] | None) -> list[KinPair]:
    """Kin pairs among the post holders of a snapshot (those of `focus` when given). Focused,
    the paths from the focus people to anyone are read once per date (`Snapshot.remember`,
    shared with what-if snapshots) and kept where the other end holds a post."""
    day = iso(snap.as_of)
    if focus is None:  # a full audit asks twice (avoidance, supervision): read once
        holders = [node_key("Person", p) for p in sorted(snap.posts_of)]
        if "kin_all" not in snap.memo:
            snap.memo["kin_all"] = kin_pairs(store, holders, day, holders) if holders else []
        found: list[KinPair] = snap.memo["kin_all"]
        return found
    seeds = tuple(node_key("Person", p) for p in sorted(set(focus)))
    if not seeds or not snap.posts_of:
        return []
    found = snap.remember(kin_from_key(seeds), lambda: kin_pairs(store, seeds, day))
    held = {k for k in (*seeds, *(p.a for p in found), *(p.b for p in found))
            if k.partition("/")[2] in snap.posts_of}
    return [p for p in found if (p.a in seeds and p.b in held) or (p.b in seeds and p.a in held)]


def _rank(pair: KinPair) -> tuple[int, int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Strongest category first, then the shortest path, then a fixed order."""
    return -pair.category.rank, len(pair.path.edges), pair.path.sort_key()


def sexes_of(nodes: Iterable[NodeRecord]) -> dict[str, Sex | None]:
    """Person key -> sex (None where the record does not say)."""
    out: dict[str, Sex | None] = {}
    for node in nodes:
        gender = node.props.get("gender")
        out[node.key] = Sex(str(gender)) if gender in ("M", "F") else None
    return out
