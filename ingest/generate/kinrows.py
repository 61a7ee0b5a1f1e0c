"""What each cadre declares on the 家庭成员及主要社会关系 form, as 称谓 seen from the cadre."""

from __future__ import annotations

from collections.abc import Iterator

from ingest.generate.entities import GPerson

_SIBLING = {("M", True): "哥哥", ("F", True): "姐姐", ("M", False): "弟弟", ("F", False): "妹妹"}
_SIBLING_SPOUSE = {"哥哥": "嫂子", "弟弟": "弟媳", "姐姐": "姐夫", "妹妹": "妹夫"}


def declarations(persons: list[GPerson], c: GPerson) -> Iterator[tuple[int, str]]:
    """(relative, 称谓): spouse, parents, siblings and their spouses, children and theirs,
    the spouse's parents."""
    male = c.gender == "M"
    if c.spouse >= 0:
        yield c.spouse, "妻子" if male else "丈夫"
    if c.father >= 0:
        yield c.father, "父亲"
        yield c.mother, "母亲"
        for s in persons[c.father].children:
            if s == c.idx:
                continue
            sib = persons[s]
            term = _SIBLING[sib.gender, (sib.birth, sib.idx) < (c.birth, c.idx)]
            yield s, term
            if sib.spouse >= 0:
                yield sib.spouse, _SIBLING_SPOUSE[term]
    for k in c.children:
        child = persons[k]
        yield k, "儿子" if child.gender == "M" else "女儿"
        if child.spouse >= 0:
            yield child.spouse, "儿媳" if child.gender == "M" else "女婿"
    if c.spouse >= 0:
        spouse = persons[c.spouse]
        if spouse.father >= 0:
            yield spouse.father, "岳父" if male else "公公"
            yield spouse.mother, "岳母" if male else "婆婆"
