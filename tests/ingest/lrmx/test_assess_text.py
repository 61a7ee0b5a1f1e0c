"""年度考核结果 text read into (year, grade) pairs; the rest named as problems."""

from __future__ import annotations

import pytest

from graph.vocab import Grade
from ingest.lrmx.assess_text import parse_reviews

C, E, B = Grade.competent, Grade.excellent, Grade.basically_competent


@pytest.mark.parametrize(("text", "pairs"), [
    ("2021年度称职；2022年度优秀", [(2021, C), (2022, E)]),
    ("2021年、2022年年度考核均为称职，2023年年度考核为优秀。", [(2021, C), (2022, C), (2023, E)]),
    ("2019-2021年度均为称职", [(2019, C), (2020, C), (2021, C)]),
    ("２０２１年度基本称职", [(2021, B)]),
    ("2021年优秀2022年称职", [(2021, E), (2022, C)]),
    ("2021年、2022年，均为优秀", [(2021, E), (2022, E)]),
    ("无", []), ("", []),
])
def test_pairs(text: str, pairs: list[tuple[int, Grade]]) -> None:
    parsed = parse_reviews(text)
    assert [(i.year, i.grade) for i in parsed.items] == pairs and not parsed.problems


def test_institution_grades_keep_the_written_word() -> None:
    parsed = parse_reviews("2020年度合格；2021年度基本合格")
    assert [(i.year, i.grade, i.written) for i in parsed.items] == [
        (2020, C, "合格"), (2021, B, "基本合格")]


def test_problems_name_the_fragment() -> None:
    parsed = parse_reviews("2020年度称职；2020年度优秀；优秀；2022年度；待定")
    assert [(i.year, i.grade) for i in parsed.items] == [(2020, C)]
    assert parsed.problems == [("2020年度优秀", "2020 年度考核结果前后不一：称职 / 优秀"),
                               ("优秀", "考核结果没有年份"), ("待定", "无法识别的考核结果"),
                               ("2022", "2022 年度没有考核结果")]
