"""年度考核结果 text (`2021年度称职；2022年度优秀`, `2021年、2022年年度考核均为称职，2023年
年度考核为优秀。`, `2019-2021年度均为称职`) read into (year, grade) pairs.

Clauses are split at `；，。`; years in a clause without a grade carry over to the next
clause that has one. 事业单位 grades (合格, 基本合格, 不合格) count as 称职, 基本称职,
不称职, and the written word is kept. Anything else is a problem naming the fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.vocab import Grade
from ingest.lrmx.jianli_text import ascii_digits

_GRADES = {"基本称职": Grade.basically_competent, "不称职": Grade.incompetent,
           "称职": Grade.competent, "优秀": Grade.excellent, "基本合格": Grade.basically_competent,
           "不合格": Grade.incompetent, "合格": Grade.competent}
_GRADE = re.compile("|".join(sorted(_GRADES, key=len, reverse=True)))
_RANGE = re.compile(r"(\d{4})\s*年?度?\s*(?:--|—|－|-|~|～|至|到)\s*(\d{4})")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_SPLIT = re.compile(r"[；;，,。\n]")
_NOTHING = ("无", "暂无", "未考核", "")


@dataclass(frozen=True)
class YearGrade:
    year: int
    grade: Grade
    written: str


@dataclass
class ReviewText:
    items: list[YearGrade] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(fragment, reason) for what could not be read."""


def _years(clause: str) -> list[int]:
    years: list[int] = []
    for m in _RANGE.finditer(clause):
        first, last = int(m[1]), int(m[2])
        if first <= last and last - first < 30:
            years += range(first, last + 1)
    years += [int(y) for y in _YEAR.findall(_RANGE.sub("", clause))]
    return [y for y in dict.fromkeys(years) if 1950 <= y <= 2100]


def parse_reviews(text: str | None) -> ReviewText:
    out = ReviewText()
    seen: dict[int, YearGrade] = {}
    carried: list[int] = []
    for clause in (c.strip() for c in _SPLIT.split(ascii_digits(text or ""))):
        years, words = _years(clause), _GRADE.findall(clause)
        if not words:
            if years:
                carried += years
            elif clause not in _NOTHING:
                out.problems.append((clause, "无法识别的考核结果"))
            continue
        years = years or carried
        carried = []
        grades = {_GRADES[w] for w in words}
        if not years:
            out.problems.append((clause, "考核结果没有年份"))
            continue
        if len(grades) > 1 and len(words) != len(years):
            out.problems.append((clause, "一句中有多个考核结果，无法对应年份"))
            continue
        pairs = zip(years, words if len(grades) > 1 else [words[0]] * len(years), strict=True)
        for year, word in pairs:
            item = YearGrade(year, _GRADES[word], word)
            before = seen.get(year)
            if before is not None and before.grade != item.grade:
                out.problems.append((clause, f"{year} 年度考核结果前后不一："
                                             f"{before.written} / {word}"))
            elif before is None:
                seen[year] = item
                out.items.append(item)
    out.problems += [(str(y), f"{y} 年度没有考核结果") for y in carried]
    return out
