import codecs
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from ingest.lrmx import parse
from ingest.lrmx.decode import decode_document
from ingest.lrmx.errors import LrmxError
from ingest.lrmx.parse import parse_lrmx


def _gbk_bytes(samples: Path, declaration: str = "GB2312") -> bytes:
    text = (samples / "zhang_utf8.lrmx").read_text(encoding="utf-8")
    return text.replace('encoding="UTF-8"', f'encoding="{declaration}"').encode("gbk")


def test_utf8_sample(samples: Path) -> None:
    record = parse_lrmx(samples / "zhang_utf8.lrmx", source="zhang_utf8.lrmx")
    assert record.source == "zhang_utf8.lrmx"
    assert (record.name, record.gender, record.ethnicity) == ("张建国", "男", "汉族")
    assert record.birth_month_raw == "197003" and record.birth_month == date(1970, 3, 1)
    assert record.party_entry_month == date(1991, 6, 1)
    assert record.work_start_month == date(1992, 7, 1)
    assert record.retirement_month == date(2031, 7, 1)
    assert record.parttime_degree == ""  # present but empty, not None
    assert record.current_post == "青阳县委书记"
    assert record.pre_reform_age_limit == "改革前任职年龄界限为60岁"
    assert [(m.relation, m.name) for m in record.family] == [
        ("妻子", "李红"), ("儿子", "张晓明"), ("父亲", "张德福"), ("母亲", "王秀英")]
    assert record.family[0].birth_month == date(1972, 5, 1)
    assert record.family[3].birth_raw == "" and record.family[3].birth_month is None
    assert (record.photo_bytes() or b"")[:4] == b"\x89PNG"
    assert record.person_namespaces["xsi"] == "http://www.w3.org/2001/XMLSchema-instance"
    assert record.extra == []
    assert [i.severity for i in record.issues] == []
    assert record.resume_raw and record.resume_raw.startswith("1985.09--1988.07")


def test_utf8_with_bom_and_path_string(samples: Path) -> None:
    data = (samples / "zhang_utf8.lrmx").read_bytes()
    plain = parse_lrmx(data, source="x")
    assert parse_lrmx(codecs.BOM_UTF8 + data, source="x") == plain
    assert parse_lrmx(str(samples / "zhang_utf8.lrmx"), source="x") == plain


def test_gbk_sample_declared_gb2312_with_gbk_only_characters(samples: Path) -> None:
    record = parse_lrmx(samples / "li_gbk.lrmx", source="li_gbk.lrmx")
    assert record.name == "李喆"  # 喆 is in GBK but not in GB2312
    assert record.birth_month == date(1975, 4, 1)
    assert record.retirement_month_raw is None  # an older file without the 2025 fields
    assert [m.name for m in record.family] == ["周海涛", "周雨桐"]
    assert [(e.tag, e.text) for e in record.extra] == [
        ("#comment", " 导出自干部任免审批表软件 "), ("BeiZhu", "拟提交市委常委会研究")]
    assert record.issues == []
    assert record.resume_raw and "\r" not in record.resume_raw  # CRLF is newline in XML


def test_utf16_sample(samples: Path) -> None:
    record = parse_lrmx(samples / "wang_utf16.lrmx", source="wang_utf16.lrmx")
    assert record.name == "王磊" and record.birth_month == date(1981, 2, 1)
    assert record.resume_raw and "\r\n" in record.resume_raw  # written as &#xD; and kept
    assert record.photo_base64 == "" and record.photo_bytes() is None
    spells = record.resume().spells
    assert spells[-1].end is None and spells[-1].post_texts == ["副局长"]
    assert record.issues == []


@pytest.mark.parametrize(("encoding", "declaration"), [
    ("utf-8", "UTF-8"), ("gbk", "GBK"), ("gb18030", "GB18030"), ("gbk", "gb2312"),
    ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-16", "UTF-16"),
])
def test_same_content_in_every_encoding(samples: Path, encoding: str, declaration: str) -> None:
    text = (samples / "zhang_utf8.lrmx").read_text(encoding="utf-8")
    data = text.replace('encoding="UTF-8"', f'encoding="{declaration}"').encode(encoding)
    expected = parse_lrmx(samples / "zhang_utf8.lrmx", source="x")
    assert parse_lrmx(data, source="x") == expected


def test_undeclared_gbk_is_read_with_a_warning(samples: Path) -> None:
    text = (samples / "zhang_utf8.lrmx").read_text(encoding="utf-8")
    data = text.replace('<?xml version="1.0" encoding="UTF-8"?>', "").encode("gbk")
    record = parse_lrmx(data, source="x")
    assert record.name == "张建国"
    assert [(i.severity, i.reason) for i in record.issues] == [
        ("warning", "the file is not valid utf-8; read as gb18030")]


def test_utf16_declaration_on_an_8bit_file_is_a_warning(samples: Path) -> None:
    text = (samples / "zhang_utf8.lrmx").read_text(encoding="utf-8")
    data = text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-8")
    record = parse_lrmx(data, source="x")
    assert record.name == "张建国"
    assert "declared UTF-16 but the file is 8-bit" in record.issues[0].reason


# --- fatal problems -------------------------------------------------------------------------

def _fatal(data_or_path: bytes | Path, source: str = "bad.lrmx") -> LrmxError:
    with pytest.raises(LrmxError) as caught:
        parse_lrmx(data_or_path, source=source)
    return caught.value


def test_malformed_xml_names_file_element_and_reason(samples: Path) -> None:
    error = _fatal(samples / "broken_malformed.lrmx", "broken_malformed.lrmx")
    assert error.file == "broken_malformed.lrmx" and error.element == "MinZu"
    assert error.reason.startswith("malformed XML: Opening and ending tag mismatch")
    assert str(error).startswith("broken_malformed.lrmx: MinZu: malformed XML")
    assert error.status == 400  # an InvalidInput for the API


def test_truncated_xml(samples: Path) -> None:
    error = _fatal(samples / "broken_truncated.lrmx")
    assert error.reason.startswith("truncated file") and error.element == "JianLi"
    assert _fatal(b'<?xml version="1.0"?>\n<Person>\n<XingMing>x</Xing').reason.startswith(
        "truncated file")


@pytest.mark.parametrize("name", ["zhang_utf8.lrmx", "li_gbk.lrmx", "wang_utf16.lrmx"])
def test_a_file_cut_anywhere_is_reported_as_truncated(samples: Path, name: str) -> None:
    data = (samples / name).read_bytes()
    for cut in range(60, len(data) - 12, 29):
        assert _fatal(data[:cut]).reason.startswith("truncated file"), cut


def test_truncated_multibyte_character(samples: Path) -> None:
    data = _gbk_bytes(samples)
    cut = data.index("母亲".encode("gbk")) + 1  # inside the first character
    error = _fatal(data[:cut])
    assert error.reason.startswith("truncated file: incomplete GB18030")
    odd = (samples / "wang_utf16.lrmx").read_bytes()[:-1]
    assert _fatal(odd).reason.startswith("truncated file")


def test_wrong_encoding(samples: Path) -> None:
    error = _fatal(samples / "broken_encoding.lrmx")
    # Chinese text decoded fine before the bad bytes: damaged UTF-8, not GBK.
    assert error.reason == "wrong encoding: the bytes are not valid UTF-8 (bytes ff at offset 159)"
    gbk = _gbk_bytes(samples).replace("汉族".encode("gbk"), b"\xff\xff")
    assert _fatal(gbk).reason.startswith("wrong encoding: the bytes are not valid GB18030")


def test_unsupported_declared_encoding() -> None:
    error = _fatal(b'<?xml version="1.0" encoding="x-no-such"?><Person/>')
    assert error.reason == "unsupported encoding 'x-no-such' in the XML declaration"


def test_root_must_be_person(samples: Path) -> None:
    error = _fatal(samples / "broken_root.lrmx")
    assert error.element == "GanBu" and error.reason == "root element is <GanBu>, expected <Person>"
    assert _fatal(b'<person xmlns="urn:x"/>').reason.startswith("root element is")


@pytest.mark.parametrize("data", [b"", b"   \r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_file(data: bytes) -> None:
    assert _fatal(data).reason == "empty file"


def test_unreadable_and_oversized_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _fatal(tmp_path / "missing.lrmx").reason.startswith("cannot read file")
    monkeypatch.setattr(parse, "MAX_BYTES", 10)
    big = tmp_path / "big.lrmx"
    big.write_bytes(b"<Person><XingMing>x</XingMing></Person>")
    assert "larger than" in _fatal(big).reason
    assert "larger than" in _fatal(big.read_bytes()).reason


# --- per-field problems ---------------------------------------------------------------------

def test_bad_fields_become_issues_and_the_rest_loads(samples: Path) -> None:
    record = parse_lrmx(samples / "broken_dates.lrmx", source="broken_dates.lrmx")
    assert record.birth_month_raw == "1990.13" and record.birth_month is None
    assert record.work_start_month == date(1992, 7, 1)  # `1992年7月`
    assert record.party_entry_raw == "群众" and record.party_entry_month is None
    assert [m.name for m in record.family] == ["李红", "张晓明"]
    messages = [i.describe(record.source) for i in record.issues]
    assert messages == [
        "broken_dates.lrmx: Person/JiaTingChengYuan/Item[2]/ChuShengRiQi: invalid date "
        "'1998.15': month 15 is out of range 1-12",
        "broken_dates.lrmx: Person/ChuShengNianYue: invalid date '1990.13': month 13 is out "
        "of range 1-12",
        "broken_dates.lrmx: Person/JianLi line 15: invalid date '2016.13': month 13 is out of "
        "range 1-12",
        "broken_dates.lrmx: Person/ZhaoPian: photo is not valid base64 (string argument "
        "should contain only ASCII characters); raw text kept",
    ]
    assert record.photo_base64 == "这不是照片=="


def test_strict_mode_raises_the_first_error(samples: Path) -> None:
    with pytest.raises(LrmxError) as caught:
        parse_lrmx(samples / "broken_dates.lrmx", source="broken_dates.lrmx", strict=True)
    error = caught.value
    assert (error.element, error.field) == ("Person/JiaTingChengYuan/Item[2]", "ChuShengRiQi")
    assert "1998.15" in error.reason
    assert parse_lrmx(samples / "zhang_utf8.lrmx", source="z", strict=True).name == "张建国"


def test_bad_family_members_are_rejected_one_by_one(samples: Path) -> None:
    record = parse_lrmx(samples / "broken_family.lrmx", source="broken_family.lrmx")
    assert [m.name for m in record.family] == ["李红", "张德福", "王秀英"]
    assert record.name == "张建国"  # the first XingMing wins; the duplicate is kept aside
    issues = [(i.element, i.field, i.severity, i.reason) for i in record.issues]
    assert issues == [
        ("Person/JiaTingChengYuan/Item[2]", "XingMing", "error",
         "family member has no name (XingMing); rejected, kept verbatim in extra"),
        ("Person/JiaTingChengYuan/Item[3]", None, "warning",
         "empty family member; kept verbatim in extra"),
        ("Person", "XingMing", "warning", "duplicate <XingMing>; kept verbatim in extra"),
    ]
    assert "<ChengWei>儿子</ChengWei>" in (record.issues[0].raw or "")
    assert [(e.parent, e.position, e.tag) for e in record.extra] == [
        ("Person/JiaTingChengYuan", 1, "Item"),
        ("Person/JiaTingChengYuan", 2, "Item"),
        ("Person/JiaTingChengYuan/Item[4]", 5, "LianXiDianHua"),
        ("Person/JiaTingChengYuan", 4, "BeiZhu"),
        ("Person", 36, "XingMing"),
    ]


def _elements(data: bytes) -> list[tuple[str, str]]:
    # libxml2 itself rejects GBK characters in a file declared GB2312, hence our decoder.
    root = etree.fromstring(decode_document(data, "x").text.encode())
    return sorted((str(e.tag), (e.text or "").strip()) for e in root.iter()
                  if isinstance(e.tag, str))


@pytest.mark.parametrize("name", ["zhang_utf8.lrmx", "li_gbk.lrmx", "wang_utf16.lrmx",
                                  "broken_dates.lrmx", "broken_family.lrmx"])
def test_every_element_ends_in_the_record(samples: Path, name: str) -> None:
    """Nothing is lost: every element of the file comes back out of the writer."""
    from ingest.lrmx.write import write_lrmx

    original = (samples / name).read_bytes()
    written = write_lrmx(parse_lrmx(original, source=name))
    assert _elements(written) == _elements(original)


def test_markup_attributes_stray_text_and_doctype_are_reported() -> None:
    data = ("<!DOCTYPE Person>\n<!-- before -->\n<Person a=\"1\">stray"
            "<XingMing lang=\"zh\">张三</XingMing>tail"
            "<JianLi>1990.01--1992.01 <b>XX县</b>科员</JianLi>"
            "<JiaTingChengYuan><Item><XingMing>李红</XingMing>junk</Item></JiaTingChengYuan>"
            "</Person>").encode()
    record = parse_lrmx(data, source="odd")
    assert record.name == "张三" and record.person_attributes == {"a": "1"}
    assert record.resume_raw is None
    assert [e.tag for e in record.extra] == ["JianLi"]
    reasons = [(i.element, i.field, i.reason) for i in record.issues]
    assert reasons == [
        ("DOCTYPE", None, "DOCTYPE declaration ignored (not kept on export)"),
        ("document", "#comment", "node outside the Person element ignored"),
        ("Person", None, "text outside any element (not kept on export)"),
        ("Person", None, "text outside any element (not kept on export)"),
        ("Person", "XingMing", "unexpected attributes (not kept on export)"),
        ("Person", "JianLi", "<JianLi> contains markup; kept verbatim in extra"),
        ("Person/JiaTingChengYuan/Item[1]", None,
         "text outside any element (not kept on export)"),
        ("Person/JiaTingChengYuan/Item[1]", "ChengWei", "no relation (称谓)"),
    ]
    assert all(i.severity == "warning" for i in record.issues)
