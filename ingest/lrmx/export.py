"""A person in the graph written back as an `.lrmx` form (`export_lrmx`).

Each element is written as it was imported (`lrmx:<Tag>` extras) unless the graph now holds
a different value for it: then the graph's value is written (name, sex, birth month, ethnicity,
native place, birthplace, work start, ID number, retirement month). Elements never imported
are derived from the graph: 现任职务 and 简历 from holdings (and trainings), 年度考核结果 from
assessments, 全日制教育学历 from education. The family list is the person's declared kinship:
Items as written (in their order) for relatives declared on a form, then one Item per other
kinship record, from the relative's person. Verbatim nodes go back where they were.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from graph import records as r
from graph.convert import edge_to_model, node_to_model
from graph.ids import node_key
from graph.model import Assessment, Holding, Kinship, Person, Post, Training, Unit
from graph.ops import get_person
from graph.store.base import GraphStore
from graph.vocab import Gender
from ingest.lrmx.assess_text import parse_reviews
from ingest.lrmx.dates import month_or_none
from ingest.lrmx.person_map import ATTRIBUTES, EXTRA_NODES, NAMESPACES, PREFIX, gender_of
from ingest.lrmx.record import FAMILY_TAGS, PERSON_TAGS, FamilyMember, LrmxRecord
from ingest.lrmx.write import write_lrmx
from ingest.resolve.merge import LARGE


def form_month(day: date | None) -> str | None:
    """A date as the form writes months: 2020.03."""
    return None if day is None else f"{day.year}.{day.month:02d}"


def _months(graph: date | None, raw: str | None) -> str | None:
    if graph is None or (month_or_none(raw) or date.min).replace(day=1) == graph.replace(day=1):
        return raw
    return form_month(graph)


def _texts(graph: str | None, raw: str | None) -> str | None:
    return raw if graph is None or (raw or "").strip() == graph else graph


def _scalars(person: Person) -> dict[str, Any]:
    raw = {attr: person.extra.get(PREFIX + tag) for tag, attr in PERSON_TAGS.items()}
    sex = {Gender.M: "男", Gender.F: "女"}.get(person.gender) if person.gender else None
    raw["name"] = _texts(person.name, raw["name"])
    raw["gender"] = raw["gender"] if gender_of(raw["gender"]) == person.gender else sex
    for attr, value in (("birth_month_raw", person.birth_date),
                        ("work_start_raw", person.work_start),
                        ("retirement_month_raw", person.retirement_date)):
        raw[attr] = _months(value, raw[attr])
    for attr, text in (("ethnicity", person.ethnicity), ("native_place", person.native_place),
                       ("birthplace", person.birthplace), ("id_number", person.id_number)):
        raw[attr] = _texts(text, raw[attr])
    if raw["fulltime_education"] is None:
        raw["fulltime_education"] = person.education
    return {k: v for k, v in raw.items() if v is not None}


def form_post(post: Post | None, units: dict[str, Unit]) -> str:
    """A post as the form writes it: unit name + title (示范县财政局副局长)."""
    if post is None:
        return ""
    unit = units.get(post.unit_id)
    return f"{unit.name if unit else ''}{post.title}"


def _career(store: GraphStore, holdings: list[Holding], trainings: list[Training],
            raw: dict[str, Any]) -> None:
    keys = [node_key("Post", h.post_id) for h in holdings]
    posts = {p.id: p for p in map(node_to_model, store.nodes(keys).values())
             if isinstance(p, Post)}
    ukeys = [node_key("Unit", p.unit_id) for p in posts.values()]
    units = {u.id: u for u in map(node_to_model, store.nodes(ukeys).values())
             if isinstance(u, Unit)}
    if "current_post" not in raw:
        now = [form_post(posts.get(h.post_id), units) for h in holdings if h.end is None]
        if now:
            raw["current_post"] = "、".join(now)
    if "resume_raw" not in raw and (holdings or trainings):
        lines = [(h.start, f"{form_month(h.start)}--{form_month(h.end) or '至今'}  "
                           f"{form_post(posts.get(h.post_id), units)}") for h in holdings]
        lines += [(t.start, f"{form_month(t.start)}--{form_month(t.end) or ''}  "
                            f"{t.institution or ''}学习") for t in trainings]
        raw["resume_raw"] = "\n".join(text for _, text in sorted(lines))


def _reviews(items: list[Assessment], raw: dict[str, Any]) -> None:
    ours = sorted((a.year, a.grade) for a in items)
    written = parse_reviews(raw.get("annual_reviews"))
    if ours and sorted((i.year, i.grade) for i in written.items) != ours:
        raw["annual_reviews"] = "；".join(f"{y}年度{g.value}" for y, g in ours)


def _family(store: GraphStore, kin: list[Kinship]) -> list[FamilyMember]:
    declared = sorted((k for k in kin if "lrmx:item" in k.extra),
                      key=lambda k: int(k.extra["lrmx:item"]))
    members = [FamilyMember.model_validate(
        {tag: k.extra[PREFIX + tag] for tag in FAMILY_TAGS if PREFIX + tag in k.extra})
        for k in declared]
    others = sorted((k for k in kin if "lrmx:item" not in k.extra), key=lambda k: k.relative_id)
    found = store.nodes([node_key("Person", k.relative_id) for k in others])
    for k in others:
        person = node_to_model(found[node_key("Person", k.relative_id)])
        assert isinstance(person, Person)
        members.append(FamilyMember(relation=k.relation, name=person.name,
                                    birth_raw=form_month(person.birth_date),
                                    political_status=person.party))
    return members


def export_lrmx(store: GraphStore, person_id: str) -> bytes:
    """The person as `.lrmx` bytes (UTF-8); see the module docstring."""
    person = get_person(store, person_id)
    key = node_key("Person", person_id)
    around = store.expand([key], [r.HOLDS, r.KIN, r.ASSESSED, r.TRAINED], None, LARGE)
    edges = around[key].edges if key in around else []
    models = [edge_to_model(e) for e in edges if e.source == key]
    attached = store.nodes([e.target for e in edges if e.type in (r.ASSESSED, r.TRAINED)])
    items = [node_to_model(n) for n in attached.values()]
    raw = _scalars(person)
    _career(store, sorted((m for m in models if isinstance(m, Holding)),
                          key=lambda h: (h.start, h.post_id)),
            [t for t in items if isinstance(t, Training)], raw)
    _reviews([a for a in items if isinstance(a, Assessment)], raw)
    extra = person.extra
    record = LrmxRecord.model_validate({
        **raw, "source": f"{person_id}.lrmx",
        "family": _family(store, [m for m in models if isinstance(m, Kinship)]),
        "extra": json.loads(extra.get(EXTRA_NODES, "[]")),
        "person_attributes": json.loads(extra.get(ATTRIBUTES, "{}")),
        "person_namespaces": json.loads(extra.get(NAMESPACES, "{}"))})
    return write_lrmx(record)
