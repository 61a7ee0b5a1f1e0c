"""All checks together: one person's findings are exactly their share of the full audit."""

from __future__ import annotations

from datetime import date

from graph import ops
from graph.model import Bundle, Holding, Kinship, Person
from graph.store.base import GraphStore
from graph.vocab import Gender
from queries.checks import Proposal, audit, what_if
from queries.rules import national
from queries.snapshot import Snapshot
from tests.factory import small_county


def test_person_mode_equals_the_filtered_audit(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    ops.write_bundle(store, Bundle(
        persons=[Person(id="B1", name="李强", gender=Gender.M)],
        holdings=[Holding(person_id="B1", post_id="P-FIN-HEAD", start=date(2024, 3, 1))],
        kinship=[Kinship(person_id="B1", relative_id="A2", relation="姐姐")]))
    day = date(2025, 1, 1)
    full = audit(store, national(), day).findings
    assert {f.rule for f in full} >= {"KIN-DIRECT-LEAD", "SUPERVISION-KIN", "REGION-COUNTY"}
    for person in ("A1", "A2", "A3", "A4", "A5", "A6", "B1"):
        mine = audit(store, national(), day, person).findings
        assert mine == [f for f in full if person in f.persons], person


def test_what_if_over_one_cached_snapshot_equals_fresh_loads(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    ops.write_bundle(store, Bundle(
        persons=[Person(id="B1", name="李强", gender=Gender.M)],
        kinship=[Kinship(person_id="B1", relative_id="A2", relation="姐姐")]))
    day = date(2025, 1, 1)
    cached = Snapshot.load(store, day)  # reused by every check, as the API does
    proposals = [[Proposal("B1", "P-FIN-HEAD")], [Proposal("A6", "P-FIN-DEP")],
                 [Proposal("B1", "P-FIN-ACC"), Proposal("A4", "P-FIN-HEAD")],
                 [Proposal("A3", "P-FIN-HEAD")], [Proposal("B1", "P-FIN-HEAD")]]
    found = []
    for props in proposals:
        fresh = what_if(store, national(), props, day)
        assert what_if(store, national(), props, day, cached) == fresh, props
        found.append({f.rule for f in fresh.findings})
    assert "KIN-DIRECT-LEAD" in found[0] and "SUPERVISION-KIN" in found[0]
    assert found[0] == found[-1]
