"""Bundle <-> records: the one mapping between the domain model and what stores hold."""

from __future__ import annotations

import json
from collections.abc import Iterable
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
    Training,
    Unit,
)
from graph.records import EdgeRecord, NodeRecord, Props, Scalar, structural_edge
from graph.regions import is_region_code, parent_code

_ACT_ROLE_OF_TYPE = {v: k for k, v in r.ACT_TYPES.items()}


def _plain(value: Any) -> Scalar:
    if type(value) is str:
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return list(value)
    return value  # type: ignore[no-any-return]


def _props(model: Record, drop: Iterable[str] = ()) -> Props:
    """Flat properties of a record: None and empty lists left out, unknown columns as JSON."""
    skip = {"extra", *drop}
    values = model.__dict__
    props: Props = {
        name: _plain(values[name])
        for name in type(model).__pydantic_fields__
        if name not in skip and values[name] is not None and values[name] != ()
    }
    if model.extra:
        props["extra"] = json.dumps(model.extra, ensure_ascii=False, sort_keys=True)
    return props


def _timed(model: Holding | Kinship | Act | Assessment | Training, drop: Iterable[str]) -> Props:
    props = _props(model, drop)
    for name, value in (("valid_from", model.valid_from), ("valid_to", model.valid_to)):
        if value is not None:
            props[name] = value.isoformat()
    return props


def _region_nodes(bundle: Bundle) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """Declared regions, every region a unit or person refers to and all their ancestors
    (the undeclared ones marked `derived`), with WITHIN edges to each effective parent."""
    declared = {reg.code: reg for reg in bundle.regions}
    nodes = [NodeRecord(node_key("Region", reg.code), "Region", _props(reg))
             for reg in bundle.regions]
    edges: list[EdgeRecord] = []
    seen: set[str] = set()
    wanted = [*declared, *(u.region_code for u in bundle.units),
              *(p.home_region for p in bundle.persons)]
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


def bundle_to_records(bundle: Bundle) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    nodes, edges = _region_nodes(bundle)
    for unit in bundle.units:
        key = node_key("Unit", unit.id)
        nodes.append(NodeRecord(key, "Unit", _props(unit)))
        if unit.parent_id:
            edges.append(structural_edge(r.PART_OF, key, node_key("Unit", unit.parent_id)))
        if is_region_code(unit.region_code):
            region = node_key("Region", str(unit.region_code))
            edges.append(structural_edge(r.IN_REGION, key, region))
        edges.extend(structural_edge(r.REGULATES, key, node_key("Unit", u)) for u in unit.regulates)
    for post in bundle.posts:
        key = node_key("Post", post.id)
        nodes.append(NodeRecord(key, "Post", _props(post)))
        edges.append(structural_edge(r.IN_UNIT, key, node_key("Unit", post.unit_id)))
        if post.reports_to:
            edges.append(structural_edge(r.REPORTS_TO, key, node_key("Post", post.reports_to)))
        edges.extend(structural_edge(r.OVERSEES, key, node_key("Unit", u)) for u in post.oversees)
    for person in bundle.persons:
        key = node_key("Person", person.id)
        nodes.append(NodeRecord(key, "Person", _props(person)))
        home = person.home_region
        if is_region_code(home):
            edges.append(structural_edge(r.GREW_UP_IN, key, node_key("Region", str(home))))
    for h in bundle.holdings:
        edges.append(EdgeRecord(h.id, r.HOLDS, node_key("Person", h.person_id),
                                node_key("Post", h.post_id), _timed(h, ("person_id", "post_id"))))
    for k in bundle.kinship:
        edges.append(EdgeRecord(k.id, r.KIN, node_key("Person", k.person_id),
                                node_key("Person", k.relative_id),
                                _timed(k, ("person_id", "relative_id"))))
    for a in bundle.roles:
        edges.append(EdgeRecord(a.id, r.ACT_TYPES[a.role.value], node_key("Person", a.actor_id),
                                node_key("Person", a.candidate_id),
                                _timed(a, ("actor_id", "candidate_id", "role"))))
    attached: list[tuple[Assessment | Training, str, str]] = [
        *((x, "Assessment", r.ASSESSED) for x in bundle.assessments),
        *((x, "Training", r.TRAINED) for x in bundle.trainings),
    ]
    for item, label, etype in attached:
        key = node_key(label, item.id)
        nodes.append(NodeRecord(key, label, {"id": item.id, **_timed(item, ())}))
        edges.append(EdgeRecord(record_id("e", etype, item.id), etype,
                                node_key("Person", item.person_id), key))
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
