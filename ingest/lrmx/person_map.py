"""The form's own person: typed fields read from the record, every element kept in extra.

Extra keys: `lrmx:<Tag>` holds each scalar element's raw text exactly as written (also the
empty ones), `lrmx:extra_nodes` the verbatim nodes (JSON), `lrmx:attributes` and
`lrmx:namespaces` the root element's, `lrmx:source` the file. Family members live on the
kinship records (see `family`). Derived values:
- party (政治面貌): 中共党员 when 入党时间 is a date, the text itself when it is a status
  (群众, 民盟盟员), else none;
- education (学历): the higher of 全日制 and 在职 education, as 研究生/大学/大专/中专/高中/
  初中 (中央党校研究生 counts as 研究生).
"""

from __future__ import annotations

import json
import re
from typing import Any

from graph.ids import record_id
from graph.model import Person
from graph.vocab import Gender, parse_enum
from ingest.lrmx.dates import month_or_none
from ingest.lrmx.record import PERSON_TAGS, LrmxRecord
from ingest.resolve.text import name_key, nfkc

PREFIX = "lrmx:"
SOURCE = "lrmx:source"
EXTRA_NODES = "lrmx:extra_nodes"
ATTRIBUTES = "lrmx:attributes"
NAMESPACES = "lrmx:namespaces"
_LEVELS = (
    (("研究生", "博士", "硕士"), "研究生", 5), (("中专", "中等专", "中技"), "中专", 2),
    (("大专", "专科"), "大专", 3), (("大学", "本科"), "大学", 4), (("高中", "职高"), "高中", 1),
    (("初中",), "初中", 0),
)


def education_level(text: str | None) -> tuple[int, str] | None:
    """(rank, category) of an education text, or None when it names none."""
    value = nfkc(text or "")
    for words, name, rank in _LEVELS:
        if any(w in value for w in words):
            return rank, name
    return None


def highest_education(record: LrmxRecord) -> str | None:
    levels = [lv for lv in (education_level(record.fulltime_education),
                            education_level(record.parttime_education)) if lv]
    return max(levels)[1] if levels else None


def party_of(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    if month_or_none(raw) is not None:
        return "中共党员"
    return None if re.search(r"\d", raw) else raw.strip()


def gender_of(raw: str | None) -> Gender | None:
    try:
        return parse_enum(Gender, raw or "")
    except ValueError:
        return None


def _text(raw: str | None) -> str | None:
    return raw.strip() if raw and raw.strip() else None


def lrmx_extra(record: LrmxRecord) -> dict[str, str]:
    """Every scalar element's raw text and the verbatim nodes, as person extras."""
    extra = {PREFIX + tag: value for tag, attr in PERSON_TAGS.items()
             if (value := getattr(record, attr)) is not None}
    if record.extra:
        extra[EXTRA_NODES] = json.dumps([e.model_dump() for e in record.extra],
                                        ensure_ascii=False)
    if record.person_attributes:
        extra[ATTRIBUTES] = json.dumps(record.person_attributes, ensure_ascii=False)
    if record.person_namespaces:
        extra[NAMESPACES] = json.dumps(record.person_namespaces, ensure_ascii=False)
    extra[SOURCE] = record.source
    return extra


def content_id(record: LrmxRecord) -> str:
    """A stable id for a form without an ID number: from name, sex, birth month, native
    place, birthplace and work start (the same biography gives the same id)."""
    return record_id("lrmx", name_key(record.name or ""), record.gender, record.birth_month,
                     record.native_place, record.birthplace, record.work_start_month)


def person_of(record: LrmxRecord, person_id: str, id_number: str | None) -> Person:
    fields: dict[str, Any] = {
        "id": person_id, "name": (record.name or "").strip(), "gender": gender_of(record.gender),
        "birth_date": record.birth_month, "id_number": id_number,
        "ethnicity": _text(record.ethnicity), "native_place": _text(record.native_place),
        "birthplace": _text(record.birthplace), "party": party_of(record.party_entry_raw),
        "education": highest_education(record), "work_start": record.work_start_month,
        "retirement_date": record.retirement_month, "extra": lrmx_extra(record)}
    return Person.model_validate(fields)
