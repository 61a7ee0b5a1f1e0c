"""A person written back as an .lrmx form: the same record again, and derived forms for
persons that never came from one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from graph import ops
from graph.errors import NotFound
from graph.model import Bundle, Person
from graph.store.base import GraphStore
from graph.vocab import Gender
from ingest.lrmx import parse_lrmx
from ingest.lrmx.export import export_lrmx
from ingest.lrmx.load import load_lrmx
from tests.factory import small_county
from tests.ingest.lrmx.forms import ZHANG_ID

SAMPLES = {"zhang_utf8.lrmx": ZHANG_ID, "li_gbk.lrmx": "632901197504020027",
           "wang_utf16.lrmx": "632901198102110035", "broken_family.lrmx": ZHANG_ID,
           "broken_dates.lrmx": ZHANG_ID}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_import_export_parse_gives_the_same_record(store: GraphStore, samples: Path,
                                                   tmp_path: Path, name: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(samples / name, folder / name)
    load_lrmx(store, folder, data_dir=tmp_path / "data", actor="t")
    original = parse_lrmx(samples / name, source="form")
    exported = parse_lrmx(export_lrmx(store, SAMPLES[name]), source="form")
    assert exported == original


def test_graph_values_win_over_the_imported_text(store: GraphStore, samples: Path,
                                                 tmp_path: Path) -> None:
    load_lrmx(store, samples / "zhang_utf8.lrmx", data_dir=tmp_path / "data", actor="t")
    person = ops.get_person(store, ZHANG_ID)
    ops.write_bundle(store, Bundle(persons=[person.model_copy(update={
        "birth_date": date(1970, 4, 1), "ethnicity": "回族"})]))
    record = parse_lrmx(export_lrmx(store, ZHANG_ID), source="x")
    assert (record.birth_month_raw, record.ethnicity) == ("1970.04", "回族")
    assert record.work_start_raw == "1992.07"  # unchanged: written as imported


def test_a_roster_person_gets_a_derived_form(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    record = parse_lrmx(export_lrmx(store, "A1"), source="x")
    assert (record.name, record.gender, record.birth_month_raw) == ("王建国", "男", "1970.05")
    assert record.current_post == "示范县委县委书记"
    assert record.resume_raw == "2021.06--至今  示范县委县委书记"
    assert [(m.relation, m.name, m.birth_raw) for m in record.family] == [
        ("妻子", "李秀英", "1972.03"), ("儿子", "王小军", "1998.02")]
    a3 = parse_lrmx(export_lrmx(store, "A3"), source="x")
    assert a3.annual_reviews == "2024年度优秀"


def test_exporting_a_missing_person(store: GraphStore) -> None:
    ops.write_bundle(store, Bundle(persons=[Person(id="X", name="某", gender=Gender.F)]))
    assert parse_lrmx(export_lrmx(store, "X"), source="x").gender == "女"
    with pytest.raises(NotFound):
        export_lrmx(store, "nobody")
