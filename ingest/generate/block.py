"""One block from spec to CSV text: structure, staff, careers, planted conflicts, kin,
families, people, roles."""

from __future__ import annotations

import random

from ingest.generate.budget import fill_staff
from ingest.generate.careers import Careers
from ingest.generate.context import Block
from ingest.generate.entities import RANK
from ingest.generate.family import Families
from ingest.generate.geo import Geography
from ingest.generate.pairing import pair_everyday
from ingest.generate.people import assign_people
from ingest.generate.plan import BlockSpec
from ingest.generate.plant import plant_kin
from ingest.generate.plant_duty import plant_duty, plant_region
from ingest.generate.pools import Pools
from ingest.generate.prefit import prefit_business
from ingest.generate.retirees import fill_history
from ingest.generate.rows import BlockOutput, render
from ingest.generate.staffing import staff_block
from ingest.generate.structure import build_structure


def build_block(spec: BlockSpec, geo: Geography, seed: int, plant_rate: float,
                as_of: int) -> Block:
    rng = random.Random(f"cadregraph/{seed}/{spec.code}")
    structure = build_structure(spec, rng)
    units, posts = structure.builder.units, structure.builder.posts
    fill_staff(units, posts, spec.cadres, rng)
    persons, current = staff_block(posts, spec.cadres, spec.level == "county", as_of, rng)
    if plant_rate > 0:
        prefit_business(units, posts, persons, current, plant_rate, as_of, rng)
    careers = Careers(units, posts, persons, as_of, rng)
    careers.current(current)
    order = list(range(len(persons)))
    rng.shuffle(order)
    order.sort(key=lambda i: -RANK[posts[careers.spells[persons[i].spells[0]].post].rank])
    careers.history(order, Pools(units, posts, rng))
    fill_history(careers, rng)
    careers.finish()
    block = Block(spec, geo, structure, persons, careers.spells, as_of, rng)
    for s in block.spells:
        unit = units[posts[s.post].unit]
        regions = persons[s.person].avoid_regions
        if unit.avoid and posts[s.post].role == "principal" and unit.region not in regions:
            regions.append(unit.region)
    if plant_rate > 0:
        plant_kin(block, plant_rate)
        plant_region(block, plant_rate)
        plant_duty(block, plant_rate)
    pair_everyday(block)
    families = Families(persons, as_of, rng)
    for a, b, kind in block.links:
        families.link(persons[a], persons[b], kind)
    families.complete(block.cadres())
    assign_people(block)
    return block


def render_block(args: tuple[BlockSpec, Geography, int, float, int]) -> BlockOutput:
    """Build and render one block (the unit of work of a worker process)."""
    return render(build_block(*args))
