"""The sex a 称谓 implies for the relative (妻子 -> F, 岳父 -> M); None when it does not
(配偶, 爱人, 子女, 孩子 ...). Used only as matching evidence, never stored as a guess."""

from __future__ import annotations

from graph.vocab import Gender
from ingest.resolve.text import nfkc

_FEMALE = (
    "妻子", "妻", "老婆", "母亲", "母", "妈妈", "女儿", "女", "长女", "次女", "姐姐", "妹妹", "姐",
    "妹", "儿媳", "媳妇", "岳母", "婆婆", "祖母", "奶奶", "外祖母", "姥姥", "外婆", "孙女",
    "外孙女", "嫂子", "嫂", "弟媳", "弟妹", "姑母", "姑姑", "姨母", "姨", "舅母", "舅妈", "婶母",
    "婶婶", "伯母", "继母", "养母", "侄女", "外甥女", "表姐", "表妹", "堂姐", "堂妹", "姑嫂",
)
_MALE = (
    "丈夫", "夫", "老公", "父亲", "父", "爸爸", "儿子", "子", "长子", "次子", "哥哥", "弟弟", "哥",
    "弟", "女婿", "岳父", "公公", "祖父", "爷爷", "外祖父", "姥爷", "外公", "孙子", "外孙",
    "姐夫", "妹夫", "叔叔", "叔父", "伯父", "舅舅", "舅父", "姑父", "姨父", "继父", "养父",
    "侄子", "外甥", "表哥", "表弟", "堂哥", "堂弟", "堂兄", "表兄", "连襟",
)
_TABLE = {**{t: Gender.F for t in _FEMALE}, **{t: Gender.M for t in _MALE}}
_PREFIXES = ("大", "二", "三", "四", "五", "小", "亲", "胞")


def gender_of_relation(relation: str | None) -> Gender | None:
    """The relative's sex implied by the term, after ordinal prefixes (大哥, 二姐, 亲弟弟)."""
    if not relation:
        return None
    term = nfkc(relation)
    if term in _TABLE:
        return _TABLE[term]
    for prefix in _PREFIXES:
        if term.startswith(prefix) and term[len(prefix):] in _TABLE:
            return _TABLE[term[len(prefix):]]
    return None
