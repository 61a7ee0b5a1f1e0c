"""Display terms: Chinese by default, English on request."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]

TERMS: dict[str, tuple[str, str]] = {
    "Person": ("人员", "Person"),
    "Unit": ("单位", "Unit"),
    "Post": ("职位", "Post"),
    "Region": ("行政区划", "Region"),
    "Assessment": ("年度考核", "Assessment"),
    "Training": ("教育培训", "Training"),
    "PART_OF": ("隶属", "part of"),
    "IN_REGION": ("所在区划", "in region"),
    "REGULATES": ("监管", "regulates"),
    "IN_UNIT": ("所在单位", "in unit"),
    "REPORTS_TO": ("直接领导", "reports to"),
    "OVERSEES": ("分管", "oversees"),
    "WITHIN": ("上级区划", "within"),
    "GREW_UP_IN": ("成长地", "grew up in"),
    "HOLDS": ("任职", "holds"),
    "KIN": ("亲属关系", "kinship"),
    "ASSESSED": ("考核", "assessed"),
    "TRAINED": ("培训", "trained"),
    "RECOMMENDS": ("推荐", "recommends"),
    "INSPECTS": ("考察", "inspects"),
    "VOTES_ON": ("表决", "votes on"),
    "DECIDES": ("决定", "decides"),
    "VOUCHES_FOR": ("证明人", "vouches for"),
    "table": ("表", "table"),
    "read": ("读入", "read"),
    "loaded": ("载入", "loaded"),
    "rejected": ("拒收", "rejected"),
    "kind": ("类别", "kind"),
    "count": ("数量", "count"),
    "nodes": ("节点", "nodes"),
    "edges": ("关系", "edges"),
    "file": ("文件", "file"),
    "row": ("行", "row"),
    "field": ("字段", "field"),
    "reason": ("原因", "reason"),
}


def term(key: str, lang: Lang = "zh") -> str:
    zh, en = TERMS.get(key, (key, key))
    return zh if lang == "zh" else en
