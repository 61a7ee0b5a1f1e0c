"""Unit and post names as compared: canonical forms and explained name matches.

`中共河西省青阳县委员会` and `青阳县委` are the same unit; so are `临川市人民政府` and
`临川市政府`. A name missing the 县/市/区 after the place (`青阳财政局`) matches with a lower
score; a name that only ends like another (`城关镇党委` inside `青阳县城关镇党委`) is a
suggestion, never a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.resolve.text import dice, nfkc, strip_province

_REPLACE = (
    ("中国人民政治协商会议", "政协"), ("人民代表大会常务委员会", "人大常委会"),
    ("纪律检查委员会", "纪委"), ("监察委员会", "监委"), ("委员会", "委"),
    ("人民政府", "政府"), ("人民法院", "法院"), ("人民检察院", "检察院"),
)
_PARTY = re.compile(r"^(?:中国共产党|中共)")
_ADMIN = re.compile(r"^([\u4e00-\u9fff]{2})(?:县|市|区)(?=[\u4e00-\u9fff]{2})")
_AREA_END = ("省", "市", "县", "区", "州", "旗", "盟", "镇", "乡")

MATCH_AT = 0.9
"""A unit or post name scoring at least this is the same; below, a provisional one is made."""


def canonical(name: str) -> str:
    """Width, spaces, 中共, 委员会 -> 委, 人民政府 -> 政府, the province prefix removed."""
    value = _PARTY.sub("", nfkc(name))
    for old, new in _REPLACE:
        value = value.replace(old, new)
    return strip_province(_PARTY.sub("", value))


def drop_admin(name: str) -> str:
    """`青阳县财政局` -> `青阳财政局` (the canonical form without the 县/市/区 suffix)."""
    return _ADMIN.sub(r"\1", name, count=1)


@dataclass(frozen=True)
class NameMatch:
    score: float
    reasons: tuple[str, ...]


def unit_match(written: str, known: str) -> NameMatch:
    """How well a unit name written in a form matches a known unit's name."""
    a, b = canonical(written), canonical(known)
    reasons = tuple(r for r, hit in (
        ("全角/空格规范化", nfkc(written) != written.strip()),
        ("去掉省级前缀或“中共”", strip_province(nfkc(written)) != nfkc(written)
         or _PARTY.match(nfkc(written)) is not None),
        ("“委员会”“人民政府”等简称", any(old in nfkc(written) or old in nfkc(known)
                                        for old, _ in _REPLACE)),
    ) if hit)
    if a == b:
        return NameMatch(1.0, (*reasons, "规范化后名称相同"))
    if drop_admin(a) == b or a == drop_admin(b):
        return NameMatch(MATCH_AT, (*reasons, "地名后缺“县/市/区”"))
    for longer, shorter in ((a, b), (b, a)):
        head = longer[:-len(shorter)] if shorter and longer.endswith(shorter) else ""
        if head.endswith(_AREA_END):
            return NameMatch(0.8, (*reasons, f"仅后缀相同（多出“{head}”），不自动认定"))
    return NameMatch(round(dice(a, b) * 0.8, 2), ("字面相似",))


def post_match(written: str, title: str, unit_name: str) -> float:
    """How well a post written in a form (`书记`) matches a post title (`县委书记`) of a unit
    (`青阳县委`): 1 for the same title, 0.95 when the difference is the unit's own tail."""
    a, b, unit = nfkc(written), nfkc(title), canonical(unit_name)
    if a == b:
        return 1.0
    for longer, shorter in ((a, b), (b, a)):
        head = longer[:-len(shorter)] if shorter and longer.endswith(shorter) else ""
        if head and unit.endswith(head):
            return 0.95
    return 0.0


def join_unit(base: str, sub: str) -> str:
    """`临川市委` + `市委办公室` -> `临川市委办公室` (the overlap written once)."""
    for size in range(min(len(base), len(sub)), 0, -1):
        if base.endswith(sub[:size]):
            return base + sub[size:]
    return base + sub
