"""The tenure engine: terms (TERM-START, mid-term replacement), years in post, at a level,
in a team and in a place."""

from __future__ import annotations

from datetime import date

from graph.model import Holding
from queries.rotation.tenure import Term, tenure, term_start
from tests.queries.rotation.scenario import AS_OF, cadre, facts_of, scenario

d = date


def test_term_start_cutoff() -> None:
    assert term_start(d(2015, 6, 30), "06-30") == d(2015, 1, 1)
    assert term_start(d(2015, 7, 1), "06-30") == d(2016, 1, 1)


def test_two_terms_from_the_appointment_year() -> None:
    facts = facts_of(scenario([cadre("A", "FIN-HEAD", d(2015, 3, 1))]))
    t = tenure(facts, "A", "FIN-HEAD")
    assert t.terms[:2] == (Term(d(2015, 1, 1), d(2020, 1, 1)), Term(d(2020, 1, 1), d(2025, 1, 1)))
    assert t.counted_term_end(2) == d(2025, 1, 1)
    late = tenure(facts_of(scenario([cadre("A", "FIN-HEAD", d(2015, 8, 1))])), "A", "FIN-HEAD")
    assert late.counted_term_end(2) == d(2026, 1, 1)


def test_mid_term_replacement_inherits_the_rest() -> None:
    # The predecessor's term runs 2014-01-01..2019-01-01; the successor inherits its rest.
    before = cadre("P", "FIN-HEAD", d(2014, 3, 1), end=d(2016, 5, 1))
    early = facts_of(scenario([before, cadre("S", "FIN-HEAD", d(2016, 5, 1))]))
    t = tenure(early, "S", "FIN-HEAD")
    assert t.terms[0] == Term(d(2014, 1, 1), d(2019, 1, 1), inherited=True, counts=True)
    assert t.counted_term_end(2) == d(2024, 1, 1)
    # An inherited rest shorter than TERM-MAX-2.partial_min_years (2.5) does not count.
    before = cadre("P", "FIN-HEAD", d(2014, 3, 1), end=d(2017, 9, 1))
    late = facts_of(scenario([before, cadre("S", "FIN-HEAD", d(2017, 9, 1))]))
    t = tenure(late, "S", "FIN-HEAD")
    assert t.terms[0].inherited and not t.terms[0].counts
    assert t.counted_term_end(2) == d(2029, 1, 1)
    # A deputy post with headcount 2: no clock is shared.
    shared = facts_of(scenario([cadre("P", "AUD-DEP", d(2014, 3, 1), end=d(2016, 5, 1)),
                                cadre("S", "AUD-DEP", d(2016, 5, 1))]))
    assert tenure(shared, "S", "AUD-DEP").terms[0] == Term(d(2016, 1, 1), d(2021, 1, 1))


def test_reappointment_records_join_and_years_in_post() -> None:
    person, _ = cadre("A", None)
    held = [Holding(person_id="A", post_id="EDU-HEAD", start=d(2010, 1, 1), end=d(2015, 1, 1)),
            Holding(person_id="A", post_id="EDU-HEAD", start=d(2015, 1, 20))]
    t = tenure(facts_of(scenario([(person, held)])), "A", "EDU-HEAD")
    assert t.since == d(2010, 1, 1) and round(t.years, 1) == 15.4


def test_level_team_and_place() -> None:
    person, _ = cadre("A", None)
    held = [Holding(person_id="A", post_id="T1-DEP", start=d(2004, 1, 1), end=d(2006, 1, 1)),
            Holding(person_id="A", post_id="T1-SEC", start=d(2006, 1, 1), end=d(2011, 1, 1)),
            Holding(person_id="A", post_id="B-AUD-HEAD", start=d(2012, 1, 1), end=d(2016, 1, 1)),
            Holding(person_id="A", post_id="EDU-HEAD", start=d(2016, 1, 1))]
    t = tenure(facts_of(scenario([(person, held)])), "A", "EDU-HEAD")
    # 正科 leading: 2006-2011, 2012-2016, 2016-now: 5 + 4 + 9.4 years.
    assert round(t.level_years, 1) == 18.4
    assert t.level_reached == d(2022, 1, 1)
    assert t.team_since == d(2016, 1, 1)      # the 教育局 team only
    assert t.place_since == d(2016, 1, 1)     # 临江县 before: another place
    still = [held[0], held[1].model_copy(update={"end": None})]
    first = tenure(facts_of(scenario([(person, still)]), d(2010, 6, 1)), "A", "T1-SEC")
    assert first.team_since == d(2004, 1, 1)  # deputy then principal of the same township
    assert first.level_reached == d(2021, 1, 1)  # projected: still in post
    ended = tenure(facts_of(scenario([(person, held[:2])]), d(2010, 6, 1)), "A", "T1-SEC")
    assert ended.level_reached is None  # the recorded end comes first


def test_as_of_ignores_later_holdings() -> None:
    facts = facts_of(scenario([cadre("A", "FIN-HEAD", d(2026, 1, 1))]))
    assert facts.snap.posts_of == {} and facts.as_of == AS_OF
