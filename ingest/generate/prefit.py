"""Making room for planted KIN-BUSINESS conflicts before careers are drawn.

A department head and the head of an enterprise it regulates are rarely of an age and sex to
be spouses by chance, so for as many pairs as will be planted the enterprise head is made the
other sex (trading sex with a staff member, so the block's count of women stays exact) and of
about the department head's age.
"""

from __future__ import annotations

import random

from ingest.generate.context import plant_count
from ingest.generate.dates import days
from ingest.generate.entities import GPerson, GPost, GUnit
from ingest.generate.staffing import AGES, WORK_AGE


def prefit_business(units: list[GUnit], posts: list[GPost], persons: list[GPerson],
                    current: list[tuple[int, int, int]], rate: float, as_of: int,
                    rng: random.Random) -> None:
    holder = {post: person for person, post, _ in current}
    pairs = [(u.principal, units[e].principal) for u in units for e in u.regulates
             if u.principal in holder and units[e].principal in holder]
    staff = [persons[p] for p, post, _ in current if not posts[post].leading]
    for head_post, ent_post in rng.sample(pairs, plant_count(rate, len(pairs))):
        assert head_post is not None and ent_post is not None
        head, boss = persons[holder[head_post]], persons[holder[ent_post]]
        sex = "F" if head.gender == "M" else "M"
        if boss.gender != sex:
            trade = [p for p in staff if p.gender == sex and (as_of - p.birth) < days(54.5)]
            if not trade:
                continue
            rng.choice(trade).gender = boss.gender
            boss.gender = sex
        lo, hi = AGES[posts[ent_post].rank]
        age = (as_of - head.birth) / 365.2425 + rng.uniform(-4, 4)
        age = min(max(age, lo), 54.5 if sex == "F" else hi)
        boss.birth = as_of - days(age)
        boss.work_start = min(boss.birth + days(WORK_AGE[boss.education] + rng.uniform(0, 1)),
                              as_of - 30)
