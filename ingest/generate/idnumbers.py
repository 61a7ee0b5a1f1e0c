"""Identity numbers unique across the whole bundle.

A number is region + birth date + a 3-digit sequence (odd for men) + check digit. Each block
owns its own share of the 500 sequences per sex (block i of n: sequences 2q and 2q+1 for q in
[i*k, (i+1)*k), k = 500 // n), so blocks never collide while there are at most 500 of them
(about 4 million cadres); within a block the rare person whose region, birth date and sex have
used up the block's share is recorded as born a day earlier.
"""

from __future__ import annotations

import random

from ingest.generate.dates import iso
from ingest.generate.entities import GPerson
from ingest.generate.idcard import check_of_sum, weighted


def assign_id_numbers(persons: list[GPerson], block: int, blocks: int,
                      rng: random.Random) -> None:
    share = max(1, 500 // max(blocks, 1))
    base = (block * share) % 500
    used: set[str] = set()
    regions: dict[str, int] = {}
    births: dict[int, tuple[str, int]] = {}
    for p in persons:
        region = p.birthplace[:6]
        head = regions.get(region)
        if head is None:
            head = regions[region] = weighted(region, 0)
        odd = p.gender == "M"
        while True:
            born = births.get(p.birth)
            if born is None:
                text = iso(p.birth).replace("-", "")
                born = births[p.birth] = (text, weighted(text, 6))
            first = int(rng.random() * share)
            for j in range(share):
                seq = 2 * (base + (first + j) % share) + odd
                body = f"{region}{born[0]}{seq:03d}"
                if body not in used:
                    break
            else:
                p.birth -= 1
                continue
            break
        used.add(body)
        tail = 8 * (seq // 100) + 4 * (seq // 10 % 10) + 2 * (seq % 10)
        p.id_number = body + check_of_sum(head + born[1] + tail)
