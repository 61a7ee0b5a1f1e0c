"""Résumé spells that overlap or leave gaps (part of RECORD-MISMATCH).

The spells are a person's holdings over all time, up to the check date. Two spells overlap
when they share a day, neither is marked concurrent (兼任, see `flags`) and they did not start
on the same day (posts given together - 镇长 and 党委副书记, 县委常委 and 纪委书记 - are
concurrent by nature, and rosters rarely mark them); a gap is a stretch
longer than the rule's `gap_months` between the end of everything held so far and the next
start. Time before the first spell and after the last one is not a gap (school, other work,
retirement are not in the holdings).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import combinations

from graph.model import Holding
from queries.supervision.flags import is_concurrent
from queries.supervision.spells import Discrepancy, add_months, holding_evidence, span_text


def spell_discrepancies(person_id: str, history: list[Holding], gap_months: int,
                        as_of: date, label: Callable[[str], str]) -> Iterator[Discrepancy]:
    spells = sorted((h for h in history if h.start <= as_of), key=lambda h: (h.start, h.id))
    for a, b in combinations(spells, 2):
        if is_concurrent(a) or is_concurrent(b) or a.start == b.start:
            continue
        if (a.end is None or b.start < a.end) and (b.end is None or a.start < b.end):
            yield Discrepancy(
                person_id, "overlap",
                f"任{label(a.post_id)}（{span_text(a)}）与任{label(b.post_id)}"
                f"（{span_text(b)}）时间重叠，且均未标注兼任",
                posts=(a.post_id, b.post_id), evidence=(holding_evidence(a), holding_evidence(b)))
    covered: Holding | None = None
    for h in spells:
        if covered is not None and covered.end is not None and (
                h.start > add_months(covered.end, gap_months)):
            yield Discrepancy(
                person_id, "gap",
                f"{covered.end.isoformat()}至{h.start.isoformat()}简历断档超过{gap_months}个月"
                f"（{label(covered.post_id)}之后、{label(h.post_id)}之前）",
                posts=(covered.post_id, h.post_id),
                evidence=(holding_evidence(covered), holding_evidence(h)))
        if covered is None or _later(h.end, covered.end):
            covered = h


def _later(end: date | None, than: date | None) -> bool:
    """Whether a spell ending `end` runs past one ending `than` (None: still running)."""
    return than is not None and (end is None or end > than)
