from pathlib import Path

import pytest
from lxml import etree

from ingest.lrmx.errors import LrmxError
from ingest.lrmx.nodes import make_extra
from ingest.lrmx.parse import parse_lrmx
from ingest.lrmx.record import LAYOUT, ExtraNode, FamilyMember, LrmxRecord
from ingest.lrmx.write import write_lrmx

SAMPLES = ["zhang_utf8.lrmx", "li_gbk.lrmx", "wang_utf16.lrmx", "broken_dates.lrmx",
           "broken_family.lrmx"]


@pytest.mark.parametrize("name", SAMPLES)
def test_samples_round_trip(samples: Path, name: str) -> None:
    record = parse_lrmx(samples / name, source=name)
    written = write_lrmx(record)
    assert parse_lrmx(written, source=name) == record
    assert write_lrmx(parse_lrmx(written, source=name)) == written


def test_official_layout(samples: Path) -> None:
    record = parse_lrmx(samples / "zhang_utf8.lrmx", source="z")
    written = write_lrmx(record)
    assert written.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Person')
    root = etree.fromstring(written)
    assert root.tag == "Person"
    assert tuple(child.tag for child in root) == LAYOUT
    items = root.findall("JiaTingChengYuan/Item")
    assert [item.findtext("XingMing") for item in items] == ["李红", "张晓明", "张德福", "王秀英"]
    assert [child.tag for child in items[0]] == [
        "ChengWei", "XingMing", "ChuShengRiQi", "ZhengZhiMianMao", "GongZuoDanWeiJiZhiWu"]
    assert root.findtext("ZhaoPian") == record.photo_base64
    assert root.nsmap["xsd"] == "http://www.w3.org/2001/XMLSchema"
    assert "&#13;" not in written.decode() and "\n  <XingMing>" in written.decode()


def test_none_fields_are_left_out_and_empty_ones_kept() -> None:
    record = LrmxRecord(source="s", name="张三", health="")
    root = etree.fromstring(write_lrmx(record))
    assert [child.tag for child in root] == ["XingMing", "JianKangZhuangKuang",
                                             "JiaTingChengYuan"]
    assert parse_lrmx(write_lrmx(record), source="s").health == ""


def test_carriage_returns_and_markup_characters_survive() -> None:
    record = LrmxRecord(source="s", name="张三",
                        resume_raw="1990.01--1992.01  XX县<财政局>&科员\r\n1992.01--  XX县科长",
                        family=[FamilyMember(name="李红", unit_and_post=" 前后有空格 ")])
    again = parse_lrmx(write_lrmx(record), source="s")
    assert again.resume_raw == record.resume_raw
    assert again.family == record.family


def test_extra_nodes_go_back_where_they_were() -> None:
    record = LrmxRecord(
        source="s", name="张三", gender="男",
        family=[FamilyMember(name="李红"), FamilyMember(name="张德福")],
        extra=[make_extra("Person", 1, "BeiZhu", "备注"),
               make_extra("Person/JiaTingChengYuan", 1, "Note", "x"),
               make_extra("Person/JiaTingChengYuan/Item[2]", 0, "DianHua", "0971")])
    root = etree.fromstring(write_lrmx(record))
    assert [child.tag for child in root] == ["XingMing", "BeiZhu", "XingBie",
                                             "JiaTingChengYuan"]
    assert [child.tag for child in root[3]] == ["Item", "Note", "Item"]
    assert [child.tag for child in root[3][2]] == ["DianHua", "XingMing"]
    again = parse_lrmx(write_lrmx(record), source="s")
    assert again.extra == record.extra


def test_writer_refuses_what_it_cannot_write() -> None:
    with pytest.raises(LrmxError, match="not allowed in XML"):
        write_lrmx(LrmxRecord(source="s", name="张\x01三"))
    orphan = make_extra("Person/NoSuch", 0, "X", "y")
    with pytest.raises(LrmxError, match="parent element that is not written"):
        write_lrmx(LrmxRecord(source="s", extra=[orphan]))
    broken = ExtraNode(parent="Person", position=0, tag="X", text=None, xml="<X>")
    with pytest.raises(LrmxError, match="not well-formed"):
        write_lrmx(LrmxRecord(source="s", extra=[broken]))
