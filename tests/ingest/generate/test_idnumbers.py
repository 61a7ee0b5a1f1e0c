"""Identity numbers stay unique across blocks, even for crowded birthdays."""

from __future__ import annotations

import random
from datetime import date

from ingest.generate.entities import GPerson
from ingest.generate.idcard import is_valid
from ingest.generate.idnumbers import assign_id_numbers


def test_unique_across_blocks_and_crowded_days() -> None:
    rng = random.Random(1)
    day = date(1980, 5, 17).toordinal()
    numbers: list[str] = []
    for block in range(3):
        people = [GPerson(i, "MF"[i % 2], day + i % 3) for i in range(900)]
        for p in people:
            p.birthplace = "360121101"
        assign_id_numbers(people, block, 3, rng)
        for p in people:
            assert is_valid(p.id_number)
            assert p.id_number[6:14] == date.fromordinal(p.birth).strftime("%Y%m%d")
            assert int(p.id_number[16]) % 2 == (p.gender == "M")
        numbers += [p.id_number for p in people]
    assert len(set(numbers)) == len(numbers)
