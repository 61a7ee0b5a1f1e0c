"""Reduce a chain to its genealogical normal form(s): the public face of the rewriting.

The rules and presumptions are in :mod:`queries.kinship.rewrite` (``f,w`` is presumed the
mother, ``w,s`` one's own son, ``f,s`` is ego or a brother, ``s,f`` ego or the spouse).

**Distinct persons.** With ``distinct=True`` the persons on the walk are taken to be distinct
people (as on a simple path through declared edges: A -> B -> C -> D, all different), so no
reading makes the relative equal to an earlier person on the walk: ``xb,xb`` is only a brother,
``f,s`` only a brother, ``s,f`` (a man) has no reading and ``w,h`` (wife's other husband) none.
Nor may two of them land on the same unique position (one father, one mother, one
spouse): in ``f,w,h`` the mother's husband would be the father already met, so he is a
step-father and the chain has no reading. A chain with no reading in this mode is not kin
(see :mod:`queries.kinship.distinct`).
"""

from __future__ import annotations

from functools import lru_cache

from queries.kinship.distinct import distinct_readings
from queries.kinship.rewrite import Reading, fmt, gender, push
from queries.kinship.steps import Chain, KinshipError, Sex

__all__ = ["Reading", "gender", "readings", "simplify"]


@lru_cache(maxsize=65536)
def readings(
    chain: Chain,
    ego_sex: Sex | None = None,
    relative_sex: Sex | None = None,
    distinct: bool = False,
) -> tuple[Reading, ...]:
    """All normal-form readings of ``chain`` (sorted, without duplicates).

    Raises :class:`KinshipError` if the sexes contradict each other. In the default mode a
    chain without any reading raises too; with ``distinct`` an empty tuple means the walk is
    possible (through step relations) but not kin.
    """
    ego, gendered = gender(chain, ego_sex, relative_sex)
    if distinct:
        found = distinct_readings(ego, gendered)
    else:
        found = {Reading(ego, ())}
        for step in gendered:
            found = {new for state in found for new in push(state, step, False)}
        if not found:
            raise KinshipError(f"chain {fmt(chain)} has no consistent reading")
    return tuple(sorted(found, key=lambda r: (len(r.chain), fmt(r.chain), r.ego_sex or "")))


def simplify(
    chain: Chain,
    ego_sex: Sex | None = None,
    relative_sex: Sex | None = None,
    distinct: bool = False,
) -> list[Chain]:
    """The distinct normal forms of ``chain``; ``()`` means the relative is ego (self).

    ``f,w`` -> ``[m]``; ``f,s`` -> ``[(), xb]`` for a man (himself or a brother); with
    ``distinct=True`` ``f,s`` -> ``[xb]``.
    """
    seen: dict[Chain, None] = {}
    for reading in readings(chain, ego_sex, relative_sex, distinct):
        seen.setdefault(reading.chain, None)
    return list(seen)
