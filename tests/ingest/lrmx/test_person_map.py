"""The form's person: typed values, extras, and disagreements with an existing person."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from graph.model import Person
from graph.vocab import Gender
from ingest.lrmx import parse_lrmx
from ingest.lrmx.mismatch import combine_person, mismatches
from ingest.lrmx.person_map import (
    content_id,
    education_level,
    lrmx_extra,
    party_of,
    person_of,
)
from ingest.lrmx.record import PERSON_TAGS
from tests.ingest.lrmx.forms import form


def test_every_element_is_kept(samples: Path) -> None:
    record = parse_lrmx(samples / "zhang_utf8.lrmx", source="zhang_utf8.lrmx")
    extra = lrmx_extra(record)
    present = [tag for tag, attr in PERSON_TAGS.items() if getattr(record, attr) is not None]
    assert all(extra[f"lrmx:{tag}"] == getattr(record, PERSON_TAGS[tag]) for tag in present)
    assert extra["lrmx:source"] == "zhang_utf8.lrmx"


def test_derived_values() -> None:
    assert party_of("1991.06") == "中共党员" and party_of("群众") == "群众"
    assert party_of("1990.13") is None and party_of(" ") is None
    assert education_level("中央党校研究生") == (5, "研究生")
    assert education_level("大学专科") == (3, "大专") and education_level("大学本科") == (4, "大学")
    assert education_level("中等专业学校") == (2, "中专") and education_level("小学") is None
    person = person_of(form("李红", gender="女", birth="1972.5", fulltime_education="大学",
                            parttime_education="在职研究生"), "X", None)
    assert (person.gender, person.birth_date, person.education) == (
        Gender.F, date(1972, 5, 1), "研究生")


def test_content_id_is_stable() -> None:
    assert content_id(form("李红", birth="1972.05")) == content_id(form("李红", birth="197205"))
    assert content_id(form("李红", birth="1972.05")) != content_id(form("李红", birth="1972.06"))


def test_mismatches_only_where_both_have_a_value() -> None:
    existing = Person(id="A1", name="张建国", birth_date=date(1970, 3, 1), education="大学")
    record = form("张建国", birth="1970.03", work_start_raw="1992.07", party_entry_raw="1991.06",
                  fulltime_education="大学本科")
    assert mismatches(existing, record) == {}
    combined = combine_person(existing, person_of(record, "A1", None), record)
    assert combined.work_start == date(1992, 7, 1) and combined.party == "中共党员"
    older = combined.model_copy(update={"extra": {**combined.extra, "lrmx:Old": "x",
                                                  "mismatch:work_start": "old"}})
    again = combine_person(older, person_of(record, "A1", None), record)
    assert "lrmx:Old" not in again.extra and "mismatch:work_start" not in again.extra
