"""Resolve what a form says (a 称谓, a GB/T 4761 code, a chain, or "X的Y") to chains and a category.

A term may stand for several chains (表弟: ``f,xs,s`` / ``m,xb,s`` / ``m,xs,s``). Each chain gets
its own category; the term's category is the **strongest** of them (the safe choice for
avoidance), ``strongest_chain`` says which chain gave it and ``agreed`` whether all chains agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product
from typing import Literal

from pydantic import BaseModel, ConfigDict

from queries.kinship.categories import categorize, pair_category, strongest
from queries.kinship.simplify import readings, simplify
from queries.kinship.steps import (
    Chain,
    KinshipError,
    Sex,
    Step,
    format_chain,
    parse_chain,
    parse_sex,
)
from queries.kinship.terms import TermEntry, TermKind, code_table, lookup, split_qualifier, term_for
from queries.kinship.types import Category

Source = Literal["term", "code", "chain", "phrase"]


class ChainResult(BaseModel):
    """One chain of a resolution."""

    model_config = ConfigDict(frozen=True)

    chain: str
    category: Category  # the pair's category (either direction), after the step rule
    direct: Category  # seen from the declaring person only, after the step rule
    as_blood: Category  # the pair's category if the relation counted as blood
    readings: list[str]  # normal forms; "" means the relative is the declarer


class Resolution(BaseModel):
    """What a declared relation means."""

    model_config = ConfigDict(frozen=True)

    input: str
    source: Source
    term: str | None  # the table term or code name that matched, after normalisation
    sex: Sex | None  # the declaring person's sex, if known
    chains: list[str]
    per_chain: list[ChainResult]
    category: Category
    category_label: str
    strongest_chain: str | None
    agreed: bool
    kind: TermKind
    upbringing: bool | None  # for step relations: declared with 抚养 upbringing
    composable: bool  # may be followed by further declared edges in a path search
    note: str = ""


_CHAIN_TEXT = re.compile(r"[a-z\s,;、/]+")
_RESTRICTION = [TermKind.KIN, TermKind.ADOPTIVE, TermKind.ADOPTIVE_OR_STEP, TermKind.STEP]


def _consistent(chain: Chain, sex: Sex | None) -> bool:
    try:
        readings(chain, sex, None)
    except KinshipError:
        return False
    return True


def _mirror(chain: Chain) -> Chain:
    swap = {Step.HUSBAND: Step.WIFE, Step.WIFE: Step.HUSBAND}
    return tuple(swap.get(step, step) for step in chain)


def _phrase(core: str) -> TermEntry | None:
    entries = [lookup(part) for part in core.split("的")]
    if len(entries) < 2 or any(entry is None for entry in entries):
        return None
    parts = [entry for entry in entries if entry is not None]
    if any(entry.kind is TermKind.NONE for entry in parts):
        return TermEntry("的".join(e.term for e in parts), (), None, TermKind.NONE, "")
    kind = max((entry.kind for entry in parts), key=_RESTRICTION.index)
    chains = tuple(sum(combo, ()) for combo in product(*(entry.chains for entry in parts)))
    return TermEntry("的".join(entry.term for entry in parts), chains, None, kind, "")


def _entry(text: str) -> tuple[Source, TermEntry, bool | None]:
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw:
        raise KinshipError("empty relation")
    if raw.isdigit():
        entry = code_table().get(raw)
        if entry is None:
            raise KinshipError(f"unknown GB/T 4761 family-relation code: {text!r}")
        return "code", entry, None
    if _CHAIN_TEXT.fullmatch(raw.lower()):
        chain = parse_chain(raw)
        return "chain", TermEntry(format_chain(chain), (chain,), None, TermKind.KIN, ""), None
    core, upbringing = split_qualifier(raw)
    entry = lookup(core)
    if entry is not None:
        return "term", entry, upbringing
    entry = _phrase(core)
    if entry is not None:
        return "phrase", entry, upbringing
    raise KinshipError(f"unknown kinship term: {text!r}")


def _sex_error(text: str, entry: TermEntry, sex: Sex) -> KinshipError:
    shown = " / ".join(format_chain(chain) for chain in entry.chains)
    declarer = "a man" if sex is Sex.M else "a woman"
    hints = [term_for(_mirror(chain)) for chain in entry.chains]
    hint = next((f"; did you mean {h}?" for h in hints if h is not None), "")
    return KinshipError(f"{text!r} ({shown}) cannot be declared by {declarer}{hint}")


@lru_cache(maxsize=4096)
def _resolve(text: str, ego: Sex | None, upbringing: bool | None) -> Resolution:
    source, entry, qualified = _entry(text)
    raised = qualified if qualified is not None else upbringing
    chains = [chain for chain in dict.fromkeys(entry.chains) if _consistent(chain, ego)]
    if entry.chains and not chains:
        if ego is None:
            raise KinshipError(f"{text!r}: inconsistent chain")
        raise _sex_error(text, entry, ego)
    not_counted = entry.kind is TermKind.NONE or (entry.kind is TermKind.STEP and not raised)
    results: list[ChainResult] = []
    for chain in chains:
        as_blood = pair_category(chain, ego)
        results.append(
            ChainResult(
                chain=format_chain(chain),
                category=Category.NONE if not_counted else as_blood,
                direct=Category.NONE if not_counted else categorize(chain, ego),
                as_blood=as_blood,
                readings=[format_chain(reading) for reading in simplify(chain, ego)],
            )
        )
    category = strongest([result.category for result in results])
    best = next((result.chain for result in results if result.category is category), None)
    note = entry.note
    if entry.kind is TermKind.STEP and not raised:
        note = "step relation without 抚养 upbringing: not kin; declare 继父(抚养) if raised"
    return Resolution(
        input=text,
        source=source,
        term=entry.term,
        sex=ego,
        chains=[result.chain for result in results],
        per_chain=results,
        category=category,
        category_label=category.label,
        strongest_chain=best if results else None,
        agreed=len({result.category for result in results}) <= 1,
        kind=entry.kind,
        upbringing=raised if entry.kind in (TermKind.STEP, TermKind.ADOPTIVE_OR_STEP) else None,
        composable=bool(results) and not not_counted,
        note=note,
    )


def resolve(
    text: str, sex: Sex | str | None = None, *, upbringing: bool | None = None
) -> Resolution:
    """Resolve a 称谓 (岳父, 大哥, 继父(抚养), 配偶的侄子), a GB/T 4761 code (55) or a chain.

    ``sex`` is the declaring person's sex: chains it rules out are dropped (配偶 -> ``w`` for a
    man), and a term no chain of which fits raises :class:`KinshipError` (岳父 for a woman).
    Step relations (继父, 继子) count like blood only with upbringing, given by a qualifier
    (``继父(抚养)``, ``继父（形成抚养关系）``) or ``upbringing=True``; otherwise they are ``none``.
    Cached: the returned (frozen) model is shared between calls.
    """
    return _resolve(text, parse_sex(sex), upbringing)
