"""Merging one person into another moves every relation; undoing restores the graph."""

from __future__ import annotations

from datetime import date

import pytest

from graph import ops
from graph.errors import NotFound
from graph.model import Assessment, Bundle, Holding, Kinship, Person
from graph.store.base import GraphStore
from graph.vocab import Gender, Grade
from ingest.resolve.merge import merge_person, undo_merge
from tests.factory import small_county

DUPLICATE = Person(id="P", name="李秀英", gender=Gender.F, extra={"provisional": "true"})


def _graph(store: GraphStore) -> None:
    ops.write_bundle(store, small_county())
    ops.write_bundle(store, Bundle(
        persons=[DUPLICATE],
        holdings=[Holding(person_id="P", post_id="P-FIN-ACC", start=date(2000, 1, 1),
                          end=date(2005, 1, 1))],
        kinship=[Kinship(person_id="A1", relative_id="P", relation="妻子",
                         extra={"lrmx:item": "1"}),
                 Kinship(person_id="P", relative_id="A6", relation="儿子"),
                 Kinship(person_id="A5", relative_id="P", relation="表妹")],
        assessments=[Assessment(person_id="P", year=2020, grade=Grade.excellent)]))


def test_merge_moves_relations_and_undo_restores(store: GraphStore) -> None:
    _graph(store)
    before = ops.export_bundle(store)
    moved = merge_person(store, "P", "A2", note="已并入 A2")
    after = ops.export_bundle(store)
    kin = {(k.person_id, k.relative_id): k for k in after.kinship}
    assert ("A1", "P") not in kin and ("A5", "P") not in kin
    assert kin[("A1", "A2")].since == date(1996, 10, 1)  # the graph's own fields stay
    assert kin[("A1", "A2")].relation == "妻子" and kin[("A1", "A2")].extra == {"lrmx:item": "1"}
    assert kin[("A5", "A2")].relation == "表妹" and ("A2", "A6") in kin
    assert [(h.person_id, h.start) for h in after.holdings if h.post_id == "P-FIN-ACC"] == [
        ("A2", date(2000, 1, 1)), ("A6", date(2023, 9, 1))]
    assert {(a.person_id, a.year) for a in after.assessments} == {("A3", 2024), ("A2", 2020)}
    merged = ops.get_person(store, "P")
    assert merged.extra["merged_into"] == "A2" and merged.extra["review"] == "已并入 A2"

    undo_merge(store, moved)
    assert ops.export_bundle(store) == before


def test_merging_needs_both_persons(store: GraphStore) -> None:
    _graph(store)
    with pytest.raises(NotFound, match="nobody"):
        merge_person(store, "P", "nobody", note="")
