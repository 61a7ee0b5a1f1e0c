"""Networks as the API returns them: masked for the caller, audited, neutral or Cytoscape.js.

Cytoscape.js elements (`?format=cytoscape`) draw units as compound nodes: a post whose unit is
in the network gets `parent: <unit key>` and its IN_UNIT edge is left out (the nesting shows
it). Every person in a returned network is written to the audit log (the subject as
`read_network`, the others as `seen_in_network` with the subject in `detail`).
"""

from __future__ import annotations

from typing import Any, Literal

from api.privacy import mask_network
from graph import records as r
from graph.audit import AuditLog
from graph.network import Network
from graph.store.base import GraphStore

NetFormat = Literal["json", "cytoscape"]
NetworkOut = Network | list[dict[str, Any]]


def cytoscape(net: Network) -> list[dict[str, Any]]:
    ids = {n.id for n in net.nodes}
    parent: dict[str, str] = {}
    for e in net.edges:
        if e.type == r.IN_UNIT and e.target in ids and e.source not in parent:
            parent[e.source] = e.target
    nested = {(s, t) for s, t in parent.items()}
    out: list[dict[str, Any]] = []
    for el in net.to_cytoscape():
        data = el["data"]
        if el["group"] == "nodes" and data["id"] in parent:
            data["parent"] = parent[data["id"]]
        if el["group"] == "edges" and data["type"] == r.IN_UNIT and (
                data["source"], data["target"]) in nested:
            continue
        out.append(el)
    return out


def deliver(store: GraphStore, net: Network, *, personal: bool, fmt: NetFormat,
            audit: AuditLog, actor: str, subject: str, action: str = "read_network",
            detail: str = "") -> NetworkOut:
    """Mask, audit and format a network about `subject` (a node key)."""
    if not personal:
        net = mask_network(store, net, keep=subject)
    label, _, ident = subject.partition("/")
    reads = [(action, ident, detail)] if label == "person" else []
    reads += [("seen_in_network", n.id.partition("/")[2], f"via {subject}")
              for n in net.nodes if n.type == "Person" and n.id != subject]
    audit.record_many(actor, reads)
    return cytoscape(net) if fmt == "cytoscape" else net
