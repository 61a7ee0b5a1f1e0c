"""Readings for a walk whose persons are all different people (a path of declared edges).

On a simple path A -> B -> C -> D every person is someone else, so no reading may make two of
them the same person. Two kinds of identity can arise while rewriting:

* an *identity branch* (``f,s``: the father's son is ego): simply not taken here;
* a *unique position* reached twice: everyone has at most two parents, one of each sex, and
  (monogamy presumed) one spouse. In ``f,w,h`` the mother's husband lands on "the father of
  ego", whom the walk already met, so he is someone else (a step-father) and the walk has no
  blood or marriage reading.

Each state remembers which walk person every stack entry stands for, the sexes known so far,
and the parent and spouse links learnt from the raw steps and from where each person landed
in the normal form; links that need a third parent or a second spouse drop the state.
"""

from __future__ import annotations

from typing import NamedTuple

from queries.kinship.rewrite import Reading, push
from queries.kinship.steps import Chain, Kind, Sex

_Links = frozenset[tuple[str, int, int]]  # ("parent", child, parent) / ("spouse", a, b)


class _State(NamedTuple):
    reading: Reading
    who: tuple[int, ...]  # walk person of ego (0) and of each stack entry
    sexes: tuple[Sex | None, ...]  # of every walk person met so far
    links: _Links


def _link(links: _Links, kind: Kind, a: int, b: int) -> _Links:
    """Add the links of ``b = <kind> of a``."""
    if kind is Kind.UP:
        return links | {("parent", a, b)}
    if kind is Kind.DOWN:
        return links | {("parent", b, a)}
    if kind is Kind.SPOUSE:
        return links | {("spouse", a, b), ("spouse", b, a)}
    return links


def _possible(links: _Links, sexes: tuple[Sex | None, ...]) -> bool:
    parents: dict[int, set[int]] = {}
    spouses: dict[int, set[int]] = {}
    for relation, a, b in links:
        (parents if relation == "parent" else spouses).setdefault(a, set()).add(b)
    if any(len(found) > 1 for found in spouses.values()):
        return False
    for found in parents.values():
        known = [sexes[p] for p in found if sexes[p] is not None]
        if len(found) > 2 or len(known) != len(set(known)):
            return False
    return True


def _refine(sexes: tuple[Sex | None, ...], person: int, sex: Sex | None) -> tuple[Sex | None, ...]:
    if sex is None or sexes[person] is not None:
        return sexes
    return (*sexes[:person], sex, *sexes[person + 1 :])


def distinct_readings(ego: Sex | None, gendered: Chain) -> set[Reading]:
    """All readings of the (already gendered) walk in which its persons are all different."""
    raw: tuple[Sex | None, ...] = (ego, *(step.sex for step in gendered))
    states = {_State(Reading(ego, ()), (0,), raw, frozenset())}
    for index, step in enumerate(gendered):
        person = index + 1
        after: set[_State] = set()
        for state in states:
            links = _link(state.links, step.kind, index, person)
            for reading in push(state.reading, step, True):
                anchor = len(reading.chain) - 1  # the stack entry the new person hangs from
                if anchor < len(state.reading.chain) - 1:
                    continue  # an identity: impossible on a path of different people
                who = (*state.who[: anchor + 1], person)
                sexes = _refine(state.sexes, 0, reading.ego_sex)
                for position, entry in enumerate(reading.chain, start=1):
                    sexes = _refine(sexes, who[position], entry.sex)
                placed = _link(links, reading.chain[-1].kind, who[anchor], person)
                if _possible(placed, sexes):
                    after.add(_State(reading, who, sexes, placed))
        states = after
    return {state.reading for state in states}
