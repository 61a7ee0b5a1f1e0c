"""Supervision chains as a Network (`graph.network`) for clients that draw graphs.

Nodes are the posts of the chains and the people holding them. HOLDS edges are the real
holding edges. A LEADS edge goes from a leader post to the post it leads; the lead rests on
real edges (`properties.via`): when that is one edge (an explicit REPORTS_TO) the LEADS edge
carries its id, otherwise (the default rule combines IN_UNIT, OVERSEES and PART_OF edges) it
gets the derived id `LEADS:<leader post key>-><post key>`.
"""

from __future__ import annotations

from graph.ids import node_key
from graph.network import NetEdge, NetNode, Network
from queries.supervision.chain import RELATION_ZH, ChainReport, ChainStep


def _post_node(step: ChainStep) -> NetNode:
    return NetNode(id=node_key("Post", step.post_id), type="Post", label=step.label,
                   properties={"vacant": step.vacant, "acting_holders": step.acting_holders})


def _lead_id(via: list[str], leader: str, lower: str) -> str:
    return via[0] if len(via) == 1 else f"LEADS:{leader}->{lower}"


def chain_network(report: ChainReport) -> Network:
    nodes: dict[str, NetNode] = {}
    edges: dict[str, NetEdge] = {}
    for chain in report.chains:
        below = chain.start
        for step in [chain.start, *chain.chain]:
            post = node_key("Post", step.post_id)
            nodes.setdefault(post, _post_node(step))
            for person, hid in zip(step.holders, step.holding_edges, strict=True):
                pkey = node_key("Person", person)
                nodes.setdefault(pkey, NetNode(id=pkey, type="Person",
                                               label=report.names.get(person, person)))
                edges[hid] = NetEdge(id=hid, source=pkey, target=post, type="HOLDS",
                                     properties={"acting": person in step.acting_holders})
            if step is not chain.start:
                lower = node_key("Post", below.post_id)
                eid = _lead_id(step.edges, post, lower)
                edges[eid] = NetEdge(id=eid, source=post, target=lower, type="LEADS",
                                     properties={"how": step.relation,
                                                 "label": RELATION_ZH.get(step.relation, ""),
                                                 "via": step.edges,
                                                 "alternatives": step.alternatives})
            below = step
        if chain.cycle:
            leader, lower = node_key("Post", chain.cycle[0]), node_key("Post", below.post_id)
            eid = _lead_id(chain.cycle_edges, leader, lower)
            edges[eid] = NetEdge(id=eid, source=leader, target=lower, type="LEADS",
                                 properties={"how": "cycle", "label": "循环", "via":
                                             chain.cycle_edges, "alternatives": []})
    return Network(nodes=[nodes[k] for k in sorted(nodes)],
                   edges=[edges[k] for k in sorted(edges)])
