"""Reading roster bundles: every row loaded or rejected with file, row, field and reason."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from ingest.report import BundleError, LoadReport
from ingest.roster.load import read_bundle
from ingest.roster.write import write_bundle_dir
from tests.factory import small_county


def _bundle_dir(tmp_path: Path) -> Path:
    out = tmp_path / "bundle"
    write_bundle_dir(small_county(), out)
    return out


def _append(path: Path, *rows: list[str]) -> None:
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def _balanced(report: LoadReport) -> None:
    assert report.balanced
    assert report.read == report.loaded + len(report.rejects)


def test_clean_bundle_loads_everything(tmp_path: Path) -> None:
    bundle, report = read_bundle(_bundle_dir(tmp_path))
    assert report.rejects == []
    assert bundle.size() == small_county().size() == report.loaded
    assert bundle.persons[4].extra == {"备注": "挂职"}


def test_missing_required_file(tmp_path: Path) -> None:
    path = _bundle_dir(tmp_path)
    (path / "posts.csv").unlink()
    with pytest.raises(BundleError, match=r"posts\.csv"):
        read_bundle(path)


def test_missing_required_column(tmp_path: Path) -> None:
    path = _bundle_dir(tmp_path)
    (path / "holdings.csv").write_text("person_id,start\nA1,2020-01-01\n", encoding="utf-8")
    with pytest.raises(BundleError, match=r"holdings.csv, row 1: required column missing: post_id"):
        read_bundle(path)


def test_bad_values_name_file_row_field(tmp_path: Path) -> None:
    path = _bundle_dir(tmp_path)
    _append(path / "persons.csv", ["B1", "赵六", "X", "1990.13"] + [""] * 9,
            ["B2", "", "男"] + [""] * 10)
    _append(path / "holdings.csv", ["A4", "P-SEC", "2020-05-01", "2019-01-01", "", ""])
    _, report = read_bundle(path)
    reasons = {(r.file, r.row, r.field): r.reason for r in report.rejects}
    assert "is not one of" in reasons[("persons.csv", 8, "gender")]
    assert reasons[("persons.csv", 9, "name")] == "required value is empty"
    assert "before start" in reasons[("holdings.csv", 9, "end")]
    _balanced(report)


def test_bad_date_message(tmp_path: Path) -> None:
    path = _bundle_dir(tmp_path)
    _append(path / "persons.csv", ["B1", "赵六", "男", "1990.13"] + [""] * 9)
    _, report = read_bundle(path)
    (reject,) = report.rejects
    assert (reject.field, reject.value) == ("birth_date", "1990.13")
    assert "month 13" in reject.reason


def test_dangling_references_cascade(tmp_path: Path) -> None:
    path = _bundle_dir(tmp_path)
    _append(path / "posts.csv", ["P-X", "U-NONE", "科员", "", "staff", "", "", "", ""])
    _append(path / "holdings.csv", ["A4", "P-X", "2020-01-01", "", "", ""],
            ["Z9", "P-SEC", "2020-01-01", "", "", ""])
    bundle, report = read_bundle(path)
    got = sorted((r.file, r.row, r.field) for r in report.rejects)
    assert got == [("holdings.csv", 9, "post_id"), ("holdings.csv", 10, "person_id"),
                   ("posts.csv", 9, "unit_id")]
    assert "P-X" not in {p.id for p in bundle.posts}
    _balanced(report)


def test_references_to_the_graph_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "more"
    path.mkdir()
    (path / "units.csv").write_text("unit_id,name\n", encoding="utf-8")
    (path / "posts.csv").write_text("post_id,unit_id,title\n", encoding="utf-8")
    (path / "persons.csv").write_text("person_id,name\n", encoding="utf-8")
    (path / "holdings.csv").write_text(
        "person_id,post_id,start\nA1,P-SEC,2024-01-01\nA1,P-NONE,2024-01-01\n", encoding="utf-8")
    bundle, report = read_bundle(path, known=lambda keys: set(keys) & {"person/A1", "post/P-SEC"})
    assert [h.post_id for h in bundle.holdings] == ["P-SEC"]
    assert [(r.row, r.field) for r in report.rejects] == [(3, "post_id")]


def test_duplicates(tmp_path: Path) -> None:
    path = _bundle_dir(tmp_path)
    _append(path / "persons.csv", ["A1", "王建国", "M", "1970-05-01", "330102197005011234", "",
                                   "", "", "330102101", "", "", "", "", ""],
            ["A2", "李秀英（重名）", "F", "1972-03-01"] + [""] * 9)
    bundle, report = read_bundle(path)
    assert [(r.row, r.field) for r in report.rejects] == [(9, "person_id")]
    assert "different data (first at row 3)" in report.rejects[0].reason
    assert len(bundle.persons) == 6
    _balanced(report)


def test_unit_hierarchy_cycle(tmp_path: Path) -> None:
    path = _bundle_dir(tmp_path)
    _append(path / "units.csv", ["U-A", "甲", "U-B", "", "", "", "", ""],
            ["U-B", "乙", "U-A", "", "", "", "", ""], ["U-C", "丙", "U-B", "", "", "", "", ""])
    bundle, report = read_bundle(path)
    by_row = {r.row: r for r in report.rejects}
    assert "cycle" in by_row[7].reason and "cycle" in by_row[8].reason
    assert by_row[9].field == "parent_id" and "U-B" in by_row[9].reason
    assert {u.id for u in bundle.units} == {u.id for u in small_county().units}
    _balanced(report)


def test_chinese_headers_gbk_and_unknown_columns(tmp_path: Path) -> None:
    path = _bundle_dir(tmp_path)
    text = "人员编码,姓名,性别,出生年月,籍贯,爱好\nC1,孙丽,女,198507,浙江,书法\n"
    (path / "persons.csv").write_bytes(text.encode("gbk"))
    (path / "holdings.csv").write_text("\ufeff人员编码,职位编码,任职时间\nC1,P-FIN-ACC,2020.03\n",
                                       encoding="utf-8")
    (path / "kinship.csv").unlink()
    (path / "roles.csv").unlink()
    (path / "assessments.csv").unlink()
    (path / "trainings.csv").unlink()
    bundle, report = read_bundle(path)
    assert report.rejects == []
    (person,) = bundle.persons
    assert (person.name, person.birth_date, person.extra) == ("孙丽", date(1985, 7, 1),
                                                             {"爱好": "书法"})
    assert bundle.holdings[0].start == date(2020, 3, 1)


def test_xlsx_workbook(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "单位"
    sheet.append(["单位编码", "单位名称", "单位类别"])
    sheet.append(["U1", "某县财政局", "工作部门"])
    posts = book.create_sheet("职位")
    posts.append(["职位编码", "单位编码", "职务名称", "职务类型", "职数"])
    posts.append(["P1", "U1", "局长", "正职", 1])
    persons = book.create_sheet("人员")
    persons.append(["人员编码", "姓名", "出生年月"])
    persons.append(["X1", "周强", date(1980, 2, 1)])
    holdings = book.create_sheet("任职经历")
    holdings.append(["人员编码", "职位编码", "任职时间"])
    holdings.append(["X1", "P1", "2021-07"])
    holdings.append(["X1", "P9", "2021-07"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    bundle, report = read_bundle(path)
    assert bundle.posts[0].role.value == "principal" and bundle.posts[0].headcount == 1
    assert bundle.persons[0].birth_date == date(1980, 2, 1)
    assert [(r.file, r.row, r.field) for r in report.rejects] == [
        ("roster.xlsx:任职经历", 3, "post_id")]


def test_not_a_bundle(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("hello")
    with pytest.raises(BundleError, match=r"directory of CSV files or one \.xlsx"):
        read_bundle(tmp_path / "x.txt")
    (tmp_path / "bad.xlsx").write_bytes(b"PK not really")
    with pytest.raises(BundleError, match=r"bad\.xlsx"):
        read_bundle(tmp_path / "bad.xlsx")
