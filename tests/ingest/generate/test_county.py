"""The default bundle: one county with seed 000's figures, consistent throughout."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date

import pytest

from ingest.generate import GenerateReport
from ingest.generate.idcard import is_valid
from ingest.roster.schema import TABLES, header
from tests.ingest.generate.bundle import LEADING, Bundle

County = tuple[GenerateReport, Bundle]
ORGANS = {"party_committee", "government", "people_congress", "cppcc", "discipline",
          "organization", "court", "procuratorate", "public_security", "department", "township"}


def test_headers_are_the_schema(county: County) -> None:
    _, b = county
    for table in TABLES:
        assert b.headers[table.name] == header(table)


def test_seed_000_figures(county: County) -> None:
    report, b = county
    kinds = {p: b.units[b.posts[hs[0]["post_id"]]["unit_id"]]["kind"]
             for p, hs in b.current.items()}
    sectors = Counter("organ" if k in ORGANS else k for k in kinds.values())
    assert report.cadres == len(b.current) == 8775
    assert sectors == {"organ": 1841, "institution": 6174, "enterprise": 760}
    assert sum(b.persons[p]["gender"] == "F" for p in b.current) == 3559
    levels = Counter(u["level"] for u in b.tables["units"])
    assert (levels["正科"], levels["副科"]) == (54, 5)
    section = {h["person_id"] for hs in b.current.values() for h in hs
               if b.posts[h["post_id"]]["role"] in LEADING
               and b.posts[h["post_id"]]["rank"] in ("正科", "副科")}
    assert len(section) == 508
    assert sum(b.persons[p]["gender"] == "F" for p in section) == 62
    assert sum(b.persons[p]["party"] != "中共党员" for p in section) == 8
    assert sum(b.persons[p]["party"] != "中共党员" for p in b.current) == 3707
    # every cadre's holdings are in one kind of unit (concurrent posts are both in organs)
    for hs in b.current.values():
        assert len({b.units[b.posts[h["post_id"]]["unit_id"]]["kind"] in ORGANS
                    for h in hs}) == 1


def test_county_shape(county: County) -> None:
    _, b = county
    units = b.tables["units"]
    towns = [u for u in units if u["kind"] == "township"]
    assert len(towns) == 24 and all(len(u["region_code"]) == 9 for u in towns)
    assert {u["region_code"][:6] for u in towns} == {units[0]["region_code"]}
    kinds = Counter(u["kind"] for u in units)
    for kind in ("party_committee", "government", "discipline", "organization", "court",
                 "procuratorate", "public_security"):
        assert kinds[kind] == 1, kind
    assert kinds["department"] >= 20 and kinds["enterprise"] == 8
    titles = Counter(p["title"] for p in b.tables["posts"])
    assert titles["县委书记"] == titles["县长"] == 1 and titles["副县长"] >= 4
    assert any(p["oversees"] for p in b.tables["posts"] if p["title"] == "副县长")
    assert any(u["regulates"] for u in units)
    functions = {p["function"] for p in b.tables["posts"]}
    assert {"finance", "personnel", "approval", "organization", "discipline"} <= functions


@pytest.mark.parametrize("which", ["county", "planted"])
def test_references_resolve(which: str, request: pytest.FixtureRequest) -> None:
    _, b = request.getfixturevalue(which)
    units, posts, persons = b.units, b.posts, b.persons
    regions = {r["region_code"] for r in b.tables["regions"]}
    for u in b.tables["units"]:
        assert not u["parent_id"] or u["parent_id"] in units
        assert u["region_code"] in regions
        assert all(e in units and units[e]["kind"] == "enterprise"
                   for e in filter(None, u["regulates"].split(";")))
    for p in b.tables["posts"]:
        assert p["unit_id"] in units and (not p["reports_to"] or p["reports_to"] in posts)
        assert all(u in units for u in filter(None, p["oversees"].split(";")))
        assert int(p["headcount"]) > (1 if p["role"] == "staff" and p["rank"] == "科员" else 0)
    for p in b.tables["persons"]:
        for col in ("native_place", "birthplace", "grew_up_in"):
            assert p[col] in regions or p[col][:6] in regions
    for h in b.tables["holdings"]:
        assert h["person_id"] in persons and h["post_id"] in posts
    for k in b.tables["kinship"]:
        assert k["person_id"] in b.current and k["relative_id"] in persons
    for r in b.tables["roles"]:
        assert r["actor_id"] in persons and r["candidate_id"] in persons
        assert r["post_id"] in posts
    for table in ("assessments", "trainings"):
        assert all(row["person_id"] in b.current for row in b.tables[table])


def test_people(county: County) -> None:
    _, b = county
    as_of = date(2026, 1, 1)
    for pid, p in b.persons.items():
        born = date.fromisoformat(p["birth_date"])
        number = p["id_number"]
        assert is_valid(number), number
        assert number[6:14] == born.strftime("%Y%m%d") and number[:6] == p["birthplace"][:6]
        assert int(number[16]) % 2 == (p["gender"] == "M")
        if pid in b.current:
            assert 22 <= (as_of - born).days / 365.2425 < 60
            assert p["work_start"] <= min(h["start"] for h in b.careers(pid))
    assert len({p["id_number"] for p in b.tables["persons"]}) == len(b.persons)
    relatives = set(b.persons) - b.holders_of_posts
    assert len(relatives) > 5 * len(b.current)


def test_careers_and_headcounts(county: County) -> None:
    _, b = county
    for pid, hs in b._careers.items():
        hs = sorted(hs, key=lambda h: (h["start"], h["post_id"]))
        for x, y in itertools.pairwise(hs):
            overlap = not x["end"] or x["end"] > y["start"]
            if overlap:  # only concurrent posts, held from the same day
                assert x["start"] == y["start"] and x["end"] == y["end"], (pid, x, y)
        if pid in b.current:  # no gaps from the first spell on
            ends = {h["end"] for h in hs}
            assert all(h["start"] in ends for h in hs if h["start"] != hs[0]["start"])
    by_post: dict[str, list[tuple[str, int]]] = {}
    for h in b.tables["holdings"]:
        events = by_post.setdefault(h["post_id"], [])
        events.append((h["start"], 1))
        if h["end"]:
            events.append((h["end"], -1))
    for post, events in by_post.items():
        level, most = 0, 0
        for _, step in sorted(events):
            level += step
            most = max(most, level)
        assert most <= int(b.posts[post]["headcount"]), post


def test_kinship_terms_fit_sexes(county: County) -> None:
    _, b = county
    male_ego = {"妻子", "岳父", "岳母"}
    female_ego = {"丈夫", "公公", "婆婆"}
    male_relative = {"丈夫", "父亲", "儿子", "哥哥", "弟弟", "岳父", "公公", "女婿", "姐夫",
                     "妹夫"}
    female_relative = {"妻子", "母亲", "女儿", "姐姐", "妹妹", "岳母", "婆婆", "儿媳", "嫂子",
                       "弟媳"}
    terms: Counter[str] = Counter()
    for k in b.tables["kinship"]:
        ego, rel, term = b.persons[k["person_id"]], b.persons[k["relative_id"]], k["relation"]
        terms[term] += 1
        assert term in male_relative | female_relative, term
        assert rel["gender"] == ("M" if term in male_relative else "F"), k
        if term in male_ego | female_ego:
            assert ego["gender"] == ("M" if term in male_ego else "F"), k
        if term in ("哥哥", "姐姐", "父亲", "母亲"):
            assert rel["birth_date"] <= ego["birth_date"], k
        if term in ("弟弟", "妹妹", "儿子", "女儿"):
            assert rel["birth_date"] >= ego["birth_date"], k
    assert min(terms.values()) > 0 and len(terms) == len(male_relative | female_relative)
    spouses = [k for k in b.tables["kinship"] if k["relation"] in ("妻子", "丈夫")]
    assert any(k["relative_id"] in b.current for k in spouses)


def test_annual_records(county: County) -> None:
    _, b = county
    grades = Counter(a["grade"] for a in b.tables["assessments"])
    assert 0.12 < grades["优秀"] / sum(grades.values()) < 0.18
    assert grades["称职"] > grades["优秀"] > grades["基本称职"] > 0
    assert all(int(t["days"]) > 0 and t["start"] <= t["end"] for t in b.tables["trainings"])
