"""Random records -> write_lrmx -> parse_lrmx give the same record back."""

import base64
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from ingest.lrmx.nodes import make_extra, to_extra
from ingest.lrmx.parse import parse_lrmx
from ingest.lrmx.record import (
    FAMILY_TAGS,
    LAYOUT,
    PERSON_TAGS,
    ExtraNode,
    FamilyMember,
    LrmxRecord,
)
from ingest.lrmx.validate import item_path, validate_record
from ingest.lrmx.write import write_lrmx

# Any character XML 1.0 can carry, including CR and TAB, plus plenty of Chinese.
_XML_CHARS = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff")
_CHARS = st.one_of(_XML_CHARS, st.sampled_from("\t\n\r 　（）()：；、"),
                   st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5))
TEXT = st.text(_CHARS, max_size=40)
DATES = st.one_of(st.builds(lambda y, m: f"{y}{m:02d}", st.integers(1900, 2100),
                            st.integers(1, 12)),
                  st.builds(lambda y, m: f"{y}.{m}", st.integers(1900, 2100),
                            st.integers(1, 12)),
                  st.sampled_from(["", "1990.13", "群众", "1990年3月"]), TEXT)
LINES = st.lists(st.one_of(
    st.builds(lambda a, b, t: f"{a}--{b}  {t}", DATES, DATES, TEXT), TEXT), max_size=6)
JIANLI = st.one_of(TEXT, LINES.map("\n".join), LINES.map("\r\n".join))
PHOTO = st.one_of(st.binary(max_size=60).map(lambda b: base64.b64encode(b).decode()), TEXT)
TAGS = st.from_regex(r"[A-Z][A-Za-z0-9_]{0,12}", fullmatch=True).filter(
    lambda t: t not in LAYOUT and t not in FAMILY_TAGS and t != "Item")
_DATE_FIELDS = {"birth_month_raw", "party_entry_raw", "work_start_raw", "age_reference_raw",
                "retirement_month_raw"}


def _optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), strategy)


@st.composite
def members(draw: st.DrawFn) -> FamilyMember:
    name = draw(TEXT.filter(lambda s: bool(s.strip())))
    return FamilyMember(name=name, relation=draw(_optional(TEXT)),
                        birth_raw=draw(_optional(DATES)),
                        political_status=draw(_optional(TEXT)),
                        unit_and_post=draw(_optional(TEXT)))


def _comment(text: str) -> ExtraNode:
    return to_extra(etree.Comment(text), "Person", 0)


def _interleave(draw: st.DrawFn, parent: str, known: int,
                nodes: list[ExtraNode]) -> list[ExtraNode]:
    """Give the nodes distinct final positions among `known` written siblings."""
    total = known + len(nodes)
    positions = sorted(draw(st.lists(st.integers(0, total - 1), unique=True,
                                     min_size=len(nodes), max_size=len(nodes))))
    return [n.model_copy(update={"parent": parent, "position": p})
            for n, p in zip(nodes, positions, strict=True)]


@st.composite
def records(draw: st.DrawFn) -> LrmxRecord:
    values: dict[str, Any] = {}
    for attribute in PERSON_TAGS.values():
        strategy = DATES if attribute in _DATE_FIELDS else TEXT
        strategy = {"resume_raw": JIANLI, "photo_base64": PHOTO}.get(attribute, strategy)
        values[attribute] = draw(_optional(strategy))
    family = draw(st.lists(members(), max_size=4))
    plain = st.builds(lambda tag, text: make_extra("Person", 0, tag, text), TAGS, TEXT)
    comments = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                       max_size=8).map(_comment)
    person_nodes = draw(st.lists(st.one_of(plain, comments), max_size=3))
    known = sum(v is not None for v in values.values()) + 1  # + JiaTingChengYuan
    extra = _interleave(draw, "Person", known, person_nodes)
    for number, member in enumerate(family, start=1):
        if draw(st.booleans()):
            inside = sum(getattr(member, a) is not None for a in FAMILY_TAGS.values())
            extra += _interleave(draw, item_path(number), inside, [draw(plain)])
    namespaces = draw(st.sampled_from([{}, {"xsi": "http://www.w3.org/2001/XMLSchema-instance",
                                            "xsd": "http://www.w3.org/2001/XMLSchema"}]))
    record = LrmxRecord(source="random.lrmx", family=family, extra=extra,
                        person_namespaces=namespaces, **values)
    record.extra = _document_order(record)
    record.issues = validate_record(record)
    return record


def _document_order(record: LrmxRecord) -> list[ExtraNode]:
    """The extra nodes in the order the parser meets them in the written file."""
    children: list[ExtraNode | str] = [
        tag for tag in LAYOUT
        if tag == "JiaTingChengYuan" or getattr(record, PERSON_TAGS[tag]) is not None]
    for node in sorted((e for e in record.extra if e.parent == "Person"),
                       key=lambda e: e.position):
        children.insert(node.position, node)
    inner = sorted((e for e in record.extra if e.parent != "Person"),
                   key=lambda e: (int(e.parent.split("[")[1].rstrip("]")), e.position))
    ordered: list[ExtraNode] = []
    for child in children:
        if isinstance(child, ExtraNode):
            ordered.append(child)
        elif child == "JiaTingChengYuan":
            ordered += inner
    return ordered


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_write_then_parse_gives_the_record_back(record: LrmxRecord) -> None:
    assert parse_lrmx(write_lrmx(record), source=record.source) == record
