import codecs

import pytest

from ingest.lrmx.decode import decode_document
from ingest.lrmx.errors import LrmxError

DOC = '<?xml version="1.0" encoding="{enc}"?>\n<Person><XingMing>李喆</XingMing></Person>\n'


@pytest.mark.parametrize(("data", "used"), [
    (DOC.format(enc="UTF-8").encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + DOC.format(enc="UTF-8").encode("utf-8"), "utf-8-sig"),
    (DOC.format(enc="GB2312").encode("gbk"), "gb18030"),
    (DOC.format(enc="GBK").encode("gbk"), "gb18030"),
    (DOC.format(enc="gb18030").encode("gb18030"), "gb18030"),
    (DOC.format(enc="UTF-16").encode("utf-16"), "utf-16"),
    (DOC.format(enc="UTF-16").encode("utf-16-le"), "utf-16-le"),
    (DOC.format(enc="UTF-16").encode("utf-16-be"), "utf-16-be"),
])
def test_encodings(data: bytes, used: str) -> None:
    decoded = decode_document(data, "f")
    assert decoded.encoding == used and decoded.issues == []
    assert decoded.text == "\n<Person><XingMing>李喆</XingMing></Person>\n"  # line kept


def test_bom_contradicting_the_declaration_is_a_warning() -> None:
    decoded = decode_document(DOC.format(enc="GB2312").encode("utf-16"), "f")
    assert "李喆" in decoded.text
    assert [i.reason for i in decoded.issues] == [
        "declared GB2312 but the file is utf-16 (byte order mark or byte pattern)"]


def test_declared_gbk_but_written_as_utf8() -> None:
    decoded = decode_document(DOC.format(enc="GBK").encode("utf-8"), "f")
    assert decoded.encoding == "utf-8" and "李喆" in decoded.text
    assert [i.reason for i in decoded.issues] == [
        "declared GBK but the content is UTF-8; read as UTF-8"]


def test_declared_utf8_but_written_as_gbk() -> None:
    decoded = decode_document(DOC.format(enc="UTF-8").encode("gbk"), "f")
    assert decoded.encoding == "gb18030" and "李喆" in decoded.text
    assert [i.reason for i in decoded.issues] == ["the file is not valid utf-8; read as gb18030"]


def test_a_stylesheet_instruction_is_not_a_declaration() -> None:
    decoded = decode_document(b'<?xml-stylesheet href="a"?><Person/>', "f")
    assert decoded.text.startswith("<?xml-stylesheet")


def test_errors_name_the_encodings_tried() -> None:
    with pytest.raises(LrmxError, match=r"not valid GB18030 nor UTF-8 \(bytes ff at offset 45\)"):
        decode_document(DOC.format(enc="GBK").encode("gbk").replace(b"<Person>",
                                                                      b"<Person>\xff\xff"), "f")
