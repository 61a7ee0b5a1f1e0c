"""The current cadres of a block: one per filled seat, with sex, age, party and education drawn
so the block's totals match seed 000's proportions exactly."""

from __future__ import annotations

import random

from ingest.generate import budget as bg
from ingest.generate.dates import days
from ingest.generate.entities import CADRE, RANK, SECTION, GPerson, GPost

AGES = {"科员": (22, 59), "副股": (26, 58), "正股": (28, 58), "副科": (30, 56), "正科": (35, 57),
        "副处": (40, 57), "正处": (44, 57), "副厅": (46, 58), "正厅": (49, 59), "副部": (52, 59),
        "正部": (55, 59)}
WORK_AGE = {"研究生": 25.0, "本科": 22.0, "大专": 21.0, "中专": 18.5, "高中": 18.5}
_Choices = tuple[tuple[str, ...], tuple[int, ...]]
_EDU_LEAD: _Choices = (("研究生", "本科", "大专"), (20, 65, 15))
_EDU_MID: _Choices = (("研究生", "本科", "大专"), (5, 60, 35))
_EDU_STAFF: _Choices = (("研究生", "本科", "大专", "中专", "高中"), (6, 52, 28, 9, 5))
_DOWN = {"研究生": "本科", "本科": "大专", "大专": "中专", "中专": "高中", "高中": "高中"}
_PARTIES = ("民盟盟员", "九三学社社员", "民进会员", "农工党党员", "无党派人士")
_MINORITIES = ("回族", "满族", "土家族", "苗族", "壮族", "畲族", "蒙古族", "瑶族")


def staff_block(posts: list[GPost], cadres: int, county: bool, as_of: int,
                rng: random.Random) -> tuple[list[GPerson], list[tuple[int, int, int]]]:
    """Cadres (persons 0..n-1) and the current seats they hold: (person, post, seat)."""
    persons: list[GPerson] = []
    current: list[tuple[int, int, int]] = []
    holder: dict[int, int] = {}
    for post in posts:
        if post.concurrent is None:
            for seat in range(post.holders):
                person = GPerson(len(persons), "M", 0, CADRE)
                persons.append(person)
                current.append((person.idx, post.idx, seat))
                holder.setdefault(post.idx, person.idx)
    for post in posts:
        if post.concurrent is not None:
            post.holders = 1 if post.concurrent in holder else 0
            if post.holders:
                current.append((holder[post.concurrent], post.idx, 0))
    primary = {p: posts[q] for p, q, _ in reversed(current)}
    section = [p for p in persons if county and primary[p.idx].leading
               and primary[p.idx].rank in SECTION]
    _attributes(persons, primary, section, cadres, as_of, rng)
    return persons, current


def _pick(rng: random.Random, pool: list[GPerson], k: int) -> set[int]:
    return {p.idx for p in rng.sample(pool, max(0, min(k, len(pool))))}


def _attributes(persons: list[GPerson], primary: dict[int, GPost], section: list[GPerson],
                cadres: int, as_of: int, rng: random.Random) -> None:
    in_section = {p.idx for p in section}
    staff = [p for p in persons if not primary[p.idx].leading]
    women = _pick(rng, section, bg.scaled(bg.SECTION_WOMEN, cadres))
    non_party = _pick(rng, section, bg.scaled(bg.SECTION_NON_PARTY, cadres))
    young = _pick(rng, sorted(section, key=lambda p: primary[p.idx].rank != "副科")[
        :max(len(section) // 2, 1)], bg.scaled(bg.SECTION_YOUNG, cadres))
    for p in persons:
        post = primary[p.idx]
        if p.idx not in in_section and post.leading:
            senior = RANK[post.rank] >= RANK["副处"]
            if rng.random() < (0.1 if senior else 0.18):
                women.add(p.idx)
            if not senior and rng.random() < 0.04:
                non_party.add(p.idx)
    women |= _pick(rng, staff, bg.scaled(bg.WOMEN, cadres) - len(women))
    non_party |= _pick(rng, staff, bg.scaled(bg.NON_PARTY, cadres) - len(non_party))
    for p in persons:
        post = primary[p.idx]
        p.gender = "F" if p.idx in women else "M"
        lo, hi = float(AGES[post.rank][0]), float(AGES[post.rank][1])
        if p.gender == "F" and RANK[post.rank] < RANK["副处"]:
            hi = 54
        if p.idx in young:
            lo, hi = 29, 34.9
        elif p.idx in in_section:
            lo = max(lo, 35)
        age = rng.triangular(lo, hi + 0.9, lo + 0.45 * (hi - lo))
        p.birth = as_of - days(age)
        p.party = _party(p.idx in non_party, post.leading, age, rng)
        p.ethnicity = "汉族" if rng.random() < 0.93 else rng.choice(_MINORITIES)
        p.education = _education(post, age, rng)
        while age < WORK_AGE[p.education] + 0.3:
            p.education = _DOWN[p.education]
        p.work_start = p.birth + days(WORK_AGE[p.education] + rng.uniform(0, 1.2))
        p.work_start = min(p.work_start, as_of - 30)


def _party(non: bool, leading: bool, age: float, rng: random.Random) -> str:
    if not non:
        return "中共党员"
    if leading or rng.random() < 0.06:
        return rng.choice(_PARTIES)
    return "共青团员" if age < 28 and rng.random() < 0.5 else "群众"


def _education(post: GPost, age: float, rng: random.Random) -> str:
    if post.leading:
        choices, weights = _EDU_LEAD
    elif post.rank != "科员":
        choices, weights = _EDU_MID
    else:
        choices, weights = _EDU_STAFF
    edu = rng.choices(choices, weights)[0]
    if age > 50 and edu in ("研究生", "本科") and rng.random() < 0.4:
        edu = _DOWN[edu]
    return edu
