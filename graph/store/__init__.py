"""Graph stores behind one interface: `EmbeddedStore` (networkx, default) and `Neo4jStore`."""

from graph.store.base import Counts, Expansion, GraphPath, GraphStore

__all__ = ["Counts", "Expansion", "GraphPath", "GraphStore"]
