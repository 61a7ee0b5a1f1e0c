from datetime import date

import pytest
from pydantic import ValidationError

from ingest.lrmx.record import (
    FAMILY_TAGS,
    LABELS,
    LAYOUT,
    PERSON_TAGS,
    FamilyMember,
    LrmxRecord,
)
from ingest.lrmx.validate import validate_record

PNG_1X1 = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJR"
           "U5ErkJggg==")


def test_layout_is_the_official_order() -> None:
    assert LAYOUT[:3] == ("XingMing", "XingBie", "ChuShengNianYue")
    assert LAYOUT.index("JianLi") < LAYOUT.index("JiaTingChengYuan") < LAYOUT.index(
        "ChengBaoDanWei")
    assert LAYOUT[-5:] == ("ShenFenZheng", "ZhaoPian", "Version", "DaoLingNianYue",
                           "GaiGeQianRenZhiNianLingJieXian")
    assert len(LAYOUT) == 36 and "JiaTingChengYuan" not in PERSON_TAGS
    assert list(FAMILY_TAGS) == ["ChengWei", "XingMing", "ChuShengRiQi", "ZhengZhiMianMao",
                                 "GongZuoDanWeiJiZhiWu"]
    assert LABELS["ChuShengNianYue"] == "出生年月" and LABELS["ChengWei"] == "称谓"


def test_fields_accept_python_names_and_element_names() -> None:
    by_name = LrmxRecord(source="s", name="张三", birth_month_raw="1990.01")
    by_alias = LrmxRecord.model_validate({"source": "s", "XingMing": "张三",
                                          "ChuShengNianYue": "1990.01"})
    assert by_name == by_alias
    assert by_name.model_dump(by_alias=True)["XingMing"] == "张三"


def test_derived_values_follow_the_raw_text() -> None:
    record = LrmxRecord(source="s", birth_month_raw="197003", party_entry_raw="1991.06",
                        work_start_raw="1992年7月", retirement_month_raw="203107",
                        age_reference_raw="202406")
    assert record.birth_month == date(1970, 3, 1)
    assert record.party_entry_month == date(1991, 6, 1)
    assert record.work_start_month == date(1992, 7, 1)
    assert record.retirement_month == date(2031, 7, 1)
    assert record.age_reference_month == date(2024, 6, 1)
    record.birth_month_raw = "1970.13"
    assert record.birth_month is None
    assert record.model_dump()["birth_month"] is None


def test_party_entry_may_be_a_status() -> None:
    record = LrmxRecord(source="s", name="张三", party_entry_raw="群众")
    assert record.party_entry_month is None
    assert validate_record(record) == []


def test_family_member_needs_a_name() -> None:
    with pytest.raises(ValidationError, match="needs a name"):
        FamilyMember(name="  ")
    member = FamilyMember(relation="妻子", name="李红", birth_raw="1972.05")
    assert member.birth_month == date(1972, 5, 1)


def test_photo_bytes() -> None:
    assert LrmxRecord(source="s", photo_base64=PNG_1X1).photo_bytes()[:4] == b"\x89PNG"  # type: ignore[index]
    wrapped = PNG_1X1[:40] + "\r\n" + PNG_1X1[40:]
    assert LrmxRecord(source="s", photo_base64=wrapped).photo_bytes() is not None
    assert LrmxRecord(source="s", photo_base64="不是照片").photo_bytes() is None
    assert LrmxRecord(source="s").photo_bytes() is None


def test_validate_record_reports_each_field() -> None:
    record = LrmxRecord(
        source="s", name="", birth_month_raw="1990.13", party_entry_raw="1991.6x",
        photo_base64="@@@", resume_raw="2001.13--2003.01  某县财政局科员",
        family=[FamilyMember(name="李红", relation="", birth_raw="1972.13")])
    found = {(i.element, i.field, i.severity) for i in validate_record(record)}
    assert found == {
        ("Person/JiaTingChengYuan/Item[1]", "ChengWei", "warning"),
        ("Person/JiaTingChengYuan/Item[1]", "ChuShengRiQi", "error"),
        ("Person", "XingMing", "error"),
        ("Person", "ChuShengNianYue", "error"),
        ("Person", "RuDangShiJian", "error"),
        ("Person", "JianLi", "error"),
        ("Person", "ZhaoPian", "error"),
    }


def test_resume_parses_the_jianli() -> None:
    record = LrmxRecord(source="s", resume_raw="1992.07--1994.03  河西省青阳县财政局科员")
    spells = record.resume().spells
    assert [(s.unit_text, s.post_texts) for s in spells] == [("河西省青阳县财政局", ["科员"])]
