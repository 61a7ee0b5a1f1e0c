"""Helpers for finding kin through paths of declared edges (A -> B -> C ...).

A path search composes the chains of declared edges (:func:`~queries.kinship.compose`) and
categorizes the result with ``pair_category(chain, distinct=True)`` (the people on a simple
path are all different). Kin can be reached through arbitrarily long paths (a brother's
brother's brother is a brother), so bound the search by hops and prune with
:func:`may_become_kin`.
"""

from __future__ import annotations

from queries.kinship.simplify import readings
from queries.kinship.steps import Chain, Kind, Sex, parse_chain

MAX_KIN_LENGTH = 4
"""Longest normal form of a kin relation other than ``lineal`` (cousin's spouse ``f,xb,s,w``).

``lineal`` normal forms are all-UP or all-DOWN and may be of any length."""


def _lineal_prefix(normal: Chain) -> int:
    if not normal or normal[0].kind not in (Kind.UP, Kind.DOWN):
        return 0
    return next(
        (i for i, step in enumerate(normal) if step.kind is not normal[0].kind), len(normal)
    )


def may_become_kin(
    chain: Chain | str, extra_steps: int, ego_sex: Sex | None = None, *, distinct: bool = False
) -> bool:
    """Whether appending at most ``extra_steps`` atomic steps could make the chain kin.

    Conservative (it may say True for a chain that stays ``none``) but sound for pruning a
    path search (never False when kin is reachable). Appending one step changes a normal
    form's length by at most one and alters only its last remaining step, so a reading of
    length ``n`` needs ``n - 4`` more steps to reach a non-lineal kin form
    (:data:`MAX_KIN_LENGTH`), and ``n - (k + 1)`` to reach a lineal form if it starts with
    ``k`` steps all up (or all down). A lineal reading can always stay lineal.
    """
    for reading in readings(parse_chain(chain), ego_sex, None, distinct):
        length = len(reading.chain)
        if length - extra_steps <= max(MAX_KIN_LENGTH, _lineal_prefix(reading.chain) + 1):
            return True
    return False
