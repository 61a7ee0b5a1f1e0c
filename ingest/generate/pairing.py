"""Kin among cadres: which pairs can be which kin, and the everyday pairs of a block.

Everyday pairs (not planted) are made so that no avoidance rule applies to them at any date:
each cadre has at most one cadre relative; at least one of the two never held a leading post;
and no unit of one's career is a unit of the other's or above it (by belonging, oversight or
regulation). Roles exclude kin (:mod:`.roles`), so no duty rule applies either.
"""

from __future__ import annotations

from ingest.generate.context import Block
from ingest.generate.dates import YEAR
from ingest.generate.entities import GPerson
from ingest.generate.family import CHILD_SPOUSE, PARENT, SIBLING, SIBLING_SPOUSE, SPOUSE

NOTES = {SPOUSE: "夫妻", SIBLING: "兄弟姐妹", PARENT: "父母子女", SIBLING_SPOUSE: "兄弟姐妹的配偶",
         CHILD_SPOUSE: "子女的配偶"}
_SHARES = ((SPOUSE, 0.04), (SIBLING, 0.015), (PARENT, 0.01), (SIBLING_SPOUSE, 0.005),
           (CHILD_SPOUSE, 0.003))


def fits(kind: str, a: GPerson, b: GPerson) -> bool:
    """Whether `b` can be `a`'s kin of `kind` (parent: a is b's parent; *_spouse: b married
    a's sibling or child), by sex and age."""
    gap = (b.birth - a.birth) / YEAR
    if kind == SPOUSE:
        return a.gender != b.gender and abs(gap) <= 8
    if kind == SIBLING:
        return abs(gap) <= 12
    if kind == PARENT:
        return 22 <= gap <= (38 if a.gender == "M" else 36)
    if kind == SIBLING_SPOUSE:
        return abs(gap) <= 10
    if kind == CHILD_SPOUSE:
        return 22 <= gap <= 36
    raise ValueError(kind)


def first_fit(kinds: tuple[str, ...], a: GPerson, b: GPerson) -> tuple[str, int, int] | None:
    """The first of `kinds` the two can be, either way round: (kind, first, second)."""
    for kind in kinds:
        if fits(kind, a, b):
            return kind, a.idx, b.idx
        if kind not in (SPOUSE, SIBLING) and fits(kind, b, a):
            return kind, b.idx, a.idx
    return None


def pair_everyday(block: Block) -> None:
    rng = block.rng
    cadres = [p for p in block.cadres() if block.free(p.idx)]
    if len(cadres) < 2:
        return
    for kind, share in _SHARES:
        for _ in range(round(share * len(block.cadres()))):
            a = rng.choice(cadres)
            for _ in range(40):
                b = rng.choice(cadres)
                if (a is b or not block.free(a.idx) or not block.free(b.idx)
                        or (block.ever_led(a.idx) and block.ever_led(b.idx))):
                    continue
                fit = first_fit((kind,), a, b)
                if fit and block.unrelated(a.idx, b.idx):
                    block.link(fit[1], fit[2], kind)
                    break
