"""The 称谓 and GB/T 4761 tables and the normaliser."""

from __future__ import annotations

import pytest

from queries.kinship import Chain, KinshipError, TermKind, code_table, format_chain, term_table
from queries.kinship.simplify import readings
from queries.kinship.steps import parse_chain
from queries.kinship.terms import lookup, split_qualifier, term_for


def chains_of(entry_chains: tuple[Chain, ...]) -> list[str]:
    return [format_chain(chain) for chain in entry_chains]


def test_table_size() -> None:
    assert len(term_table()) >= 300


def test_every_entry_is_well_formed() -> None:
    for term, entry in {**term_table(), **code_table()}.items():
        if entry.kind is TermKind.NONE:
            assert entry.chains == (), term
            continue
        assert entry.chains, term
        assert len(set(entry.chains)) == len(entry.chains), term
        for chain in entry.chains:
            assert 1 <= len(chain) <= 5, term
            readings(chain)  # sexes consistent


def test_ego_column_agrees_with_the_chains() -> None:
    checked = 0
    for _term, entry in term_table().items():
        if entry.ego is None:
            continue
        for chain in entry.chains:
            readings(chain, entry.ego)
            with pytest.raises(KinshipError):
                readings(chain, entry.ego.opposite)
            checked += 1
    assert checked >= 50


@pytest.mark.parametrize(("term", "chains"), [
    ("岳父", ["w,f"]), ("公公", ["h,f"]), ("丈人", ["w,f"]), ("丈母娘", ["w,m"]),
    ("配偶", ["h", "w"]), ("爱人", ["h", "w"]),
    ("表弟", ["f,xs,s", "m,xb,s", "m,xs,s"]),
    ("连襟", ["w,xs,h"]), ("妯娌", ["h,xb,w"]), ("婶婶", ["f,lb,w"]),
    ("姨夫", ["m,xs,h", "w,xs,h"]),
    ("内侄", ["w,xb,s"]), ("姻侄", ["s,w,xb"]), ("孙媳", ["s,s,w"]),
    ("大伯子", ["h,ob"]), ("小叔子", ["h,lb"]), ("大姨子", ["w,os"]), ("小舅子", ["w,lb"]),
    ("嫂子", ["ob,w"]), ("弟妹", ["lb,w"]), ("姐夫", ["os,h"]), ("妹夫", ["ls,h"]),
    ("亲家", ["s,w,f", "s,w,m", "d,h,f", "d,h,m"]),
    ("堂侄", ["f,xb,s,s"]), ("侄孙", ["xb,s,s"]),
    ("外公", ["m,f"]), ("姥姥", ["m,m"]), ("曾祖父", ["f,f,f"]),
])  # fmt: skip
def test_term_chains(term: str, chains: list[str]) -> None:
    entry = term_table()[term]
    assert chains_of(entry.chains) == chains


EXPECTED_CODES = (
    [str(d) for d in range(9)] + ["01", "02", "03", "10", "11", "12"]
    + [str(n) for n in range(20, 100)]
)  # fmt: skip


def test_gbt4761_codes_are_complete() -> None:
    assert sorted(code_table()) == sorted(EXPECTED_CODES)


@pytest.mark.parametrize(("code", "name", "chains"), [
    ("10", "配偶", ["h", "w"]), ("11", "夫", ["h"]), ("12", "妻", ["w"]),
    ("20", "子", ["s"]), ("22", "长子", ["s"]), ("28", "女婿", ["d,h"]),
    ("30", "女", ["d"]), ("38", "儿媳", ["s,w"]),
    ("41", "孙子", ["s,s"]), ("43", "外孙子", ["d,s"]),
    ("45", "孙媳妇或外孙媳妇", ["s,s,w", "d,s,w"]),
    ("51", "父亲", ["f"]), ("52", "母亲", ["m"]), ("53", "公公", ["h,f"]), ("54", "婆婆", ["h,m"]),
    ("55", "岳父", ["w,f"]), ("56", "岳母", ["w,m"]),
    ("61", "祖父", ["f,f"]), ("63", "外祖父", ["m,f"]), ("66", "曾祖父", ["f,f,f"]),
    ("71", "兄", ["ob"]), ("72", "嫂", ["ob,w"]), ("73", "弟", ["lb"]), ("74", "弟媳", ["lb,w"]),
    ("75", "姐姐", ["os"]), ("76", "姐夫", ["os,h"]),
    ("77", "妹妹", ["ls"]), ("78", "妹夫", ["ls,h"]),
    ("81", "伯父", ["f,ob"]), ("84", "婶母", ["f,lb,w"]), ("87", "姨父", ["m,xs,h"]),
    ("90", "姑母", ["f,xs"]), ("93", "侄子", ["xb,s"]), ("96", "外甥女", ["xs,d"]),
])  # fmt: skip
def test_gbt4761_code(code: str, name: str, chains: list[str]) -> None:
    entry = code_table()[code]
    assert entry.term == name
    assert chains_of(entry.chains) == chains


def test_gbt4761_fictive_and_unspecified_codes() -> None:
    table = code_table()
    assert table["27"].kind is TermKind.ADOPTIVE_OR_STEP
    assert table["57"].kind is TermKind.ADOPTIVE_OR_STEP
    for code in ("01", "02", "59", "69", "80", "97", "98", "99"):
        assert table[code].kind is TermKind.NONE, code


@pytest.mark.parametrize(("written", "term"), [
    ("大哥", "哥"), ("二哥", "哥"), ("三弟", "弟"), ("长兄", "兄"), ("二姐", "姐"),
    ("长子", "子"), ("次子", "子"), ("长女", "女"), ("次女", "女"), ("三女", "女"),
    ("二女儿", "女儿"), ("小儿子", "儿子"), ("三叔", "叔"), ("二舅", "舅"), ("老舅", "舅"),
    ("大姑", "姑"), ("二姨", "姨"), ("大嫂", "嫂"), ("二姐夫", "姐夫"), ("十一叔", "叔"),
    ("亲哥哥", "哥哥"), ("胞弟", "弟"), ("亲生父亲", "父亲"), ("亲大哥", "哥"),
    # exact entries win over the normaliser
    ("大舅子", "大舅子"), ("小姨子", "小姨子"), ("老公", "老公"), ("亲家", "亲家"),
    ("大伯", "大伯"), ("小姑", "小姑"), ("老丈人", "老丈人"), ("大娘", "大娘"),
])  # fmt: skip
def test_normaliser(written: str, term: str) -> None:
    entry = lookup(written)
    assert entry is not None and entry.term == term


@pytest.mark.parametrize("written", ["叔叔叔", "大", "二三", "老板", "同事"])
def test_normaliser_rejects_non_terms(written: str) -> None:
    assert lookup(written) is None


@pytest.mark.parametrize(("written", "core", "upbringing"), [
    ("继父(抚养)", "继父", True),
    ("继父（形成抚养关系）", "继父", True),
    ("继母【有扶养关系】", "继母", True),
    ("继子(无抚养关系)", "继子", False),
    ("继女(未形成抚养关系)", "继女", False),
    ("父亲(已故)", "父亲", None),
    ("已故父亲", "父亲", None),
    (" 岳 父 ", "岳父", None),
])  # fmt: skip
def test_split_qualifier(written: str, core: str, upbringing: bool | None) -> None:
    assert split_qualifier(written) == (core, upbringing)


def test_term_for() -> None:
    assert term_for(parse_chain("w,f")) == "岳父"
    assert term_for(parse_chain("h,f")) == "公公"
    assert term_for(parse_chain("f")) == "父亲"
    assert term_for(parse_chain("f,f,f,f,f,f")) is None
