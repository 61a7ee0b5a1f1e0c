"""Explained person-match scores, ID numbers, 称谓 sexes and text helpers."""

from __future__ import annotations

from datetime import date

import pytest

from graph.vocab import Gender
from ingest.resolve.features import WEIGHTS, Facts, score
from ingest.resolve.idnumber import clean_id, id_birth, id_gender
from ingest.resolve.relations import gender_of_relation
from ingest.resolve.resolver import MERGE_AT, REVIEW_AT, confident
from ingest.resolve.text import dice, one_edit_apart, strip_province, workplace_key

LI = Facts(name="李红", gender=Gender.F, birth=date(1972, 5, 1),
           workplaces=("临川市第一中学教师",), id="q")


def _other(**changes: object) -> Facts:
    data = {**LI.__dict__, "id": "R-LH", **changes}
    return Facts(**data)


def test_weights_sum_to_one_and_thresholds_are_ordered() -> None:
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)
    assert 0 < REVIEW_AT < MERGE_AT <= 1


def test_everything_agreeing_scores_one_with_each_feature_explained() -> None:
    match = score(LI, _other())
    assert match is not None and match.score == 1.0 and confident([match])
    assert [(f.label, f.similarity) for f in match.features] == [
        ("姓名", 1.0), ("出生年月", 1.0), ("性别", 1.0), ("工作单位及职务", 1.0)]
    assert match.explain().startswith("姓名 +0.40（相同：李红）；出生年月 +0.25（相同：1972.05）")
    assert match.explain().endswith("= 1.00")


def test_id_numbers_decide() -> None:
    same = score(_other(id_number="632901197205010024"), _other(id_number="632901197205010024",
                                                                name="李宏"))
    assert same is not None and same.score == 1.0 and same.features[0].label == "身份证号"
    assert score(_other(id_number="632901197205010024"),
                 _other(id_number="632901197205010032")) is None


def test_partial_and_contradicting_evidence() -> None:
    unknown_work = score(LI, _other(workplaces=("已去世",)))
    assert unknown_work is not None and unknown_work.score == 0.75
    assert not confident([unknown_work])
    near = score(LI, _other(name="李宏"))
    assert near is not None and near.score == 0.8 and not confident([near])
    other_month = score(LI, _other(birth=date(1972, 9, 1)))
    assert other_month is not None and other_month.features[1].similarity == 0.3
    other_sex = score(LI, _other(gender=Gender.M))
    assert other_sex is not None and other_sex.contradicted and not confident([other_sex])
    other_year = score(LI, _other(birth=date(1980, 5, 1), workplaces=()))
    assert other_year is not None and other_year.score < REVIEW_AT
    assert score(LI, _other(name="王芳")) is None
    assert score(LI, _other(name="张红")) is None  # one edit, but another surname


def test_two_good_candidates_are_not_confident() -> None:
    first, second = score(LI, _other()), score(LI, _other(id="R-2"))
    assert first is not None and second is not None
    assert not confident([first, second])


def test_id_number_shape_birth_and_sex() -> None:
    assert clean_id(" 63290119700315001x ") == "63290119700315001X"
    assert clean_id("6329011970031500") is None and clean_id("632901197013150016") is None
    assert clean_id("632901700315001") == "632901700315001"
    assert id_birth("632901197003150016") == date(1970, 3, 1)
    assert id_gender("632901197003150016") == Gender.M
    assert id_gender("632901197504020027") == Gender.F


@pytest.mark.parametrize(("term", "sex"), [
    ("妻子", Gender.F), ("岳父", Gender.M), ("大哥", Gender.M), ("二姐", Gender.F),
    ("配偶", None), ("子女", None), (None, None), ("儿媳", Gender.F)])
def test_relation_sex(term: str | None, sex: Gender | None) -> None:
    assert gender_of_relation(term) == sex


def test_text_helpers() -> None:
    assert strip_province("河西省临川市财政局") == "临川市财政局"
    assert strip_province("内蒙古自治区呼和浩特市") == "呼和浩特市"
    assert strip_province("河西省委组织部") == "河西省委组织部"
    assert workplace_key(" 中共临川市委 ") == "临川市委"
    assert workplace_key("已去世") is None and workplace_key(None) is None
    assert dice("临川市第一中学", "临川市第一中学") == 1.0 and dice("", "x") == 0.0
    assert one_edit_apart("张建国", "张建囯") and one_edit_apart("张国", "张建国")
    assert not one_edit_apart("张建国", "张建国") and not one_edit_apart("张三", "李四")


def test_a_similar_workplace_is_a_guess_not_a_merge() -> None:
    """Two schools of one county share most character pairs: the pair scores high but goes to
    review, never merged; the same school (or a text inside the other) is merged."""
    other_school = score(LI, _other(workplaces=("临川市第二中学教师",)))
    assert other_school is not None and other_school.score >= MERGE_AT
    assert not confident([other_school])
    contained = score(LI, _other(workplaces=("河西省临川市第一中学教师",)))
    assert contained is not None and confident([contained])


def test_generic_workplaces_agree_on_nothing() -> None:
    for text in ("学生", "退休干部", "农民", "个体经营"):
        assert workplace_key(text) is None
        student = Facts(name="张伟", gender=Gender.M, birth=date(1995, 3, 1), workplaces=(text,))
        match = score(student, Facts(**{**student.__dict__, "id": "X"}))
        assert match is not None and match.score == 0.75 and not confident([match]), text


def test_a_namesake_with_another_name_does_not_block_an_exact_match() -> None:
    exact = score(LI, _other())
    near = score(LI, _other(id="R-LJ", name="李虹", workplaces=("临川市第一中学职工",)))
    assert exact is not None and near is not None and near.score >= REVIEW_AT
    assert confident([exact, near])
    twin = score(LI, _other(id="R-LH2", workplaces=("临川市第一中学",)))
    assert twin is not None and not confident([exact, twin])  # two of the same name: review
