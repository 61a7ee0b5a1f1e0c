"""resolve(): 称谓, GB/T 4761 codes, chains and "X的Y" phrases to chains and categories."""

from __future__ import annotations

import pytest

from queries.kinship import Category, KinshipError, Resolution, Sex, TermKind, resolve

S, L, C3, IN, NO = (
    Category.SPOUSE,
    Category.LINEAL,
    Category.COLLATERAL3,
    Category.INLAW,
    Category.NONE,
)


def test_resolution_fields() -> None:
    r = resolve("岳父", Sex.M)
    assert r.input == "岳父"
    assert r.source == "term"
    assert r.chains == ["w,f"]
    assert r.category is IN
    assert r.category_label == "近姻亲关系"
    assert r.strongest_chain == "w,f"
    assert r.agreed
    assert r.kind is TermKind.KIN
    assert r.composable
    [chain] = r.per_chain
    assert (chain.chain, chain.category, chain.direct, chain.readings) == ("w,f", IN, IN, ["w,f"])
    assert Resolution.model_validate(r.model_dump()) == r


def test_sex_dependence() -> None:
    assert resolve("岳父", "男").category is IN
    assert resolve("公公", "女").category is IN
    with pytest.raises(KinshipError, match="公公"):
        resolve("岳父", Sex.F)  # a woman has no 岳父: her husband's father is 公公
    with pytest.raises(KinshipError, match="岳父"):
        resolve("公公", Sex.M)
    with pytest.raises(KinshipError):
        resolve("w,f", Sex.F)
    assert resolve("配偶").chains == ["h", "w"]
    assert resolve("配偶", Sex.M).chains == ["w"]
    assert resolve("配偶", Sex.F).chains == ["h"]
    assert resolve("姨夫", Sex.F).chains == ["m,xs,h"]  # 连襟 sense needs a male declarer


@pytest.mark.parametrize(("text", "category"), [
    # rules.md §1 examples
    ("岳父", IN), ("连襟", IN), ("表弟", C3), ("婶婶", IN), ("配偶的侄子", IN), ("内侄", IN),
    ("配偶的叔伯", IN), ("孙媳", NO), ("姻侄", NO), ("配偶的祖父母", NO), ("堂侄", NO),
    ("侄孙", NO), ("曾祖父", L), ("曾孙", L), ("从堂兄弟", NO), ("叔祖父", NO), ("姨奶奶", NO),
    # spouse
    ("丈夫", S), ("妻子", S), ("夫妻", S), ("爱人", S),
    # lineal: 祖父母、外祖父母、父母、子女、孙子女、外孙子女
    ("祖父母", L), ("外祖父母", L), ("父母", L), ("子女", L), ("孙子女", L), ("外孙子女", L),
    # collateral3: 伯叔姑舅姨、兄弟姐妹、堂兄弟姐妹、表兄弟姐妹、侄子女、甥子女
    ("伯叔姑舅姨", C3), ("伯父", C3), ("叔叔", C3), ("姑姑", C3), ("舅舅", C3), ("姨妈", C3),
    ("兄弟姐妹", C3), ("堂兄弟姐妹", C3), ("表兄弟姐妹", C3), ("侄子女", C3), ("甥子女", C3),
    # inlaw: 配偶的父母、配偶的兄弟姐妹及其配偶、子女的配偶及子女配偶的父母、三代以内旁系血亲的配偶
    ("配偶的父母", IN), ("配偶的兄弟姐妹", IN), ("配偶的兄弟姐妹的配偶", IN),
    ("子女的配偶", IN), ("子女配偶的父母", IN), ("亲家", IN),
    ("伯母", IN), ("婶母", IN), ("姑父", IN), ("舅妈", IN), ("姨父", IN), ("嫂子", IN),
    ("弟媳", IN), ("姐夫", IN), ("妹夫", IN), ("堂嫂", IN), ("表姐夫", IN), ("侄媳", IN),
    ("外甥女婿", IN), ("儿媳", IN), ("女婿", IN),
])  # fmt: skip
def test_categories_of_terms(text: str, category: Category) -> None:
    result = resolve(text)
    assert result.category is category, result.per_chain
    assert result.agreed, result.per_chain


def test_several_chains_strongest_wins_and_says_which() -> None:
    r = resolve("小姑")  # 父亲的妹妹 (collateral3) or 丈夫的妹妹 (inlaw)
    assert r.chains == ["f,xs", "h,ls"]
    assert [c.category for c in r.per_chain] == [C3, IN]
    assert r.category is C3 and r.strongest_chain == "f,xs" and not r.agreed
    r = resolve("叔公")  # 祖父的弟弟 (none) or 丈夫的叔父 (inlaw from his side)
    assert [(c.chain, c.category, c.direct) for c in r.per_chain] == [
        ("f,f,lb", NO, NO), ("h,f,lb", IN, NO),
    ]  # fmt: skip
    assert r.category is IN and r.strongest_chain == "h,f,lb"
    assert resolve("叔公", Sex.M).chains == ["f,f,lb"]


def test_codes() -> None:
    r = resolve("55")
    assert (r.source, r.term, r.chains, r.category) == ("code", "岳父", ["w,f"], IN)
    assert resolve("71").chains == ["ob"]
    assert resolve("1").category is S  # one-digit code: 配偶
    assert resolve("45").category is NO  # 孙媳妇或外孙媳妇
    r = resolve("97")  # 其他亲属: nothing to categorize
    assert (r.chains, r.category, r.composable, r.strongest_chain) == ([], NO, False, None)
    with pytest.raises(KinshipError, match="GB/T 4761"):
        resolve("13")
    with pytest.raises(KinshipError):
        resolve("55", Sex.F)


def test_chains_and_phrases() -> None:
    r = resolve("w, xs, h")
    assert (r.source, r.chains, r.category) == ("chain", ["w,xs,h"], IN)
    r = resolve("配偶的侄子", "男")
    assert (r.source, r.term, r.chains) == ("phrase", "配偶的侄子", ["w,xb,s"])
    assert (r.category, r.per_chain[0].direct) == (IN, NO)
    r = resolve("妻子的公公")  # the wife's husband's father: one's own father
    assert r.per_chain[0].readings == ["f"] and r.category is L
    assert resolve("大哥的儿子").category is C3
    assert resolve("配偶的兄弟姐妹的配偶").chains == ["h,xb,w", "h,xs,h", "w,xb,w", "w,xs,h"]


def test_adoptive_counts_like_blood() -> None:
    for term, category in [("养父", L), ("养母", L), ("养子", L), ("养女", L), ("养子女", L)]:
        r = resolve(term)
        assert (r.category, r.kind, r.composable) == (category, TermKind.ADOPTIVE, True), term


def test_step_counts_only_with_upbringing() -> None:
    r = resolve("继父")
    assert (r.chains, r.category, r.kind, r.upbringing, r.composable) == (
        ["f"], NO, TermKind.STEP, None, False,
    )  # fmt: skip
    assert r.per_chain[0].as_blood is L and r.per_chain[0].category is NO
    assert "抚养" in r.note
    for text in ["继父(抚养)", "继父（形成抚养关系）", "继母【有扶养关系】"]:
        r = resolve(text)
        assert (r.category, r.upbringing, r.composable) == (L, True, True), text
    assert resolve("继子", upbringing=True).category is L
    assert resolve("继子(无抚养关系)", upbringing=True).category is NO  # the qualifier wins
    assert resolve("继兄(抚养)").category is C3
    assert resolve("27").category is L  # 养子或继子: counted as adoptive (the safe side)


def test_declared_non_kin() -> None:
    for term in ["干爹", "义母", "朋友", "前妻", "非亲属", "本人"]:
        r = resolve(term)
        assert (r.chains, r.category, r.kind, r.composable) == ([], NO, TermKind.NONE, False)
    assert resolve("配偶的朋友").category is NO


@pytest.mark.parametrize("text", ["", "   ", "老板", "w,q", "x的y的", "的"])
def test_bad_input(text: str) -> None:
    with pytest.raises(KinshipError):
        resolve(text)


def test_ordinal_variants_resolve() -> None:
    assert resolve("二哥").chains == ["ob"]
    assert resolve("三姑").chains == ["f,xs"]
    assert resolve("长女").category is L
    assert resolve("大表哥").chains == ["f,xs,s", "m,xb,s", "m,xs,s"]
    assert resolve("父亲(已故)").category is L
