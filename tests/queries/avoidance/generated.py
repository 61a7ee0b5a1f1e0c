"""Generated roster bundles for the avoidance tests, and their audits per store kind.

Two small bundles keep the store round trips short while covering every planted rule:

* `county`: one county of 1,000 cadres (no city above it), so REGION-COUNTY, REGION-TOWNSHIP,
  the KIN-* and the DUTY-* rules are planted;
* `city`: the city block of a two-county generation (the smallest plan with a city). Blocks
  are generated independently with their own people (ingest/generate/plan.py) and counties
  point up at the city, never the reverse, so the city's rows alone are a closed bundle: the
  only place REGION-CITY is planted. `slice_block` checks the slice is closed.

Each bundle also comes with seeded random edits (`mutate.py`) that create many unplanted
situations, for the brute-force comparison.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph import ops
from graph.model import Bundle
from graph.store.base import GraphStore
from ingest.generate import generate
from ingest.generate.plan import plan
from ingest.roster.load import read_bundle
from queries.avoidance.check import audit
from queries.findings import Finding
from queries.rules import national
from tests.queries.avoidance.mutate import merged, mutate

AS_OF = date(2026, 1, 1)
"""The date the generator's holdings are current on (passed explicitly to `generate`)."""
SEED = 11
MUTATION_SEED = 4
AVOIDANCE_PREFIXES = ("KIN-", "REGION-", "DUTY-")
Key = tuple[str, tuple[str, ...]]

# table -> (id column, prefix letter of the block's ids in it); regions are shared by all.
_BLOCK_COLUMNS = {"units": ("unit_id", "U"), "posts": ("post_id", "P"),
                  "persons": ("person_id", "R"), "holdings": ("person_id", "R"),
                  "kinship": ("person_id", "R"), "roles": ("actor_id", "R"),
                  "assessments": ("person_id", "R"), "trainings": ("person_id", "R")}


@dataclass(frozen=True)
class Planted:
    """One entry of planted.json."""

    rule: str
    persons: tuple[str, ...]
    posts: tuple[str, ...]
    note: str

    def key(self) -> Key:
        return self.rule, self.persons


@dataclass(frozen=True)
class Generated:
    """A generated bundle as loaded (`bundle`), what was planted in it, and the random edits."""

    name: str
    path: Path
    bundle: Bundle
    planted: tuple[Planted, ...]
    edits: Bundle
    """Random edits to upsert over `bundle` (people of planted conflicts left alone)."""
    mutated: Bundle
    """`bundle` after the edits."""
    as_of: date = AS_OF


def read_planted(path: Path) -> tuple[Planted, ...]:
    data = json.loads((path / "planted.json").read_text(encoding="utf-8"))
    return tuple(Planted(str(e["rule"]), tuple(e["persons"]), tuple(e["posts"]), str(e["note"]))
                 for e in data)


def _load(name: str, path: Path) -> Generated:
    bundle, report = read_bundle(path)
    assert [str(r) for r in report.rejects] == [], f"{name}: the bundle must load cleanly"
    planted = read_planted(path)
    edits = mutate(bundle, AS_OF, MUTATION_SEED, {p for e in planted for p in e.persons})
    return Generated(name, path, bundle, planted, edits, merged(bundle, edits))


def county(out: Path) -> Generated:
    generate(out, cadres=1000, seed=SEED, plant_rate=0.5, as_of=AS_OF)
    return _load("county", out)


def _csv_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def slice_block(src: Path, dst: Path, code: str) -> None:
    """Copy the rows of the block `code` (ids U<code>…, P<code>…, R<code>…) and its planted
    entries from the bundle `src` into `dst`."""
    dst.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.glob("*.csv")):
        header, rows = _csv_rows(path)
        column, letter = _BLOCK_COLUMNS.get(path.stem, ("", ""))
        if column:
            i = header.index(column)
            rows = [row for row in rows if row[i].startswith(letter + code)]
        with (dst / path.name).open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows([header, *rows])
    entries = json.loads((src / "planted.json").read_text(encoding="utf-8"))
    mine = [e for e in entries if all(p.startswith("R" + code) for p in e["persons"])]
    (dst / "planted.json").write_text(json.dumps(mine, ensure_ascii=False), encoding="utf-8")


def _closed(gen: Generated) -> None:
    """Every id the slice refers to is in the slice (read_bundle would also reject dangling
    references; this says which)."""
    b = gen.bundle
    units, posts = {u.id for u in b.units}, {p.id for p in b.posts}
    persons = {p.id for p in b.persons}
    assert {u.parent_id for u in b.units if u.parent_id} <= units
    assert {r for u in b.units for r in u.regulates} <= units
    assert {p.unit_id for p in b.posts} | {u for p in b.posts for u in p.oversees} <= units
    assert {p.reports_to for p in b.posts if p.reports_to} <= posts
    assert {h.post_id for h in b.holdings} | {a.post_id for a in b.roles if a.post_id} <= posts
    assert {k.relative_id for k in b.kinship} | {a.candidate_id for a in b.roles} <= persons


def city(work: Path) -> Generated:
    specs, _ = plan(8776, SEED)
    (spec,) = [s for s in specs if s.level == "city"]
    generate(work / "full", cadres=8776, seed=SEED, plant_rate=0.5, as_of=AS_OF)
    slice_block(work / "full", work / "city", spec.code)
    gen = _load("city", work / "city")
    _closed(gen)
    return gen


@dataclass(frozen=True)
class Audits:
    """The engine's findings on a generated bundle, before and after the random edits."""

    generated: list[Finding]
    mutated: list[Finding]


AuditCache = dict[tuple[str, str], Audits]


def audits(store: GraphStore, gen: Generated, cache: AuditCache) -> Audits:
    """Load `gen` into `store`, audit as of the generator's date, upsert the edits, audit
    again. Loading takes most of the time on Neo4j, so this is done once per store kind and
    bundle per session (the answers are deterministic) and shared by the test modules."""
    key = (type(store).__name__, gen.name)
    if key not in cache:
        ops.write_bundle(store, gen.bundle)
        before = audit(store, national(), gen.as_of).findings
        ops.write_bundle(store, gen.edits)
        cache[key] = Audits(before, audit(store, national(), gen.as_of).findings)
    return cache[key]


def avoidance_keys(findings: list[Finding]) -> set[Key]:
    return {f.key() for f in findings if f.rule.startswith(AVOIDANCE_PREFIXES)}
