"""Near misses of every avoidance rule (rules.md §2), on both stores.

Each test loads a scenario that just misses a rule and checks the finding is absent, then the
same scenario with one change (a 称谓, a reporting line, a 成长地, a date ...) and checks the
finding is there: a negative that cannot pass for an unrelated reason.
"""

from __future__ import annotations

from datetime import date

import pytest

from graph.model import Act, Holding, Kinship, Post, Region
from graph.store.base import GraphStore
from graph.vocab import ActRole, PostFunction, PostRole
from tests.queries.avoidance.scenario import (
    CITY_POSTS,
    CITY_UNITS,
    CLERK,
    DEP2,
    GOV_ACC,
    NEIGHBOURS,
    F,
    county,
    holding,
    keys,
    person,
    rules_of,
)

KIN_RULES = {"KIN-SAME-LEADER", "KIN-DIRECT-LEAD", "KIN-SENSITIVE", "KIN-BUSINESS"}
FAR_AND_NEAR = [("再从兄弟", "堂兄"), ("堂侄", "侄子"), ("孙媳", "儿媳")]
"""(outside §1, one generation closer and inside)."""


@pytest.mark.parametrize(("far", "near"), FAR_AND_NEAR, ids=["cousin2", "tangzhi", "sunxi"])
def test_same_leader_declared_outside_the_categories(store: GraphStore, far: str,
                                                     near: str) -> None:
    """Two deputies of 财政局 (both led by the 局长) declared as second cousins (4th degree),
    堂侄 (4th degree) or 孙媳 (not enumerated): not kin. One generation closer: kin."""
    def found(relation: str) -> set[str]:
        bundle = county(posts=[DEP2], persons=[person("B1"), person("B2")],
                        holdings=[holding("B1", "P-FIN-DEP"), holding("B2", "P-FIN-DEP2")],
                        kinship=[Kinship(person_id="B1", relative_id="B2", relation=relation)])
        return rules_of(keys(store, bundle), "B1", "B2")

    assert found(far) == set()
    assert found(near) == {"KIN-SAME-LEADER"}


def test_same_leader_derived_second_cousins(store: GraphStore) -> None:
    """B1's father X1 and B2's father X2 are first cousins (declared 堂兄): B1 and B2 are
    second cousins, `f,f,xb,s,s`, outside 三代以内. Had X1 declared X2 as his brother, B1 and
    B2 would be first cousins (collateral3): nobody declared B1 and B2 directly either way."""
    def found(fathers: str) -> set[str]:
        bundle = county(
            posts=[DEP2],
            persons=[person("B1"), person("B2"), person("X1"), person("X2")],
            holdings=[holding("B1", "P-FIN-DEP"), holding("B2", "P-FIN-DEP2")],
            kinship=[Kinship(person_id="B1", relative_id="X1", relation="父亲"),
                     Kinship(person_id="X1", relative_id="X2", relation=fathers),
                     Kinship(person_id="B2", relative_id="X2", relation="父亲")])
        return rules_of(keys(store, bundle), "B1", "B2")

    assert found("堂兄") == set()
    assert found("哥哥") == {"KIN-SAME-LEADER"}


def test_same_leader_kin_in_another_organ(store: GraphStore) -> None:
    """Two aides both reporting to the 副县长 (A2), one in 财政局 and one in the government
    office: same direct leader, different organs. Both in 财政局: KIN-SAME-LEADER."""
    aide = Post(id="P-AIDE", unit_id="U-FIN", title="联络员", rank="科员",
                reports_to="P-VMAYOR")

    def found(unit: str) -> set[str]:
        other = aide.model_copy(update={"id": "P-AIDE2", "unit_id": unit})
        bundle = county(posts=[aide, other], persons=[person("B1"), person("B2", F)],
                        holdings=[holding("B1", "P-AIDE"), holding("B2", "P-AIDE2")],
                        kinship=[Kinship(person_id="B1", relative_id="B2", relation="妻子")])
        return rules_of(keys(store, bundle), "B1", "B2")

    assert found("U-GOV") == set()
    assert found("U-FIN") == {"KIN-SAME-LEADER"}


def test_deputy_and_a_clerk_led_by_another_deputy(store: GraphStore) -> None:
    """B1 is a deputy of 财政局 (led by the 局长); her brother B2 is a clerk led by the other
    deputy post (A4's). Different leaders, and B1 leads no post of B2: neither rule. The
    clerk reporting to B1's post instead makes it KIN-DIRECT-LEAD; reporting to nobody
    explicitly (so to the 局长, like B1) makes it KIN-SAME-LEADER."""
    def found(clerk: Post) -> set[str]:
        bundle = county(posts=[DEP2, clerk], persons=[person("B1", F), person("B2")],
                        holdings=[holding("B1", "P-FIN-DEP2"), holding("B2", "P-FIN-CLK")],
                        kinship=[Kinship(person_id="B1", relative_id="B2", relation="弟弟")])
        return rules_of(keys(store, bundle), "B1", "B2")

    assert found(CLERK) == set()
    assert found(CLERK.model_copy(update={"reports_to": "P-FIN-DEP2"})) == {"KIN-DIRECT-LEAD"}
    assert found(CLERK.model_copy(update={"reports_to": None})) == {"KIN-SAME-LEADER"}


def test_direct_lead_needs_the_superior_post(store: GraphStore) -> None:
    """The 镇长 (a township principal) and the 财政局 deputy: brothers, but neither post leads
    the other. The 局长 does lead the deputy."""
    def found(upper: str) -> set[str]:
        bundle = county(persons=[person("B1"), person("B2")],
                        holdings=[holding("B1", upper, date(2024, 6, 1)),
                                  holding("B2", "P-FIN-DEP")],
                        kinship=[Kinship(person_id="B2", relative_id="B1", relation="哥哥")])
        return rules_of(keys(store, bundle), "B1", "B2")

    assert found("P-TWN-HEAD") == set()
    assert found("P-FIN-HEAD") == {"KIN-DIRECT-LEAD"}


def test_sensitive_kin_in_another_organ(store: GraphStore) -> None:
    """A4 is a deputy (leading post) of 财政局; her sister B1 keeps the accounts of the county
    government, another organ: no KIN-SENSITIVE. The same work in 财政局 is."""
    def found(post: Post) -> set[str]:
        bundle = county(posts=[post], persons=[person("B1", F)],
                        holdings=[holding("B1", post.id)],
                        kinship=[Kinship(person_id="A4", relative_id="B1", relation="妹妹")])
        return rules_of(keys(store, bundle), "A4", "B1")

    assert found(GOV_ACC) == set()
    moved = GOV_ACC.model_copy(update={"unit_id": "U-FIN"})
    assert "KIN-SENSITIVE" in found(moved)


def test_sensitive_needs_a_sensitive_function(store: GraphStore) -> None:
    """A4's sister as a general clerk of 财政局 led by the other deputy post: nothing; the same
    post doing 审计 (audit): KIN-SENSITIVE."""
    clerk = CLERK.model_copy(update={"reports_to": "P-FIN-DEP2"})

    def found(post: Post) -> set[str]:
        bundle = county(posts=[DEP2, post], persons=[person("B1", F)],
                        holdings=[holding("B1", post.id)],
                        kinship=[Kinship(person_id="A4", relative_id="B1", relation="妹妹")])
        return rules_of(keys(store, bundle), "A4", "B1")

    assert found(clerk) == set()
    audit_clerk = clerk.model_copy(update={"function": PostFunction.audit})
    assert found(audit_clerk) == {"KIN-SENSITIVE"}


ENT_HEAD = Post(id="P-ENT-HEAD", unit_id="U-ENT", title="董事长", rank="正科",
                role=PostRole.principal)
ENT_STAFF = Post(id="P-ENT-STAFF", unit_id="U-ENT", title="会计", rank="科员")


def _business(store: GraphStore, relation: str, post: Post) -> set[str]:
    """A3 heads 财政局 (which regulates 城投公司) and declares B1, who holds `post` there."""
    bundle = county(posts=[ENT_HEAD, ENT_STAFF], persons=[person("B1")],
                    holdings=[holding("A3", "P-FIN-HEAD", date(2024, 6, 1)),
                              holding("B1", post.id)],
                    kinship=[Kinship(person_id="A3", relative_id="B1", relation=relation)])
    return rules_of(keys(store, bundle), "A3", "B1")


def test_business_not_for_a_nephew(store: GraphStore) -> None:
    """侄子 is collateral3, but KIN-BUSINESS covers spouse, child and child's spouse only."""
    assert _business(store, "侄子", ENT_HEAD) == set()
    assert _business(store, "儿子", ENT_HEAD) == {"KIN-BUSINESS"}
    assert _business(store, "女婿", ENT_HEAD) == {"KIN-BUSINESS"}


def test_business_not_for_a_clerk_of_the_business(store: GraphStore) -> None:
    """The son keeps the books of the business but does not run it."""
    assert _business(store, "儿子", ENT_STAFF) == set()
    assert _business(store, "儿子", ENT_HEAD) == {"KIN-BUSINESS"}


def test_region_county_grown_up_in_a_neighbouring_county(store: GraphStore) -> None:
    """A1, 县委书记 of 330102, grew up in the neighbouring county 330103, in one of its
    townships or in the city above: no finding. Grown up in a township of 330102:
    REGION-COUNTY. With no 成长地 the birthplace counts; a 成长地 outside wins over a
    birthplace inside."""
    def found(**home: str | None) -> set[str]:
        a1 = person("A1", **home)
        return rules_of(keys(store, county(regions=NEIGHBOURS, persons=[a1])), "A1")

    assert found(grew_up_in="330103") == set()
    assert found(grew_up_in="330103101") == set()
    assert found(grew_up_in="330100") == set()  # the city above: not inside the county
    assert found(grew_up_in="330102101") == {"REGION-COUNTY"}
    assert found(birthplace="330102101") == {"REGION-COUNTY"}
    assert found(grew_up_in="330103", birthplace="330102101") == set()


@pytest.mark.parametrize(("code", "parent", "expected"), [
    ("330103201", "330102", {"REGION-COUNTY"}),  # moved into A1's county, old code kept
    ("330102201", "330103", set()),  # moved out of it
], ids=["moved-in", "moved-out"])
def test_region_follows_the_declared_parent(store: GraphStore, code: str, parent: str,
                                            expected: set[str]) -> None:
    """A1, 县委书记 of 330102, grew up in a township that regions.csv places in `parent`
    although its code begins with the other county's."""
    regions = [*NEIGHBOURS, Region(code=code, name="划转镇", parent_code=parent)]
    bundle = county(regions=regions, persons=[person("A1", grew_up_in=code)])
    assert rules_of(keys(store, bundle), "A1") == expected


def test_region_city(store: GraphStore) -> None:
    """B1, 市委书记 of 330100: grown up in the neighbouring city 330200, no finding; grown up
    in county 330102 of the city, REGION-CITY (a "should" rule). The 市教育局 局长 who grew up
    there is not a key organ's principal."""
    def found(post: str, home: str) -> set[str]:
        bundle = county(regions=NEIGHBOURS, units=CITY_UNITS, posts=CITY_POSTS,
                        persons=[person("B1", grew_up_in=home)], holdings=[holding("B1", post)])
        return rules_of(keys(store, bundle), "B1")

    assert found("P-CSEC", "330200") == set()
    assert found("P-CSEC", "330102") == {"REGION-CITY"}
    assert found("P-CEDU", "330102") == set()


def test_region_township_grown_up_in_the_county_seat(store: GraphStore) -> None:
    """A3, 镇长 of 330102101, grew up in the county 330102 itself or in the next township:
    not inside the township. Grown up in the township: REGION-TOWNSHIP."""
    def found(home: str) -> set[str]:
        a3 = person("A3", grew_up_in=home)
        return rules_of(keys(store, county(regions=NEIGHBOURS, persons=[a3])), "A3")

    assert found("330102") == set()
    assert found("330102102") == set()
    assert found("330102101") == {"REGION-TOWNSHIP"}


def test_vote_before_the_marriage(store: GraphStore) -> None:
    """A5 voted on B1's appointment in March 2024 and married her in June: no DUTY-VOTE (as of
    2025). Married in January: DUTY-VOTE."""
    def found(married: date) -> set[str]:
        bundle = county(persons=[person("B1", F)],
                        kinship=[Kinship(person_id="A5", relative_id="B1", relation="妻子",
                                         since=married)],
                        roles=[Act(actor_id="A5", candidate_id="B1", role=ActRole.vote,
                                   post_id="P-FIN-DEP", on=date(2024, 3, 1))])
        return rules_of(keys(store, bundle), "A5", "B1")

    assert found(date(2024, 6, 1)) == set()
    assert found(date(2024, 1, 1)) == {"DUTY-VOTE"}


@pytest.mark.parametrize(("role", "rule"), [(ActRole.inspect, "DUTY-INSPECT"),
                                            (ActRole.recommend, "DUTY-RECOMMEND"),
                                            (ActRole.vote, "DUTY-VOTE")])
@pytest.mark.parametrize(("far", "near"), [("再从兄弟", "堂兄"), ("配偶的祖父", "岳父")],
                         ids=["cousin2", "spouse-grandfather"])
def test_duty_outside_the_categories(store: GraphStore, role: ActRole, rule: str, far: str,
                                     near: str) -> None:
    """Acting on a second cousin or on the spouse's grandfather (none both ways): nothing; on
    a first cousin or the father-in-law: the duty rule of the act."""
    def found(relation: str) -> set[str]:
        bundle = county(persons=[person("B1")],
                        kinship=[Kinship(person_id="A1", relative_id="B1", relation=relation)],
                        roles=[Act(actor_id="A1", candidate_id="B1", role=role,
                                   post_id="P-FIN-DEP", on=date(2024, 3, 1))])
        return rules_of(keys(store, bundle), "A1", "B1")

    assert found(far) == set()
    assert found(near) == {rule}


def test_acts_on_oneself_only_the_vote(store: GraphStore) -> None:
    """Recommending, inspecting or deciding on oneself is not a DUTY finding (those rules are
    about kin); voting on oneself is DUTY-VOTE."""
    def found(role: ActRole) -> set[str]:
        act = Act(actor_id="A4", candidate_id="A4", role=role, on=date(2024, 3, 1))
        return rules_of(keys(store, county(roles=[act])), "A4")

    for role in (ActRole.recommend, ActRole.inspect, ActRole.decide):
        assert found(role) == set(), role
    assert found(ActRole.vote) == {"DUTY-VOTE"}


def test_holding_not_yet_started_is_no_conflict(store: GraphStore) -> None:
    """A4's brother appointed deputy of 财政局 from next month: nothing yet; from last
    month: KIN-SAME-LEADER."""
    def found(start: date) -> set[str]:
        bundle = county(posts=[DEP2], persons=[person("B1")],
                        holdings=[Holding(person_id="B1", post_id="P-FIN-DEP2", start=start)],
                        kinship=[Kinship(person_id="A4", relative_id="B1", relation="弟弟")])
        return rules_of(keys(store, bundle), "A4", "B1") & KIN_RULES

    assert found(date(2025, 2, 1)) == set()
    assert found(date(2024, 12, 1)) == {"KIN-SAME-LEADER"}
