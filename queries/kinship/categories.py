"""Kinship categories of rules.md §1, computed from a chain by rule.

Each normal form (see :mod:`queries.kinship.simplify`) is a sequence of blood segments joined by
spouse steps. A blood segment ``UP^a SIB? DOWN^b`` climbs ``u = a (+1 with SIB)`` generations to
the nearest common ancestor and descends ``d = b (+1)``. Counting each person as generation 1,
the degree is ``max(u, d) + 1``: siblings 2; uncles, nephews, first cousins 3; second cousins,
堂侄, 侄孙, grandparents' siblings 4. With ``[]`` for an empty segment and ``|`` for a spouse step:

* ``spouse``: ``[] | []``.
* ``lineal``: one segment with ``u == 0`` or ``d == 0`` (any number of generations).
* ``collateral3``: one segment with ``u, d >= 1`` and degree <= 3.
* ``inlaw``: 配偶的父母 ``[] | (1,0)``; 配偶的兄弟姐妹 ``[] | (1,1)``; 其配偶
  ``[] | (1,1) | []``; 子女的配偶 ``(0,1) | []``; 子女配偶的父母 ``(0,1) | (1,0)``;
  三代以内旁系血亲的配偶 ``collateral3 | []``.
* ``none``: anything else.

A chain may have several readings; :func:`categorize` reports the strongest non-self one.
:func:`pair_category` applies the either-direction rule (GWYF §74 speaks of a relation between
two people): the strongest of the chain and its inverse.
"""

from __future__ import annotations

from functools import lru_cache

from queries.kinship.simplify import gender, readings
from queries.kinship.steps import Chain, Kind, Sex, Step, make_step, parse_chain
from queries.kinship.types import Category

_EMPTY, _PARENT, _CHILD, _SIBLING = (0, 0), (1, 0), (0, 1), (1, 1)


def _segments(normal: Chain) -> list[tuple[int, int]]:
    segments = [_EMPTY]
    for step in normal:
        up, down = segments[-1]
        if step.kind is Kind.SPOUSE:
            segments.append(_EMPTY)
        elif step.kind is Kind.UP:
            segments[-1] = (up + 1, down)
        elif step.kind is Kind.DOWN:
            segments[-1] = (up, down + 1)
        else:
            segments[-1] = (up + 1, down + 1)
    return segments


def _collateral3(segment: tuple[int, int]) -> bool:
    up, down = segment
    return up >= 1 and down >= 1 and max(up, down) + 1 <= 3


def classify(normal: Chain) -> Category | None:
    """Category of one normal-form chain; None for the empty chain (self)."""
    segments = _segments(normal)
    if len(segments) == 1:
        up, down = segments[0]
        if up == down == 0:
            return None
        if up == 0 or down == 0:
            return Category.LINEAL
        return Category.COLLATERAL3 if _collateral3(segments[0]) else Category.NONE
    if len(segments) == 2:
        first, second = segments
        if first == second == _EMPTY:
            return Category.SPOUSE
        if first == _EMPTY and second in (_PARENT, _SIBLING):
            return Category.INLAW
        if second == _EMPTY and (first == _CHILD or _collateral3(first)):
            return Category.INLAW
        if first == _CHILD and second == _PARENT:
            return Category.INLAW
        return Category.NONE
    if segments == [_EMPTY, _SIBLING, _EMPTY]:
        return Category.INLAW
    return Category.NONE


def strongest(categories: list[Category]) -> Category:
    """The closest category (spouse > lineal > collateral3 > inlaw > none)."""
    return max(categories, key=lambda category: category.rank, default=Category.NONE)


@lru_cache(maxsize=65536)
def _categorize(
    chain: Chain, ego_sex: Sex | None, relative_sex: Sex | None, distinct: bool
) -> Category:
    found = [classify(r.chain) for r in readings(chain, ego_sex, relative_sex, distinct)]
    return strongest([category for category in found if category is not None])


def categorize(
    chain: Chain | str,
    ego_sex: Sex | None = None,
    relative_sex: Sex | None = None,
    *,
    distinct: bool = False,
) -> Category:
    """Category of the relative as seen from ego only (no either-direction rule).

    The strongest over the chain's readings, ignoring a self reading; ``none`` if ego is the
    only reading. ``distinct``: the persons on the walk are different people (a path of
    declared edges), see :mod:`queries.kinship.simplify`. Raises :class:`KinshipError` on bad
    input.
    """
    return _categorize(parse_chain(chain), ego_sex, relative_sex, distinct)


_INVERSE_KIND = {
    Kind.UP: Kind.DOWN,
    Kind.DOWN: Kind.UP,
    Kind.SIB: Kind.SIB,
    Kind.SPOUSE: Kind.SPOUSE,
}


def invert(
    chain: Chain | str, ego_sex: Sex | None = None, relative_sex: Sex | None = None
) -> Chain:
    """The chain from the relative back to ego: ``w,f`` (man) -> ``d,h``; ``ob`` -> ``lsib``.

    Sexes not implied by the chain or given stay neutral (``f`` -> ``c`` for an ego of
    unknown sex); seniority flips (elder <-> younger).
    """
    ego, gendered = gender(parse_chain(chain), ego_sex, relative_sex)
    sexes = [ego, *(step.sex for step in gendered)]
    inverse: list[Step] = []
    for i in range(len(gendered), 0, -1):
        step = gendered[i - 1]
        seniority = step.seniority.opposite if step.seniority is not None else None
        inverse.append(make_step(_INVERSE_KIND[step.kind], sexes[i - 1], seniority))
    return tuple(inverse)


@lru_cache(maxsize=65536)
def _pair_category(
    chain: Chain, ego_sex: Sex | None, relative_sex: Sex | None, distinct: bool
) -> Category:
    ego, gendered = gender(chain, ego_sex, relative_sex)
    relative = gendered[-1].sex if gendered else ego
    forward = _categorize(gendered, ego, relative, distinct)
    backward = _categorize(invert(gendered, ego, relative), relative, ego, distinct)
    return strongest([forward, backward])


def pair_category(
    chain: Chain | str,
    ego_sex: Sex | None = None,
    relative_sex: Sex | None = None,
    *,
    distinct: bool = False,
) -> Category:
    """Category of the *pair* (ego, relative): covered if either direction is covered.

    配偶的侄子 ``w,xb,s`` -> ``inlaw`` (the other way round it is 姑父, 三代以内旁系血亲的配偶);
    孙媳 ``s,s,w`` -> ``none`` both ways. For a path of declared edges between different
    people pass ``distinct=True`` (``xb,xb,w`` is then a brother's wife, never ego's wife).
    Cached; raises :class:`KinshipError` on bad input.
    """
    return _pair_category(parse_chain(chain), ego_sex, relative_sex, distinct)


def compose(first: Chain | str, second: Chain | str, *more: Chain | str) -> Chain:
    """Derived kinship: A sees B as ``first``, B sees C as ``second`` -> A sees C as the result.

    ``compose("w", "f")`` is ``w,f`` (岳父). The result is the plain concatenation; use
    :func:`pair_category` (cached; ``distinct=True`` on a path of different people) to
    categorize it and :func:`queries.kinship.paths.may_become_kin` to prune a path search.
    """
    chain = parse_chain(first) + parse_chain(second)
    for part in more:
        chain += parse_chain(part)
    return chain
