"""Every check together: avoidance, supervision, reference persons and records.

This is what `cadregraph check` and the API's findings run. Each family's logic lives in its
own package; here they are combined over one snapshot per date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from graph.store.base import GraphStore
from queries.avoidance import check as avoidance
from queries.findings import FindingsReport, report
from queries.rules import RuleSet
from queries.snapshot import Snapshot
from queries.supervision import checks as supervision
from queries.supervision.records_check import record_findings

SNAPSHOT_CHECKS: tuple[avoidance.SnapshotCheck, ...] = (avoidance.findings_in,
                                                        supervision.findings_in)
Proposal = avoidance.Proposal


def audit(store: GraphStore, rules: RuleSet, as_of: date | None,
          person_id: str | None = None) -> FindingsReport:
    """All findings as of a date, or those involving one person."""
    base = avoidance.audit(store, rules, as_of, person_id, SNAPSHOT_CHECKS)
    focus = None if person_id is None else {person_id}
    records = record_findings(store, rules, as_of, focus)
    return report(rules, as_of, [*base.findings, *records])


def what_if(store: GraphStore, rules: RuleSet, proposals: Sequence[Proposal],
            as_of: date | None = None, snap: Snapshot | None = None) -> FindingsReport:
    """The avoidance and supervision findings the proposed appointments would create (over
    `snap`, the snapshot of the day, when the caller keeps one)."""
    return avoidance.what_if(store, rules, proposals, as_of, SNAPSHOT_CHECKS, snap)


__all__ = ["Proposal", "audit", "what_if"]
