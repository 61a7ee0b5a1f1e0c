"""Categories by rule (rules.md §1): examples, every enumerated item, inversion, composition."""

from __future__ import annotations

import pytest

from queries.kinship import (
    Category,
    KinshipError,
    Sex,
    Step,
    categorize,
    classify,
    compose,
    format_chain,
    invert,
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
    for chain in ["xb,w,f", "w,xb,w,f", "s,w,xb,w", "w,m,xs,h", "f,xb,s,s,w"]:
        assert pair_category(chain) is NO, chain
    # but a middle spouse may collapse: wife's father's wife is the wife's mother,
    # and her brother (配偶的舅舅) is inlaw from his side (外甥女婿)
    assert pair_category("w,f,w,xb") is IN


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
    # a brother's brother's brother's wife: ego's own wife if the last brother is ego,
    # which a path of different people rules out
    assert pair_category(compose("xb", "xb", "xb", "w")) is S
    assert pair_category(compose("xb", "xb", "xb", "w"), distinct=True) is IN


@pytest.mark.parametrize(("chain", "default", "distinct"), [
    ("f,s", C3, C3),  # father's son: a brother either way
    ("f,f,s", L, C3),  # grandfather's son: the father, or (if not him) an uncle
    ("s,f", S, S),  # unknown sex: ego, or the spouse
    ("w,h", NO, NO),  # wife's (other) husband
    ("f,w,h", L, NO),  # mother's husband who is not the father: a step-father
    ("f,w", L, L),  # father's wife: the mother, presumed
    ("w,s", L, L),  # wife's son: presumed one's own
    ("s,w,h", L, NO),  # daughter-in-law's husband: the son, or (if not him) none
])  # fmt: skip
def test_distinct_persons(chain: str, default: Category, distinct: Category) -> None:
    assert pair_category(chain) is default
    assert pair_category(chain, distinct=True) is distinct
    assert categorize(chain, distinct=True).rank <= categorize(chain).rank
