"""How a number of cadres splits into blocks: counties, the cities above them, provinces.

A block is generated on its own (own random stream, own people): a county of at most 8,775
cadres, a city's own organs, a province's own organs. Counties and cities point at the units of
the block above them by predictable ids.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from ingest.generate.geo import Geography, build_geography

COUNTY_CADRES = 8775
CITY_CADRES = 1500
PROVINCE_CADRES = 3000
COUNTIES_PER_CITY = 8
CITIES_PER_PROVINCE = 16
MIN_CADRES = 500


@dataclass(frozen=True, slots=True)
class BlockSpec:
    index: int
    level: str
    """'county', 'city' or 'province'."""
    code: str
    name: str
    cadres: int
    parent_code: str
    """The block whose party committee and government are this block's parents ('' = none)."""
    townships: tuple[tuple[str, str], ...] = ()
    """(code, name) of each township of a county."""
    blocks: int = 1
    """How many blocks the bundle has."""


def unit_id(code: str, number: int) -> str:
    return f"U{code}{number:03d}"


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def township_count(cadres: int) -> int:
    return max(2, min(12, round(12 * cadres / COUNTY_CADRES)))


def plan(cadres: int, seed: int) -> tuple[list[BlockSpec], Geography]:
    if cadres < MIN_CADRES:
        raise ValueError(f"cadres must be at least {MIN_CADRES}, not {cadres}")
    counties = math.ceil(cadres / COUNTY_CADRES)
    cities = math.ceil(counties / COUNTIES_PER_CITY) if counties > 1 else 0
    provinces = math.ceil(cities / CITIES_PER_PROVINCE) if cities > 1 else 0
    upper = cities * CITY_CADRES + provinces * PROVINCE_CADRES
    county_sizes = _split(cadres - upper, counties)
    per_city = _split(counties, max(cities, 1))
    per_province = _split(max(cities, 1), max(provinces, 1))
    layout: list[list[list[int]]] = []
    sizes = iter(county_sizes)
    city_sizes: list[list[list[int]]] = []
    city_index = 0
    for n_cities in per_province:
        layout.append([])
        city_sizes.append([])
        for _ in range(n_cities):
            own = [next(sizes) for _ in range(per_city[city_index])]
            city_index += 1
            layout[-1].append([township_count(n) for n in own])
            city_sizes[-1].append(own)
    geo = build_geography(seed, layout)
    blocks: list[BlockSpec] = []

    def add(level: str, code: str, n: int, parent: str,
            towns: tuple[tuple[str, str], ...] = ()) -> None:
        blocks.append(BlockSpec(len(blocks), level, code, geo.names[code], n, parent, towns))

    for p, prov_cities in enumerate(city_sizes):
        prov = geo.regions[0].code if p == 0 else _province_code(geo, p)
        if provinces:
            add("province", prov, PROVINCE_CADRES, "")
        for c, own in enumerate(prov_cities):
            city = geo.children[prov][c]
            if cities:
                add("city", city, CITY_CADRES, prov if provinces else "")
            for k, n in enumerate(own):
                county = geo.children[city][k]
                towns = tuple((t, geo.names[t]) for t in geo.townships(county))
                add("county", county, n, city if cities else "", towns)
    return [dataclasses.replace(b, blocks=len(blocks)) for b in blocks], geo


def _province_code(geo: Geography, index: int) -> str:
    return [r.code for r in geo.regions if not r.parent][index]
