"""Relatives and forms resolved against the graph while loading: ID number, confident match
(merged, recorded with its explained score), uncertain match (review), decisions kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from graph import ops
from graph.model import Person
from graph.store.base import GraphStore
from graph.vocab import Gender
from ingest.lrmx import FamilyMember, LrmxRecord
from ingest.lrmx.load import load_lrmx
from ingest.resolve import Book, accept, reject
from ingest.resolve.book import Candidate
from tests.ingest.lrmx.forms import ZHANG_ID, form, li_hong, member, roster, save, with_item_id

WIFE = member("妻子", "李红", "197205", "中共党员", "临川市第一中学教师")
LI_ID = "632901197205010024"


def _zhang(*family: FamilyMember) -> LrmxRecord:
    return form("张建国", id_number=ZHANG_ID, current="青阳县委书记", family=family or (WIFE,))


def _load(store: GraphStore, tmp_path: Path, *records: LrmxRecord, folder: str = "in") -> Book:
    path = save(tmp_path / folder, *records)
    _, report = load_lrmx(store, path, data_dir=tmp_path / "data", actor="导入员")
    assert report.balanced and not report.rejects, report.rejects
    return Book.load(tmp_path / "data")


def _wife_of(store: GraphStore, person_id: str = ZHANG_ID) -> str:
    kin = [k for k in ops.export_bundle(store).kinship
           if k.person_id == person_id and k.relation == "妻子"]
    assert len(kin) == 1
    return kin[0].relative_id


def _only(book: Book) -> Candidate:
    assert len(book.candidates) == 1
    return next(iter(book.candidates.values()))


def test_relative_resolves_by_id_number(store: GraphStore, tmp_path: Path) -> None:
    roster(store, li_hong(id_number=LI_ID, birth_date=None))
    book = _load(store, tmp_path, with_item_id(_zhang(), 1, LI_ID))
    assert _wife_of(store) == "R-LH" and not book.candidates
    assert not [p for p in ops.export_bundle(store).persons if p.id.startswith("rel-")]


def test_confident_match_merges_with_the_score_explained(store: GraphStore,
                                                         tmp_path: Path) -> None:
    roster(store, li_hong(), work={"R-LH": "P-TEACH"})
    cand = _only(_load(store, tmp_path, _zhang()))
    assert _wife_of(store) == "R-LH"
    assert (cand.target, cand.status, cand.auto, cand.score) == ("R-LH", "accepted", True, 1.0)
    assert [(f.feature, f.weight, f.points) for f in cand.features] == [
        ("name", 0.4, 0.4), ("birth_month", 0.25, 0.25), ("gender", 0.1, 0.1),
        ("workplace", 0.25, 0.25)]
    assert cand.features[3].detail == "相似度 1.00：「临川市第一中学教师」~「临川市第一中学教师」"
    assert cand.history[0].actor == "导入员" and cand.history[0].action == "auto_accepted"
    provisional = ops.get_person(store, cand.source)
    assert provisional.extra["merged_into"] == "R-LH"  # kept, marked, never deleted
    before = ops.export_bundle(store)
    assert _only(_load(store, tmp_path, _zhang())).history == cand.history  # loaded again
    assert ops.export_bundle(store) == before

    reject(store, tmp_path / "data", cand.id, "审核员")  # undoes the automatic merge
    assert _wife_of(store) == cand.source
    assert "merged_into" not in ops.get_person(store, cand.source).extra


def test_a_relative_already_in_the_graph_is_merged_later(store: GraphStore,
                                                         tmp_path: Path) -> None:
    assert not _load(store, tmp_path, _zhang()).candidates  # nobody to match yet
    relative = _wife_of(store)
    roster(store, li_hong(), work={"R-LH": "P-TEACH"})
    cand = _only(_load(store, tmp_path, _zhang()))
    assert (cand.source, cand.target, cand.status) == (relative, "R-LH", "accepted")
    assert _wife_of(store) == "R-LH"
    reject(store, tmp_path / "data", cand.id, "审核员")
    assert _wife_of(store) == relative


def test_uncertain_match_goes_to_review_and_back(store: GraphStore, tmp_path: Path) -> None:
    roster(store, li_hong())  # same name, birth and sex, but nothing about the workplace
    data = tmp_path / "data"
    cand = _only(_load(store, tmp_path, _zhang()))
    assert (cand.status, cand.score, cand.kind) == ("pending", 0.75, "relative")
    relative = _wife_of(store)
    assert relative == cand.source and relative.startswith("rel-")
    marked = ops.get_person(store, relative).extra
    assert marked["provisional"] == "true" and cand.id in marked["review"]
    before = ops.export_bundle(store)

    accept(store, data, cand.id[:8], "审核员")
    assert _wife_of(store) == "R-LH"
    assert ops.get_person(store, relative).extra["merged_into"] == "R-LH"

    undone = reject(store, data, cand.id, "复核员", "不是同一人")
    assert _wife_of(store) == relative
    after = ops.export_bundle(store)
    assert after.kinship == before.kinship
    person = ops.get_person(store, relative)
    assert "merged_into" not in person.extra and "provisional" not in person.extra
    assert [(h.actor, h.action) for h in undone.history] == [
        ("导入员", "proposed"), ("审核员", "accepted"), ("复核员", "rejected")]
    assert Book.load(data).get(cand.id).status == "rejected"


def test_negative_decision_blocks_a_later_merge(store: GraphStore, tmp_path: Path) -> None:
    roster(store, li_hong())
    cand = _only(_load(store, tmp_path, _zhang()))
    reject(store, tmp_path / "data", cand.id, "审核员")
    roster(store, li_hong(), work={"R-LH": "P-TEACH"})  # now it would be a confident match
    book = _load(store, tmp_path, _zhang())
    assert _wife_of(store) == cand.source
    assert _only(book).status == "rejected"


def test_a_father_on_three_forms_is_one_person(store: GraphStore, tmp_path: Path) -> None:
    father = member("父亲", "张德福", "194502", "中共党员", "青阳县农业局退休干部")
    children = [form(name, gender=g, birth=b, family=(father,), current="青阳县财政局科员")
                for name, g, b in (("张一", "男", "1970.01"), ("张二", "女", "1972.02"),
                                   ("张三", "男", "1975.03"))]
    book = _load(store, tmp_path, *children)
    fathers = {k.relative_id for k in ops.export_bundle(store).kinship}
    assert len(fathers) == 1
    assert sorted(c.status for c in book.candidates.values()) == ["accepted", "accepted"]
    before = ops.export_bundle(store)
    _load(store, tmp_path, *children)
    assert ops.export_bundle(store) == before


def test_a_cadre_wife_with_her_own_form(store: GraphStore, tmp_path: Path) -> None:
    _load(store, tmp_path, _zhang())
    relative = _wife_of(store)
    husband = member("丈夫", "张建国", "197003", "中共党员", "青阳县委书记")
    own = form("李红", id_number=LI_ID, gender="女", birth="1972.05",
               current="临川市第一中学教师", family=(husband,))
    book = _load(store, tmp_path, own, folder="in2")
    assert _wife_of(store) == LI_ID  # the relative from his form is her
    assert ops.get_person(store, relative).extra["merged_into"] == LI_ID
    her_husband = [k.relative_id for k in ops.export_bundle(store).kinship
                   if k.person_id == LI_ID]
    assert her_husband == [ZHANG_ID]  # and his own person is her husband
    assert all(c.status == "accepted" and c.auto for c in book.candidates.values())


def test_existing_person_keeps_its_values_and_records_mismatches(store: GraphStore,
                                                                 tmp_path: Path) -> None:
    roster(store, Person(id="A1", name="张建国", gender=Gender.M, id_number=ZHANG_ID,
                         birth_date=date(1970, 4, 1), work_start=date(1992, 7, 1),
                         education="大专", extra={"入党时间": "1990.01", "备注": "干部"}))
    record = form("张建国", id_number=ZHANG_ID, work_start_raw="1992.07",
                  party_entry_raw="1991.06", fulltime_education="大学",
                  parttime_education="中央党校研究生", ethnicity="汉族")
    _load(store, tmp_path, record)
    person = ops.get_person(store, "A1")
    assert not [p for p in ops.export_bundle(store).persons if p.id == ZHANG_ID]
    assert person.birth_date == date(1970, 4, 1) and person.ethnicity == "汉族"
    mismatch = {k: v for k, v in person.extra.items() if k.startswith("mismatch:")}
    assert mismatch == {
        "mismatch:birth_month": "1970-04 vs 1970-03 (张建国.lrmx)",
        "mismatch:party_entry": "1990-01 vs 1991-06 (张建国.lrmx)",
        "mismatch:education": "大专 vs 大学/中央党校研究生 (张建国.lrmx)"}
    assert person.extra["备注"] == "干部"


def test_a_form_without_id_number_is_only_proposed(store: GraphStore, tmp_path: Path) -> None:
    roster(store, li_hong(), work={"R-LH": "P-TEACH"})
    own = form("李红", gender="女", birth="1972.05", current="临川市第一中学教师",
               resume="2015.09--  临川市第一中学教师", reviews="2023年度优秀")
    cand = _only(_load(store, tmp_path, own))
    assert (cand.kind, cand.status, cand.target) == ("subject", "pending", "R-LH")
    before = ops.export_bundle(store)
    accept(store, tmp_path / "data", cand.id, "审核员")
    merged = ops.export_bundle(store)
    assert {(a.person_id, a.year) for a in merged.assessments} == {("R-LH", 2023)}
    assert {h.person_id for h in merged.holdings} == {"R-LH"}
    reject(store, tmp_path / "data", cand.id, "审核员")
    restored = ops.export_bundle(store)
    assert restored.holdings == before.holdings and restored.assessments == before.assessments
