"""Gaps and overlaps between consecutive spells of a 简历 (input to a RECORD-MISMATCH rule)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from ingest.lrmx.dates import months_between

if TYPE_CHECKING:
    from ingest.lrmx.jianli import ResumeSpell
    from ingest.lrmx.jianli_text import SpellKind

DiscrepancyKind = Literal["gap", "overlap", "open_end"]


class SpellDiscrepancy(BaseModel):
    """Between spells `first` and `second` (indices into the spell list).

    `gap`: `months` between the first's end and the second's start; `overlap`: `months` the
    second starts before the first ends; `open_end`: the first has no end (current) although
    a later spell starts (`months` is None).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: DiscrepancyKind
    first: int
    second: int
    months: int | None
    first_end: date | None
    second_start: date


def spell_gaps_and_overlaps(
    spells: Sequence[ResumeSpell], *, tolerance_months: int = 2,
    kinds: Collection[SpellKind] = ("work", "study"),
) -> list[SpellDiscrepancy]:
    """Compare each top-level spell with the next one by start date.

    Only top-level spells of the given `kinds` take part; sub-spells (`其间`) and part-time
    study never do, since they overlap work by nature. Full-time study is included by
    default so that a degree between two jobs is not reported as a gap; pass
    `kinds=("work",)` to compare work spells only. A spell ending in the month the next
    one starts is contiguous; differences up to `tolerance_months` are ignored (the default
    of 2 absorbs the usual July-to-September summer between school and the next spell).
    """
    timeline = sorted(
        ((i, s) for i, s in enumerate(spells)
         if s.parent_index is None and not s.part_time and s.kind in kinds),
        key=lambda pair: (pair[1].start, pair[0]))
    found: list[SpellDiscrepancy] = []
    for (i, a), (j, b) in pairwise(timeline):
        if a.end is None:
            found.append(SpellDiscrepancy(kind="open_end", first=i, second=j, months=None,
                                          first_end=None, second_start=b.start))
            continue
        delta = months_between(a.end, b.start)
        if delta > tolerance_months:
            found.append(SpellDiscrepancy(kind="gap", first=i, second=j, months=delta,
                                          first_end=a.end, second_start=b.start))
        elif delta < -tolerance_months:
            found.append(SpellDiscrepancy(kind="overlap", first=i, second=j, months=-delta,
                                          first_end=a.end, second_start=b.start))
    return found
