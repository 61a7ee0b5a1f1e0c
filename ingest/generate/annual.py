"""assessments.csv (annual grades) and trainings.csv.

Grades: mostly 称职, about 15% 优秀, rarely 基本称职/不称职 - the rare ones only for staff who
were not promoted afterwards (ASSESS-BLOCK stays quiet). Trainings: 90+ days within the five
years before each promotion to a leading post (PROMO-TRAINING), else within the year after;
short courses for others.
"""

from __future__ import annotations

from ingest.generate.context import Block
from ingest.generate.dates import INF, days, jan1, year_of
from ingest.generate.entities import CADRE

Assessment = tuple[int, int, str]
Training = tuple[int, int, int, int, str]
_SCHOOLS = {"county": "县委党校", "city": "市委党校", "province": "省委党校"}
_COURSES = ("干部教育培训中心", "行政学院", "干部网络学院")


def assessments(block: Block, years: int = 5) -> list[Assessment]:
    rng, out = block.rng, []
    last = year_of(block.as_of) - 1
    for p in block.persons:
        if p.kind != CADRE:
            continue
        spells = [block.spells[i] for i in p.spells]
        latest = max(s.start for s in spells)
        led = any(block.posts[s.post].leading for s in spells)
        for year in range(max(year_of(p.work_start) + 1, last - years + 1), last + 1):
            r = rng.random()
            grade = "优秀" if r < 0.15 else "称职"
            if r > 0.985 and not led and latest < jan1(year):
                grade = "不称职" if r > 0.997 else "基本称职"
            out.append((p.idx, year, grade))
    return out


def trainings(block: Block) -> list[Training]:
    rng, out = block.rng, []
    seen: set[tuple[int, object, str]] = set()  # one training per person, start and school
    area = block.spec.name
    school = area[:-1] + _SCHOOLS[block.spec.level]
    for p in block.persons:
        if p.kind != CADRE:
            continue
        for i in p.spells:
            s = block.spells[i]
            if not s.promotion:
                continue
            length = rng.randint(90, 120)
            start = s.start - days(rng.uniform(0.3, 4.3)) - length
            if start < p.work_start:
                start = s.start + rng.randint(10, 200)
            if start + length < block.as_of and (p.idx, start, school) not in seen:
                seen.add((p.idx, start, school))
                out.append((p.idx, start, start + length - 1, length, school))
        current = max(block.spells[i].start for i in p.spells)
        if rng.random() < 0.3 and current < block.as_of - 400 and block.spells[
                p.spells[-1]].end == INF:
            start = block.as_of - rng.randint(30, 1000)
            length = rng.randint(3, 15)
            if start + length < block.as_of and start > p.work_start:
                out.append((p.idx, start, start + length - 1, length,
                            area + rng.choice(_COURSES)))
    return out
