"""Names, places and identity numbers of everyone in a block.

成长地 (grew_up_in) is drawn per person: mostly a township of the home area, else elsewhere in
the province, never inside a jurisdiction whose avoidance post the person held (unless planted:
`home`). Relatives' other attributes are drawn from their age.
"""

from __future__ import annotations

import random

from graph.regions import code_within
from ingest.generate import names
from ingest.generate.context import Block
from ingest.generate.dates import YEAR, year_of
from ingest.generate.entities import RELATIVE, GPerson
from ingest.generate.idnumbers import assign_id_numbers


def _places(block: Block) -> tuple[list[str], list[str]]:
    geo, spec = block.geo, block.spec
    province = geo.counties_of_province(spec.code)
    everywhere = [t for c in province for t in (geo.townships(c) or [c])]
    if spec.level == "county":
        home = [t for t, _ in spec.townships] or [spec.code]
    elif spec.level == "city":
        home = [t for c in geo.children[spec.code] for t in (geo.townships(c) or [c])]
    else:
        home = everywhere
    return home, everywhere


def assign_people(block: Block) -> None:
    rng, persons = block.rng, block.persons
    home, everywhere = _places(block)
    r = rng.random
    for p in persons:
        if p.kind == RELATIVE:
            _relative(p, block.as_of, rng)
            places = home if r() < 0.75 else everywhere
            p.grew_up_in = places[int(r() * len(places))]
            p.birthplace = p.grew_up_in
        else:
            p.grew_up_in = p.home or _grew_up(p, home, everywhere, rng)
            same = p.avoid_regions or rng.random() < 0.85
            p.birthplace = p.grew_up_in if same else rng.choice(home)
        p.native_place = p.birthplace[:6]
    _names(persons, rng)
    assign_id_numbers(persons, block.spec.index, block.spec.blocks, rng)


def _grew_up(p: GPerson, home: list[str], everywhere: list[str], rng: random.Random) -> str:
    for _ in range(30):
        code = rng.choice(home) if rng.random() < 0.75 else rng.choice(everywhere)
        if not any(code_within(code, area) for area in p.avoid_regions):
            return code
    return next(c for c in everywhere if not any(code_within(c, a) for a in p.avoid_regions))


def _relative(p: GPerson, as_of: int, rng: random.Random) -> None:
    age = (as_of - p.birth) / YEAR
    born = year_of(p.birth)
    p.ethnicity = "汉族" if rng.random() < 0.93 else "回族"
    if age < 16:
        p.education, p.party = "", ""
        return
    if born < 1955:
        p.education = rng.choice(("小学", "初中", "初中", "高中", "中专"))
    elif born < 1975:
        p.education = rng.choice(("初中", "高中", "中专", "大专", "本科"))
    else:
        p.education = rng.choice(("高中", "中专", "大专", "本科", "本科", "研究生"))
    p.party = ("共青团员" if age < 28 and rng.random() < 0.4 else
               "中共党员" if rng.random() < 0.15 else "群众")


def _names(persons: list[GPerson], rng: random.Random) -> None:
    for p in persons:
        line = [p]
        while line[-1].father >= 0 and not line[-1].surname:
            line.append(persons[line[-1].father])
        family = line[-1].surname or names.surname(rng)
        for q in line:
            q.surname = family
    for p in persons:
        if p.name:
            continue
        taken = {persons[s].name for s in persons[p.father].children} if p.father >= 0 else set()
        name = p.surname + names.given_name(rng, p.gender)
        while name in taken:
            name = p.surname + names.given_name(rng, p.gender)
        p.name = name
