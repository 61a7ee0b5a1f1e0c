"""Text helpers for 简历 entries: date ranges, parentheses, kind, and unit/post splitting."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from ingest.lrmx.dates import parse_month

SpellKind = Literal["work", "study", "other"]

# A date at the start of an entry: yyyy.MM, yyyy.M, yyyyMM, yyyy年MM月, yyyy-MM, yyyy/MM
# or a bare year (`1978-1982` is a year range: a month has one or two digits).
DATE = (r"\d{4}(?:(?:[.．/-]\d{1,2}|\d{2}|\s*年\s*\d{1,2}\s*月?)(?![\d.．])"
        r"|\s*年|(?![\d.．]))")
# Range separators seen in real files; longest first so `——` is not read as `—`.
SEP = r"(?:——|－－|--|—|－|～|~|至|―|–|─|-)"
CURRENT = ("至今", "今", "现在")
END = rf"(?:{DATE}|至今|今|现在)"
RANGE = re.compile(
    rf"(?P<start>{DATE})\s*(?:(?P<sep>{SEP})\s*(?P<end>{END})?)?\s*[，,：:]?\s*(?P<text>.*)",
    re.DOTALL)
# Something that starts like a date range but is not one we can read (e.g. `19901--`).
LOOKS_DATED = re.compile(rf"\d{{2,}}[\d.．年月\s]*{SEP}")
_YEAR_ONLY = re.compile(r"\d{4}\s*年?")
_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")

_OPEN, _CLOSE = "（(", "）)"
_QIJIAN = re.compile(r"其\s*间\s*[：:，,]?\s*")
_SUB_SPLIT = re.compile(rf"[；;。]|[，,](?=\s*{DATE}\s*{SEP})")

_STUDY_VERB = re.compile(r"(?:学习|读书|就读|进修|求学|深造|留学)(?=$|[，,。；;、）)（(\s])")
_STUDY_ROLE = re.compile(r"(?:学生|研究生|本科生|专科生|大专生|中专生|留学生|学员)$")
_PART_TIME = re.compile(
    r"在职|函授|夜大|业余|自学考试|自考|电大|广播电视大学|网络教育|远程教育|不脱产")
_OTHER = re.compile(r"待业|待分配|无业|失业|下岗|病休|休养|退休|离休")

_TITLES = sorted((
    "书记", "常委", "委员", "主任委员", "主任", "主任科员", "主任医师", "局长", "处长", "科长",
    "科员", "办事员", "干事", "部长", "厅长", "司长", "县长", "市长", "省长", "区长", "州长",
    "盟长", "旗长", "镇长", "乡长", "主席", "秘书长", "秘书", "院长", "校长", "所长", "站长",
    "队长", "馆长", "社长", "总编辑", "主编", "编辑", "记者", "经理", "总经理", "董事长", "董事",
    "监事", "调研员", "巡视员", "研究员", "教师", "教员", "讲师", "教授", "助教", "职员", "工人",
    "技术员", "工程师", "会计", "组长", "检察长", "检察员", "庭长", "审判员", "法官", "理事长",
    "专员", "督学", "医生", "医师", "护士", "行长", "政委", "团长", "营长", "连长", "排长",
    "战士", "学员", "学生", "研究生", "硕士研究生", "博士研究生", "本科生", "知青", "辅导员",
    "干部", "文书", "指导员", "参谋", "助理", "会长", "特派员", "审计员", "民警", "成员",
    *(f"{head}助理" for head in ("主任", "局长", "厅长", "市长", "县长", "省长", "院长", "校长",
                                 "总经理", "部长", "处长")),
), key=len, reverse=True)
_QUALIFIER = r"(?:常务副|专职副|副|代|常务|第一|执行|[一二三四]级)?"
_POST_AT_END = re.compile(rf"{_QUALIFIER}(?:{'|'.join(_TITLES)})$")
POST_AT_END = _POST_AT_END
"""A post title (with an optional 副/常务/代 qualifier) at the end of a text."""
_POST_SPLIT = re.compile(r"[、，,；;]|兼任|兼")
_STUDY_TRIM = re.compile(r"^在|(?:学习|读书|就读|进修|求学|深造|留学)$")
_LEADING_VERB = re.compile(r"^(?:挂任|挂职|借调到?|调任|兼任|援藏任|援疆任)")


def ascii_digits(text: str) -> str:
    """Full-width digits and dots to ASCII, so dates typed in full width still match."""
    return text.translate(_DIGITS)


def is_current(end_text: str | None) -> bool:
    """True when an end written as `至今` (or left blank) means the spell is ongoing."""
    return end_text is None or end_text.strip() in CURRENT or not end_text.strip()


def range_dates(
    start_text: str, end_text: str | None, sep: str | None,
) -> tuple[date, date | None, str | None]:
    """(start, end or None when current, year-only warning) of a matched `RANGE`;
    raises ValueError for unreadable dates or an end before the start."""
    start = parse_month(start_text, allow_year_only=True)
    end = None if sep is None or is_current(end_text) else parse_month(
        end_text or "", allow_year_only=True)
    if end is not None and end < start:
        raise ValueError(f"end {end_text!r} is before start {start_text!r}")
    year_only = [t for t in (start_text, end_text) if t and _YEAR_ONLY.fullmatch(t.strip())]
    warning = f"year-only date {year_only[0]!r}; January assumed" if year_only else None
    return start, end, warning


def split_groups(text: str) -> tuple[str, list[str], bool]:
    """Text outside top-level parentheses, the contents of each group, and whether the
    brackets balance. Full-width and ASCII brackets are treated alike; an unclosed group
    runs to the end of the text."""
    outside: list[str] = []
    groups: list[str] = []
    current: list[str] = []
    depth, balanced = 0, True
    for ch in text:
        if ch in _OPEN:
            depth += 1
            if depth == 1:
                continue
        elif ch in _CLOSE:
            if depth == 0:
                balanced = False
            else:
                depth -= 1
                if depth == 0:
                    groups.append("".join(current))
                    current = []
                    continue
        (current if depth else outside).append(ch)
    if depth:
        groups.append("".join(current))
        balanced = False
    return "".join(outside).strip(), groups, balanced


def paren_depth(text: str) -> int:
    """How many brackets are still open at the end of `text` (never negative)."""
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
    return depth


def split_group(group: str) -> tuple[str | None, list[str]]:
    """A parenthesised group as (note, sub-entry texts).

    `其间：a；b` lists sub-entries (anything before `其间` is a note, e.g. `正厅级，`);
    a group starting with a date is one or more sub-entries; anything else is a note
    such as `正处级` or `挂职`.
    """
    qijian = _QIJIAN.search(group)
    if qijian:
        note = group[:qijian.start()].strip(" ，,；;")
        body = group[qijian.end():]
    elif re.match(rf"\s*{DATE}", ascii_digits(group)):
        note, body = "", group
    else:
        return group.strip() or None, []
    parts = [p.strip(" ，,：:") for p in _SUB_SPLIT.split(ascii_digits(body))]
    return note or None, [p for p in parts if p]


def classify(text: str, *, parent_kind: SpellKind | None = None) -> tuple[SpellKind, bool]:
    """(kind, part_time) for an entry's main text; study inside a work spell is part-time."""
    if _STUDY_VERB.search(text) or _STUDY_ROLE.search(text):
        part_time = bool(_PART_TIME.search(text)) or parent_kind == "work" or (
            "党校" in text and "研究生" in text)
        return "study", part_time
    if _OTHER.search(text):
        return "other", False
    return "work", False


def split_unit_posts(text: str, kind: SpellKind) -> tuple[str | None, list[str]]:
    """Split `XX县财政局副局长` into (`XX县财政局`, [`副局长`]).

    Posts are separated by `、`, `，`, `；` or `兼`; the unit is taken from the first post
    (`XX县委常委、组织部部长` -> `XX县委`, [`常委`, `组织部部长`]); later posts keep their own
    wording. Study entries give the school as the unit. Returns (None, []) when no
    known post title ends the first part.
    """
    parts = [p.strip() for p in _POST_SPLIT.split(_LEADING_VERB.sub("", text)) if p.strip()]
    if not parts or kind == "other":
        return None, []
    first = parts[0]
    match = _POST_AT_END.search(first)
    if match:
        unit = _STUDY_TRIM.sub("", first[:match.start()]).strip() or None
        return unit, [match.group(0), *parts[1:]]
    if kind == "study":
        return _STUDY_TRIM.sub("", first).strip() or None, parts[1:]
    if first.endswith("工作"):
        return re.sub(r"^在|工作$", "", first).strip() or None, parts[1:]
    return None, []
