"""Townships, minor (副科) units, institutions and enterprises of a block."""

from __future__ import annotations

import random

from ingest.generate.builder import Builder
from ingest.generate.catalog import (
    ENTERPRISES,
    INSTITUTIONS,
    MINOR_UNITS,
    TOWNSHIP_INSTITUTIONS,
    Inst,
)
from ingest.generate.entities import ENTERPRISE, INSTITUTION, ORGAN, GUnit
from ingest.generate.plan import COUNTY_CADRES, BlockSpec
from ingest.generate.profile import Profile
from ingest.generate.teams import Team

_TOWN_MEMBERS = (("纪委书记", "discipline"), ("组织委员", "organization"), ("宣传委员", "general"),
                 ("人大主席", "general"), ("武装部长", "general"), ("统战委员", "general"),
                 ("政法委员", "general"), ("人大副主席", "general"), ("党委委员", "general"))


def township_units(b: Builder, prof: Profile, spec: BlockSpec, code: str, name: str,
                   pc: GUnit, gov: GUnit) -> tuple[GUnit, GUnit]:
    party = b.unit(f"中共{spec.name}{name}委员会", "township", prof.dept, ORGAN, parent=pc,
                   region=code, avoid="township", tag="town_pc")
    town_gov = b.unit(f"{spec.name}{name}人民政府", "township", prof.dept, ORGAN, parent=gov,
                      region=code, avoid="township", tag="town_gov")
    return party, town_gov


def township_posts(b: Builder, prof: Profile, party: GUnit, gov: GUnit, team: Team) -> None:
    x = gov.name[-5]  # 镇 or 乡
    b.post(party, "党委书记", prof.dept, "principal")
    head = b.post(gov, f"{x}长", prof.dept, "principal")
    b.post(party, "党委副书记", prof.dept_deputy, "deputy", concurrent=head)
    b.post(party, "党委副书记", prof.dept_deputy, "deputy")
    for i in range(team.members):
        title, fn = _TOWN_MEMBERS[i % len(_TOWN_MEMBERS)]
        rank = prof.dept if title == "人大主席" else prof.dept_deputy
        b.post(party, title, rank, "member", function=fn)
    for _ in range(team.deputies):
        b.post(gov, f"副{x}长", prof.dept_deputy, "deputy")
    office = b.post(party, "党政办公室主任", prof.div_head, "staff")
    b.post(party, "党政办公室科员", "科员", "staff", weight=0.6, reports_to=office)
    b.post(party, "组织干事", "科员", "staff", function="organization", weight=0.15)
    b.post(party, "纪检干事", "科员", "staff", function="discipline", weight=0.1)
    finance = b.post(gov, "财政所所长", prof.div_head, "staff", function="finance")
    b.post(gov, "财政所科员", "科员", "staff", function="finance", weight=0.2, reports_to=finance)
    b.post(gov, "经济发展办公室科员", "科员", "staff", weight=0.45)
    b.post(gov, "社会事务办公室科员", "科员", "staff", weight=0.45)


def minor_units(b: Builder, prof: Profile, spec: BlockSpec, gov: GUnit, count: int) -> list[GUnit]:
    out = []
    for inst in MINOR_UNITS[:count]:
        unit = b.unit(spec.name + inst.name, "institution", prof.minor_head, INSTITUTION,
                      parent=gov, tag="minor")
        _institution_posts(b, unit, inst, prof.minor_head, prof.minor_deputy)
        out.append(unit)
    return out


def institutions(b: Builder, prof: Profile, spec: BlockSpec, depts: dict[str, GUnit],
                 towns: list[tuple[GUnit, GUnit]], rng: random.Random) -> None:
    count = max(6, min(len(INSTITUTIONS), round(len(INSTITUTIONS) * spec.cadres / COUNTY_CADRES)))
    fallback = depts.get("教育局") or depts["政府办"]
    for inst in INSTITUTIONS[:count]:
        parent = depts.get(inst.parent) or fallback
        unit = b.unit(spec.name + inst.name, "institution", prof.inst_level, INSTITUTION,
                      parent=parent, tag="inst")
        _institution_posts(b, unit, inst, prof.inst_head, prof.inst_deputy)
    for _, town_gov in towns:
        place = town_gov.name[:-4]
        for inst in TOWNSHIP_INSTITUTIONS:
            parent = depts.get(inst.parent) or fallback
            unit = b.unit(place + inst.name, "institution", prof.inst_level, INSTITUTION,
                          parent=parent, region=town_gov.region, tag="inst")
            weight = inst.weight * rng.uniform(0.7, 1.3)
            _institution_posts(b, unit, Inst(inst.name, inst.parent, inst.family, weight),
                               prof.inst_head, prof.inst_deputy)


def _titles(inst: Inst) -> tuple[str, str]:
    if inst.name.endswith("幼儿园"):
        return "园长", "副园长"
    if inst.family == "edu" and not inst.name.endswith("中心"):
        return "校长", "副校长"
    if inst.name.endswith(("院", "医院")):
        return "院长", "副院长"
    if inst.name.endswith("馆"):
        return "馆长", "副馆长"
    return "主任", "副主任"


def _institution_posts(b: Builder, unit: GUnit, inst: Inst, head_rank: str,
                       deputy_rank: str) -> None:
    fam, w = inst.family, inst.weight
    head, deputy = _titles(inst)
    b.post(unit, head, head_rank, "principal", family=fam)
    for _ in range(1 + (w >= 60) + (w >= 150)):
        b.post(unit, deputy, deputy_rank, "deputy", family=fam)
    if w >= 100:
        b.post(unit, "党总支书记", deputy_rank, "member", family=fam)
    b.post(unit, "办公室科员", "科员", "staff", weight=w * 0.06)
    b.post(unit, "财务科科员", "科员", "staff", function="finance", weight=w * 0.04)
    if w >= 100:
        b.post(unit, "人事科科员", "科员", "staff", function="personnel", weight=w * 0.02)
    jobs = {"edu": (("教师", 0.88),), "med": (("医师", 0.45), ("护士", 0.43))}
    for title, share in jobs.get(fam, (("专业技术人员", 0.88),)):
        b.post(unit, title, "科员", "staff", family=fam, weight=w * share)


def enterprises(b: Builder, prof: Profile, spec: BlockSpec, gov: GUnit,
                depts: dict[str, GUnit], count: int) -> None:
    for ent in ENTERPRISES[:count]:
        unit = b.unit(spec.name + ent.name, "enterprise", prof.inst_level, ENTERPRISE,
                      parent=gov, tag="ent")
        regulator = depts.get(ent.parent) or depts["财政局"]
        regulator.regulates.append(unit.idx)
        w = ent.weight
        b.post(unit, "董事长", prof.inst_head, "principal", family="ent")
        b.post(unit, "总经理", prof.inst_deputy, "deputy", family="ent")
        for _ in range(1 + (w >= 100)):
            b.post(unit, "副总经理", prof.inst_deputy, "deputy", family="ent")
        for title, fn, share in (("综合部职员", "general", 0.1), ("财务部职员", "finance", 0.08),
                                 ("人力资源部职员", "personnel", 0.05),
                                 ("业务部职员", "general", 0.77)):
            b.post(unit, title, "科员", "staff", function=fn, family="ent", weight=w * share)
