"""The neutral network shape API clients draw: `{nodes: [...], edges: [...]}`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class NetNode(BaseModel):
    id: str
    type: str
    label: str
    properties: dict[str, Any] = Field(default_factory=dict)


class NetEdge(BaseModel):
    id: str
    source: str
    target: str
    type: str
    properties: dict[str, Any] = Field(default_factory=dict)


class Network(BaseModel):
    nodes: list[NetNode] = Field(default_factory=list)
    edges: list[NetEdge] = Field(default_factory=list)

    def to_cytoscape(self) -> list[dict[str, Any]]:
        """Cytoscape.js elements: nodes first, then edges. The element's own id, type and label
        win over same-named properties (a person's `id` property is its bare id, not the node
        key the edges refer to)."""
        out: list[dict[str, Any]] = []
        for n in self.nodes:
            out.append({"group": "nodes", "data": {**n.properties, "id": n.id, "type": n.type,
                                                   "label": n.label}})
        for e in self.edges:
            out.append({"group": "edges", "data": {**e.properties, "id": e.id, "source": e.source,
                                                   "target": e.target, "type": e.type}})
        return out
