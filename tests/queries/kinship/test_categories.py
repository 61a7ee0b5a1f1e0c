"""Categories by rule (rules.md §1): examples, every enumerated item, inversion, composition."""

from __future__ import annotations

import itertools

import pytest

from queries.kinship import (
    CATEGORY_LABELS,
    MAX_KIN_LENGTH,
    Category,
    KinshipError,
    Sex,
    Step,
    categorize,
    classify,
    compose,
    format_chain,
    invert,
    may_become_kin,
    pair_category,
    parse_chain,
)

S, L, C3, IN, NO = (
    Category.SPOUSE,
    Category.LINEAL,
    Category.COLLATERAL3,
    Category.INLAW,
    Category.NONE,
)


# --- the examples of rules.md §1, verbatim ---


@pytest.mark.parametrize(("name", "chain", "direct", "pair"), [
    ("岳父", "w,f", IN, IN),
    ("连襟", "w,xs,h", IN, IN),
    ("表弟 (姑表)", "f,xs,s", C3, C3),
    ("表弟 (舅表)", "m,xb,s", C3, C3),
    ("表弟 (姨表)", "m,xs,s", C3, C3),
    ("婶婶", "f,lb,w", IN, IN),
    ("配偶的侄子", "h,xb,s", NO, IN),
    ("内侄", "w,xb,s", NO, IN),
    ("配偶的叔伯", "w,f,xb", NO, IN),
    ("孙媳", "s,s,w", NO, NO),
    ("姻侄", "s,w,xb", NO, NO),
    ("配偶的祖父母", "w,f,f", NO, NO),
    ("second cousin", "f,f,xb,s,s", NO, NO),
    ("堂侄", "f,xb,s,s", NO, NO),
    ("侄孙", "xb,s,s", NO, NO),
    ("grandfather's brother", "f,f,xb", NO, NO),
    ("grandmother's sister", "m,m,xs", NO, NO),
    ("曾祖父", "f,f,f", L, L),
    ("曾孙", "s,s,s", L, L),
    ("玄孙", "s,s,s,s", L, L),
])  # fmt: skip
def test_rules_examples(name: str, chain: str, direct: Category, pair: Category) -> None:
    assert categorize(chain) is direct, name
    assert pair_category(chain) is pair, name


@pytest.mark.parametrize(("chain", "degree"), [
    ("xb", 2), ("os", 2),  # siblings = 2
    ("f,xb", 3), ("m,xs", 3), ("xb,s", 3), ("xs,d", 3), ("f,xb,s", 3), ("m,xs,d", 3),
    ("f,f,xb", 4), ("xb,s,s", 4), ("f,xb,s,s", 4), ("f,f,xb,s,s", 4), ("f,f,f,xb", 5),
])  # fmt: skip
def test_three_generations_counting(chain: str, degree: int) -> None:
    expected = C3 if degree <= 3 else NO
    assert categorize(chain) is expected
    assert pair_category(chain) is expected


# --- every enumerated item of §1, as chains ---

LINEAL_ITEMS = {
    "祖父母": ["f,f", "f,m"], "外祖父母": ["m,f", "m,m"], "父母": ["f", "m"],
    "子女": ["s", "d"], "孙子女": ["s,s", "s,d"], "外孙子女": ["d,s", "d,d"],
}  # fmt: skip
COLLATERAL_ITEMS = {
    "伯叔姑舅姨": ["f,ob", "f,lb", "f,xs", "m,xb", "m,xs"],
    "兄弟姐妹": ["ob", "lb", "os", "ls", "xb", "xs"],
    "堂兄弟姐妹": ["f,xb,s", "f,xb,d", "f,ob,s", "f,lb,d"],
    "表兄弟姐妹": ["f,xs,s", "f,xs,d", "m,xb,s", "m,xb,d", "m,xs,s", "m,xs,d"],
    "侄子女": ["xb,s", "xb,d"],
    "甥子女": ["xs,s", "xs,d"],
}
INLAW_ITEMS = {
    "配偶的父母": ["w,f", "w,m", "h,f", "h,m"],
    "配偶的兄弟姐妹": ["w,xb", "w,ob", "w,ls", "h,xb", "h,os"],
    "配偶的兄弟姐妹的配偶": ["w,xs,h", "w,xb,w", "h,xb,w", "h,xs,h"],
    "子女的配偶": ["s,w", "d,h"],
    "子女配偶的父母": ["s,w,f", "s,w,m", "d,h,f", "d,h,m"],
    "三代以内旁系血亲的配偶": [
        "f,ob,w", "f,lb,w", "f,xs,h", "m,xb,w", "m,xs,h",  # 伯母 婶母 姑父 舅母 姨父
        "ob,w", "lb,w", "os,h", "ls,h",  # 嫂 弟媳 姐夫 妹夫
        "f,xb,s,w", "f,xb,d,h", "m,xs,s,w", "f,xs,d,h",  # 堂嫂 堂姐夫 表嫂 表姐夫
        "xb,s,w", "xb,d,h", "xs,s,w", "xs,d,h",  # 侄媳 侄女婿 外甥媳 外甥女婿
    ],
}  # fmt: skip


@pytest.mark.parametrize(("items", "category"), [
    ({"夫妻": ["h", "w", "sp"]}, S),
    (LINEAL_ITEMS, L),
    (COLLATERAL_ITEMS, C3),
    (INLAW_ITEMS, IN),
])  # fmt: skip
def test_every_enumerated_item(items: dict[str, list[str]], category: Category) -> None:
    for name, chains in items.items():
        for chain in chains:
            assert categorize(chain) is category, (name, chain)
            assert pair_category(chain) is category, (name, chain)


def test_inlaw_is_not_symmetric_but_the_pair_is() -> None:
    # 婶婶 sees the nephew as 配偶的侄子: not enumerated that way round
    aunt_to_nephew = invert("f,lb,w")
    assert format_chain(aunt_to_nephew) == "h,ob,c"
    assert categorize(aunt_to_nephew) is NO
    assert pair_category(aunt_to_nephew) is IN


def test_sex_dependence() -> None:
    assert categorize("w,f", Sex.M) is IN
    assert categorize("h,f", Sex.F) is IN
    with pytest.raises(KinshipError):
        categorize("w,f", Sex.F)  # 岳父 for a woman: her "wife"
    with pytest.raises(KinshipError):
        pair_category("h,f", Sex.M)


def test_self_is_not_kin() -> None:
    assert categorize("s,f", Sex.M) is NO  # a man's son's father is himself
    assert categorize("s,f", Sex.F) is S  # a woman's son's father is her husband
    assert categorize("s,f") is S  # unknown: the strongest non-self reading
    assert categorize("w,h") is NO
    assert categorize("f,s") is C3  # father's son: ego or a brother -> brother
    assert classify(()) is None


def test_lineal_has_no_generation_limit() -> None:
    for n in range(1, 9):
        assert categorize(",".join(["f"] * n)) is L
        assert pair_category(",".join(["d"] * n)) is L


def test_middle_spouses_beyond_the_enumeration_are_none() -> None:
    for chain in ["xb,w,f", "w,xb,w,f", "s,w,xb,w", "w,f,w,xb", "f,xb,s,s,w"]:
        assert pair_category(chain) is NO, chain


def test_invert_examples() -> None:
    assert format_chain(invert("w,f")) == "d,h"
    assert format_chain(invert("h,f")) == "s,w"
    assert format_chain(invert("ob")) == "lsib"
    assert format_chain(invert("ob", Sex.F)) == "ls"
    assert format_chain(invert("f,xs,s", Sex.M)) == "m,xb,s"
    assert format_chain(invert("w,xs,h")) == "w,xs,h"
    assert format_chain(invert("c", None, Sex.F)) == "p"
    assert format_chain(invert("sp", Sex.M)) == "h"


def test_compose_derived_kinship() -> None:
    # A declares B as w, B declares C as f -> A-C w,f
    chain = compose("w", "f")
    assert chain == (Step.WIFE, Step.FATHER)
    assert pair_category(chain) is IN
    assert pair_category(compose("f", "xb", "s")) is C3
    assert pair_category(compose(parse_chain("s"), "w", "f")) is IN  # 亲家
    assert pair_category(compose("xb", "xb", "xb", "w")) is IN  # a brother's brother's wife


def test_category_labels() -> None:
    assert [category.label for category in Category] == [
        "夫妻关系", "直系血亲关系", "三代以内旁系血亲关系", "近姻亲关系", "无",
    ]  # fmt: skip
    assert CATEGORY_LABELS[Category.INLAW] == "近姻亲关系"
    assert Category("collateral3") is C3
    assert [c.rank for c in (S, L, C3, IN, NO)] == [4, 3, 2, 1, 0]
    assert not NO.is_kin and IN.is_kin


def _normal_forms(length: int) -> list[tuple[Step, ...]]:
    """Gendered normal forms (blood segments UP* SIB? DOWN*, joined by spouses)."""
    steps = [Step.FATHER, Step.SON, Step.BROTHER, Step.WIFE, Step.HUSBAND]
    found = []
    for chain in itertools.product(steps, repeat=length):
        try:
            if pair_category(chain).is_kin and classify(chain) is not None:
                found.append(chain)
        except KinshipError:
            continue
    return found


def test_max_kin_length() -> None:
    assert categorize("f,xb,s,w") is IN  # the longest non-lineal kin form: cousin's wife
    assert len(parse_chain("f,xb,s,w")) == MAX_KIN_LENGTH
    for length in (MAX_KIN_LENGTH + 1, MAX_KIN_LENGTH + 2):
        for chain in _normal_forms(length):
            from queries.kinship import simplify

            for reading in simplify(chain):
                if pair_category(reading).is_kin and len(reading) == length:
                    kinds = {step.kind for step in reading}
                    assert len(kinds) == 1, format_chain(reading)  # only lineal this long


def test_may_become_kin() -> None:
    assert may_become_kin("f,f,f,f,f,f", 0)  # lineal
    assert may_become_kin("w,f,f", 0)  # conservative: short forms always may
    assert may_become_kin("f,f,xb,s,s,s", 2)  # 6 - 2 = 4
    assert not may_become_kin("f,f,xb,s,s,s", 1)
    assert may_become_kin("f,f,f,f,xb,s", 1)  # back up to f,f,f,f (lineal)
    assert not may_become_kin("f,f,xb,s,s,s,w", 1)
