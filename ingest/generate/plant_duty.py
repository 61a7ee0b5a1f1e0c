"""Planted regional-avoidance and duty conflicts: REGION-COUNTY/-CITY/-TOWNSHIP (a principal
who grew up in the jurisdiction) and DUTY-VOTE/-INSPECT/-RECOMMEND (an act on a relative's
appointment, recorded in roles.csv where the generator otherwise has kin step aside)."""

from __future__ import annotations

from ingest.generate.context import Block, plant_count
from ingest.generate.dates import INF, month_before
from ingest.generate.entities import CADRE, GSpell
from ingest.generate.family import PARENT, SIBLING, SIBLING_SPOUSE, SPOUSE
from ingest.generate.pairing import NOTES, first_fit
from ingest.generate.plant import record

_VERBS = {"vote": "表决", "inspect": "考察", "recommend": "推荐"}
_RULES = (("REGION-COUNTY", "county", "县"), ("REGION-CITY", "city", "市"),
          ("REGION-TOWNSHIP", "township", "乡镇"))


def _inside(block: Block, area: str, level: str) -> list[str]:
    geo = block.geo
    if level == "township":
        return [area]
    counties = [area] if level == "county" else geo.children.get(area, [])
    return [t for c in counties for t in (geo.townships(c) or [c])]


def plant_region(block: Block, rate: float) -> None:
    held = block.holders()
    for rule, level, word in _RULES:
        opps = [u for u in block.units if u.avoid == level and u.principal in held]
        want = plant_count(rate, len(opps))
        block.rng.shuffle(opps)
        for u in opps:
            assert u.principal is not None
            person = held[u.principal][0]
            if want == 0 or not block.free(person):
                continue
            p = block.persons[person]
            homes = _inside(block, u.region, level)
            p.home = block.rng.choice([h for h in homes if h not in p.avoid_regions] or homes)
            post = block.posts[u.principal]
            record(block, rule, [person], [post],
                   f"{u.name}{post.title}的成长地{block.geo.names[p.home]}在本{word}内")
            want -= 1


def plant_duty(block: Block, rate: float) -> None:
    units, posts, rng = block.units, block.posts, block.rng
    secretary = block.structure.secretary.idx
    leading: list[GSpell] = []
    actors: dict[str, list[GSpell]] = {"vote": [], "inspect": [], "recommend": []}
    for s in block.spells:
        if s.end != INF or block.persons[s.person].kind != CADRE:
            continue
        post = posts[s.post]
        tag = units[post.unit].tag
        if post.leading and post.concurrent is None and post.function == "general":
            leading.append(s)
        if tag == "standing" and post.leading and post.idx != secretary:
            actors["vote"].append(s)
        elif tag == "组织部" and post.role == "staff":
            actors["inspect"].append(s)
        elif tag in ("congress", "cppcc") and post.leading:
            actors["recommend"].append(s)
    for role, rule in (("vote", "DUTY-VOTE"), ("inspect", "DUTY-INSPECT"),
                       ("recommend", "DUTY-RECOMMEND")):
        opps = actors[role]
        want = plant_count(rate, len(opps))
        rng.shuffle(opps)
        for act in opps:
            if want == 0:
                break
            if not block.free(act.person):
                continue
            for cand in rng.sample(leading, min(300, len(leading))):
                day = month_before(cand.start)
                if (day < act.start or cand.person == act.person or not block.free(cand.person)
                        or not block.unrelated(act.person, cand.person)):
                    continue
                fit = first_fit((SIBLING, SPOUSE, PARENT, SIBLING_SPOUSE),
                                block.persons[act.person], block.persons[cand.person])
                if fit is None:
                    continue
                block.link(fit[1], fit[2], fit[0])
                block.extra_acts.append((act.person, cand.person, role, cand.post, day))
                post = posts[cand.post]
                record(block, rule, [act.person, cand.person], [post],
                       f"{units[posts[act.post].unit].name}{posts[act.post].title}参与了其"
                       f"{NOTES[fit[0]]}任{units[post.unit].name}"
                       f"{post.title}的{_VERBS[role]}")
                want -= 1
                break
