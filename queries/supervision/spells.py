"""Résumé spells (a person's holdings over all time) and the helpers records checks share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from graph import records as r
from graph.convert import edge_to_model
from graph.ids import node_key
from graph.model import Holding
from graph.store.base import GraphStore
from queries.findings import Evidence
from queries.supervision.reads import holdings_of


@dataclass(frozen=True)
class Discrepancy:
    """One thing wrong with a person's records; RECORD-MISMATCH gathers them per person."""

    person_id: str
    kind: str
    """overlap, gap, unknown_spell, or the fact field two sources disagree on."""
    detail: str
    posts: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)


def all_holdings(store: GraphStore,
                 person_ids: Collection[str] | None) -> dict[str, list[Holding]]:
    """Every holding of these people (of everyone when None), whatever the date, by start."""
    if person_ids is not None:
        return holdings_of(store, person_ids)
    out: dict[str, list[Holding]] = defaultdict(list)
    for edge in store.scan_edges(r.HOLDS):
        h = edge_to_model(edge)
        if isinstance(h, Holding):
            out[h.person_id].append(h)
    return {p: sorted(hs, key=lambda h: (h.start, h.post_id)) for p, hs in out.items()}


def holding_evidence(h: Holding, label: str = "任职") -> Evidence:
    return Evidence(kind="edge", id=h.id, type="HOLDS", label=label,
                    source=node_key("Person", h.person_id), target=node_key("Post", h.post_id))


def overlaps(h: Holding, start: date, end: date | None) -> bool:
    """Whether the holding shares a day with [start, end) (None: open)."""
    return (end is None or h.start < end) and (h.end is None or start < h.end)


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - some day of every month exists


def span_text(h: Holding) -> str:
    return f"{h.start.isoformat()}至{h.end.isoformat() if h.end else '今'}"
