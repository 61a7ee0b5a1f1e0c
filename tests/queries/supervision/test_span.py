"""Span down: everyone a leader supervises, with counts per level and per unit."""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import NotFound
from graph.store.base import GraphStore
from queries.supervision.span import span
from tests.queries.supervision.scenario import (
    DAY,
    county_deputy_secretary,
    held,
    load,
    person,
)


def test_span_counts_per_level_and_unit(store: GraphStore) -> None:
    load(store)
    rep = span(store, "A5", DAY)
    assert [(m.person_id, m.level, m.post_id) for m in rep.members] == [
        ("A2", 1, "P-VMAYOR"), ("A4", 3, "P-FIN-DEP"), ("A6", 4, "P-FIN-ACC")]
    assert [(x.level, x.posts, x.persons, x.vacant) for x in rep.levels] == [
        (1, 1, 1, 0), (2, 1, 0, 1), (3, 1, 1, 0), (4, 1, 1, 0)]
    assert [(u.unit_id, u.persons) for u in rep.units] == [("U-FIN", 2), ("U-GOV", 1)]
    assert rep.vacant_posts == ["P-FIN-HEAD"] and rep.total == 3
    assert span(store, "A6", DAY).members == []


def test_span_is_as_of_and_counts_a_person_once(store: GraphStore) -> None:
    load(store, persons=[person("B1", "赵六")],
         holdings=[held("B1", "P-FIN-DEP", date(2023, 1, 1)),
                   held("B1", "P-FIN-ACC", date(2023, 1, 1))])
    rep = span(store, "A2", DAY)
    assert sorted((m.person_id, m.level) for m in rep.members) == [
        ("A4", 2), ("A6", 3), ("B1", 2), ("B1", 3)]
    assert rep.total == 3
    assert [(x.level, x.persons) for x in rep.levels] == [(1, 0), (2, 2), (3, 2)]
    before = span(store, "A2", date(2023, 6, 1))  # 局长 A3 still in post, A6 not yet
    assert [(m.person_id, m.level) for m in before.members] == [
        ("A3", 1), ("A4", 2), ("B1", 2), ("B1", 3)]


def test_span_over_several_posts(store: GraphStore) -> None:
    load(store, **county_deputy_secretary())
    rep = span(store, "A1", DAY)
    # A5 is in A1's span in both his posts: 县委副书记 (same unit) and 县长 (县委 leads the
    # 县政府 of its region), and through the latter the whole government chain below
    assert [(m.person_id, m.post_id, m.level, m.via) for m in rep.members] == [
        ("A5", "P-MAYOR", 1, "P-SEC"), ("A5", "P-PC-DEP", 1, "P-SEC"),
        ("A2", "P-VMAYOR", 2, "P-SEC"), ("A4", "P-FIN-DEP", 4, "P-SEC"),
        ("A6", "P-FIN-ACC", 5, "P-SEC")]
    assert [(x.level, x.posts, x.persons, x.vacant) for x in rep.levels] == [
        (1, 2, 1, 0), (2, 1, 1, 0), (3, 1, 0, 1), (4, 1, 1, 0), (5, 1, 1, 0)]
    assert [(u.unit_id, u.persons) for u in rep.units] == [
        ("U-FIN", 2), ("U-GOV", 2), ("U-PC", 1)]
    assert rep.total == 4 and rep.vacant_posts == ["P-FIN-HEAD"]
    # the leader's own posts: A5 supervises through 县长 only (nobody is under 县委副书记)
    mayor = span(store, "A5", DAY)
    assert mayor.posts == ["P-MAYOR", "P-PC-DEP"] and {m.via for m in mayor.members} == {
        "P-MAYOR"}
    with pytest.raises(NotFound):
        span(store, "nobody", DAY)
