"""Planted kinship conflicts (rules.md §2): KIN-SAME-LEADER, KIN-DIRECT-LEAD, KIN-SENSITIVE,
KIN-BUSINESS. Each picks current holders of the posts the rule is about, makes them kin and
records the entry for planted.json. Planted people get no other cadre relative."""

from __future__ import annotations

from collections.abc import Iterator

from ingest.generate.context import Block, Plant, plant_count
from ingest.generate.entities import GPost
from ingest.generate.family import CHILD_SPOUSE, PARENT, SIBLING, SIBLING_SPOUSE, SPOUSE
from ingest.generate.pairing import NOTES, first_fit, fits

Pair = tuple[GPost, GPost]


def record(block: Block, rule: str, persons: list[int], posts: list[GPost], note: str) -> None:
    block.planted.append(Plant(rule, persons, [p.idx for p in posts], note))


def _holder(block: Block, holders: dict[int, list[int]], post: GPost) -> Iterator[int]:
    for person in holders.get(post.idx, ()):
        if block.free(person):
            yield person


def _plant_pairs(block: Block, rule: str, rate: float, opportunities: list[list[Pair]],
                 kinds: tuple[str, ...], note: str, directed: bool = False) -> None:
    """Per opportunity (candidate post pairs, first post's holder first), link one pair."""
    want = plant_count(rate, len(opportunities))
    block.rng.shuffle(opportunities)
    holders = block.holders()
    persons = block.persons
    for pairs in opportunities:
        if want == 0:
            return
        done = False
        for first, second in pairs:
            for a in _holder(block, holders, first):
                for b in _holder(block, holders, second):
                    if a == b or done:
                        continue
                    pa, pb = persons[a], persons[b]
                    fit = (next(((k, a, b) for k in kinds if fits(k, pa, pb)), None) if directed
                           else first_fit(kinds, pa, pb))
                    if fit:
                        block.link(fit[1], fit[2], fit[0])
                        text = note.format(first=block.units[first.unit].name, a=first.title,
                                           b=second.title, kin=NOTES[fit[0]],
                                           second=block.units[second.unit].name)
                        record(block, rule, [a, b], [first, second], text)
                        done = True
        want -= done


def plant_kin(block: Block, rate: float) -> None:
    units, posts = block.units, block.posts
    held = block.holders()
    by_unit: dict[int, list[GPost]] = {}
    for p in posts:
        if p.concurrent is None and p.idx in held:
            by_unit.setdefault(p.unit, []).append(p)
    business: list[list[Pair]] = []
    for u in units:
        if u.principal in held:
            business += [[(posts[u.principal], posts[pe])] for e in u.regulates
                         if (pe := units[e].principal) is not None and pe in held]
    _plant_pairs(block, "KIN-BUSINESS", rate, business, (SPOUSE, PARENT, CHILD_SPOUSE),
                 "{kin}：{first}{a}监管的{second}由其亲属任{b}", directed=True)
    general = [u for u in units if u.principal is not None
               and posts[u.principal].function == "general"]
    same: list[list[Pair]] = []
    for u in general:
        deps = [p for p in by_unit.get(u.idx, []) if p.role == "deputy"]
        if u.kind in ("department", "township") and len(deps) >= 2:
            same.append([(x, y) for i, x in enumerate(deps) for y in deps[i + 1:]])
    _plant_pairs(block, "KIN-SAME-LEADER", rate, same, (SPOUSE, SIBLING),
                 "{kin}同任{first}副职（{a}、{b}），同受该单位正职直接领导")
    direct: list[list[Pair]] = []
    for p in posts:
        direct += [[(p, posts[pr])] for u in p.oversees
                   if (pr := units[u].principal) is not None and pr in held and p.idx in held]
    for u in units:
        if u.kind == "institution" and u.parent is not None and u.principal in held:
            head = units[u.parent].principal
            if head is not None and units[u.parent].kind == "department" and head in held:
                direct.append([(posts[head], posts[u.principal])])
    direct = [pairs for pairs in direct
              if all(x.function == y.function == "general" for x, y in pairs)]
    _plant_pairs(block, "KIN-DIRECT-LEAD", rate, direct, (SIBLING_SPOUSE, SIBLING, SPOUSE),
                 "{kin}：{a}（{first}）是{b}（{second}）的直接上级")
    sensitive: list[list[Pair]] = []
    for u in general:
        mine = by_unit.get(u.idx, [])
        leaders = [p for p in mine if p.role in ("principal", "deputy")]
        staff = [p for p in mine if p.role == "staff" and p.reports_to is not None
                 and p.function in ("finance", "personnel")]
        if u.kind == "department" and leaders and staff:
            sensitive.append([(x, y) for x in leaders for y in staff])
    _plant_pairs(block, "KIN-SENSITIVE", rate, sensitive, (PARENT, SPOUSE, SIBLING),
                 "{kin}：一方任{first}{a}，另一方在该单位任{b}（财务/人事）", directed=True)
