"""All checks together: one person's findings are exactly their share of the full audit."""

from __future__ import annotations

from datetime import date

from graph import ops
from graph.model import Bundle, Holding, Kinship, Person
from graph.store.base import GraphStore
from graph.vocab import Gender
from queries.checks import audit
from queries.rules import national
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
