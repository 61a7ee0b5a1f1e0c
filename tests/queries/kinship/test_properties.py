"""Property tests: symmetry of the either-direction rule, inversion, composition, pruning."""

from __future__ import annotations

import itertools

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from queries.kinship import (
    Category,
    Chain,
    KinshipError,
    Sex,
    Step,
    categorize,
    compose,
    invert,
    may_become_kin,
    pair_category,
    simplify,
)
from queries.kinship.simplify import gender
from queries.kinship.steps import Kind

sexes = st.sampled_from([None, Sex.M, Sex.F])


def chains(max_size: int) -> st.SearchStrategy[Chain]:
    return st.lists(st.sampled_from(list(Step)), min_size=1, max_size=max_size).map(tuple)


def consistent(chain: Chain, ego: Sex | None, relative: Sex | None) -> tuple[Sex | None, Chain]:
    """The sexes the chain implies; rejects the example if they contradict."""
    try:
        return gender(chain, ego, relative)
    except KinshipError:
        assume(False)
        raise  # unreachable: assume(False) aborts the example


@settings(max_examples=400, deadline=None)
@given(chains(5), sexes, sexes, st.booleans())
def test_pair_category_is_symmetric(
    chain: Chain, ego: Sex | None, relative: Sex | None, distinct: bool
) -> None:
    ego_sex, gendered = consistent(chain, ego, relative)
    relative_sex = gendered[-1].sex
    there = pair_category(chain, ego, relative, distinct=distinct)
    back = pair_category(invert(chain, ego, relative), relative_sex, ego_sex, distinct=distinct)
    assert there is back


@settings(max_examples=300, deadline=None)
@given(chains(5), sexes, sexes)
def test_composing_with_the_inverse_can_return_to_ego(
    chain: Chain, ego: Sex | None, relative: Sex | None
) -> None:
    ego_sex, _ = consistent(chain, ego, relative)
    round_trip = compose(chain, invert(chain, ego, relative))
    assert () in simplify(round_trip, ego_sex, ego_sex)  # self is always a reading
    # ... so one more spouse step always reaches the spouse (the closest category)
    assert pair_category(compose(round_trip, (Step.SPOUSE,)), ego_sex) is Category.SPOUSE


@settings(max_examples=300, deadline=None)
@given(chains(5), sexes)
def test_double_inverse_keeps_the_category(chain: Chain, ego: Sex | None) -> None:
    ego_sex, gendered = consistent(chain, ego, None)
    relative_sex = gendered[-1].sex
    twice = invert(invert(chain, ego), relative_sex, ego_sex)
    assert len(twice) == len(chain)
    assert [step.kind for step in twice] == [step.kind for step in chain]
    assert categorize(twice, ego_sex) is categorize(chain, ego)


@settings(max_examples=300, deadline=None)
@given(chains(6), sexes)
def test_readings_are_normal_and_never_longer(chain: Chain, ego: Sex | None) -> None:
    consistent(chain, ego, None)
    forbidden = {
        (Kind.UP, Kind.DOWN), (Kind.DOWN, Kind.UP), (Kind.SIB, Kind.UP), (Kind.SIB, Kind.SIB),
        (Kind.DOWN, Kind.SIB), (Kind.SPOUSE, Kind.SPOUSE), (Kind.UP, Kind.SPOUSE),
        (Kind.SPOUSE, Kind.DOWN),
    }  # fmt: skip
    for reading in simplify(chain, ego):
        assert len(reading) <= len(chain)
        pairs = itertools.pairwise(reading)
        assert not {(a.kind, b.kind) for a, b in pairs} & forbidden
    assert categorize(chain, ego, distinct=True).rank <= categorize(chain, ego).rank


@settings(max_examples=300, deadline=None)
@given(chains(5), chains(2), st.booleans())
def test_may_become_kin_never_prunes_kin(prefix: Chain, extension: Chain, distinct: bool) -> None:
    consistent(prefix + extension, None, None)
    if pair_category(prefix + extension, distinct=distinct) is not Category.NONE:
        assert may_become_kin(prefix, len(extension), distinct=distinct)
