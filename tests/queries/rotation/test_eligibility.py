"""Eligibility (rules.md §4): cheap checks in memory, candidates with the avoidance what-if
on both stores."""

from __future__ import annotations

from datetime import date

from graph import ops
from graph.model import Assessment, Bundle, Holding, Kinship, Training
from graph.store.base import GraphStore
from graph.vocab import Grade
from queries.avoidance.check import Proposal, what_if
from queries.rotation.avoid import AvoidanceIndex
from queries.rotation.candidates import for_person, for_post
from queries.rotation.eligibility import Check, cheap_checks, education_level
from queries.rotation.facts import Facts
from queries.rotation.scope import AVOIDANCE_MOVES
from queries.rules import national
from tests.queries.rotation.scenario import AS_OF, RECENT, F, cadre, facts_of, scenario

d = date


def _checks(bundle: Bundle, person: str, post: str) -> dict[str, Check]:
    facts = facts_of(bundle)
    return {c.rule: c for c in cheap_checks(facts, person, post, open_after=True)}


def _failed(bundle: Bundle, person: str, post: str) -> set[str]:
    return {r for r, c in _checks(bundle, person, post).items() if c.ok is False}


def test_lateral_move_skips_promotion_rules() -> None:
    checks = _checks(scenario([cadre("A", "FIN-HEAD", RECENT)]), "A", "EDU-HEAD")
    assert checks["RANK-MATCH"].ok and checks["RANK-MATCH"].detail == "平级交流"
    assert not any(rule.startswith("PROMO-") for rule in checks)


def test_deputy_to_principal() -> None:
    ok = scenario([cadre("A", "FIN-DEP", RECENT, born=d(1985, 1, 1))],
                  trainings=[Training(person_id="A", start=d(2024, 1, 1), days=90)])
    assert _failed(ok, "A", "EDU-HEAD") == set()
    young = scenario([cadre("A", "FIN-DEP", d(2024, 1, 1), born=d(1985, 1, 1))])
    assert _failed(young, "A", "EDU-HEAD") == {"PROMO-DEPUTY-2Y", "PROMO-TRAINING"}
    checks = _checks(young, "A", "EDU-HEAD")
    assert not checks["PROMO-TRAINING"].blocking  # should: may be completed within a year
    assert checks["PROMO-DEPUTY-2Y"].blocking


def test_age_caps_by_sex_and_place() -> None:
    # county-organ principal: men <= 45, women <= 40; township principal: men <= 40.
    old = scenario([cadre("A", "FIN-DEP", RECENT, born=d(1978, 5, 1))])   # 47
    assert "PROMO-AGE" in _failed(old, "A", "EDU-HEAD")
    woman = scenario([cadre("A", "FIN-DEP", RECENT, born=d(1984, 5, 1), gender=F)])  # 41
    assert _checks(woman, "A", "EDU-HEAD")["PROMO-AGE"].ok is False
    man = scenario([cadre("A", "FIN-DEP", RECENT, born=d(1984, 5, 1))])
    assert _checks(man, "A", "EDU-HEAD")["PROMO-AGE"].ok is True
    assert _checks(man, "A", "T1-SEC")["PROMO-AGE"].ok is False  # township: 40


def test_education_probation_and_two_levels() -> None:
    under30 = scenario([cadre("A", "FIN-DEP", d(2022, 1, 1), born=d(1996, 1, 1),
                              education="大专")])
    assert "PROMO-EDU" in _failed(under30, "A", "EDU-HEAD")
    person, _ = cadre("A", None)
    trial = [Holding(person_id="A", post_id="FIN-DEP", start=d(2025, 1, 1),
                     probation_end=d(2026, 1, 1))]
    assert "PROMO-PROBATION" in _failed(scenario([(person, trial)]), "A", "EDU-HEAD")
    assert "PROMO-PROBATION" in _failed(scenario([cadre("A", "FIN-DEP")]), "A", "P-SEC")
    assert _checks(scenario([cadre("A", "FIN-HEAD")]), "A", "FIN-DEP")["RANK-MATCH"].ok is False


def test_assessment_blocks() -> None:
    basic = [Assessment(person_id="A", year=2024, grade=Grade.basically_competent)]
    bundle = scenario([cadre("A", "FIN-DEP", RECENT, born=d(1985, 1, 1))], assessments=basic)
    assert "ASSESS-BLOCK" in _failed(bundle, "A", "EDU-HEAD")     # no promotion this year
    assert "ASSESS-BLOCK" not in _failed(bundle, "A", "AUD-DEP")  # a lateral move is fine
    twice = [*basic, Assessment(person_id="A", year=2023, grade=Grade.basically_competent)]
    bundle = scenario([cadre("A", "FIN-DEP", RECENT)], assessments=twice)
    assert "ASSESS-BLOCK" in _failed(bundle, "A", "AUD-DEP")      # not re-appointed


def test_fifteen_years_at_a_level() -> None:
    bundle = scenario([cadre("A", "FIN-HEAD", d(2009, 1, 1))])
    assert _checks(bundle, "A", "EDU-HEAD")["LEVEL-15Y"].ok is False


def test_candidates_for_a_person_and_a_post(store: GraphStore) -> None:
    bundle = scenario([
        cadre("K1", "T1-SEC"), cadre("K2", "FIN-DEP", RECENT, gender=F, born=d(1986, 1, 1)),
        cadre("D1", "AUD-DEP", RECENT, born=d(1984, 1, 1))],
        kinship=[Kinship(person_id="K1", relative_id="K2", relation="妻子")])
    ops.write_bundle(store, bundle)
    mine = for_person(store, national(), "K1", AS_OF)
    by_post = {c.post_id: c for c in mine.candidates}
    assert not by_post["FIN-HEAD"].eligible
    assert [c.rule for c in by_post["FIN-HEAD"].failed] == ["KIN-DIRECT-LEAD"]
    assert by_post["EDU-HEAD"].eligible and "AVOIDANCE" in by_post["EDU-HEAD"].passed
    assert mine.candidates[0].eligible and mine.screened == 7  # the other 正科 posts
    # For 财政局局长: K1 fails avoidance, D1 and K2 may be promoted (lacking training: should).
    post = for_post(store, national(), "FIN-HEAD", AS_OF)
    assert post.required == 2 and post.enough
    assert {c.person_id for c in post.candidates if c.eligible} == {"D1", "K2"}
    assert "PROMO-TRAINING" in [c.rule for c in post.candidates[0].failed]
    opened = for_post(store, national(), "FIN-HEAD", AS_OF, open_selection=True)
    assert opened.required == 3 and not opened.enough and "少于" in opened.note


def test_batched_avoidance_agrees_with_the_what_if(store: GraphStore) -> None:
    """The in-memory overlay gives the findings the audit's what-if gives, pair by pair."""
    bundle = scenario([
        cadre("K1", "T1-SEC", home="330102102"), cadre("K2", "FIN-DEP", RECENT, gender=F),
        cadre("B1", "AUD-DEP", RECENT), cadre("B2", "EDU-HEAD", RECENT)],
        kinship=[Kinship(person_id="K1", relative_id="K2", relation="妻子"),
                 Kinship(person_id="K2", relative_id="B1", relation="哥哥"),
                 Kinship(person_id="K1", relative_id="B2", relation="表弟")])
    ops.write_bundle(store, bundle)
    facts = Facts.load(store, national(), AS_OF)
    index = AvoidanceIndex(store, facts, ["K1", "K2"])
    seen = set()
    for person, post in [("K1", p) for p in ("FIN-HEAD", "AUD-HEAD", "T2-SEC", "PUB-HEAD",
                                             "B-AUD-HEAD")] + [("K2", "EDU-DEP"),
                                                               ("K2", "AUD-DEP")]:
        batched = {f.key() for f in index.blockers({person: [post]})}
        audited = {f.key() for f in what_if(store, national(), [Proposal(person, post, AS_OF)],
                                            AS_OF).findings if f.rule in AVOIDANCE_MOVES}
        assert batched == audited, (person, post)
        seen |= {rule for rule, _ in batched}
    assert seen == {"KIN-DIRECT-LEAD", "KIN-SAME-LEADER", "REGION-COUNTY", "REGION-TOWNSHIP"}


def test_education_level_takes_the_longest_name() -> None:
    levels = national().rule("PROMO-EDU").param("levels")
    assert education_level("大学专科毕业", levels) == levels["大专"]
    assert education_level("在职大学专科", levels) == levels["大专"]
    assert education_level("大学本科", levels) == levels["本科"]
    assert education_level("硕士研究生", levels) == levels["研究生"]
    assert education_level("小学", levels) is None
