"""Atomic kinship steps, sexes, and parsing/formatting of chains.

A *chain* walks from the declaring person (ego) to the relative, one atomic step at a time:
``w,f`` is "wife's father" (岳父). Steps are the notation widely used for Chinese kinship terms
(``f m h w s d xb xs ob lb os ls``) plus sex-neutral forms used where the sex of a person is not
known or does not matter: ``p`` parent, ``c`` child, ``sp`` spouse, ``sib`` sibling and
``osib``/``lsib`` elder/younger sibling. Neutral steps make :func:`invert` total: the inverse of
``f`` for an ego of unknown sex is ``c``.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum, StrEnum


class KinshipError(ValueError):
    """Bad kinship input: an unknown step or term, or a chain with inconsistent sexes."""


class Sex(StrEnum):
    """Sex of a person; needed where a term depends on it (岳父 vs 公公)."""

    M = "M"
    F = "F"

    @property
    def opposite(self) -> Sex:
        return Sex.F if self is Sex.M else Sex.M


class Kind(Enum):
    """What a step does genealogically."""

    UP = "up"  # to a parent
    DOWN = "down"  # to a child
    SIB = "sib"  # to a sibling (a child of one's parents other than oneself)
    SPOUSE = "spouse"  # to a spouse


class Seniority(StrEnum):
    """Age relative to the person the sibling step starts from."""

    ELDER = "elder"
    YOUNGER = "younger"

    @property
    def opposite(self) -> Seniority:
        return Seniority.YOUNGER if self is Seniority.ELDER else Seniority.ELDER


class Step(StrEnum):
    """One atomic kinship step; the value is the token used in chains."""

    FATHER = "f"
    MOTHER = "m"
    PARENT = "p"
    SON = "s"
    DAUGHTER = "d"
    CHILD = "c"
    HUSBAND = "h"
    WIFE = "w"
    SPOUSE = "sp"
    BROTHER = "xb"
    SISTER = "xs"
    ELDER_BROTHER = "ob"
    YOUNGER_BROTHER = "lb"
    ELDER_SISTER = "os"
    YOUNGER_SISTER = "ls"
    SIBLING = "sib"
    ELDER_SIBLING = "osib"
    YOUNGER_SIBLING = "lsib"

    @property
    def kind(self) -> Kind:
        return _INFO[self][0]

    @property
    def sex(self) -> Sex | None:
        """Sex of the person the step leads to (None: not implied)."""
        return _INFO[self][1]

    @property
    def seniority(self) -> Seniority | None:
        return _INFO[self][2]


Chain = tuple[Step, ...]
"""A walk from ego to a relative; the empty chain is ego (self)."""

_M, _F = Sex.M, Sex.F
_O, _L = Seniority.ELDER, Seniority.YOUNGER
_INFO: dict[Step, tuple[Kind, Sex | None, Seniority | None]] = {
    Step.FATHER: (Kind.UP, _M, None),
    Step.MOTHER: (Kind.UP, _F, None),
    Step.PARENT: (Kind.UP, None, None),
    Step.SON: (Kind.DOWN, _M, None),
    Step.DAUGHTER: (Kind.DOWN, _F, None),
    Step.CHILD: (Kind.DOWN, None, None),
    Step.HUSBAND: (Kind.SPOUSE, _M, None),
    Step.WIFE: (Kind.SPOUSE, _F, None),
    Step.SPOUSE: (Kind.SPOUSE, None, None),
    Step.BROTHER: (Kind.SIB, _M, None),
    Step.SISTER: (Kind.SIB, _F, None),
    Step.ELDER_BROTHER: (Kind.SIB, _M, _O),
    Step.YOUNGER_BROTHER: (Kind.SIB, _M, _L),
    Step.ELDER_SISTER: (Kind.SIB, _F, _O),
    Step.YOUNGER_SISTER: (Kind.SIB, _F, _L),
    Step.SIBLING: (Kind.SIB, None, None),
    Step.ELDER_SIBLING: (Kind.SIB, None, _O),
    Step.YOUNGER_SIBLING: (Kind.SIB, None, _L),
}
_BY_INFO: dict[tuple[Kind, Sex | None, Seniority | None], Step] = {
    info: step for step, info in _INFO.items()
}


def make_step(kind: Kind, sex: Sex | None, seniority: Seniority | None = None) -> Step:
    """The step of this kind leading to a person of this sex (seniority only for siblings)."""
    return _BY_INFO[(kind, sex, seniority if kind is Kind.SIB else None)]


def with_sex(step: Step, sex: Sex | None) -> Step:
    """The same step leading to a person of the given sex."""
    return make_step(step.kind, sex, step.seniority)


_SEPARATORS = re.compile(r"[\s,;、/]+")


def parse_chain(text: str | Chain) -> Chain:
    """Parse ``"w,xs,h"`` (commas, ``;``, ``、``, spaces or full-width separators) into a chain.

    A tuple of steps is validated and returned unchanged. Raises :class:`KinshipError` on an
    empty chain or an unknown token.
    """
    if isinstance(text, tuple):
        if not all(isinstance(step, Step) for step in text):
            raise KinshipError(f"not a chain of steps: {text!r}")
        return text
    if not isinstance(text, str):
        raise KinshipError(f"not a chain: {text!r}")
    normal = unicodedata.normalize("NFKC", text).strip().lower()
    tokens = [token for token in _SEPARATORS.split(normal) if token]
    if not tokens:
        raise KinshipError(f"empty kinship chain: {text!r}")
    steps: list[Step] = []
    for token in tokens:
        try:
            steps.append(Step(token))
        except ValueError:
            known = " ".join(step.value for step in Step)
            raise KinshipError(
                f"unknown kinship step {token!r} in {text!r}; expected one of: {known}"
            ) from None
    return tuple(steps)


def format_chain(chain: Chain) -> str:
    """``(Step.WIFE, Step.FATHER)`` -> ``"w,f"``; the empty chain (self) -> ``""``."""
    return ",".join(step.value for step in chain)


_SEX_WORDS: dict[str, Sex] = {
    "m": Sex.M, "male": Sex.M, "man": Sex.M, "男": Sex.M, "1": Sex.M,
    "f": Sex.F, "female": Sex.F, "woman": Sex.F, "女": Sex.F, "2": Sex.F,
}  # fmt: skip


def parse_sex(value: Sex | str | None) -> Sex | None:
    """``男``/``女``, ``M``/``F``, GB/T 2261.1 ``1``/``2``; empty or None -> None."""
    if value is None or isinstance(value, Sex):
        return value
    text = unicodedata.normalize("NFKC", value).strip().lower()
    if not text:
        return None
    try:
        return _SEX_WORDS[text]
    except KeyError:
        raise KinshipError(f"unknown sex: {value!r}") from None
