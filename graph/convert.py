"""Bundle <-> records: the one mapping between the domain model and what stores hold."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from enum import Enum
from typing import Any

from graph import records as r
from graph.ids import node_key, record_id
from graph.model import (
    Act,
    Assessment,
    Bundle,
    Holding,
    Kinship,
    Person,
    Post,
    Record,
    Region,
    TimeBound,
    Training,
    Unit,
)
from graph.records import EdgeRecord, NodeRecord, Props, structural_edge
from graph.regions import is_region_code, parent_code

_ACT_ROLE_OF_TYPE = {v: k for k, v in r.ACT_TYPES.items()}


def _props_of(models: Sequence[Record], drop: Iterable[str] = ()) -> list[Props]:
    """Flat properties of records of one type: None and empty lists left out, dates as ISO
    text, vocabulary values as their text, unknown columns as JSON. Time-bound records add
    `valid_from`/`valid_to`. (The bulk path of every load: written for speed.)"""
    if not models:
        return []
    kind = type(models[0])
    names = tuple(n for n in kind.__pydantic_fields__ if n != "extra" and n not in drop)
    timed = issubclass(kind, TimeBound)
    # validity read from fields (props of them converted already) unless a subclass computes it
    since, until = getattr(kind, "valid_fields", (None, None))
    by_fields = timed and getattr(kind, "valid_from", None) is TimeBound.valid_from and (
        getattr(kind, "valid_to", None) is TimeBound.valid_to) and not {since, until} & set(drop)
    out: list[Props] = []
    for model in models:
        values = model.__dict__
        props: Props = {}
        for name in names:
            value = values[name]
            if value is None:
                continue
            vtype = type(value)
            if vtype is str or vtype is int:
                props[name] = value
            elif vtype is date:
                props[name] = value.isoformat()
            elif vtype is tuple:
                if value:
                    props[name] = list(value)
            elif isinstance(value, Enum):
                props[name] = str(value.value)
            else:
                props[name] = value
        if model.extra:
            props["extra"] = json.dumps(model.extra, ensure_ascii=False, sort_keys=True)
        if by_fields:
            if since is not None and since in props:
                props["valid_from"] = props[since]
            if until is not None and until in props:
                props["valid_to"] = props[until]
        elif timed:
            start, end = model.valid_from, model.valid_to  # type: ignore[attr-defined]
            if start is not None:
                props["valid_from"] = start.isoformat()
            if end is not None:
                props["valid_to"] = end.isoformat()
        out.append(props)
    return out


def _region_nodes(bundle: Bundle) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """Declared regions, every region a unit or person refers to and all their ancestors
    (the undeclared ones marked `derived`), with WITHIN edges to each effective parent."""
    declared = {reg.code: reg for reg in bundle.regions}
    nodes = [NodeRecord(node_key("Region", reg.code), "Region", props)
             for reg, props in zip(bundle.regions, _props_of(bundle.regions), strict=True)]
    edges: list[EdgeRecord] = []
    seen: set[str] = set()
    wanted = dict.fromkeys([*declared, *(u.region_code for u in bundle.units),
                            *(p.home_region for p in bundle.persons)])
    for code in wanted:
        current = code if code in declared or is_region_code(code) else None
        while current is not None and current not in seen:
            seen.add(current)
            reg = declared.get(current)
            parent = (reg.parent_code if reg else None) or (
                parent_code(current) if is_region_code(current) else None)
            if reg is None:
                props: Props = {"code": current, "name": current, "derived": True}
                nodes.append(NodeRecord(node_key("Region", current), "Region", props))
            if parent is not None:
                edges.append(structural_edge(r.WITHIN, node_key("Region", current),
                                             node_key("Region", parent)))
            current = parent
    return nodes, edges


def _entities(bundle: Bundle, nodes: list[NodeRecord], edges: list[EdgeRecord]) -> None:
    """Units, posts and persons with their structural edges."""
    for unit, props in zip(bundle.units, _props_of(bundle.units), strict=True):
        key = node_key("Unit", unit.id)
        nodes.append(NodeRecord(key, "Unit", props))
        if unit.parent_id:
            edges.append(structural_edge(r.PART_OF, key, node_key("Unit", unit.parent_id)))
        if is_region_code(unit.region_code):
            region = node_key("Region", str(unit.region_code))
            edges.append(structural_edge(r.IN_REGION, key, region))
        edges.extend(structural_edge(r.REGULATES, key, node_key("Unit", u)) for u in unit.regulates)
    for post, props in zip(bundle.posts, _props_of(bundle.posts), strict=True):
        key = node_key("Post", post.id)
        nodes.append(NodeRecord(key, "Post", props))
        edges.append(structural_edge(r.IN_UNIT, key, node_key("Unit", post.unit_id)))
        if post.reports_to:
            edges.append(structural_edge(r.REPORTS_TO, key, node_key("Post", post.reports_to)))
        edges.extend(structural_edge(r.OVERSEES, key, node_key("Unit", u)) for u in post.oversees)
    for person, props in zip(bundle.persons, _props_of(bundle.persons), strict=True):
        key = "person/" + person.id
        nodes.append(NodeRecord(key, "Person", props))
        home = person.home_region
        if is_region_code(home):
            edges.append(structural_edge(r.GREW_UP_IN, key, "region/" + str(home)))


def _relations(bundle: Bundle, edges: list[EdgeRecord]) -> None:
    """Holdings, kinship and procedure acts: time-bound edges with content-derived ids."""
    holds, kin = r.HOLDS, r.KIN
    held = bundle.holdings
    edges.extend(
        EdgeRecord(hid, holds, "person/" + h.person_id, "post/" + h.post_id, props)
        for h, hid, props in zip(held, Holding.id.of(held),
                                 _props_of(held, ("person_id", "post_id")), strict=True))
    kinship = bundle.kinship
    edges.extend(
        EdgeRecord(kid, kin, "person/" + k.person_id, "person/" + k.relative_id, props)
        for k, kid, props in zip(kinship, Kinship.id.of(kinship),
                                 _props_of(kinship, ("person_id", "relative_id")), strict=True))
    roles = bundle.roles
    act_props = _props_of(roles, ("actor_id", "candidate_id", "role"))
    edges.extend(
        EdgeRecord(aid, r.ACT_TYPES[a.role.value], "person/" + a.actor_id,
                   "person/" + a.candidate_id, props)
        for a, aid, props in zip(roles, Act.id.of(roles), act_props, strict=True))


def bundle_to_records(bundle: Bundle) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """The records a bundle stands for: nodes first (regions, units, posts, persons,
    assessments, trainings), then their edges. Node keys are `label/id` (`graph.ids.node_key`,
    written inline on the hot paths)."""
    nodes, edges = _region_nodes(bundle)
    _entities(bundle, nodes, edges)
    _relations(bundle, edges)
    attached: list[tuple[Sequence[Assessment | Training], str, str]] = [
        (bundle.assessments, "Assessment", r.ASSESSED), (bundle.trainings, "Training", r.TRAINED)]
    for items, label, etype in attached:
        prefix = label.lower() + "/"
        for item, props in zip(items, _props_of(items), strict=True):
            key = prefix + item.id
            nodes.append(NodeRecord(key, label, {"id": item.id, **props}))
            edges.append(EdgeRecord(record_id("e", etype, item.id), etype,
                                    "person/" + item.person_id, key))
    return nodes, edges


def _load(props: Props, drop: Iterable[str] = ()) -> dict[str, Any]:
    data: dict[str, Any] = {k: v for k, v in props.items() if k not in drop}
    extra = data.pop("extra", None)
    data["extra"] = json.loads(str(extra)) if extra else {}
    return data


_TIMED_KEYS = ("valid_from", "valid_to")


def node_to_model(node: NodeRecord) -> Record | None:
    """The domain record a node stands for (None for derived regions)."""
    if node.label == "Region":
        return None if node.props.get("derived") else Region.model_validate(_load(node.props))
    models: dict[str, type[Record]] = {
        "Unit": Unit, "Post": Post, "Person": Person, "Assessment": Assessment,
        "Training": Training,
    }
    model = models[node.label]
    derived_id = ("id",) if node.label in ("Assessment", "Training") else ()
    return model.model_validate(_load(node.props, (*derived_id, *_TIMED_KEYS)))


def edge_to_model(edge: EdgeRecord) -> Holding | Kinship | Act | None:
    """The relation record an edge stands for (None for structural edges)."""
    src, dst = edge.source.partition("/")[2], edge.target.partition("/")[2]
    data = _load(edge.props, _TIMED_KEYS)
    if edge.type == r.HOLDS:
        return Holding.model_validate(data | {"person_id": src, "post_id": dst})
    if edge.type == r.KIN:
        return Kinship.model_validate(data | {"person_id": src, "relative_id": dst})
    if edge.type in _ACT_ROLE_OF_TYPE:
        return Act.model_validate(
            data | {"actor_id": src, "candidate_id": dst, "role": _ACT_ROLE_OF_TYPE[edge.type]})
    return None
