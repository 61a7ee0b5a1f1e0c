"""How many cadres of each kind a block has, and how the staff posts share them.

Seed 000: 8,775 cadres, 1,841 in organs (机关), 6,174 in institutions (事业), 760 in enterprises
(企业); 3,559 women; 3,707 not party members; among the 508 section-level leaders 62 women,
8 not party members and 100 under 35.
"""

from __future__ import annotations

import random

from ingest.generate.entities import ENTERPRISE, INSTITUTION, ORGAN, GPost, GUnit
from ingest.generate.plan import COUNTY_CADRES

SHARES = {ORGAN: 1841, ENTERPRISE: 760}
WOMEN, NON_PARTY = 3559, 3707
SECTION_WOMEN, SECTION_NON_PARTY, SECTION_YOUNG = 62, 8, 100


def scaled(full: int, cadres: int) -> int:
    return round(full * cadres / COUNTY_CADRES)


def sector_targets(cadres: int) -> dict[str, int]:
    out = {sector: scaled(full, cadres) for sector, full in SHARES.items()}
    out[INSTITUTION] = cadres - sum(out.values())
    return out


def fill_staff(units: list[GUnit], posts: list[GPost], cadres: int, rng: random.Random) -> None:
    """Set `holders` of the budget-filled staff posts so each sector has its target of cadres;
    give every post its seats (holders plus some vacant ones on staff posts)."""
    targets = sector_targets(cadres)
    leftover = 0
    for sector in (ENTERPRISE, INSTITUTION, ORGAN):
        mine = [p for p in posts if units[p.unit].sector == sector]
        budget = targets[sector] + leftover - sum(
            p.holders for p in mine if not p.weight and p.concurrent is None)
        optional = [p for p in mine if p.role == "staff" and not p.weight and p.holders]
        while budget < 0 and optional:
            optional.pop().holders = 0
            budget += 1
        weighted = [p for p in mine if p.weight]
        leftover = 0
        if not weighted:
            leftover = budget
            continue
        total = sum(p.weight for p in weighted)
        raw = [budget * p.weight / total for p in weighted]
        for p, share in zip(weighted, raw, strict=True):
            p.holders = int(share)
        rest = budget - sum(p.holders for p in weighted)
        order = sorted(range(len(weighted)), key=lambda i: (int(raw[i]) - raw[i], i))
        for i in order[:rest]:
            weighted[i].holders += 1
    for p in posts:
        slack = rng.randint(0, 2) + (2 if p.holders < 2 else 0) if p.weight else 0
        p.seats = [0] * max(p.holders + slack, 1)
