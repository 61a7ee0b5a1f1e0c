"""Rewriting rules that reduce a chain to its genealogical normal form(s).

**Sexes first** (:func:`gender`): every person on the walk gets the sex its step implies; a
spouse step makes the two spouses of opposite sex (so ``c,h`` is ``d,h`` and ``h,...`` means a
female ego). Contradictions (``f,h``) raise :class:`KinshipError`.

**Then rewriting** (:func:`push`, driven by :func:`queries.kinship.simplify.readings`), left
to right on a stack, until no rule applies. Where a rule has two genealogical readings both
are kept, so a chain has one or more *readings*; the empty reading is ego (self).
Rules, for persons ``A -x-> B -y-> C``:

* ``UP,DOWN`` (parent's child, ``f,s``): C is A (if the sexes agree) **or** A's sibling.
* ``DOWN,UP`` (child's parent, ``s,f``): C is A **or** A's spouse (``s,m`` for a man = wife).
* ``SIB,SIB`` (``xb,xb``): C is A (unless both steps say "elder" or both "younger") or A's
  sibling; ``ob,ob`` stays elder.
* ``SPOUSE,SPOUSE`` (``w,h``): C is A (monogamy presumed).
* ``SIB,UP`` (``xb,f``): A's own parent (full siblings presumed).
* ``DOWN,SIB`` (``s,xb``): A's own child.
* ``UP,SPOUSE`` (``f,w``): A's other parent - **presumed mother, not a step-mother**.
* ``SPOUSE,DOWN`` (``w,s``): A's own child - **presumed, not a step-child**.

The two presumptions pick the closer relation: for avoidance a false alarm is cheaper than a miss.
A step relation is declared with a step term (继母, 继子), which carries its own flag (see
``terms.tsv``), never inferred from ``f,w``.

A normal form is a sequence of blood segments joined by spouse steps; each blood segment is
``UP* SIB? DOWN*``. Every rule is the mirror image of another (or of itself), so the readings of
the inverted walk are the inverted readings. Appending one step to a normal form changes its
length by -1, 0 or +1 and alters at most its last remaining step (see
:func:`queries.kinship.categories.may_become_kin`).
"""

from __future__ import annotations

from typing import NamedTuple

from queries.kinship.steps import Chain, Kind, KinshipError, Sex, Step, make_step, with_sex


def gender(
    chain: Chain, ego_sex: Sex | None = None, relative_sex: Sex | None = None
) -> tuple[Sex | None, Chain]:
    """Propagate sexes along the walk; return (ego's sex, chain with gendered steps)."""
    sexes: list[Sex | None] = [ego_sex, *(step.sex for step in chain)]
    if relative_sex is not None:
        if sexes[-1] not in (None, relative_sex):
            raise KinshipError(f"chain {fmt(chain)} leads to a {sexes[-1]}, not a {relative_sex}")
        sexes[-1] = relative_sex
    changed = True
    while changed:
        changed = False
        for i, step in enumerate(chain, start=1):
            if step.kind is not Kind.SPOUSE:
                continue
            a, b = sexes[i - 1], sexes[i]
            if a is not None and b is not None:
                if a == b:
                    raise KinshipError(f"chain {fmt(chain)}: two spouses of the same sex")
            elif a is not None:
                sexes[i], changed = a.opposite, True
            elif b is not None:
                sexes[i - 1], changed = b.opposite, True
    gendered = tuple(with_sex(step, sexes[i]) for i, step in enumerate(chain, start=1))
    return sexes[0], gendered


class Reading(NamedTuple):
    """One genealogical reading: the normal-form chain and the ego sex it assumes."""

    ego_sex: Sex | None
    chain: Chain


def fmt(chain: Chain) -> str:
    return ",".join(step.value for step in chain) or "(self)"


def _sex_of(state: Reading, person: int) -> Sex | None:
    return state.ego_sex if person == 0 else state.chain[person - 1].sex


def _set_sex(state: Reading | None, person: int, sex: Sex | None) -> Reading | None:
    """Give a person a sex, propagating across spouse steps; None if that contradicts."""
    if state is None or sex is None:
        return state
    current = _sex_of(state, person)
    if current is not None:
        return state if current == sex else None
    stack = state.chain
    if person == 0:
        state = Reading(sex, stack)
    else:
        state = Reading(
            state.ego_sex, (*stack[: person - 1], with_sex(stack[person - 1], sex), *stack[person:])
        )
    if person >= 1 and stack[person - 1].kind is Kind.SPOUSE:
        state = _set_sex(state, person - 1, sex.opposite)
    if person < len(stack) and stack[person].kind is Kind.SPOUSE:
        state = _set_sex(state, person + 1, sex.opposite)
    return state


def _identity(popped: Reading, sex: Sex | None, distinct: bool) -> list[Reading]:
    """The reading where the new person is the one before the popped step."""
    if distinct:
        return []
    state = _set_sex(popped, len(popped.chain), sex)
    return [] if state is None else [state]


def push(state: Reading, step: Step, distinct: bool) -> list[Reading]:
    """All normal-form readings of ``state`` followed by ``step``."""
    here = len(state.chain)
    if step.kind is Kind.SPOUSE:
        me = _sex_of(state, here)
        if step.sex is not None:
            checked = _set_sex(state, here, step.sex.opposite)
            if checked is None:
                return []
            state = checked
        elif me is not None:
            step = with_sex(step, me.opposite)
    if not state.chain:
        return [Reading(state.ego_sex, (step,))]
    top = state.chain[-1]
    popped = Reading(state.ego_sex, state.chain[:-1])
    pair = (top.kind, step.kind)
    if pair == (Kind.UP, Kind.DOWN):
        sibling = make_step(Kind.SIB, step.sex)
        return _identity(popped, step.sex, distinct) + push(popped, sibling, distinct)
    if pair == (Kind.DOWN, Kind.UP):
        spouse = make_step(Kind.SPOUSE, step.sex)
        return _identity(popped, step.sex, distinct) + push(popped, spouse, distinct)
    if pair == (Kind.SIB, Kind.SIB):
        same = top.seniority is not None and top.seniority == step.seniority
        merged = make_step(Kind.SIB, step.sex, top.seniority if same else None)
        selves = [] if same else _identity(popped, step.sex, distinct)
        return selves + push(popped, merged, distinct)
    if pair == (Kind.SPOUSE, Kind.SPOUSE):
        return _identity(popped, step.sex, distinct)
    if pair in ((Kind.SIB, Kind.UP), (Kind.UP, Kind.SPOUSE)):
        return push(popped, make_step(Kind.UP, step.sex), distinct)
    if pair in ((Kind.DOWN, Kind.SIB), (Kind.SPOUSE, Kind.DOWN)):
        return push(popped, make_step(Kind.DOWN, step.sex), distinct)
    return [Reading(state.ego_sex, (*state.chain, step))]
