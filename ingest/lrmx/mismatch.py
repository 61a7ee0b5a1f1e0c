"""Where a form disagrees with the person already in the graph (input to RECORD-MISMATCH).

For a person that already exists (same ID number), each disagreement on birth month, work
start, party entry or education is recorded on the person as
`extra["mismatch:<field>"] = "<graph value> vs <lrmx value> (<file>)"`; the graph's own
value stays. Missing values are not disagreements (the form fills the gap instead).
- birth_month, work_start: year and month compared (`1970-03`);
- party_entry: the graph's `party_entry` / `入党时间` / `RuDangShiJian` extra, when both are dates;
- education: the graph's category (研究生/大学/大专/…) must be the form's 全日制 or 在职 one.
"""

from __future__ import annotations

from datetime import date

from graph.model import Person
from ingest.lrmx.dates import month_or_none
from ingest.lrmx.person_map import education_level
from ingest.lrmx.record import LrmxRecord

KEY = "mismatch:"
PARTY_KEYS = ("party_entry", "入党时间", "RuDangShiJian")


def _month(day: date | None) -> str | None:
    return None if day is None else f"{day.year}-{day.month:02d}"


def _entry(raw: str, known: str | None, written: str | None, source: str) -> dict[str, str]:
    if known is None or written is None or known == written:
        return {}
    return {KEY + raw: f"{known} vs {written} ({source})"}


def mismatches(existing: Person, record: LrmxRecord) -> dict[str, str]:
    source = record.source
    out = _entry("birth_month", _month(existing.birth_date), _month(record.birth_month), source)
    out |= _entry("work_start", _month(existing.work_start), _month(record.work_start_month),
                  source)
    known_party = next((existing.extra[k] for k in PARTY_KEYS if existing.extra.get(k)), None)
    out |= _entry("party_entry", _month(month_or_none(known_party)),
                  _month(record.party_entry_month), source)
    mine = education_level(existing.education)
    forms = [lv for lv in (education_level(record.fulltime_education),
                           education_level(record.parttime_education)) if lv]
    if mine and forms and mine[1] not in {lv[1] for lv in forms}:
        written = "/".join(t for t in (record.fulltime_education, record.parttime_education)
                           if t and t.strip())
        out[KEY + "education"] = f"{existing.education} vs {written} ({source})"
    return out


def combine_person(existing: Person, fresh: Person, record: LrmxRecord) -> Person:
    """The existing person, its gaps filled from the form, and the form's extras and
    disagreements replacing those of an earlier form (other extras stay)."""
    data = existing.model_dump()
    for name, value in fresh.model_dump().items():
        if name not in ("id", "extra") and data.get(name) is None and value is not None:
            data[name] = value
    kept = {k: v for k, v in existing.extra.items() if not k.startswith(("lrmx:", KEY))}
    data["extra"] = {**kept, **fresh.extra, **mismatches(existing, record)}
    return Person.model_validate(data)
