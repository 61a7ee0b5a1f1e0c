"""Reference persons and record mismatches (rules.md §6) on both stores."""

from __future__ import annotations

from datetime import date

from graph.model import Act, Kinship, Person, Post
from graph.store.base import GraphStore
from graph.vocab import ActRole, PostRole
from queries.findings import Finding
from queries.rules import national
from queries.supervision.facts import SourceFact, StaticFacts
from queries.supervision.records_check import record_findings
from tests.queries.supervision.scenario import DAY, held, load, person


def _ref(actor: str, cand: str, post: str, on: date) -> Act:
    return Act(actor_id=actor, candidate_id=cand, role=ActRole.reference, post_id=post, on=on)


def _by_rule(found: list[Finding], rule: str) -> dict[tuple[str, ...], Finding]:
    return {tuple(f.persons): f for f in found if f.rule == rule}


def test_reference_kin_and_absent(store: GraphStore) -> None:
    load(store, roles=[
        _ref("A2", "A6", "P-FIN-ACC", date(2023, 9, 1)),   # kin, but present (县政府)
        _ref("A1", "A3", "P-FIN-HEAD", date(2018, 1, 1)),  # 县委: never in 财政局/县政府
        _ref("A5", "A3", "P-FIN-HEAD", date(2018, 1, 1))])  # 县长 since 2019: present
    found = record_findings(store, national(), DAY)
    kin = _by_rule(found, "REFERENCE-KIN")
    assert list(kin) == [("A2", "A6")] and kin[("A2", "A6")].severity == "should"
    assert [e.label for e in kin[("A2", "A6")].evidence if e.type == "KIN"] == ["妻子", "儿子"]
    absent = _by_rule(found, "REFERENCE-ABSENT")
    assert list(absent) == [("A1", "A3")]
    ids = [e.id for e in absent[("A1", "A3")].evidence]
    assert "post/P-FIN-HEAD" in ids and "unit/U-FIN" in ids
    assert any(e.type == "VOUCHES_FOR" for e in absent[("A1", "A3")].evidence)


def test_absent_looks_at_all_holdings_in_the_spell(store: GraphStore) -> None:
    # A1 was 财政局副局长 2016-2019: a witness of A3's spell as 局长 from 2018, although
    # not in that post on the check date
    load(store, holdings=[held("A1", "P-FIN-DEP", date(2016, 1, 1), date(2019, 1, 1))],
         roles=[_ref("A1", "A3", "P-FIN-HEAD", date(2018, 1, 1))])
    assert _by_rule(record_findings(store, national(), DAY), "REFERENCE-ABSENT") == {}
    # ... but leaving before the spell began is absence
    load(store, holdings=[held("A1", "P-FIN-DEP", date(2016, 1, 1), date(2018, 1, 1))],
         roles=[_ref("A1", "A3", "P-FIN-HEAD", date(2018, 1, 1))])
    assert ("A1", "A3") in _by_rule(record_findings(store, national(), DAY),
                                    "REFERENCE-ABSENT")


def test_reference_kin_respects_the_kinship_dates(store: GraphStore) -> None:
    # B1 married A4 in 2024: at the 2022 spell and on the check date 2023-06-01 not kin
    load(store, persons=[person("B1", "赵六")],
         holdings=[held("B1", "P-FIN-HEAD", date(2020, 1, 1))],
         kinship=[Kinship(person_id="B1", relative_id="A4", relation="妻子",
                          since=date(2024, 5, 1))],
         roles=[_ref("B1", "A4", "P-FIN-DEP", date(2022, 8, 1))])
    assert _by_rule(record_findings(store, national(), date(2023, 6, 1)), "REFERENCE-KIN") == {}
    assert ("A4", "B1") in _by_rule(record_findings(store, national(), DAY), "REFERENCE-KIN")


def test_resume_overlap_and_gap(store: GraphStore) -> None:
    post = Post(id="P-X", unit_id="U-TWN", title="副镇长", rank="副科", role=PostRole.deputy)
    load(store, persons=[person("B2", "孙八")],
         posts=[post, post.model_copy(update={"id": "P-Y", "title": "党委委员"}),
                post.model_copy(update={"id": "P-Z", "title": "武装部长"}),
                post.model_copy(update={"id": "P-W", "title": "人大主席"})],
         holdings=[held("B2", "P-X", date(2010, 1, 1), date(2015, 1, 1)),
                   held("B2", "P-Y", date(2014, 1, 1), date(2016, 1, 1)),  # overlaps P-X
                   held("B2", "P-Z", date(2015, 6, 1), date(2017, 1, 1), 兼任="是"),
                   held("B2", "P-W", date(2015, 6, 1), date(2016, 6, 1)),  # given with P-Z
                   held("B2", "P-X", date(2017, 8, 1))])  # 7 months after: a gap
    (f,) = [f for f in record_findings(store, national(), DAY, focus={"B2"})]
    assert (f.rule, f.persons, f.relation) == ("RECORD-MISMATCH", ["B2"], "gap,overlap")
    assert "时间重叠" in f.detail and "简历断档超过6个月" in f.detail
    # the 兼任 spell and the one given the same day overlap nothing; P-W overlaps P-Y
    assert f.detail.count("时间重叠") == 2
    assert "人大主席（" in f.detail and "武装部长（" not in f.detail
    assert f.posts == ["P-W", "P-X", "P-Y", "P-Z"]  # P-Z: before the gap
    # a 6-month pause is within the national gap_months
    load(store, holdings=[held("B2", "P-X", date(2017, 8, 1), date(2017, 9, 1)),
                          held("B2", "P-X", date(2018, 3, 1))])
    (again,) = record_findings(store, national(), DAY, focus={"B2"})
    assert again.detail.count("简历断档") == 1


def test_small_county_records_are_clean(store: GraphStore) -> None:
    load(store)
    assert record_findings(store, national(), DAY) == []


def test_other_sources_are_compared_with_the_roster(store: GraphStore) -> None:
    load(store, persons=[Person(id="A1", name="王建国", birth_date=date(1970, 5, 1),
                                education="本科", extra={"入党时间": "1992.07"})])
    agree = StaticFacts("lrmx:a1.lrmx", [
        SourceFact("A1", "birth_month", "197005", "lrmx:a1.lrmx"),
        SourceFact("A1", "education", "大学", "lrmx:a1.lrmx"),
        SourceFact("A1", "party_entry", "1992年7月", "lrmx:a1.lrmx")])
    assert record_findings(store, national(), DAY, focus={"A1"}, sources=[agree]) == []
    differ = StaticFacts("lrmx:a1.lrmx", [
        SourceFact("A1", "birth_month", "1971.05", "lrmx:a1.lrmx"),
        SourceFact("A1", "party_entry", "1992.07", "lrmx:a1.lrmx"),
        SourceFact("A4", "work_start", "2005.07", "lrmx:a4.lrmx")])
    (f,) = record_findings(store, national(), DAY, focus={"A1"}, sources=[differ])
    assert (f.rule, f.relation) == ("RECORD-MISMATCH", "birth_month")
    assert "出生年月" in f.detail and "1971.05" in f.detail and "roster" in f.detail


def test_disagreements_marked_by_a_loader(store: GraphStore) -> None:
    marks = {"mismatch:birth_month": "1970-05 vs 1971-05 (forms/a1.lrmx)",
             "mismatch:education": "本科 vs 大学 (forms/a1.lrmx)", "备注": "x vs y (z)"}
    load(store, persons=[Person(id="A1", name="王建国", birth_date=date(1970, 5, 1),
                                education="本科", extra=marks)])
    (f,) = record_findings(store, national(), DAY)
    assert (f.rule, f.persons, f.relation) == ("RECORD-MISMATCH", ["A1"], "birth_month")
    assert "forms/a1.lrmx：1971-05" in f.detail and "roster：1970-05-01" in f.detail
    # once the roster is corrected, the mark no longer makes a finding
    load(store, persons=[Person(id="A1", name="王建国", birth_date=date(1971, 5, 1),
                                extra=marks)])
    assert record_findings(store, national(), DAY) == []
