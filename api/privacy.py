"""What a caller may see of people: masking for keys without the `personal` permission.

Built on `graph.privacy` (ID numbers keep their region prefix and last two characters). On top
of that, for such callers:
- relatives (persons who never held a post) keep only their id, name and gender; their birth
  date, ID number, places, party, education, dates and extra columns are removed and listed
  in `masked`;
- kinship edges lose their details (称谓, dates): `{"masked": true}`;
- a relative's GREW_UP_IN edge (where they grew up) is left out of networks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph import records as r
from graph.ids import node_key
from graph.network import NetEdge, NetNode, Network
from graph.privacy import redact
from graph.store.base import GraphStore

RELATIVE_KEEP = ("id", "name", "gender")


def cadres_among(store: GraphStore, person_ids: Iterable[str]) -> set[str]:
    """Which of these persons hold or held a post (the others are relatives)."""
    keys = sorted({node_key("Person", p) for p in person_ids})
    found = store.expand(keys, [r.HOLDS], None, 1) if keys else {}
    return {k.partition("/")[2] for k, e in found.items() if e.degree > 0}


def mask_person(props: dict[str, Any], *, cadre: bool) -> dict[str, Any]:
    """A person's fields as a caller without `personal` may see them."""
    out = redact("Person", props, sensitive=False)
    if cadre:
        return out
    hidden = sorted(k for k in out if k not in RELATIVE_KEEP and out[k] not in (None, "", [], {}))
    kept = {k: v for k, v in out.items() if k in RELATIVE_KEEP}
    return {**kept, "relative": True, "masked": hidden} if hidden else {**kept, "relative": True}


def mask_kin(props: dict[str, Any]) -> dict[str, Any]:
    return {"masked": True} if props else props


def mask_network(store: GraphStore, net: Network, keep: str | None = None) -> Network:
    """The network as a caller without `personal` may see it (`keep`: the subject node)."""
    persons = [n.id.partition("/")[2] for n in net.nodes if n.type == "Person"]
    cadres = cadres_among(store, persons)
    relatives = {node_key("Person", p) for p in persons if p not in cadres}
    nodes = [NetNode(id=n.id, type=n.type, label=n.label,
                     properties=mask_person(n.properties, cadre=n.id not in relatives))
             if n.type == "Person" else n for n in net.nodes]
    edges = []
    for e in net.edges:
        if e.type == r.GREW_UP_IN and e.source in relatives:
            continue
        edges.append(NetEdge(id=e.id, source=e.source, target=e.target, type=e.type,
                             properties=mask_kin(e.properties)) if e.type == r.KIN else e)
    touched = {x for e in edges for x in (e.source, e.target)} | ({keep} if keep else set())
    loose = ("Region", "Person")  # left without edges: not shown
    return Network(nodes=[n for n in nodes if n.id in touched or n.type not in loose],
                   edges=edges)
