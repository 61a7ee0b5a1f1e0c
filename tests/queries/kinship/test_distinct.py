"""Readings of a walk through different people (a path of declared edges)."""

from __future__ import annotations

from queries.kinship import Sex, format_chain, parse_chain, simplify


def forms(text: str, ego: Sex | None = None) -> set[str]:
    return {format_chain(chain) for chain in simplify(parse_chain(text), ego)}


def test_distinct_persons_drop_identities() -> None:
    def distinct(text: str, ego: Sex | None = None) -> set[str]:
        return {format_chain(c) for c in simplify(parse_chain(text), ego, distinct=True)}

    assert distinct("xb,xb") == {"xb"}
    assert distinct("f,s") == {"xb"}
    assert distinct("s,f") == {"h"}  # only a woman's son has a father other than ego
    assert distinct("s,f", Sex.M) == set()  # a man's son's other father: not kin
    assert distinct("w,h") == set()
    assert distinct("f,w,h") == set()  # the father was already met: a step-father
    assert distinct("f,w") == {"m"}
    assert distinct("xb,f,w") == {"m"}
    # a grandchild's parent who is neither the daughter nor her husband: a third parent
    assert distinct("d,h,s,sib,p") == set()
    assert distinct("p,c,xb,f,w,p") == set()  # the same walk seen from the other end
    assert forms("p,c,xb,f,w,p") != set()  # without distinctness: a grandparent
