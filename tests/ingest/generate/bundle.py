"""Reading a generated bundle back for the tests: plain dicts, no pydantic, and the facts the
checks need (current holdings, kin pairs, units of careers)."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ingest.roster.schema import TABLES

Row = dict[str, str]
LEADING = {"principal", "deputy", "member"}


@dataclass
class Bundle:
    path: Path
    as_of: str = "2026-01-01"
    tables: dict[str, list[Row]] = field(default_factory=dict)
    headers: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Bundle:
        bundle = cls(path)
        for table in TABLES:
            with (path / table.filename).open(encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                names = next(reader)
                bundle.headers[table.name] = names
                bundle.tables[table.name] = [dict(zip(names, row, strict=True))
                                             for row in reader]
        return bundle

    @cached_property
    def planted(self) -> list[dict[str, object]]:
        data = json.loads((self.path / "planted.json").read_text(encoding="utf-8"))
        assert isinstance(data, list)
        return data

    @cached_property
    def units(self) -> dict[str, Row]:
        return {u["unit_id"]: u for u in self.tables["units"]}

    @cached_property
    def posts(self) -> dict[str, Row]:
        return {p["post_id"]: p for p in self.tables["posts"]}

    @cached_property
    def persons(self) -> dict[str, Row]:
        return {p["person_id"]: p for p in self.tables["persons"]}

    def active(self, h: Row, day: str | None = None) -> bool:
        day = day or self.as_of
        return h["start"] <= day and (not h["end"] or day < h["end"])

    @cached_property
    def current(self) -> dict[str, list[Row]]:
        """Person -> holdings active on as_of."""
        out: dict[str, list[Row]] = defaultdict(list)
        for h in self.tables["holdings"]:
            if self.active(h):
                out[h["person_id"]].append(h)
        return out

    @cached_property
    def kin(self) -> dict[str, dict[str, str]]:
        """Person -> {relative: 称谓} as declared."""
        out: dict[str, dict[str, str]] = defaultdict(dict)
        for k in self.tables["kinship"]:
            out[k["person_id"]][k["relative_id"]] = k["relation"]
        return out

    @cached_property
    def kin_components(self) -> dict[str, int]:
        """Person -> id of the connected component of the declared kinship graph."""
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for k in self.tables["kinship"]:
            parent[find(k["person_id"])] = find(k["relative_id"])
        roots: dict[str, int] = {}
        return {x: roots.setdefault(find(x), len(roots)) for x in list(parent)}

    @cached_property
    def holders_of_posts(self) -> set[str]:
        return {h["person_id"] for h in self.tables["holdings"]}

    def cadre_kin_pairs(self) -> set[tuple[str, str]]:
        """Pairs of post holders joined by any chain of declared kinship."""
        groups: dict[int, list[str]] = defaultdict(list)
        for person, comp in self.kin_components.items():
            if person in self.holders_of_posts:
                groups[comp].append(person)
        return {(a, b) for members in groups.values() for a in members for b in members if a < b}

    def careers(self, person: str) -> list[Row]:
        return self._careers.get(person, [])

    @cached_property
    def _careers(self) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = defaultdict(list)
        for h in self.tables["holdings"]:
            out[h["person_id"]].append(h)
        return out
