"""Path-search helpers: the longest kin chain and pruning."""

from __future__ import annotations

import itertools

from queries.kinship import (
    MAX_KIN_LENGTH,
    Category,
    KinshipError,
    Step,
    categorize,
    format_chain,
    may_become_kin,
    pair_category,
    parse_chain,
    simplify,
)

IN = Category.INLAW


def test_max_kin_length() -> None:
    assert categorize("f,xb,s,w") is IN  # the longest non-lineal kin form: cousin's wife
    assert len(parse_chain("f,xb,s,w")) == MAX_KIN_LENGTH
    # every normal form longer than that which is kin (either direction) is lineal
    steps = [Step.FATHER, Step.SON, Step.BROTHER, Step.WIFE, Step.HUSBAND]
    longer = 0
    for length in (MAX_KIN_LENGTH + 1, MAX_KIN_LENGTH + 2):
        for chain in itertools.product(steps, repeat=length):
            try:
                normal_forms = simplify(chain)
            except KinshipError:
                continue
            for reading in normal_forms:
                if len(reading) > MAX_KIN_LENGTH and pair_category(reading).is_kin:
                    assert len({step.kind for step in reading}) == 1, format_chain(reading)
                    longer += 1
    assert longer > 0  # the lineal ones (f,f,f,f,f ...) were seen


def test_may_become_kin() -> None:
    assert may_become_kin("f,f,f,f,f,f", 0)  # lineal
    assert may_become_kin("w,f,f", 0)  # conservative: short forms always may
    assert may_become_kin("f,f,xb,s,s,s", 2)  # 6 - 2 = 4
    assert not may_become_kin("f,f,xb,s,s,s", 1)
    assert may_become_kin("f,f,f,f,xb,s", 1)  # back up to f,f,f,f (lineal)
    assert not may_become_kin("f,f,xb,s,s,s,w", 1)


def test_may_become_kin_on_a_path_of_different_people() -> None:
    assert not may_become_kin("w,h", 2, distinct=True)  # a wife's other husband: dead end
    assert may_become_kin("w,h", 0)  # without distinctness it is ego
    assert may_become_kin("xb,xb,xb,xb,xb,xb", 0, distinct=True)  # still a brother
