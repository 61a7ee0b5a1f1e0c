"""A finished block as CSV text per table (columns exactly `ingest.roster.schema.header`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ingest.generate.annual import assessments, trainings
from ingest.generate.context import Act, Block
from ingest.generate.dates import INF, iso
from ingest.generate.entities import CADRE, LEADING
from ingest.generate.kinrows import declarations
from ingest.generate.report import PlantedConflict
from ingest.generate.roles import appointment_acts, reference_acts

Row = Sequence[object]


@dataclass
class BlockOutput:
    texts: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    planted: list[PlantedConflict] = field(default_factory=list)
    cadres: int = 0
    persons: int = 0


def person_id(code: str, idx: int) -> str:
    return f"R{code}{idx:06d}"


def _put(out: BlockOutput, table: str, rows: Iterable[Row]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    before = buf.tell()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    out.texts[table] = buf.getvalue()[before:]
    out.counts[table] = count


def render(block: Block) -> BlockOutput:
    out = BlockOutput()
    code = block.spec.code
    units, posts, persons, spells = block.units, block.posts, block.persons, block.spells
    pid = [person_id(code, p.idx) for p in persons]
    _put(out, "units", ((u.id, u.name, u.parent_id, u.kind, u.level, u.region,
                         ";".join(units[e].id for e in u.regulates)) for u in units))
    _put(out, "posts", ((p.id, units[p.unit].id, p.title, p.rank, p.role, p.function,
                         posts[p.reports_to].id if p.reports_to is not None else "",
                         ";".join(units[u].id for u in p.oversees),
                         1 if p.role in LEADING else max(len(p.seats), 2 if p.weight else 1))
                        for p in posts))
    _put(out, "persons", ((pid[p.idx], p.name, p.gender, iso(p.birth), p.id_number, p.ethnicity,
                           p.native_place, p.birthplace, p.grew_up_in, p.party, p.education,
                           iso(p.work_start) if p.work_start else "", "") for p in persons))
    _put(out, "holdings", ((pid[s.person], posts[s.post].id, iso(s.start),
                            "" if s.end == INF else iso(s.end), s.method,
                            iso(s.probation) if s.probation else "")
                           for p in persons for s in (spells[i] for i in p.spells)))
    cadres = [p for p in persons if p.kind == CADRE]
    _put(out, "kinship", ((pid[c.idx], pid[r], term, "", "") for c in cadres
                          for r, term in declarations(persons, c)))
    acts: list[Act] = [*appointment_acts(block), *block.extra_acts, *reference_acts(block)]
    _put(out, "roles", ((pid[a], pid[c], role, posts[p].id, iso(d)) for a, c, role, p, d in acts))
    _put(out, "assessments", ((pid[p], year, grade) for p, year, grade in assessments(block)))
    _put(out, "trainings", ((pid[p], iso(a), iso(b), n, where)
                            for p, a, b, n, where in trainings(block)))
    out.planted = [PlantedConflict(e.rule, tuple(sorted(pid[i] for i in e.persons)),
                                   tuple(posts[i].id for i in e.posts), e.note)
                   for e in block.planted]
    out.cadres, out.persons = len(cadres), len(persons)
    return out
