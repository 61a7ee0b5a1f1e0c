"""The region tree (GB/T 2260 style codes): provinces, cities, counties, townships.

Generated counties get townships; filler cities and counties are listed too, so that people can
have grown up "elsewhere in the province" at a real row of regions.csv.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ingest.generate.names import place_name

PROVINCES = (("36", "江南省"), ("43", "岭东省"), ("52", "云中省"), ("45", "海西省"),
             ("62", "河朔省"), ("35", "闽中省"), ("42", "楚北省"), ("34", "淮南省"))
MIN_CITIES, MIN_COUNTIES = 8, 6


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    parent: str


@dataclass
class Geography:
    regions: list[Region] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)

    def add(self, code: str, name: str, parent: str) -> None:
        self.regions.append(Region(code, name, parent))
        self.names[code] = name
        self.children.setdefault(parent, []).append(code)
        self.children.setdefault(code, [])

    def townships(self, county: str) -> list[str]:
        return [c for c in self.children.get(county, []) if len(c) == 9]

    def counties_of_province(self, code: str) -> list[str]:
        prov = code[:2] + "0000"
        return [c for city in self.children.get(prov, []) for c in self.children.get(city, [])]


def _unique(rng: random.Random, taken: set[str], suffix: str) -> str:
    while True:
        name = place_name(rng) + suffix
        if name not in taken:
            taken.add(name)
            return name


def build_geography(seed: int, layout: list[list[list[int]]]) -> Geography:
    """`layout[p][c]` lists, per generated county of city c of province p, its township count."""
    rng = random.Random(f"geo/{seed}")
    geo = Geography()
    for p, cities in enumerate(layout):
        prefix, pname = PROVINCES[p % len(PROVINCES)]
        if p >= len(PROVINCES):
            prefix = str(11 + p)
        prov = prefix + "0000"
        geo.add(prov, pname, "")
        city_names: set[str] = set()
        for c in range(max(len(cities), MIN_CITIES)):
            city = f"{prefix}{c + 1:02d}00"
            geo.add(city, _unique(rng, city_names, "市"), prov)
            counties = cities[c] if c < len(cities) else []
            county_names: set[str] = set()
            for k in range(max(len(counties), MIN_COUNTIES)):
                county = f"{city[:4]}{21 + k:02d}"
                geo.add(county, _unique(rng, county_names, "县"), city)
                town_names: set[str] = set()
                for t in range(counties[k] if k < len(counties) else 0):
                    town = rng.random() < 0.75
                    code = f"{county}{(101 if town else 201) + t:03d}"
                    geo.add(code, _unique(rng, town_names, "镇" if town else "乡"), county)
    return geo
