"""Sex propagation and the rewriting rules that give a chain its readings."""

from __future__ import annotations

import itertools

import pytest

from queries.kinship import KinshipError, Sex, format_chain, parse_chain, simplify
from queries.kinship.simplify import gender, readings


def forms(text: str, ego: Sex | None = None) -> set[str]:
    return {format_chain(chain) for chain in simplify(parse_chain(text), ego)}


def test_gender_propagates_across_spouse_steps() -> None:
    ego, chain = gender(parse_chain("c,h"))
    assert format_chain(chain) == "d,h"
    assert ego is None
    ego, chain = gender(parse_chain("h,xb"))
    assert ego is Sex.F
    ego, chain = gender(parse_chain("sp"), Sex.M)
    assert format_chain(chain) == "w"
    ego, chain = gender(parse_chain("sp,sp"), None, Sex.F)
    assert format_chain(chain) == "h,w"


@pytest.mark.parametrize(("text", "ego", "relative"), [
    ("f,h", None, None),  # a father's husband
    ("w", Sex.F, None),  # a woman's wife
    ("h", Sex.M, None),
    ("f", None, Sex.F),  # a father who is a woman
    ("w,xs,w", None, None),
])  # fmt: skip
def test_contradictory_sexes_raise(text: str, ego: Sex | None, relative: Sex | None) -> None:
    with pytest.raises(KinshipError):
        readings(parse_chain(text), ego, relative)


@pytest.mark.parametrize(("text", "expected"), [
    ("f,w", {"m"}),  # father's wife: presumed mother (not a step-mother)
    ("m,h", {"f"}),
    ("w,s", {"s"}),  # wife's son: presumed own son (not a step-son)
    ("h,d", {"d"}),
    ("xb,f", {"f"}),  # brother's father: own father (full siblings presumed)
    ("os,m", {"m"}),
    ("s,xb", {"s"}),  # son's brother: another son
    ("d,os", {"d"}),
    ("f,xb", {"f,xb"}),  # already normal
    ("f,xb,s", {"f,xb,s"}),
    ("w,xs,h", {"w,xs,h"}),
    ("s,w,f", {"s,w,f"}),
    ("w,h", {""}),  # wife's husband: ego (monogamy presumed)
    ("h,w", {""}),
    ("ob,ob", {"ob"}),  # elder brother's elder brother: still elder
    ("ls,lb", {"lb"}),
    ("f,w,s", {"", "xb"}),
    ("f,xb,f", {"f,f"}),  # uncle's father: grandfather
    ("f,xb,m", {"f,m"}),
    ("xb,w,s", {"xb,s"}),  # brother's wife's son: nephew
])  # fmt: skip
def test_rewriting(text: str, expected: set[str]) -> None:
    assert forms(text) == expected


def test_child_parent_is_self_or_spouse() -> None:
    assert forms("s,f") == {"", "h"}  # ego unknown: ego (a man) or her husband
    assert forms("s,f", Sex.M) == {""}
    assert forms("s,f", Sex.F) == {"h"}
    assert forms("d,m", Sex.M) == {"w"}
    assert forms("c,p") == {"", "sp"}


def test_parent_child_is_self_or_sibling() -> None:
    assert forms("f,s") == {"", "xb"}
    assert forms("f,s", Sex.F) == {"xb"}  # a woman is not her father's son
    assert forms("f,d", Sex.F) == {"", "xs"}
    assert forms("f,f,s") == {"f", "f,xb"}  # grandfather's son: father or an uncle


def test_sibling_sibling_respects_seniority() -> None:
    assert forms("xb,xb") == {"", "xb"}
    assert forms("xb,xb", Sex.F) == {"xb"}
    assert forms("ob,lb") == {"", "xb"}  # elder brother's younger brother: ego or a brother
    assert forms("ob,ob") == {"ob"}  # cannot be ego
    assert forms("lb,ls", Sex.M) == {"ls"}  # younger than a younger brother: younger
    assert forms("ob,ls", Sex.M) == {"xs"}  # younger than an elder brother: either


def test_readings_record_the_ego_sex_they_assume() -> None:
    by_form = {format_chain(r.chain): r.ego_sex for r in readings(parse_chain("s,f"))}
    assert by_form == {"": Sex.M, "h": Sex.F}


def test_identity_fixes_the_sex_of_a_neutral_person() -> None:
    # child's mother is ego: ego must be a woman
    assert {r.ego_sex for r in readings(parse_chain("c,m")) if not r.chain} == {Sex.F}
    # a neutral sibling that turns out to be ego inherits the known sex
    assert forms("sib,xb", Sex.M) == {"", "xb"}


def test_normal_forms_are_blood_segments_joined_by_spouses() -> None:
    # UP* SIB? DOWN* per segment: never UP after DOWN or SIB, never two SIB in a segment
    for text in ["f,s,f,xb,s,w,f", "s,m,xb,d,h,xs", "w,s,f,m,xb,xb,d"]:
        for chain in simplify(parse_chain(text)):
            kinds = [step.kind.value for step in chain]
            for before, after in itertools.pairwise(kinds):
                assert (before, after) not in {
                    ("down", "up"), ("up", "down"), ("sib", "up"), ("sib", "sib"),
                    ("down", "sib"), ("spouse", "spouse"), ("up", "spouse"), ("spouse", "down"),
                }  # fmt: skip
