"""External entities are never resolved: XXE payloads must not leak local files."""

from pathlib import Path

import pytest
from lxml import etree

from ingest.lrmx.errors import LrmxError
from ingest.lrmx.nodes import make_parser
from ingest.lrmx.parse import parse_lrmx

SECRET = "TOP-SECRET-本机文件内容-42"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _xxe(secret_file: Path) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<!DOCTYPE Person [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>\n'
            f"<Person><XingMing>&xxe;</XingMing><JianLi>&xxe;</JianLi></Person>").encode()


def test_the_parser_itself_never_expands_external_entities(secret_file: Path) -> None:
    root = etree.fromstring(_xxe(secret_file), make_parser())
    assert SECRET not in etree.tostring(root, encoding="unicode")
    texts = [str(t) for t in root.itertext()]
    assert "".join(texts) == "&xxe;&xxe;"  # references left as they are


def test_xxe_payload_is_rejected_without_leaking(secret_file: Path) -> None:
    with pytest.raises(LrmxError) as caught:
        parse_lrmx(_xxe(secret_file), source="xxe.lrmx")
    assert caught.value.element == "DOCTYPE"
    assert "entity declarations are not allowed" in caught.value.reason
    assert SECRET not in str(caught.value)


def test_xxe_payload_in_utf16_is_rejected_too(secret_file: Path) -> None:
    data = _xxe(secret_file).decode().replace("UTF-8", "UTF-16").encode("utf-16")
    with pytest.raises(LrmxError, match="entity declarations"):
        parse_lrmx(data, source="xxe16.lrmx")


def test_parameter_entity_payload_is_rejected(secret_file: Path) -> None:
    data = (f'<!DOCTYPE Person [<!ENTITY % ext SYSTEM "{secret_file.as_uri()}"> %ext;]>'
            "<Person><XingMing>张三</XingMing></Person>").encode()
    with pytest.raises(LrmxError) as caught:
        parse_lrmx(data, source="pe.lrmx")
    assert SECRET not in str(caught.value)


def test_external_dtd_is_not_loaded(secret_file: Path) -> None:
    data = (f'<!DOCTYPE Person SYSTEM "{secret_file.as_uri()}">'
            "<Person><XingMing>张三</XingMing></Person>").encode()
    record = parse_lrmx(data, source="dtd.lrmx")
    assert record.name == "张三"
    assert SECRET not in record.model_dump_json()
    assert record.issues[0].element == "DOCTYPE" and record.issues[0].severity == "warning"


def test_entity_expansion_bomb_is_rejected() -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = (f'<!DOCTYPE Person [<!ENTITY l0 "lol">{lol}]>'
            "<Person><XingMing>&l9;</XingMing></Person>").encode()
    with pytest.raises(LrmxError, match=r"(?i)entity"):  # libxml2 or our own check
        parse_lrmx(data, source="bomb.lrmx")


def test_undeclared_entity_is_malformed() -> None:
    with pytest.raises(LrmxError, match="malformed XML: Entity 'xxe' not defined"):
        parse_lrmx(b"<Person><XingMing>&xxe;</XingMing></Person>", source="u.lrmx")
