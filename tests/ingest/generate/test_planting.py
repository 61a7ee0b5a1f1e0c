"""Planted conflicts have the structure their rule needs; with nothing planted, the rules that
are guaranteed quiet by construction have nothing to find."""

from __future__ import annotations

from collections import Counter

import pytest

from graph.regions import code_within
from ingest.generate import RULES, GenerateReport
from tests.ingest.generate.bundle import LEADING, Bundle, Row

Generated = tuple[GenerateReport, Bundle]
REGION_KINDS = {"party_committee", "government", "discipline", "organization", "court",
                "procuratorate", "public_security"}


def _leader_of(b: Bundle, post: Row) -> str | None:
    """The post's direct leader, with roster-format's defaults."""
    if post["reports_to"]:
        return post["reports_to"]
    unit = b.units[post["unit_id"]]
    principal = next((p["post_id"] for p in b.tables["posts"]
                      if p["unit_id"] == unit["unit_id"] and p["role"] == "principal"), None)
    if post["role"] != "principal":
        return principal
    overseer = next((p["post_id"] for p in b.tables["posts"]
                     if unit["unit_id"] in p["oversees"].split(";")), None)
    if overseer or not unit["parent_id"]:
        return overseer
    return next((p["post_id"] for p in b.tables["posts"]
                 if p["unit_id"] == unit["parent_id"] and p["role"] == "principal"), None)


def _holds(b: Bundle, person: str, post: str) -> bool:
    return any(h["post_id"] == post for h in b.current.get(person, []))


def _declared(b: Bundle, x: str, y: str) -> str:
    return b.kin[x].get(y) or b.kin[y].get(x) or ""


def test_planted_entries_have_their_structure(planted: Generated) -> None:
    report, b = planted
    rules = Counter(str(e["rule"]) for e in b.planted)
    assert set(rules) == set(RULES), rules
    assert [e.to_json() for e in report.planted] == b.planted
    acts = {(r["actor_id"], r["candidate_id"], r["role"], r["post_id"])
            for r in b.tables["roles"]}
    for entry in b.planted:
        rule = str(entry["rule"])
        persons, posts = entry["persons"], entry["posts"]
        assert isinstance(persons, list) and isinstance(posts, list)
        assert persons == sorted(persons) and entry["note"]
        if rule.startswith("REGION"):
            (person,), (post,) = persons, posts
            unit = b.units[b.posts[post]["unit_id"]]
            assert _holds(b, person, post) and b.posts[post]["role"] == "principal"
            area = unit["region_code"]
            assert code_within(b.persons[person]["grew_up_in"], area)
            level = {"REGION-TOWNSHIP": 9, "REGION-COUNTY": 6, "REGION-CITY": 6}[rule]
            assert len(area) == level
            if rule == "REGION-TOWNSHIP":
                assert unit["kind"] == "township"
            else:
                assert unit["kind"] in REGION_KINDS
                assert area.endswith("00") == (rule == "REGION-CITY")
            continue
        x, y = persons
        assert _declared(b, x, y), entry
        if rule.startswith("DUTY"):
            (post,) = posts
            role = {"DUTY-VOTE": "vote", "DUTY-INSPECT": "inspect",
                    "DUTY-RECOMMEND": "recommend"}[rule]
            assert (x, y, role, post) in acts or (y, x, role, post) in acts, entry
            continue
        first, second = (b.posts[p] for p in posts)
        holders = [next(p for p in persons if _holds(b, p, post["post_id"]))
                   for post in (first, second)]
        assert sorted(holders) == persons
        if rule == "KIN-SAME-LEADER":
            assert first["unit_id"] == second["unit_id"]
            assert _leader_of(b, first) == _leader_of(b, second) is not None
            assert first["role"] == second["role"] == "deputy"
        elif rule == "KIN-DIRECT-LEAD":
            assert _leader_of(b, second) == first["post_id"]
        elif rule == "KIN-SENSITIVE":
            assert first["unit_id"] == second["unit_id"] and first["role"] in LEADING
            assert second["function"] in ("finance", "personnel")
        elif rule == "KIN-BUSINESS":
            head = b.units[first["unit_id"]]
            assert second["unit_id"] in head["regulates"].split(";")
            assert first["role"] == second["role"] == "principal"
            assert b.kin[holders[0]][holders[1]] in ("妻子", "丈夫", "儿子", "女儿", "儿媳", "女婿")


@pytest.mark.parametrize("which", ["county", "planted"])
def test_no_accidental_conflicts(which: str, request: pytest.FixtureRequest) -> None:
    """Kin are never in the same unit (any time), not both leaders, never act on each other's
    appointments; principals of avoidance posts grew up outside their jurisdiction. (Where
    conflicts were planted: apart from the planted people.)"""
    report, b = request.getfixturevalue(which)
    assert (b.planted == [] and report.planted == []) == (which == "county")
    chosen = {p for e in b.planted for p in e["persons"]}
    pairs = {(x, y) for x, y in b.cadre_kin_pairs() if x not in chosen and y not in chosen}
    assert len(pairs) > 300
    for x, y in pairs:
        assert _declared(b, x, y)
        ux = {b.posts[h["post_id"]]["unit_id"] for h in b.careers(x)}
        uy = {b.posts[h["post_id"]]["unit_id"] for h in b.careers(y)}
        assert not ux & uy
        led = [any(b.posts[h["post_id"]]["role"] in LEADING for h in b.careers(p)) for p in (x, y)]
        assert not all(led)
    kin = {frozenset(p) for p in b.cadre_kin_pairs()}
    planted_acts = {frozenset(e["persons"]) for e in b.planted
                    if str(e["rule"]).startswith("DUTY")}
    for r in b.tables["roles"]:
        assert r["actor_id"] != r["candidate_id"]
        pair = frozenset((r["actor_id"], r["candidate_id"]))
        assert pair not in kin or pair in planted_acts
    for h in b.tables["holdings"]:
        post = b.posts[h["post_id"]]
        unit = b.units[post["unit_id"]]
        if h["person_id"] not in chosen and post["role"] == "principal" and (
                unit["kind"] == "township" or (
                unit["kind"] in REGION_KINDS and len(unit["region_code"]) == 6
                and not unit["region_code"].endswith("0000"))):
            assert not code_within(b.persons[h["person_id"]]["grew_up_in"], unit["region_code"])


def test_roles_of_appointments(county: Generated) -> None:
    _, b = county
    by_role = Counter(r["role"] for r in b.tables["roles"])
    assert set(by_role) == {"recommend", "inspect", "vote", "decide", "reference"}
    standing = {p["post_id"] for p in b.tables["posts"]
                if b.units[p["unit_id"]]["kind"] == "party_committee" and p["role"] in LEADING}
    for r in b.tables["roles"][:3000]:
        if r["role"] in ("vote", "decide"):
            held = [h for h in b.careers(r["actor_id"]) if h["post_id"] in standing]
            assert any(b.active(h, r["date"]) for h in held), r
        if r["role"] == "reference":
            unit = b.posts[r["post_id"]]["unit_id"]
            assert any(b.posts[h["post_id"]]["unit_id"] in (unit, b.units[unit]["parent_id"])
                       for h in b.careers(r["actor_id"]))


def test_planted_pairs_break_only_their_rule(planted: Generated) -> None:
    """On as_of, a planted pair shares a unit only for the same-organ rules and is in a direct
    leading relation only for KIN-DIRECT-LEAD."""
    _, b = planted
    for entry in b.planted:
        rule, persons = str(entry["rule"]), entry["persons"]
        assert isinstance(persons, list)
        if len(persons) != 2:
            continue
        x, y = ([b.posts[h["post_id"]] for h in b.current[p]] for p in persons)
        same_unit = bool({p["unit_id"] for p in x} & {p["unit_id"] for p in y})
        direct = any(_leader_of(b, q) == p["post_id"] or _leader_of(b, p) == q["post_id"]
                     for p in x for q in y)
        assert same_unit == (rule in ("KIN-SAME-LEADER", "KIN-SENSITIVE")), entry
        assert direct == (rule == "KIN-DIRECT-LEAD"), entry
