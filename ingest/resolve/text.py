"""Text normalisation shared by person and unit matching: width, spaces, province prefixes,
and two cheap similarities (character-bigram Dice, one edit apart)."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_NAME_NOISE = re.compile(r"[\s·•・.．\-]")
_PROVINCE = re.compile(r"^[\u4e00-\u9fff]{2,7}?(?:省|自治区)(?=.)(?!委|政府|人大|人民|政协|纪委)")
_UNKNOWN_WORK = frozenset({
    "已去世", "去世", "已故", "病故", "无", "无业", "务农", "在家", "待业", "退休", "学龄前",
    "不详",
    "—", "-", "/", "学生", "在校学生", "在读", "退休干部", "退休职工", "退休教师", "离休",
    "离休干部", "农民", "个体", "个体户", "个体经营", "自由职业", "无固定职业", "家庭主妇", "打工",
    "务工", "外出务工"})
"""Texts that name no particular workplace: two people both 学生 or 退休 agree on nothing."""


def nfkc(text: str) -> str:
    """Full-width letters, digits and punctuation to their plain forms; spaces removed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def name_key(name: str) -> str:
    """A person's name as compared: NFKC, without spaces, dots and hyphens (张 三 = 张三,
    买买提·艾力 = 买买提艾力)."""
    return _NAME_NOISE.sub("", unicodedata.normalize("NFKC", name))


def strip_province(text: str) -> str:
    """`河西省临川市财政局` -> `临川市财政局` (the province adds nothing below it); kept where
    the province is the unit itself (`河西省委`, `河西省人民政府`, `河西省政协`)."""
    return _PROVINCE.sub("", text, count=1)


def workplace_key(text: str | None) -> str | None:
    """A workplace text as compared, or None when it says nothing about a workplace
    (blank, 已去世, 务农 ...)."""
    if text is None:
        return None
    value = strip_province(nfkc(text).replace("中共", ""))
    if not value or value in _UNKNOWN_WORK:
        return None
    return value


def bigrams(text: str) -> set[str]:
    if len(text) < 2:
        return {text} if text else set()
    return {text[i:i + 2] for i in range(len(text) - 1)}


def dice(a: str, b: str) -> float:
    """Character-bigram Dice coefficient (1.0 for equal texts, 0.0 for disjoint ones)."""
    left, right = bigrams(a), bigrams(b)
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def one_edit_apart(a: str, b: str) -> bool:
    """True when `b` is `a` with exactly one character replaced, inserted or deleted."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))
