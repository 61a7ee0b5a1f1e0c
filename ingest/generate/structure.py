"""The units and posts of one block: party committee, government, congress, CPPCC, departments
with internal divisions, townships (counties only), institutions and enterprises."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ingest.generate import lower
from ingest.generate.builder import Builder
from ingest.generate.catalog import DEPARTMENTS, Dept
from ingest.generate.entities import ORGAN, GPost, GUnit
from ingest.generate.plan import COUNTY_CADRES, BlockSpec, unit_id
from ingest.generate.profile import PROFILES, Profile, division_titles
from ingest.generate.teams import Team, department_team, township_team, tune

SECTION_LEADERS = 508


@dataclass
class Structure:
    builder: Builder
    profile: Profile
    secretary: GPost
    standing: GUnit
    gov: GUnit
    vices: list[GPost] = field(default_factory=list)
    depts: dict[str, GUnit] = field(default_factory=dict)


def _scaled(spec: BlockSpec, full: int, low: int) -> int:
    return max(low, min(full, round(full * spec.cadres / COUNTY_CADRES)))


def build_structure(spec: BlockSpec, rng: random.Random) -> Structure:
    prof = PROFILES[spec.level]
    b = Builder(spec)
    area, x = spec.name, prof.x
    avoid = spec.level if spec.level in ("county", "city") else ""
    up = spec.parent_code

    def top(name: str, kind: str, number: int, tag: str, av: str = "") -> GUnit:
        return b.unit(name, kind, spec.level, ORGAN, parent_id=unit_id(up, number) if up else "",
                      avoid=av, tag=tag)

    pc = top(f"中共{area}委员会", "party_committee", 1, "standing", avoid)
    gov = top(f"{area}人民政府", "government", 2, "gov", avoid)
    congress = top(f"{area}人大常委会", "people_congress", 3, "congress")
    cppcc = top(f"政协{area}委员会", "cppcc", 4, "cppcc")
    parents = {"party": pc, "gov": gov, "congress": congress}
    chosen = DEPARTMENTS[:_scaled(spec, len(DEPARTMENTS), 12)]
    depts: dict[str, GUnit] = {}
    for d in chosen:
        name = d.name.replace("{p}", f"中共{area}委") if "{p}" in d.name else area + (
            prof.dept_name(d.name))
        depts[d.key] = b.unit(name, d.kind, prof.dept, ORGAN, parent=parents[d.parent],
                              avoid=avoid if d.avoid else "", tag=d.key)
    towns = [lower.township_units(b, prof, spec, code, tname, pc, gov)
             for code, tname in spec.townships]
    minors = lower.minor_units(b, prof, spec, gov, _scaled(spec, 5, 1))
    teams = [department_team() for _ in chosen]
    town_teams = [township_team() for _ in towns]
    fixed = 3 * len(towns) + sum(not d.standing for d in chosen) + len(minors)
    target = (round(SECTION_LEADERS * spec.cadres / COUNTY_CADRES)
              if spec.level == "county" else None)
    tune([*teams, *town_teams], fixed, target)

    secretary = b.post(pc, f"{x}委书记", prof.top, "principal", key=True)
    head = b.post(gov, f"{x}长", prof.top, "principal", key=True)
    b.post(pc, f"{x}委副书记", prof.top_deputy, "deputy", concurrent=head, key=True)
    b.post(pc, f"{x}委副书记", prof.top_deputy, "deputy", key=True)
    executive = b.post(gov, f"常务副{x}长", prof.top_deputy, "deputy", key=True)
    vices = [b.post(gov, f"副{x}长", prof.top_deputy, "deputy", key=True)
             for _ in range(_scaled(spec, 5, 3))]
    for unit, chair, vice in ((congress, "人大常委会主任", "人大常委会副主任"),
                              (cppcc, "政协主席", "政协副主席")):
        b.post(unit, chair, prof.top, "principal")
        for _ in range(3):
            b.post(unit, vice, prof.top_deputy, "deputy")
        b.post(unit, f"{chair[:-2]}办公室科员", "科员", "staff", weight=0.5)
    heads = {d.key: _department_posts(b, prof, depts[d.key], d, team, rng)
             for d, team in zip(chosen, teams, strict=True)}
    for d in chosen:
        if d.standing:
            b.post(pc, f"{x}委常委", prof.top_deputy, "member", concurrent=heads[d.key], key=True)
    b.post(pc, f"{x}委常委", prof.top_deputy, "member", concurrent=executive, key=True)
    b.post(pc, f"{x}委常委", prof.top_deputy, "member", key=True)
    for (party, town_gov), team in zip(towns, town_teams, strict=True):
        lower.township_posts(b, prof, party, town_gov, team)
    legal = heads.get("政法委", executive)
    overseers = {"exec": executive, "head": head, "legal": legal}
    for i, d in enumerate(chosen):
        if d.oversight:
            who = overseers.get(d.oversight) or vices[i % len(vices)]
            who.oversees.append(depts[d.key].idx)
    for i, unit in enumerate(minors):
        vices[(i + 1) % len(vices)].oversees.append(unit.idx)
    lower.institutions(b, prof, spec, depts, towns, rng)
    lower.enterprises(b, prof, spec, gov, depts, _scaled(spec, 8, 2))
    return Structure(b, prof, secretary, pc, gov, vices, depts)


def _department_posts(b: Builder, prof: Profile, unit: GUnit, d: Dept, team: Team,
                      rng: random.Random) -> GPost:
    fn = d.function or "general"
    key = d.key == "组织部"
    rank = prof.top_deputy if d.standing else prof.dept
    head = b.post(unit, prof.head_title(d.head), rank, "principal", function=fn, key=key)
    for _ in range(team.deputies):
        b.post(unit, prof.head_title(d.deputy), prof.dept_deputy, "deputy", function=fn, key=key)
    for i in range(team.members):
        b.post(unit, d.members[i % len(d.members)], prof.dept_deputy, "member", function=fn,
               key=key)
    for name, dfn in d.divisions:
        fn_div = dfn if dfn != "general" else fn
        title, deputy, staff = division_titles(prof.division_name(name))
        chief = b.post(unit, title, prof.div_head, "staff", function=fn_div, key=key)
        if rng.random() < 0.9:
            b.post(unit, deputy, prof.div_deputy, "staff", function=fn_div, reports_to=chief,
                   key=key)
        b.post(unit, staff, "科员", "staff", function=fn_div, weight=d.weight,
               reports_to=chief, key=key)
    return head
