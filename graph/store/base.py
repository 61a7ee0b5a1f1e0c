"""The store interface: what every backend must answer, identically.

Stores hold neutral records (`graph.records`). They supply facts; all domain logic (bundle
mapping, neighbourhood traversal, rules) is written once on top of this interface.
Ordering contract: whatever a store returns in lists is sorted as documented, so both
backends give byte-identical answers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from graph.records import KIN_MAX_HOPS, EdgeRecord, NodeRecord


@dataclass(frozen=True)
class Expansion:
    """The edges around one node, sorted by (type, other end's key, edge id), cut at the cap."""

    edges: list[EdgeRecord]
    truncated: bool
    degree: int
    nodes: dict[str, NodeRecord] = field(default_factory=dict)
    """With `with_nodes`: the records of the node itself and of every kept edge's other end."""


@dataclass(frozen=True)
class GraphPath:
    """A path through the graph: node keys from start to end, and the edges between them
    (each edge keeps its own direction in `source`/`target`)."""

    nodes: tuple[str, ...]
    edges: tuple[EdgeRecord, ...]

    def sort_key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self.nodes, tuple(e.id for e in self.edges)


@dataclass(frozen=True)
class PathSet:
    """Paths (sorted by nodes, then edge ids) and, when asked for, the record of every node
    on them (so a caller reading sexes and names needs no second round trip)."""

    paths: list[GraphPath]
    nodes: dict[str, NodeRecord] = field(default_factory=dict)
    around: dict[str, Expansion] = field(default_factory=dict)
    """With `around`: each seed's edges of those types with the records at both ends, as
    `expand(..., with_nodes=True)` gives them, not capped (seeds not in the store are absent)."""


@dataclass(frozen=True)
class Counts:
    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)


class GraphStore(ABC):
    backend: str = "abstract"
    writers: int = 1
    """How many write transactions bulk loads run at once (a server uses its cores)."""

    @abstractmethod
    def upsert(self, nodes: Sequence[NodeRecord], edges: Sequence[EdgeRecord]) -> None:
        """Insert or replace nodes (by key) and edges (by id). Edge endpoints must exist
        (in this batch or already): otherwise StoreError, and nothing of the batch's edges
        is left half-written."""

    @abstractmethod
    def delete_edges(self, edges: Sequence[EdgeRecord]) -> None:
        """Remove these edges (by id and type); a missing one is not an error."""

    @abstractmethod
    def delete_nodes(self, keys: Sequence[str]) -> None:
        """Remove these nodes and every edge touching them; a missing one is not an error."""

    @abstractmethod
    def existing(self, keys: Iterable[str]) -> set[str]:
        """Which of these node keys are in the store."""

    @abstractmethod
    def nodes(self, keys: Iterable[str]) -> dict[str, NodeRecord]:
        """The nodes with these keys (missing keys are absent from the answer)."""

    @abstractmethod
    def expand(
        self, keys: Sequence[str], types: Sequence[str] | None, as_of: str | None, cap: int,
        with_nodes: bool = False,
    ) -> dict[str, Expansion]:
        """Edges touching each key (either direction), filtered by type and as-of date,
        sorted by (type, other end's key, edge id) and cut to `cap` per node; `with_nodes`
        adds the node records at both ends (a network's last hop: one round trip, not two)."""

    @abstractmethod
    def kin_paths(self, seeds: Sequence[str], as_of: str | None,
                  targets: Sequence[str] | None = None,
                  max_hops: int = KIN_MAX_HOPS, with_nodes: bool = False,
                  around: Sequence[str] | None = None) -> PathSet:
        """Simple paths (no node twice) of 1..max_hops KIN edges, either direction, from each
        seed, every edge active on `as_of`, ending at a target (any person when None);
        sorted by (nodes, edge ids). `with_nodes` adds the records of the nodes on them;
        `around` (edge types) adds the seeds' own edges of those types (`PathSet.around`):
        what a check of a few people reads, in one round trip."""

    @abstractmethod
    def scan_nodes(self, label: str) -> Iterator[NodeRecord]:
        """Every node of a label, sorted by key."""

    @abstractmethod
    def scan_edges(self, etype: str, as_of: str | None = None) -> Iterator[EdgeRecord]:
        """Every edge of a type (active on `as_of` when given), sorted by id."""

    @abstractmethod
    def counts(self, as_of: str | None = None) -> Counts:
        """Nodes per label and edges per type (edges active on `as_of` when given)."""

    @abstractmethod
    def clear(self) -> None:
        """Remove everything."""

    def flush(self) -> None:  # noqa: B027 - optional hook
        """Make writes durable (the embedded store saves its file)."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release resources."""

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
