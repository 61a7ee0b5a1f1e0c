"""Checks as of a date (rules.md §2: new relations must be caught when they arise): pairs that
were fine last year and conflict now, and the reverse, on both stores. Holdings and kinship
hold from their start (inclusive) to their end (exclusive)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from graph import ops
from graph.model import Act, Holding, Kinship, Record
from graph.store.base import GraphStore
from graph.vocab import ActRole
from queries.avoidance.check import Proposal, what_if
from queries.findings import Finding
from queries.rules import national
from tests.queries.avoidance.scenario import (
    DAY,
    DEP2,
    LAST_YEAR,
    F,
    audits,
    county,
    holding,
    person,
)

CHANGE = date(2024, 6, 1)
"""Something happens on this day, between last year's audit and this year's."""
BEFORE, ON = date(2024, 5, 31), CHANGE


def _pair(found: list[Finding], rule: str, *persons: str) -> bool:
    return (rule, tuple(sorted(persons))) in {f.key() for f in found}


def _timeline(store: GraphStore, rule: str, *persons: str,
              **changes: Sequence[Record]) -> list[bool]:
    """Whether the finding is there last year, the day before the change, on the change day
    and this year."""
    found = audits(store, county(**changes), LAST_YEAR, BEFORE, ON, DAY)
    return [_pair(f, rule, *persons) for f in found]


def test_new_appointment_creates_a_conflict(store: GraphStore) -> None:
    """A4's brother becomes the other deputy of 财政局 on CHANGE: both led by the 局长."""
    line = _timeline(store, "KIN-SAME-LEADER", "A4", "B1", posts=[DEP2],
                     persons=[person("B1")], holdings=[holding("B1", "P-FIN-DEP2", CHANGE)],
                     kinship=[Kinship(person_id="A4", relative_id="B1", relation="弟弟")])
    assert line == [False, False, True, True]


def test_marriage_creates_a_conflict(store: GraphStore) -> None:
    """A4 and her fellow deputy B1 marry on CHANGE."""
    line = _timeline(store, "KIN-SAME-LEADER", "A4", "B1", posts=[DEP2],
                     persons=[person("B1")], holdings=[holding("B1", "P-FIN-DEP2")],
                     kinship=[Kinship(person_id="A4", relative_id="B1", relation="丈夫",
                                      since=CHANGE)])
    assert line == [False, False, True, True]


def test_moving_away_ends_a_conflict(store: GraphStore) -> None:
    """A4's brother was the other deputy of 财政局 until CHANGE."""
    line = _timeline(store, "KIN-SAME-LEADER", "A4", "B1", posts=[DEP2],
                     persons=[person("B1")],
                     holdings=[holding("B1", "P-FIN-DEP2", date(2020, 1, 1), CHANGE)],
                     kinship=[Kinship(person_id="A4", relative_id="B1", relation="弟弟")])
    assert line == [True, True, False, False]


def test_divorce_ends_a_conflict(store: GraphStore) -> None:
    """The 副县长 overseeing 财政局 (A2) was married to its 局长 until CHANGE: direct lead."""
    line = _timeline(store, "KIN-DIRECT-LEAD", "A2", "B1", persons=[person("B1")],
                     holdings=[holding("B1", "P-FIN-HEAD", date(2024, 1, 1))],
                     kinship=[Kinship(person_id="A2", relative_id="B1", relation="丈夫",
                                      since=date(2015, 1, 1), until=CHANGE)])
    assert line == [True, True, False, False]


def test_region_from_the_appointment_on(store: GraphStore) -> None:
    """A3 grew up in 青山镇 and became its 镇长 on 2024-01-01 (before: head of 财政局); A1, who
    grew up in the county, left the post of 县委书记 on CHANGE."""
    bundle = county(persons=[person("A3", grew_up_in="330102101")],
                    holdings=[holding("A1", "P-SEC", date(2021, 6, 1), CHANGE)])
    found = audits(store, bundle, date(2023, 12, 31), LAST_YEAR, BEFORE, DAY)
    assert [_pair(f, "REGION-TOWNSHIP", "A3") for f in found] == [False, True, True, True]
    assert [_pair(f, "REGION-COUNTY", "A1") for f in found] == [True, True, True, False]


def test_vote_counts_from_its_date(store: GraphStore) -> None:
    """A1 votes on his wife's appointment on CHANGE: not a finding before it happened."""
    act = Act(actor_id="A1", candidate_id="A2", role=ActRole.vote, post_id="P-VMAYOR", on=CHANGE)
    line = _timeline(store, "DUTY-VOTE", "A1", "A2", roles=[act])
    assert line == [False, False, True, True]


def test_vote_on_a_spouse_stays_after_the_divorce(store: GraphStore) -> None:
    """A5 voted on his wife B1's appointment in 2023 and they divorced on CHANGE. The vote
    broke DUTY-VOTE when it was cast (kin on the act's date: compare the vote before the
    marriage in test_near_miss.py); the act stays in force in later audits, and so does the
    finding."""
    line = _timeline(store, "DUTY-VOTE", "A5", "B1", persons=[person("B1", F)],
                     kinship=[Kinship(person_id="A5", relative_id="B1", relation="妻子",
                                      since=date(2010, 1, 1), until=CHANGE)],
                     roles=[Act(actor_id="A5", candidate_id="B1", role=ActRole.vote,
                                post_id="P-FIN-DEP", on=date(2023, 3, 1))])
    assert line == [True, True, True, True]


def test_what_if_reads_kinship_on_the_proposal_date(store: GraphStore) -> None:
    """A4 marries B1 on CHANGE; proposing B1 as the other deputy of 财政局 is a conflict on a
    date after the marriage, not before."""
    ops.write_bundle(store, county(
        posts=[DEP2], persons=[person("B1")],
        holdings=[Holding(person_id="B1", post_id="P-FIN-ACC", start=date(2020, 1, 1))],
        kinship=[Kinship(person_id="A4", relative_id="B1", relation="丈夫", since=CHANGE)]))
    for day, expected in ((BEFORE, False), (ON, True), (DAY, True)):
        rep = what_if(store, national(), [Proposal("B1", "P-FIN-DEP2", day)])
        assert _pair(rep.findings, "KIN-SAME-LEADER", "A4", "B1") is expected, day
