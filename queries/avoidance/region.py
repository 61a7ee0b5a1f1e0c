"""REGION-COUNTY, REGION-CITY, REGION-TOWNSHIP: principals of key organs in their 成长地."""

from __future__ import annotations

from collections.abc import Iterator

from graph.ids import node_key
from graph.regions import is_region_code, region_level
from queries.avoidance.context import Context
from queries.findings import Evidence, Finding, make

RULES = ("REGION-COUNTY", "REGION-CITY", "REGION-TOWNSHIP")


def _region_path(ctx: Context, person_id: str, home: str, area: str) -> list[Evidence]:
    """person -GREW_UP_IN-> home region -WITHIN-> ... -> the unit's region."""
    person_key = node_key("Person", person_id)
    home_key = node_key("Region", home)
    out = [Evidence(kind="edge", id=f"GREW_UP_IN:{person_key}->{home_key}", type="GREW_UP_IN",
                    source=person_key, target=home_key, label="成长地"),
           Evidence(kind="node", id=home_key, type="Region", label=home)]
    current = home
    for parent in ctx.snap.region_ancestors(home):
        if current == area:
            break
        out.append(Evidence(kind="edge", id=f"WITHIN:region/{current}->region/{parent}",
                            type="WITHIN", source=f"region/{current}", target=f"region/{parent}"))
        out.append(Evidence(kind="node", id=f"region/{parent}", type="Region", label=parent))
        current = parent
    return out


def region_findings(ctx: Context, person_ids: set[str] | None = None) -> Iterator[Finding]:
    snap = ctx.snap
    for rule_id in RULES:
        rule = ctx.rules.rule(rule_id)
        if not rule.enabled:
            continue
        kinds, level = set(rule.param("unit_kinds")), rule.param("level")
        for post_id in snap.held_posts(person_ids):
            post, holders = snap.posts[post_id], snap.holders[post_id]
            unit = snap.units.get(post.unit_id)
            if post.role.value != "principal" or unit is None or unit.kind.value not in kinds:
                continue
            area = unit.region_code
            if not is_region_code(area) or region_level(str(area)) != level:
                continue
            for person_id in holders:
                if person_ids is not None and person_id not in person_ids:
                    continue
                person = ctx.person(person_id)
                home = person.home_region if person else None
                if home is None or not is_region_code(home) or not ctx.snap.within(home, str(area)):
                    continue
                unit_key = node_key("Unit", unit.id)
                evidence = [ctx.person_node(person_id), *ctx.holding(person_id, post_id),
                            Evidence(kind="edge", id=f"IN_UNIT:post/{post_id}->{unit_key}",
                                     type="IN_UNIT", source=f"post/{post_id}", target=unit_key),
                            ctx.unit_node(unit.id),
                            Evidence(kind="edge", id=f"IN_REGION:{unit_key}->region/{area}",
                                     type="IN_REGION", source=unit_key, target=f"region/{area}"),
                            *_region_path(ctx, person_id, home, str(area))]
                yield make(rule, [person_id], posts=[post_id], evidence=evidence,
                           mover=person_id, relation="成长地",
                           detail=f"{ctx.name(person_id)}成长地{home}在{unit.name}辖区{area}内")
