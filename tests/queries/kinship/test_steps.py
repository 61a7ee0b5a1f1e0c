"""Steps, chain parsing and formatting, sex parsing."""

from __future__ import annotations

import pytest

from queries.kinship import KinshipError, Sex, Step, format_chain, parse_chain, parse_sex
from queries.kinship.steps import Kind, Seniority, make_step, with_sex


def test_step_metadata() -> None:
    assert Step.ELDER_BROTHER.kind is Kind.SIB
    assert Step.ELDER_BROTHER.sex is Sex.M
    assert Step.ELDER_BROTHER.seniority is Seniority.ELDER
    assert Step.YOUNGER_SISTER.seniority is Seniority.YOUNGER
    assert Step.WIFE.kind is Kind.SPOUSE and Step.WIFE.sex is Sex.F
    assert Step.PARENT.sex is None and Step.PARENT.kind is Kind.UP
    assert Step.CHILD.kind is Kind.DOWN


def test_every_step_round_trips_through_make_step() -> None:
    for step in Step:
        assert make_step(step.kind, step.sex, step.seniority) is step


def test_with_sex_keeps_kind_and_seniority() -> None:
    assert with_sex(Step.CHILD, Sex.F) is Step.DAUGHTER
    assert with_sex(Step.ELDER_SIBLING, Sex.M) is Step.ELDER_BROTHER
    assert with_sex(Step.SPOUSE, Sex.M) is Step.HUSBAND
    assert with_sex(Step.FATHER, None) is Step.PARENT


@pytest.mark.parametrize(
    "text",
    ["w,xs,h", "w, xs, h", " w xs h ", "w;xs;h", "w，xs，h", "w；xs；h", "W,XS,H", "w、xs、h"],
)
def test_parse_chain_tolerates_separators(text: str) -> None:
    assert parse_chain(text) == (Step.WIFE, Step.SISTER, Step.HUSBAND)


def test_parse_chain_neutral_steps() -> None:
    assert parse_chain("sp,p,c,sib,osib,lsib") == (
        Step.SPOUSE,
        Step.PARENT,
        Step.CHILD,
        Step.SIBLING,
        Step.ELDER_SIBLING,
        Step.YOUNGER_SIBLING,
    )


def test_parse_chain_accepts_a_tuple() -> None:
    chain = (Step.FATHER, Step.ELDER_BROTHER)
    assert parse_chain(chain) is chain


@pytest.mark.parametrize("text", ["", "  ", ",,", "w,x", "wife", "f,b", "w,f,?"])
def test_parse_chain_rejects_bad_input(text: str) -> None:
    with pytest.raises(KinshipError):
        parse_chain(text)


def test_parse_chain_error_names_the_token() -> None:
    with pytest.raises(KinshipError, match="'q'"):
        parse_chain("w,q")


def test_parse_chain_rejects_a_tuple_of_strings() -> None:
    with pytest.raises(KinshipError):
        parse_chain(("w", "f"))  # type: ignore[arg-type]


def test_format_chain() -> None:
    assert format_chain(parse_chain("w ; f")) == "w,f"
    assert format_chain(()) == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [("男", Sex.M), ("女", Sex.F), ("M", Sex.M), ("f", Sex.F), ("1", Sex.M), ("2", Sex.F)],
)
def test_parse_sex(value: str, expected: Sex) -> None:
    assert parse_sex(value) is expected


def test_parse_sex_empty_and_bad() -> None:
    assert parse_sex(None) is None
    assert parse_sex(" ") is None
    assert parse_sex(Sex.F) is Sex.F
    with pytest.raises(KinshipError):
        parse_sex("x")
    assert Sex.M.opposite is Sex.F
