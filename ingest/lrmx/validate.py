"""Per-field checks on a record: what `parse_lrmx` reports as issues besides structure."""

from __future__ import annotations

import base64
import binascii
import re

from ingest.lrmx.dates import month_error
from ingest.lrmx.errors import LrmxIssue
from ingest.lrmx.jianli import parse_jianli
from ingest.lrmx.record import FAMILY_TAG, ITEM_TAG, PERSON_TAGS, FamilyMember, LrmxRecord

_DATE_TAGS = ("ChuShengNianYue", "CanJiaGongZuoShiJian", "JiSuanNianLingShiJian",
              "DaoLingNianYue")
_PARTY_TAG = "RuDangShiJian"  # may hold a status instead of a date (群众, 无党派人士, 民盟盟员)


def _date_issue(element: str, tag: str, raw: str | None) -> list[LrmxIssue]:
    reason = month_error(raw)
    return [LrmxIssue(element=element, field=tag, reason=reason, raw=raw)] if reason else []


def _photo_issue(raw: str | None) -> list[LrmxIssue]:
    if raw is None or not raw.strip():
        return []
    try:
        base64.b64decode("".join(raw.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        return [LrmxIssue(element="Person", field="ZhaoPian",
                          reason=f"photo is not valid base64 ({exc}); raw text kept",
                          raw=raw[:80])]
    return []


def person_issues(record: LrmxRecord) -> list[LrmxIssue]:
    """Issues for the scalar fields under Person, in official element order."""
    issues: list[LrmxIssue] = []
    for tag, attribute in PERSON_TAGS.items():
        raw: str | None = getattr(record, attribute)
        if tag == "XingMing" and (raw is None or not raw.strip()):
            issues.append(LrmxIssue(element="Person", field=tag, reason="no name (姓名)",
                                    raw=raw))
        elif tag in _DATE_TAGS or (tag == _PARTY_TAG and raw and re.search(r"\d", raw)):
            issues += _date_issue("Person", tag, raw)
        elif tag == "JianLi" and raw:
            issues += parse_jianli(raw).issues
        elif tag == "ZhaoPian":
            issues += _photo_issue(raw)
    return issues


def member_issues(member: FamilyMember, element: str) -> list[LrmxIssue]:
    """Issues for one accepted family member; `element` is its path (`…/Item[2]`)."""
    issues: list[LrmxIssue] = []
    if member.relation is None or not member.relation.strip():
        issues.append(LrmxIssue(element=element, field="ChengWei", reason="no relation (称谓)",
                                raw=member.relation, severity="warning"))
    return issues + _date_issue(element, "ChuShengRiQi", member.birth_raw)


def item_path(number: int) -> str:
    """The path of the `number`-th (1-based) family member element."""
    return f"Person/{FAMILY_TAG}/{ITEM_TAG}[{number}]"


def validate_record(record: LrmxRecord) -> list[LrmxIssue]:
    """The per-field issues `parse_lrmx` would report for this record's content
    (structural issues such as rejected or duplicate elements are not included)."""
    issues: list[LrmxIssue] = []
    for number, member in enumerate(record.family, start=1):
        issues += member_issues(member, item_path(number))
    return issues + person_issues(record)


def member_items(record: LrmxRecord) -> list[int]:
    """The Item number (as in `item_path`) of each accepted family member, in order.

    Every child node of the family list is an accepted member or a node kept in
    `record.extra` at its position, so the members fill the positions left free.
    """
    parent = f"Person/{FAMILY_TAG}"
    kept = {e.position: e.tag for e in record.extra if e.parent == parent}
    numbers: list[int] = []
    item = 0
    for position in range(len(record.family) + len(kept)):
        tag = kept.get(position)
        if tag is None or tag == ITEM_TAG:
            item += 1
            if tag is None:
                numbers.append(item)
    while len(numbers) < len(record.family):  # positions that do not add up: count on
        item += 1
        numbers.append(item)
    return numbers[:len(record.family)]
